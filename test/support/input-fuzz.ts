import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import type { Hono } from 'hono';
import { createUserWithRole } from '../../src/accounts/user-admin.ts';
import type { Database } from '../../src/db/database.ts';
import type { AppEnv } from '../../src/http/app-env.ts';
import { isStorableText } from '../../src/shared/storable-text.ts';
import { AccountClient, signedInClient, testPassword } from './account-client.ts';
import { contributionFixtures, type Fixtures, fingerprint } from './contribution-fixtures.ts';
import { fieldsOf, formsOn } from './html-forms.ts';
import { joinPairs, oddEncodedValue, oddText, oddValues, percentEncoded } from './odd-input.ts';
import { type Actor, exchangeRecord, type GetRoute, type PostRoute, routeKey } from './route-table.ts';
import { createDemoDatabase, createTestApp, type Engine } from './test-db.ts';

/**
 * The input fuzz test's engine, shared by test/input-fuzz.test.ts (a fixed seed, a few cases
 * per route) and scripts/fuzz.ts (as many as asked): for each route of route-table.ts it sends
 * generated odd input as the right person with a valid CSRF token, so the handler really runs,
 * and checks what a user or operator would notice:
 * - no answer is a 5xx, and none shows a stack trace or a database message or holds a control character;
 * - an address holding text no text may hold (NUL, control characters) is answered 400;
 * - a refused form or file writes nothing (a fingerprint of the database is unchanged), and
 *   text no field may hold in a free-text field is never stored.
 */

/** What gives away an internal failure in a body: a stack frame, a file of ours, a database message. */
const leaks = [
  /\n\s+at \S.*\(.*:\d+:\d+\)/,
  /node:internal/,
  /\/(?:src|node_modules)\/\S+\.(?:ts|tsx|js):\d+/,
  /invalid byte sequence for encoding/i,
  /unsupported Unicode escape sequence/i,
  /violates (?:not-null|unique|check|foreign key) constraint/i,
  /syntax error at or near/i,
  /index row (?:size|requires)/i,
  /relation "[^"]+" does not exist/i,
  /\bSQLSTATE\b/,
  /Something went wrong on our side/,
];

/** How many runs and which seed; the seed fixes the cases, so a failure can be run again. */
export interface FuzzRun {
  runs: number;
  seed: number;
}

