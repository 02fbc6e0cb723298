import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import type { Database } from '../db/database.ts';
import type { OverviewData } from './call-review.data.ts';

/**
 * The applications of a call and their scores as CSV, one row per application (rank, name,
 * place, decision, weighted mean, spread, flagged criteria, each criterion's mean, the number of
 * submitted reviews); cells that a spreadsheet would run as a formula are escaped.
 * @example const csv = reviewCsv(await loadOverview(db, slug));
 */
export function reviewCsv({ call, applications }: OverviewData): string {
  const round = (v: number | null) => (v === null ? '' : v.toFixed(2));
  return stringify(
    applications.map((a) => [
      a.rank,
      a.id,
      a.name,
      a.city ?? '',
      a.country ?? '',
      a.decision ?? '',
      round(a.weightedMean),
      round(a.spread),
      a.flagged.join(' '),
      ...call.rubric.map((c) => round(a.criteria.find((x) => x.key === c.key)?.mean ?? null)),
      a.reviewers.filter((r) => r.state === 'submitted' && r.conflict !== true).length,
    ]),
    {
      header: true,
      columns: [
        'rank',
        'application_id',
        'name',
        'city',
        'country',
        'decision',
        'weighted_mean',
        'spread',
        'flagged',
        ...call.rubric.map((c) => `mean_${c.key}`),
        'reviews',
      ],
      escape_formulas: true,
      bom: true,
    },
  );
}

/**
 * A ZIP of a call's submitted applications: per application a folder with its answers
 * (`answers.json`) and its files, as uploaded. Built in memory (fflate: pure JS, no native
 * part, a small well-kept library): a call's PDFs are at most 10 MB each.
 * @example const zip = await reviewZip(db, callId);
 */
export async function reviewZip(db: Database, callId: number): Promise<Uint8Array> {
  const apps = await db
    .selectFrom('applications')
    .select(['id', 'name', 'city', 'country', 'applicant_kind', 'answers', 'submitted_at'])
    .where('call_id', '=', callId)
    .where('state', '=', 'submitted')
    .orderBy('id')
    .execute();
  const files = await db
    .selectFrom('application_files as f')
    .innerJoin('applications as a', 'a.id', 'f.application_id')
    .select(['f.application_id', 'f.id', 'f.question', 'f.file_name', 'f.content'])
    .where('a.call_id', '=', callId)
    .where('a.state', '=', 'submitted')
    .orderBy('f.id')
    .execute();
  const entries: Record<string, Uint8Array> = {};
  for (const a of apps) {
    const { id, ...rest } = a;
    entries[`application-${id}/answers.json`] = strToU8(JSON.stringify({ id: Number(id), ...rest }, null, 2));
  }
  for (const f of files) {
    const safe =
      f.file_name
        .replace(/[^\p{L}\p{N}._-]+/gu, '_')
        .replace(/^\.+/, '')
        .slice(0, 100) || 'file.pdf';
    entries[`application-${f.application_id}/${f.id}-${safe}`] = new Uint8Array(f.content);
  }
  return zipSync(entries, { level: 6 });
}
