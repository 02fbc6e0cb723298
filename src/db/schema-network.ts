/** Table types of the network (migrations 0023–0025): the job queue, follows and notifications, thematic groups. */
import type { ColumnType } from 'kysely';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** Work for the background worker (migration 0023): claimed with SKIP LOCKED, leased, retried. */
export interface JobsTable {
  id: ColumnType<string, never, never>;
  kind: string;
  payload: ColumnType<unknown, string, string>;
  key: string | null;
  state: ColumnType<JobState, JobState | undefined, JobState>;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  run_at: ColumnType<Date, Date | undefined, Date>;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  created_at: ColumnType<Date, never, never>;
  finished_at: Date | null;
}

export type FollowKind = 'theme' | 'city' | 'group' | 'organization' | 'search' | 'review';
/** How often a person hears of what they follow; 'off': on the site only, never by mail. */
export type FollowFrequency = 'immediate' | 'daily' | 'weekly' | 'off';

/** What a person follows, and how often they want to hear of it. */
export interface FollowsTable {
  user_id: number;
  kind: FollowKind;
  target: string;
  frequency: FollowFrequency;
  /** How the person saw it when they followed it (a city's or a group's name, a search's words). */
  label: string | null;
  created_at: ColumnType<Date, never, never>;
}

/** Something that happened that followers may want to hear of. */
export interface ActivitiesTable {
  id: ColumnType<string, never, never>;
  kind: string;
  title: string;
  path: string;
  summary: string | null;
  themes: ColumnType<string[], string[] | undefined, string[]>;
  city: string | null;
  country: string | null;
  group_slug: string | null;
  organizations: ColumnType<string[], string[] | undefined, string[]>;
  practice_id: string | null;
  actor_id: number | null;
  fanned_out_at: Date | null;
  created_at: ColumnType<Date, never, never>;
}

/** One activity for one person: read on the site, mailed at once or in a digest. */
export interface NotificationsTable {
  id: ColumnType<string, never, never>;
  user_id: number;
  activity_id: string;
  delivery: Exclude<FollowFrequency, 'off'> | 'none';
  reason: string;
  reason_label: string | null;
  mailed_at: Date | null;
  read_at: Date | null;
  created_at: ColumnType<Date, never, never>;
}

export type GroupMembership = 'open' | 'moderated';
export type GroupRole = 'member' | 'moderator';

/** A thematic group (migration 0025): open, or moderated (joining is a request a moderator approves). */
export interface GroupsTable {
  id: ColumnType<number, never, never>;
  slug: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  themes: ColumnType<string[], string[] | undefined, string[]>;
  membership: ColumnType<GroupMembership, GroupMembership | undefined, GroupMembership>;
  /** Name and description in other languages, by language code. */
  translations: ColumnType<Record<string, { name?: string; description?: string }>, string | undefined, string>;
  created_by: number | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date | undefined>;
}

/** A person in a group: a member or a moderator, pending until a moderated group's moderator approves. */
export interface GroupMembersTable {
  group_id: number;
  user_id: number;
  role: ColumnType<GroupRole, GroupRole | undefined, GroupRole>;
  state: 'pending' | 'active';
  frequency: ColumnType<'immediate' | 'daily' | 'weekly', 'immediate' | 'daily' | 'weekly' | undefined, 'immediate' | 'daily' | 'weekly'>;
  requested_at: ColumnType<Date, Date | undefined, Date>;
  joined_at: Date | null;
  decided_by: number | null;
}

/** A discussion thread of a group; its text is its opening post. */
export interface GroupThreadsTable {
  id: ColumnType<number, never, never>;
  group_id: number;
  title: string;
  author_id: number | null;
  pinned: ColumnType<boolean, boolean | undefined, boolean>;
  locked: ColumnType<boolean, boolean | undefined, boolean>;
  replies: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, never, never>;
  last_post_at: ColumnType<Date, Date | undefined, Date>;
}

/** A post of a thread (its opening post or a reply); a moderator may hide it with a reason. */
export interface GroupPostsTable {
  id: ColumnType<number, never, never>;
  thread_id: number;
  opening: ColumnType<boolean, boolean | undefined, never>;
  author_id: number | null;
  body: string;
  hidden_reason: string | null;
  hidden_by: number | null;
  hidden_at: Date | null;
  created_at: ColumnType<Date, never, never>;
}

/** A member's report of a post, open until a moderator resolves it. */
export interface GroupReportsTable {
  id: ColumnType<number, never, never>;
  post_id: number;
  reporter_id: number | null;
  reason: string;
  state: ColumnType<'open' | 'resolved', 'open' | 'resolved' | undefined, 'open' | 'resolved'>;
  resolved_by: number | null;
  resolved_at: Date | null;
  created_at: ColumnType<Date, never, never>;
}
