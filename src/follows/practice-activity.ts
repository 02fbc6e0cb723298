import type { Executor } from '../jobs/job.repo.ts';
import { organizationsNamedBy } from '../organizations/organization.repo.ts';
import { practiceRow } from '../practices/practice.repo.ts';
import type { PracticeRecord } from '../practices/practice.schema.ts';
import { recordActivity } from './activity.repo.ts';

/**
 * Records that a practice was published or changed, in the write's transaction, for the
 * followers of its themes, its city, the organisations it names and the saved searches it
 * matches (checked when the activity is told, against the committed catalogue).
 * @example await recordPracticeActivity(trx, record, 'practice_published', editor.userId);
 */
export async function recordPracticeActivity(
  db: Executor,
  record: PracticeRecord,
  kind: 'practice_published' | 'practice_updated',
  actorId: number | null,
): Promise<void> {
  const { columns: row } = practiceRow(record);
  const country = row.country.toLowerCase();
  const organizations = [...new Set((await organizationsNamedBy(db, record.id)).values())];
  await recordActivity(db, {
    kind,
    title: row.title,
    path: `/practices/${encodeURIComponent(record.id)}`,
    summary: row.summary,
    themes: row.themes,
    city: row.city_slug ? `${country}/${row.city_slug}` : undefined,
    country,
    organizations,
    practiceId: record.id,
    actorId,
  });
}