/** A stable seed per route, so each route gets its own cases and adding a route changes no other's. */
export function routeSeed(seed: number, route: string): number {
  let h = seed | 0;
  for (const ch of route) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** A short view of a request for failure messages (long values cut). */
const shown = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} characters)` : s);

/** The path segments and query of a URL as the app decodes them. */
function decodedParts(url: string): string[] {
  const { pathname, searchParams } = new URL(url);
  const decode = (run: string) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  };
  // Where a segment is not valid as a whole, the router decodes each run of escapes on its own.
  const parts = pathname.split('/').flatMap((s) => [decode(s), s.replace(/(?:%[0-9A-Fa-f]{2})+/g, decode)]);
  for (const [name, value] of searchParams) parts.push(name, value);
  return parts;
}

/** The app on a fresh demo database, signed-in people, and fixtures to post about. */
export class InputFuzzer {
  private fixtures!: Fixtures;
  private readonly clients = new Map<Actor, AccountClient>();
  private ownerId = 0;
  private addresses = 0;

  private constructor(
    readonly engine: Engine,
    private readonly db: Database,
    private readonly app: Hono<AppEnv>,
    private readonly drop: () => Promise<void>,
  ) {}

  /** Opens a demo database on `engine`, signs in a member, an editor and an admin, and makes fixtures. */
  static async start(engine: Engine): Promise<InputFuzzer> {
    const { db, drop } = await createDemoDatabase(engine);
    const app = createTestApp(db, { TRUST_PROXY: 'true', ADMIN_TOKEN: 'fuzz-admin-token', OUTBOX_DIR: `/tmp/ch-fuzz-outbox-${process.pid}` });
    const fuzzer = new InputFuzzer(engine, db, app, drop);
    const member = await signedInClient(app, db, 'member', 'Fuzz Member');
    fuzzer.ownerId = member.id;
    fuzzer.clients.set('member', member.b);
    fuzzer.clients.set('editor', (await signedInClient(app, db, 'editor', 'Fuzz Editor')).b);
    fuzzer.clients.set('admin', (await signedInClient(app, db, 'admin', 'Fuzz Admin')).b);
    await fuzzer.refreshFixtures();
    return fuzzer;
  }

  /** Every GET and POST route the app registers, as the route table names them. */
  registeredRoutes(): string[] {
    return [...new Set(this.app.routes.filter((r) => r.method === 'GET' || r.method === 'POST').map((r) => routeKey(r.method, r.path)))];
  }

  /** Drops the database. */
  close(): Promise<void> {
    return this.drop();
  }

  /** New fixtures: after an accepted post, the next case starts from a submission still in review, a practice as imported, … */
  private async refreshFixtures(): Promise<void> {
    this.fixtures = await contributionFixtures(this.db, this.ownerId);
  }

  /** A visitor from an address of its own (sign-in and sign-up limits count per address). */
  private anonymous(): AccountClient {
    const n = ++this.addresses;
    return new AccountClient(this.app, { 'x-forwarded-for': `203.0.${Math.floor(n / 250) % 250}.${(n % 250) + 1}` });
  }

  /** A client for the actor; with `ownSession`, a new account signed in for this one request. */
  private async client(actor: Actor, ownSession = false): Promise<AccountClient | undefined> {
    if (actor === 'token') return undefined;
    if (actor === 'anonymous') return this.anonymous();
    if (ownSession) {
      const b = this.anonymous();
      const email = `fuzz-own-${this.addresses}-${Date.now()}@example.org`;
      await createUserWithRole(this.db, { email, role: actor, name: 'Own session', password: testPassword });
      const res = await b.submit('/login', '/login', { email, password: testPassword, next: '/account' });
      if (res.status !== 303) throw new Error(`could not sign in a ${actor}: ${res.status}`);
      return b;
    }
    return this.clients.get(actor);
  }

  /** Sends a GET as the actor, to an already encoded URL. */
  private async get(actor: Actor, url: string): Promise<Response> {
    if (actor === 'token') return this.app.request(`http://localhost:3000${url}`, { headers: { authorization: 'Bearer fuzz-admin-token' } });
    return ((await this.client(actor)) as AccountClient).request(url);
  }

  /** Checks the answer every request must give: no 5xx, no stack trace or database message. */
  private static expectSafe(what: string, status: number, body: string): void {
    if (status >= 500) throw new Error(`${what} answered ${status}:\n${shown(body)}`);
    const leak = leaks.find((re) => re.test(body));
    if (leak) throw new Error(`${what} shows internals (${leak}):\n${shown(body)}`);
    // Pages, downloads and documents never carry a control character back, even one that was typed.
    if (!isStorableText(body)) throw new Error(`${what} answered with text no page may hold:\n${shown(JSON.stringify(body))}`);
  }

  /**
   * The property of a GET route: odd values for its path and query parameters (and an odd
   * extra one), arrays where one value is expected, over-long and out-of-range values.
   */
  getProperty(route: GetRoute) {
    const pathArb = fc.record(
      Object.fromEntries(
        Object.entries(route.pathParams ?? {}).map(([name, samples]) => [name, fc.option(oddEncodedValue(samples), { nil: undefined, freq: 3 })]),
      ),
    );
    const queryArb = fc.record(
      Object.fromEntries(Object.entries(route.query).map(([name, samples]) => [name, fc.option(oddValues(samples), { nil: undefined, freq: 2 })])),
    );
    const extraArb = fc.option(fc.tuple(oddText(), oddEncodedValue()), { freq: 4 });
    return fc.asyncProperty(pathArb, queryArb, extraArb, async (pathValues, queryValues, extra) => {
      const segments = Object.fromEntries(Object.entries(pathValues).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
      const pairs: [string, string][] = [];
      for (const [name, values] of Object.entries(queryValues)) for (const v of values ?? []) pairs.push([name, v]);
      if (extra) pairs.push(extra);
      const query = joinPairs(pairs);
      const url = `${route.path(this.fixtures, segments)}${query ? `?${query}` : ''}`;
      const res = await this.get(route.as, url);
      const body = await res.text();
      const what = `${route.as} GET ${url}`;
      InputFuzzer.expectSafe(what, res.status, body);
      const unstorable = decodedParts(`http://localhost:3000${url}`).some((part) => !isStorableText(part));
      if (unstorable && !route.unguarded && res.status !== 400) throw new Error(`${what} holds text no text may hold and answered ${res.status}, not 400`);
      if (url.startsWith('/api/') && res.status >= 400 && !res.headers.get('content-type')?.startsWith('application/problem+json')) {
        throw new Error(`${what} answered ${res.status} without a problem document`);
      }
    });
  }

  /** The fields the route's form sends as its page shows it (hidden ones included), with the route's values. */
  private async baseFields(route: PostRoute, client: AccountClient | undefined): Promise<{ fields: Record<string, string | string[]>; token?: string }> {
    const own = route.fields(this.fixtures);
    if (!route.formPage || !client) return { fields: own };
    const page = route.formPage(this.fixtures);
    const { res, html } = await client.page(page);
    if (res.status !== 200) throw new Error(`${route.as} cannot open ${page} (${res.status}) to post ${route.route}`);
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    const action = route.action(this.fixtures);
    const form = formsOn(html, page).find((f) => f.method === 'post' && f.action.replace(/^\/(ar|zh|fr|ru|es|en)(?=\/)/, '') === action);
    return { fields: form ? fieldsOf(form, own) : own, token };
  }

  /** The names the fuzzer may change in a route's form: its own fields, its free-text fields, the form's hidden ones. */
  private async fieldNames(route: PostRoute): Promise<string[]> {
    if (route.exchange) return [...route.text, 'id', 'language', 'country', 'themes', 'format', 'version', 'extra'];
    const client = await this.client(route.as, route.ownSession);
    const { fields } = await this.baseFields(route, client);
    // `extra`: a field the form does not have, so a route without fields gets odd input too.
    return [...new Set([...Object.keys(fields), ...route.text, 'extra'])].filter((n) => n !== '_csrf');
  }

  /**
   * The property of a POST route: a few of its fields (or of the imported record) get odd
   * values; the rest stay valid so the handler goes as far as the odd value lets it.
   */
  async postProperty(route: PostRoute) {
    const names = await this.fieldNames(route);
    const changed = fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: Math.min(3, names.length) });
    const asText = route.body === 'multipart' || route.body === 'json' || route.body === 'csv' || route.exchange !== undefined;
    const valueArb = asText
      ? fc.oneof({ weight: 4, arbitrary: oddText().map((v) => [v]) }, { weight: 1, arbitrary: fc.array(oddText(), { maxLength: 3 }) })
      : oddValues();
    const input = changed.chain((fields) => fc.tuple(...fields.map((name) => valueArb.map((values) => [name, values] as [string, string[]]))));
    return fc.asyncProperty(input, async (odd) => this.postCase(route, odd));
  }

  /** One POST with the odd values (encoded ones for a browser form, text otherwise). */
  private async postCase(route: PostRoute, odd: [name: string, values: string[]][]): Promise<void> {
    const client = await this.client(route.as, route.ownSession);
    const { fields, token } = await this.baseFields(route, client);
    const action = route.action(this.fixtures);
    const before = await fingerprint(this.db);
    const { init, posted } = this.body(route, fields, odd, token);
    const res = client ? await client.request(action, init) : await this.app.request(`http://localhost:3000${action}`, init);
    const body = await res.text();
    const what = `${route.as} POST ${action} with ${shown(JSON.stringify(odd))}`;
    InputFuzzer.expectSafe(what, res.status, body);
    const after = await fingerprint(this.db);
    const refused = route.refused ? route.refused(res.status, body) : res.status >= 400;
    // A refused step of the submission form still saves the draft, with what was typed kept aside (by design).
    const draftStep = /^POST \/submit(\/:id\/step\/:n)?$/.test(route.route);
    if (refused && !draftStep && after !== before) throw new Error(`${what} was refused (${res.status}) but changed the database`);
    // A free-text field all of whose values hold such text must be refused (a browser never sends
    // one twice, and forms read either the first or the last); trimmed, as a form feed or vertical
    // tab at either end is whitespace, gone before anything is checked.
    const byName = new Map<string, string[]>();
    for (const [name, value] of posted) byName.set(name, [...(byName.get(name) ?? []), value]);
    const unstorable = [...byName]
      .filter(([name, values]) => route.text.includes(name) && values.every((v) => !isStorableText(v.trim())))
      .map(([name]) => name);
    if (unstorable.length && !refused) throw new Error(`${what}: text no field may hold in ${unstorable.join(', ')} was not refused (${res.status})`);
    if (after !== before) {
      const stored = await storedUnstorableText(this.db);
      if (stored.length) throw new Error(`${what} (${res.status}) stored text no field may hold: ${stored.join('; ')}`);
      if (route.consumes) await this.refreshFixtures();
    }
  }

  /**
   * The request of a POST case and the values the app decodes from it (name, value), to know
   * which free-text field got text no field may hold.
   */
  private body(
    route: PostRoute,
    fields: Record<string, string | string[]>,
    odd: [string, string[]][],
    token: string | undefined,
  ): { init: RequestInit; posted: [string, string][] } {
    const oddByName = new Map(odd);
    if (route.exchange) {
      const record: Record<string, unknown> = { ...exchangeRecord };
      const doc: Record<string, unknown> = { format: 'clearinghouse.practices', version: 1 };
      const posted: [string, string][] = [];
      for (const [name, values] of oddByName) {
        const value = values.length === 1 ? values[0] : values;
        if (name === 'format' || name === 'version') doc[name] = value;
        else record[name] = nested(name, value);
        for (const v of values) posted.push([name, v]);
      }
      const text = JSON.stringify({ ...doc, practices: [record] });
      if (route.exchange === 'body')
        return { init: { method: 'POST', headers: { authorization: 'Bearer fuzz-admin-token', 'content-type': 'application/json' }, body: text }, posted };
      const form = new FormData();
      if (token) form.append('_csrf', token);
      form.append('json', text);
      return { init: { method: 'POST', headers: { origin: 'http://localhost:3000' }, body: form }, posted };
    }
    const all: [string, string[]][] = Object.entries(fields).map(([name, v]) => [name, oddByName.get(name) ?? [v].flat()]);
    for (const [name, values] of oddByName) if (!(name in fields)) all.push([name, values]);
    if (route.body === 'csv') {
      // One line under a header of the fields' names; a repeated value becomes a second line.
      const names = all.map(([name]) => name);
      const lines = Math.max(...all.map(([, values]) => values.length));
      const rows = Array.from({ length: lines }, (_, i) => all.map(([, values]) => values[i] ?? values[0] ?? ''));
      const posted = all.flatMap(([name, values]) => values.map((v) => [name, v] as [string, string]));
      return {
        init: { method: 'POST', headers: { authorization: 'Bearer fuzz-admin-token', 'content-type': 'text/csv' }, body: stringify([names, ...rows]) },
        posted,
      };
    }
    if (route.body === 'json') {
      const json = Object.fromEntries(all.map(([name, values]) => [name, values.length === 1 ? values[0] : values]));
      const posted = all.flatMap(([name, values]) => values.map((v) => [name, v] as [string, string]));
      return {
        init: { method: 'POST', headers: { authorization: 'Bearer fuzz-admin-token', 'content-type': 'application/json' }, body: JSON.stringify(json) },
        posted,
      };
    }
    // A browser form: the odd values are already encoded (raw escapes included), the others are encoded here.
    const pairs: [string, string][] = [];
    if (token) pairs.push(['_csrf', percentEncoded(token)]);
    for (const [name, values] of all) for (const v of values) pairs.push([name, oddByName.has(name) ? v : percentEncoded(v)]);
    const encoded = joinPairs(pairs);
    const posted = [...new URLSearchParams(encoded)];
    return {
      init: { method: 'POST', headers: { origin: 'http://localhost:3000', 'content-type': 'application/x-www-form-urlencoded' }, body: encoded },
      posted,
    };
  }

  /**
   * The cases every run starts with, before the generated ones: a NUL in each parameter of a
   * GET route, one at a time, in the shape getProperty generates.
   */
  getExamples(route: GetRoute): [Record<string, string | undefined>, Record<string, string[] | undefined>, [string, string] | null][] {
    return [
      ...Object.keys(route.pathParams ?? {}).map((name) => [{ [name]: '%00' }, {}, null] as [Record<string, string>, Record<string, string[]>, null]),
      ...Object.keys(route.query).map((name) => [{}, { [name]: ['%00'] }, null] as [Record<string, string>, Record<string, string[]>, null]),
    ];
  }

  /** The cases every run of a POST route starts with: a NUL in each of its free-text fields, one at a time. */
  postExamples(route: PostRoute): [[string, string[]][]][] {
    const nul = route.body === 'multipart' || route.body === 'json' || route.body === 'csv' || route.exchange ? '\u0000' : '%00';
    return route.text.map((name) => [[[name, [`a${nul}b`]]]]);
  }

  /** Runs a property with a fixed seed, the given cases first; a failure throws with fast-check's report (seed, path, smallest case). */
  static async check<T>(property: fc.IAsyncProperty<T>, run: FuzzRun, examples: T[] = []): Promise<void> {
    await fc.assert(property, { numRuns: run.runs, seed: run.seed, examples, verbose: 1 });
  }
}

