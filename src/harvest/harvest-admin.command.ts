import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { conflict, notFound } from '../http/errors.ts';
import { jobsQueued } from '../jobs/job-worker.ts';
import { getSource, insertSource, type SourceSettings, updateSource } from './harvest.repo.ts';
import { enqueueHarvestNow } from './harvest-jobs.ts';

/** The admin acting on a harvest source, and from where (for the audit log). */
export interface HarvestActor {
  userId: number;
  ip: string | null;
}

const settingsOf = (s: SourceSettings) => ({ format: s.format, set: s.set, schedule: s.schedule, enabled: s.enabled });

/**
 * An admin adds a harvest source; audited with it. A 409 when a source with the same URL,
 * format and set exists.
 * @example const id = await addHarvestSource(db, settings, { userId: 1, ip: '127.0.0.1' });
 */
export async function addHarvestSource(db: Database, settings: SourceSettings, actor: HarvestActor): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const id = await insertSource(trx, settings);
    if (!id) throw conflict('a source with this URL, format and set exists already');
    await recordAudit(trx, {
      action: 'harvest_source_add',
      actorUserId: actor.userId,
      target: settings.url,
      ip: actor.ip,
      details: { id, ...settingsOf(settings) },
    });
    return id;
  });
}

/**
 * An admin changes a source's settings (disabling it among them); audited with what it was.
 * A 404 for an unknown source, a 409 when another source has the new URL, format and set.
 * @example await editHarvestSource(db, '3', settings, { userId: 1, ip: null });
 */
export async function editHarvestSource(db: Database, id: string, settings: SourceSettings, actor: HarvestActor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await getSource(trx, id);
    if (!before) throw notFound('no such harvest source');
    if (!(await updateSource(trx, id, settings))) throw conflict('another source has this URL, format and set');
    await recordAudit(trx, {
      action: 'harvest_source_edit',
      actorUserId: actor.userId,
      target: settings.url,
      ip: actor.ip,
      details: { id, ...settingsOf(settings), before: { url: before.url, ...settingsOf(before) } },
    });
  });
}

/**
 * An admin queues a run of a source now, outside its schedule; audited. A 404 for an unknown source.
 * @example await runHarvestSourceNow(db, '3', { userId: 1, ip: null });
 */
export async function runHarvestSourceNow(db: Database, id: string, actor: HarvestActor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const source = await getSource(trx, id);
    if (!source) throw notFound('no such harvest source');
    await enqueueHarvestNow(trx, id);
    await recordAudit(trx, { action: 'harvest_run_now', actorUserId: actor.userId, target: source.url, ip: actor.ip, details: { id } });
  });
  // Woken after the commit, so the worker finds the job.
  jobsQueued();
}
