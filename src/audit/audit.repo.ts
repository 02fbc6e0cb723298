import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/** What the app records: one word per kind of event, stable because filters and scripts name them. */
export const auditActions = [
  'login',
  'login_failed',
  'logout',
  'role_change',
  'account_disable',
  'account_enable',
  'submit',
  'request_changes',
  'publish',
  'reject',
  'assess',
  'edit',
  'restore',
  'import',
  'tags_merge',
  'figures',
  'representative_grant',
  'representative_revoke',
  'assessment_answers',
  'assessment_publish',
  'assessment_peers',
  'recommendation_choice',
  'organization_verify',
  'organization_join_request',
  'organization_member_approve',
  'organization_member_decline',
  'organization_member_role',
  'organization_member_remove',
  'organization_leave',
  'person_contact',
  'practice_contact',
  'group_create',
  'group_join',
  'group_leave',
  'group_approve',
  'group_decline',
  'group_member_remove',
  'group_member_role',
  'group_thread_pin',
  'group_thread_lock',
  'group_post_hide',
  'group_post_unhide',
  'group_post_report',
  'group_report_resolve',
  'event_create',
  'event_update',
  'event_register',
  'event_cancel',
  'call_create',
  'call_update',
  'call_publish',
  'application_start',
  'application_submit',
  'application_withdraw',
  'application_editor_add',
  'application_file_upload',
  'account_delete',
  'exchange_request',
  'exchange_accept',
  'exchange_decline',
  'exchange_withdraw',
  'exchange_practice',
  'review_pool_add',
  'review_assign',
  'review_assign_balanced',
  'review_conflict',
  'review_reassign',
  'review_submit',
  'application_decide',
  'decisions_release',
  'resource_edit',
  'harvest_source_add',
  'harvest_source_edit',
  'harvest_run_now',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** An entry to record. `target` names what was acted on (an email, a practice id…). */
export interface AuditEntry {
  action: AuditAction;
  actorUserId?: number | null;
  target?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** A recorded entry, with the actor's email when the actor still exists. */
export interface AuditRow {
  id: string;
  at: Date;
  action: string;
  actorUserId: number | null;
  actorEmail: string | null;
  target: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** Filters of the audit page; `from` and `to` are whole days (to is inclusive). */
export interface AuditFilters {
  action?: string;
  actor?: string;
  from?: Date;
  to?: Date;
  page: number;
}

export const auditPageSize = 50;

/**
 * Appends an entry (pass a transaction to record it together with the change it describes).
 * @example await recordAudit(db, { action: 'login', actorUserId: user.id, ip });
 */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      action: entry.action,
      actor_user_id: entry.actorUserId ?? null,
      target: entry.target ?? null,
      ip: entry.ip ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/**
 * One page of entries, newest first, and whether there is another page.
 * @example const { rows, more } = await listAudit(db, { action: 'login_failed', page: 1 });
 */
export async function listAudit(db: Database, f: AuditFilters): Promise<{ rows: AuditRow[]; more: boolean }> {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .select([
      sql<string>`audit_log.id::text`.as('id'),
      'audit_log.at',
      'audit_log.action',
      'audit_log.actor_user_id as actorUserId',
      'users.email as actorEmail',
      'audit_log.target',
      'audit_log.ip',
      sql<Record<string, unknown>>`audit_log.details`.as('details'),
    ]);
  if (f.action) q = q.where('audit_log.action', '=', f.action);
  if (f.actor) q = q.where(sql<string>`lower(users.email)`, '=', f.actor.trim().toLowerCase());
  if (f.from) q = q.where('audit_log.at', '>=', f.from);
  if (f.to) q = q.where('audit_log.at', '<', new Date(f.to.getTime() + 86_400_000));
  const rows = await q
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(auditPageSize + 1)
    .offset((f.page - 1) * auditPageSize)
    .execute();
  return { rows: rows.slice(0, auditPageSize) as AuditRow[], more: rows.length > auditPageSize };
}

/**
 * What the log holds of a person's own actions, for "download my data".
 * @example const entries = await auditOfActor(db, userId);
 */
export async function auditOfActor(db: Database, userId: number) {
  return db.selectFrom('audit_log').select(['at', 'action', 'target', 'ip']).where('actor_user_id', '=', userId).orderBy('id').execute();
}

/**
 * Replaces a deleted account's address where the log names it as a target by `user:{id}`: the
 * log keeps who did what to which account, not the person's address. Entries are otherwise
 * never changed.
 * @example await forgetAuditAddress(trx, userId, 'ana@example.org');
 */
export async function forgetAuditAddress(db: Database | Transaction<DB>, userId: number, email: string): Promise<void> {
  await db
    .updateTable('audit_log')
    .set({ target: `user:${userId}` })
    .where(sql<string>`lower(target)`, '=', email.toLowerCase())
    .execute();
}
