import { type ExpressionBuilder, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB, ExchangeKind, ExchangeState } from '../db/schema.ts';
import type { CityKey } from './exchange.schema.ts';

/** A city as an exchange names it. */
export interface ExchangeCity extends CityKey {
  name: string;
}

/** An exchange request with its cities' names, the asker's name and the practice that came out of it. */
export interface Exchange {
  id: number;
  from: ExchangeCity;
  to: ExchangeCity;
  kind: ExchangeKind;
  theme: string;
  message: string;
  /** The practice the request was sent from, if any. */
  practiceId: string | null;
  requestedBy: number | null;
  /** The asker's name; null once their account is deleted. */
  requesterName: string | null;
  /** Whether the asker represented the asking city when they asked. */
  onBehalf: boolean;
  state: ExchangeState;
  decidedAt: Date | null;
  decisionMessage: string | null;
  /** The practice that came out of it, with its title when it is published here. */
  outcome: { id: string; title: string | null } | null;
  createdAt: Date;
}

/** Someone mailed about an exchange. */
export interface ExchangeAddressee {
  id: number;
  email: string;
  name: string;
  locale: string;
}

type Row = Awaited<ReturnType<ReturnType<typeof selectExchanges>['executeTakeFirstOrThrow']>>;

/** The exchanges with both cities, the asker and the outcome practice joined: one statement for any list. */
function selectExchanges(db: Database) {
  return db
    .selectFrom('exchanges as x')
    .innerJoin('cities as fc', (j) => j.onRef('fc.country', '=', 'x.from_country').onRef('fc.slug', '=', 'x.from_slug'))
    .innerJoin('cities as tc', (j) => j.onRef('tc.country', '=', 'x.to_country').onRef('tc.slug', '=', 'x.to_slug'))
    .leftJoin('users as u', 'u.id', 'x.requested_by')
    .leftJoin('practices as p', 'p.id', 'x.outcome_practice_id')
    .select([
      'x.id',
      'x.from_country',
      'x.from_slug',
      'fc.name as from_name',
      'x.to_country',
      'x.to_slug',
      'tc.name as to_name',
      'x.kind',
      'x.theme',
      'x.message',
      'x.practice_id',
      'x.requested_by',
      'u.name as requester_name',
      'x.on_behalf',
      'x.state',
      'x.decided_at',
      'x.decision_message',
      'x.outcome_practice_id',
      'p.title as outcome_title',
      'x.created_at',
    ]);
}

const present = (r: Row): Exchange => ({
  id: Number(r.id),
  from: { country: r.from_country, slug: r.from_slug, name: r.from_name },
  to: { country: r.to_country, slug: r.to_slug, name: r.to_name },
  kind: r.kind,
  theme: r.theme,
  message: r.message,
  practiceId: r.practice_id,
  requestedBy: r.requested_by === null ? null : Number(r.requested_by),
  requesterName: r.requester_name,
  onBehalf: r.on_behalf,
  state: r.state,
  decidedAt: r.decided_at ? new Date(r.decided_at) : null,
  decisionMessage: r.decision_message,
  outcome: r.outcome_practice_id ? { id: r.outcome_practice_id, title: r.outcome_title } : null,
  createdAt: new Date(r.created_at),
});

/** Whether an exchange row is between a city and another (either direction). */
const involves = (eb: ExpressionBuilder<DB & { x: DB['exchanges'] }, 'x'>, c: CityKey) =>
  eb.or([
    eb.and([eb('x.from_country', '=', c.country), eb('x.from_slug', '=', c.slug)]),
    eb.and([eb('x.to_country', '=', c.country), eb('x.to_slug', '=', c.slug)]),
  ]);

/**
 * Records a request; undefined when one from the same city to the same city already waits.
 * @example const id = await insertExchange(trx, { from, to, kind: 'mentoring', theme: 'housing', message, practiceId: null, requestedBy: 3, onBehalf: true });
 */
