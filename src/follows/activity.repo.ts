import { type Executor, enqueueJob } from '../jobs/job.repo.ts';
import { jobsQueued } from '../jobs/job-worker.ts';

/** What can happen that people hear of. `submission_received` reaches the editors, the others followers. */
export const activityKinds = ['practice_published', 'practice_updated', 'event_published', 'group_post', 'call_published', 'submission_received'] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** Something that happened, as the area that did it describes it. */
export interface NewActivity {
  kind: ActivityKind;
  title: string;
  /** Site path of what it is about, e.g. /practices/abc or /groups/housing/threads/12. */
  path: string;
  summary?: string;
  themes?: string[];
  /** 'de/berlin' */
  city?: string;
  country?: string;
  group?: string;
  /** Slugs of the directory. */
  organizations?: string[];
  practiceId?: string;
  actorId?: number | null;
}

/** An activity as stored. */
export interface Activity {
  id: string;
  kind: ActivityKind;
  title: string;
  path: string;
  summary: string | null;
  themes: string[];
  city: string | null;
  country: string | null;
  group: string | null;
  organizations: string[];
  practiceId: string | null;
  actorId: number | null;
  createdAt: Date;
}

export const fanOutKind = 'activity-fan-out';

/**
 * Records what happened, in the caller's transaction, and queues telling its followers: the
 * fan-out job runs once the write is committed, so nobody hears of a write that was rolled back.
 * @example await recordActivity(trx, { kind: 'group_post', title, path: `/groups/${slug}/threads/${id}`, group: slug, actorId });
 */
export async function recordActivity(db: Executor, activity: NewActivity): Promise<string> {
  const row = await db
    .insertInto('activities')
    .values({
      kind: activity.kind,
      title: activity.title.slice(0, 500),
      path: activity.path,
      summary: activity.summary?.slice(0, 1000) ?? null,
      themes: activity.themes ?? [],
      city: activity.city ?? null,
      country: activity.country ?? null,
      group_slug: activity.group ?? null,
      organizations: activity.organizations ?? [],
      practice_id: activity.practiceId ?? null,
      actor_id: activity.actorId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = String(row.id);
  await enqueueJob(db, fanOutKind, { activityId: id }, { key: `activity:${id}` });
  jobsQueued();
  return id;
}

/**
 * One activity by id.
 * @example const a = await findActivity(db, '12');
 */
export async function findActivity(db: Executor, id: string): Promise<Activity | undefined> {
  const r = await db.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toActivity(r);
}

/** The stored row as the app reads it. */
export function toActivity(r: {
  id: string;
  kind: string;
  title: string;
  path: string;
  summary: string | null;
  themes: string[];
  city: string | null;
  country: string | null;
  group_slug: string | null;
  organizations: string[];
  practice_id: string | null;
  actor_id: number | null;
  created_at: Date;
}): Activity {
  return {
    id: String(r.id),
    kind: r.kind as ActivityKind,
    title: r.title,
    path: r.path,
    summary: r.summary,
    themes: r.themes,
    city: r.city,
    country: r.country,
    group: r.group_slug,
    organizations: r.organizations,
    practiceId: r.practice_id,
    actorId: r.actor_id,
    createdAt: r.created_at,
  };
}