/** Tables holding what people write; the fuzz test reads them back after every write. */
const writtenTables = [
  'practices',
  'practice_revisions',
  'practice_links',
  'submissions',
  'submission_events',
  'practice_assessments',
  'users',
  'audit_log',
  'cities',
  'city_figures',
  'country_figures',
  'figure_revisions',
  'city_assessment_answers',
  'city_assessment_revisions',
] as const;

/**
 * Where the database holds text no text may hold (table, column and the character), walking
 * every string of every row, JSON included; empty when it holds none.
 */
export async function storedUnstorableText(db: Database): Promise<string[]> {
  const found: string[] = [];
  const walk = (where: string, value: unknown) => {
    if (typeof value === 'string') {
      if (!isStorableText(value)) found.push(`${where}: ${JSON.stringify(value.slice(0, 80))}`);
    } else if (Array.isArray(value))
      value.forEach((v, i) => {
        walk(`${where}[${i}]`, v);
      });
    else if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
      for (const [k, v] of Object.entries(value)) walk(`${where}.${k}`, v);
    }
  };
  for (const table of writtenTables) {
    const rows = await db.selectFrom(table).selectAll().execute();
    rows.forEach((row, i) => {
      walk(`${table}[${i}]`, row);
    });
  }
  return found;
}

/** A fuzzed value where the record wants it: inside the list or object a field holds (partners' name, sources' title, …). */
function nested(name: string, value: string | string[]): unknown {
  const v = value;
  switch (name) {
    case 'partners':
      return [{ name: v }];
    case 'target_groups':
    case 'themes':
      return [v].flat();
    case 'sources':
      return [{ url: `https://example.org/${[v].flat().join('/')}`, title: v }];
    case 'adapted_from':
      return [{ id: 'some-original', changes: v }];
    case 'translations':
      return { fr: { title: v, summary: v } };
    default:
      return v;
  }
}