export async function insertExchange(
  db: Database,
  x: { from: CityKey; to: CityKey; kind: ExchangeKind; theme: string; message: string; practiceId: string | null; requestedBy: number; onBehalf: boolean },
): Promise<number | undefined> {
  const row = await db
    .insertInto('exchanges')
    .values({
      from_country: x.from.country,
      from_slug: x.from.slug,
      to_country: x.to.country,
      to_slug: x.to.slug,
      kind: x.kind,
      theme: x.theme,
      message: x.message,
      practice_id: x.practiceId,
      requested_by: x.requestedBy,
      on_behalf: x.onBehalf,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

/** One exchange by id; undefined when there is none. */
export async function findExchange(db: Database, id: number): Promise<Exchange | undefined> {
  const row = await selectExchanges(db).where('x.id', '=', id).executeTakeFirst();
  return row ? present(row) : undefined;
}

/** Locks an exchange's row for a change of state (concurrent answers wait, then see the first). */
export async function lockExchange(db: Database, id: number): Promise<void> {
  await db.selectFrom('exchanges').select('id').where('id', '=', id).forUpdate().execute();
}

/** Moves an exchange from `from` to `to` with who did it and their message; false when it was not in `from`. */
export async function moveExchange(db: Database, id: number, from: ExchangeState, to: ExchangeState, by: number, message: string | null): Promise<boolean> {
  const rows = await db
    .updateTable('exchanges')
    .set({ state: to, decided_by: by, decided_at: sql<Date>`now()`, decision_message: message })
    .where('id', '=', id)
    .where('state', '=', from)
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** Names the practice that came out of an accepted exchange (replacing an earlier one). */
export async function setOutcomePractice(db: Database, id: number, practiceId: string, by: number): Promise<void> {
  await db
    .updateTable('exchanges')
    .set({ outcome_practice_id: practiceId, outcome_linked_by: by, outcome_linked_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/**
 * A person's exchanges: those to the cities they represent (incoming), and those they asked or
 * that their cities asked (outgoing), newest first.
 * @example const { incoming, outgoing } = await exchangesOfPerson(db, 3);
 */
export async function exchangesOfPerson(db: Database, userId: number): Promise<{ incoming: Exchange[]; outgoing: Exchange[] }> {
  const represented = (country: 'x.to_country' | 'x.from_country', slug: 'x.to_slug' | 'x.from_slug') =>
    sql<boolean>`EXISTS (SELECT 1 FROM city_representatives r WHERE r.user_id = ${userId} AND r.country = ${sql.ref(country)} AND r.slug = ${sql.ref(slug)})`;
  const rows = await selectExchanges(db)
    .select([represented('x.to_country', 'x.to_slug').as('incoming')])
    .where((eb) => eb.or([eb('x.requested_by', '=', userId), represented('x.to_country', 'x.to_slug'), represented('x.from_country', 'x.from_slug')]))
    .orderBy('x.created_at', 'desc')
    .orderBy('x.id', 'desc')
    .limit(500)
    .execute();
  return { incoming: rows.filter((r) => r.incoming).map(present), outgoing: rows.filter((r) => !r.incoming).map(present) };
}

/** The accepted exchanges of a city (asked or asking), latest accepted first: what its page lists. */
export async function acceptedExchangesOf(db: Database, city: CityKey): Promise<Exchange[]> {
  const rows = await selectExchanges(db)
    .where('x.state', '=', 'accepted')
    .where((eb) => involves(eb, city))
    .orderBy('x.decided_at', 'desc')
    .orderBy('x.id', 'desc')
    .execute();
  return rows.map(present);
}

/** The accepted exchanges a practice came out of: its lineage on the practice page. */
export async function exchangesOfOutcome(db: Database, practiceId: string): Promise<Exchange[]> {
  const rows = await selectExchanges(db).where('x.state', '=', 'accepted').where('x.outcome_practice_id', '=', practiceId).orderBy('x.id').execute();
  return rows.map(present);
}

/** A recorded city's name and population; undefined when not recorded. */
export async function exchangeCity(db: Database, c: CityKey): Promise<(ExchangeCity & { population: number | null }) | undefined> {
  return db
    .selectFrom('cities')
    .select(['country', 'slug', 'name', 'population'])
    .where('country', '=', c.country)
    .where('slug', '=', c.slug)
    .executeTakeFirst();
}

/** The active representatives of a city with their address and language: who hears of a request to it. */
export function cityAddressees(db: Database, c: CityKey): Promise<ExchangeAddressee[]> {
  return db
    .selectFrom('city_representatives as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.locale'])
    .where('r.country', '=', c.country)
    .where('r.slug', '=', c.slug)
    .where('u.state', '=', 'active')
    .orderBy('u.id')
    .execute();
}

/** One active person's address and language; undefined for a deleted or disabled account. */
export function addresseeOf(db: Database, userId: number): Promise<ExchangeAddressee | undefined> {
  return db.selectFrom('users').select(['id', 'email', 'name', 'locale']).where('id', '=', userId).where('state', '=', 'active').executeTakeFirst();
}

/** A published practice's title and city (country and slug): to name it on a form and check it belongs to a city of an exchange. */
export async function practicePlace(db: Database, id: string): Promise<{ id: string; title: string; country: string; citySlug: string | null } | undefined> {
  const row = await db.selectFrom('practices').select(['id', 'title', 'country', 'city_slug']).where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, title: row.title, country: row.country, citySlug: row.city_slug } : undefined;
}
