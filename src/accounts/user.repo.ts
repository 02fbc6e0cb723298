import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { AccountState, Role } from '../db/schema.ts';
import { foldName, slugify } from '../shared/text.ts';

/** The editable part of a profile. */
export interface ProfileFields {
  name: string;
  organization: string | null;
  city: string | null;
  country: string | null;
  languages: string[];
  expertise: string[];
  profile_public: boolean;
  job_title: string | null;
  /** Plain text, paragraphs separated by blank lines. */
  bio: string | null;
  locale: string;
}

/** A user row as the accounts area uses it: the account itself and its profile. */
export interface User extends ProfileFields {
  id: number;
  email: string;
  password_hash: string;
  role: Role;
  state: AccountState;
  email_confirmed_at: Date | null;
  /** The address of the public profile (`/people/{slug}`), given at the first opt-in and kept. */
  profile_slug: string | null;
}

const columns = [
  'id',
  'email',
  'name',
  'password_hash',
  'role',
  'state',
  'email_confirmed_at',
  'locale',
  'organization',
  'city',
  'country',
  'languages',
  'expertise',
  'profile_public',
  'job_title',
  'bio',
  'profile_slug',
] as const;

/**
 * The user with this email, compared case-insensitively.
 * @example const user = await findUserByEmail(db, 'Ana@Example.org');
 */
export async function findUserByEmail(db: Database, email: string): Promise<User | undefined> {
  return db.selectFrom('users').select(columns).where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

/** The user with this id. */
export async function findUserById(db: Database, id: number): Promise<User | undefined> {
  return db.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst();
}

/**
 * Inserts a user; undefined when the email is taken (the unique index decides, so two
 * simultaneous sign-ups cannot both win).
 * @example const user = await insertUser(db, { email, name, password_hash, locale: 'fr' });
 */
export async function insertUser(
  db: Database,
  values: { email: string; name: string; password_hash: string; locale: string; role?: Role; email_confirmed_at?: Date | null },
): Promise<User | undefined> {
  const row = await db
    .insertInto('users')
    .values(values)
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returning(columns)
    .executeTakeFirst();
  return row;
}

/**
 * Saves the profile fields. Opting in to a public profile publishes it (now, unless it already
 * was) and gives it a slug the first time; opting out unpublishes it at once.
 * @example await updateProfile(db, user.id, { ...fields, profile_public: true });
 */
export async function updateProfile(db: Database, id: number, fields: ProfileFields): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('users').select(['profile_slug', 'profile_public']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) return;
    const slug = current.profile_slug ?? (fields.profile_public ? await freeProfileSlug(trx, fields.name) : null);
    await trx
      .updateTable('users')
      .set({
        ...fields,
        profile_slug: slug,
        profile_published_at: fields.profile_public ? sql<Date>`coalesce(profile_published_at, now())` : null,
        profile_search: foldName([fields.name, fields.organization, fields.job_title, fields.bio].filter(Boolean).join(' ')),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  });
}

/**
 * A profile slug no one has: the name's slug, or it with -2, -3… after it.
 * @example await freeProfileSlug(db, 'Ana López') // 'ana-lopez', or 'ana-lopez-2' when taken
 */
async function freeProfileSlug(db: Database, name: string): Promise<string> {
  const base = slugify(name).slice(0, 60).replace(/-+$/, '') || 'person';
  const taken = new Set(
    (
      await db
        .selectFrom('users')
        .select('profile_slug')
        .where((eb) => eb.or([eb('profile_slug', '=', base), eb('profile_slug', 'like', `${base}-%`)]))
        .execute()
    ).map((r) => r.profile_slug),
  );
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Replaces the password hash. */
export async function updatePasswordHash(db: Database, id: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', id).execute();
}

/** Marks the email as confirmed (once; later confirmations keep the first time). */
export async function markEmailConfirmed(db: Database, id: number): Promise<void> {
  await db.updateTable('users').set({ email_confirmed_at: sql<Date>`coalesce(email_confirmed_at, now())` }).where('id', '=', id).execute();
}

/**
 * Changes a user's role; false when no user has this email.
 * @example await setRoleByEmail(db, 'ana@example.org', 'editor');
 */
export async function setRoleByEmail(db: Database, email: string, role: Role): Promise<boolean> {
  const r = await db.updateTable('users').set({ role, updated_at: new Date() }).where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Disables or re-enables an account. Disabling deletes its sessions in the same transaction,
 * so the person is signed out everywhere at once.
 * @example await setAccountState(db, user.id, 'disabled');
 */
export async function setAccountState(db: Database, id: number, state: AccountState): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ state, updated_at: new Date() }).where('id', '=', id).execute();
    if (state === 'disabled') await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
  });
}

/** A user as the admin list shows them (never the password hash). */
export interface UserListRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  state: AccountState;
  emailConfirmedAt: Date | null;
  createdAt: Date;
}

/** Filters of the user list: `q` matches name or email, anywhere, case-insensitively. */
export interface UserFilters {
  q?: string;
  role?: Role;
  state?: AccountState;
  page: number;
}

export const userPageSize = 25;

/**
 * One page of users, newest first, with the total for paging.
 * @example const { rows, total } = await listUsers(db, { q: 'ana', page: 1 });
 */
export async function listUsers(db: Database, f: UserFilters): Promise<{ rows: UserListRow[]; total: number }> {
  let q = db.selectFrom('users');
  if (f.q) {
    // Escape LIKE wildcards so a search for "100%" means the characters typed.
    const pattern = `%${f.q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([eb(sql<string>`lower(email)`, 'like', pattern), eb(sql<string>`lower(name)`, 'like', pattern)]));
  }
  if (f.role) q = q.where('role', '=', f.role);
  if (f.state) q = q.where('state', '=', f.state);
  const [rows, count] = await Promise.all([
    q
      .select(['id', 'email', 'name', 'role', 'state', 'email_confirmed_at as emailConfirmedAt', 'created_at as createdAt'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(userPageSize)
      .offset((f.page - 1) * userPageSize)
      .execute(),
    q.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
