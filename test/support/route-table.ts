import { testPassword } from './account-client.ts';
import type { Fixtures } from './contribution-fixtures.ts';

/**
 * Every route of the app with its input, for the input fuzz test (input-fuzz.ts): GET routes
 * with their path and query parameters, POST routes with their form fields and who may post
 * them. A test checks the table against the routes the app registers, so a new route cannot
 * be left out unnoticed. Sample values are real ones; the fuzzer mixes them with odd input.
 */

/** Who sends the request: nobody signed in, a member (the fixtures' owner), an editor, an admin, or the local CLI with the admin token. */
export type Actor = 'anonymous' | 'member' | 'editor' | 'admin' | 'token';

/** Real values of each parameter or field, by name. */
export type Samples = Record<string, readonly string[]>;

/** A GET route: its path (from fixtures, with fuzzed path parameters by name) and its query parameters. */
export interface GetRoute {
  /** As the app registers it, id patterns left out: `GET /practices/:id/history`. */
  route: string;
  as: Actor;
  path: (f: Fixtures, p: Record<string, string>) => string;
  /** Path parameters with real values; the fuzzer puts odd ones in their place (percent-encoded). */
  pathParams?: Samples;
  query: Samples;
  /** Answered before the address check (health probes, which read no parameter): only "no 5xx" applies. */
  unguarded?: true;
}

/** A POST route: the page whose form a browser would send, where it posts, and what to change. */
export interface PostRoute {
  route: string;
  as: Actor;
  /** Page holding the form; its fields (hidden ones included) are sent as a browser would. */
  formPage?: (f: Fixtures) => string;
  action: (f: Fixtures) => string;
  /** Valid values that make the handler do its work (with the form's own fields). */
  fields: (f: Fixtures) => Record<string, string | string[]>;
  /** Free-text fields: text no field may hold there must be refused, with nothing written. */
  text: readonly string[];
  /** How the body is sent: a browser form (default), a multipart form, or JSON or CSV (a header and one line) with the admin token. */
  body?: 'form' | 'multipart' | 'json' | 'csv';
  /** The body is an exchange file: the fuzzer varies the first record's fields (see exchangeRecord). */
  exchange?: 'json-field' | 'body';
  /** The post ends the session it is sent with (sign-out): each case signs in a session of its own. */
  ownSession?: true;
  /** The post moves its fixture on (a submission leaves review, …): the next case needs new fixtures to get as far. */
  consumes?: true;
  /** Whether an answer refused the input (default: a 4xx). */
  refused?: (status: number, body: string) => boolean;
}

/** The search parameters every search-like page, download and API call takes. */
const search: Samples = {
  q: ['housing', 'école', 'night school', '"language classes"', 'refugee -housing', 'زبان', '住房'],
  theme: ['housing', 'health', 'education', 'housing,health'],
  region: ['150', '019', '002'],
  country: ['DE', 'fr', 'BR'],
  city: ['de-berlin', 'fr-lyon', 'br-sao-paulo'],
  actor: ['city', 'ngo'],
  target: ['Refugees', 'refugees', 'Asylum seekers'],
  status: ['ongoing', 'ended'],
  evidence: ['1', '5', '2,3'],
  assessed: ['practical', 'transferable'],
  from: ['1990', '2020'],
  to: ['2024', '2100'],
  sort: ['relevance', 'newest', 'title'],
  page: ['1', '2', '100000'],
};
const withLang: Samples = { ...search, lang: ['en', 'fr', 'ar'] };
const none: Samples = {};

/** The valid practice of an exchange file; the fuzzer replaces its fields by odd values. */
export const exchangeRecord = {
  id: 'fuzz-import',
  title: 'Imported by the fuzz test',
  summary: 'A practice sent by the input fuzz test.',
  language: 'en',
  country: 'FR',
  city: 'Nantes',
  themes: ['housing'],
  body: 'Some **Markdown**.',
  lead_organization: 'City of Nantes',
  partners: [{ name: 'A partner' }],
  target_groups: ['Refugees'],
  sources: [{ url: 'https://example.org/report', title: 'Report' }],
  adapted_from: [{ id: 'some-original', changes: 'Smaller.' }],
  translations: { fr: { title: 'Importé par le test', summary: 'Un résumé.' } },
};

/** An exchange document holding one record. */
export const exchangeDocument = (record: Record<string, unknown>) => JSON.stringify({ format: 'clearinghouse.practices', version: 1, practices: [record] });

export const getRoutes: GetRoute[] = [
  { route: 'GET /', as: 'anonymous', path: () => '/', query: none },
  { route: 'GET /practices', as: 'anonymous', path: () => '/practices', query: search },
  { route: 'GET /map', as: 'anonymous', path: () => '/map', query: search },
  { route: 'GET /self-assessment', as: 'anonymous', path: () => '/self-assessment', query: none },
  { route: 'GET /practices/export.json', as: 'anonymous', path: () => '/practices/export.json', query: withLang },
  { route: 'GET /practices/export.csv', as: 'anonymous', path: () => '/practices/export.csv', query: withLang },
  { route: 'GET /practices/feed.atom', as: 'anonymous', path: () => '/practices/feed.atom', query: withLang },
  { route: 'GET /api/v1/practices', as: 'anonymous', path: () => '/api/v1/practices', query: withLang },
  { route: 'GET /api/v1/practices/:id', as: 'anonymous', path: (f, p) => `/api/v1/practices/${p.id ?? f.practiceId}`, pathParams: { id: ['x'] }, query: none },
  { route: 'GET /api', as: 'anonymous', path: () => '/api', query: none },
  {
    route: 'GET /organizations',
    as: 'anonymous',
    path: () => '/organizations',
    query: {
      q: ['oxford', 'migr'],
      type: ['academia', 'civil-society'],
      theme: ['housing'],
      region: ['150', '019'],
      country: ['gb', 'DE'],
      page: ['1', '2'],
      page_size: ['10', '100'],
    },
  },
  { route: 'GET /organizations/export.csv', as: 'anonymous', path: () => '/organizations/export.csv', query: { type: ['academia'], region: ['150'] } },
  {
    route: 'GET /organizations/:slug',
    as: 'anonymous',
    path: (_f, p) => `/organizations/${p.slug ?? 'international-metropolis'}`,
    pathParams: { slug: ['international-metropolis', 'c40-cities'] },
    query: { done: ['verified'] },
  },
  {
    route: 'GET /api/v1/organizations',
    as: 'anonymous',
    path: () => '/api/v1/organizations',
    query: { q: ['oxford'], type: ['academia'], country: ['GB'], page: ['1', '2'], page_size: ['1', '100'] },
  },
  {
    route: 'GET /api/v1/organizations/:slug',
    as: 'anonymous',
    path: (_f, p) => `/api/v1/organizations/${p.slug ?? 'international-metropolis'}`,
    pathParams: { slug: ['international-metropolis', 'c40-cities'] },
    query: none,
  },
  {
    route: 'GET /events',
    as: 'anonymous',
    path: () => '/events',
    query: { when: ['upcoming', 'past'], type: ['conference', 'webinar'], theme: ['social-cohesion'], country: ['tr', 'US'], page: ['1', '2'] },
  },
  { route: 'GET /events.ics', as: 'anonymous', path: () => '/events.ics', query: none },
  {
    route: 'GET /events/:id',
    as: 'anonymous',
    path: (_f, p) => `/events/${p.id ?? 'inter-ethnic-city-un-roundtable-2009'}`,
    pathParams: { id: ['inter-ethnic-city-un-roundtable-2009', 'example-webinar-welcoming-newcomers'] },
    query: none,
  },
  {
    route: 'GET /events/:id/event.ics',
    as: 'anonymous',
    path: (_f, p) => `/events/${p.id ?? 'alliance-of-civilizations-forum-rio-2010'}/event.ics`,
    pathParams: { id: ['alliance-of-civilizations-forum-rio-2010'] },
    query: none,
  },
  { route: 'GET /api/v1/cities', as: 'anonymous', path: () => '/api/v1/cities', query: { country: ['DE', 'it'], page: ['1', '2'], page_size: ['1', '100'] } },
  {
    route: 'GET /benchmark',
    as: 'anonymous',
    path: () => '/benchmark',
    query: { region: ['150', '019'], band: ['500k-2m', 'over-2m'], dimension: ['language-learning'], sort: ['score', 'city', 'coverage'] },
  },
  {
    route: 'GET /benchmark.csv',
    as: 'anonymous',
    path: () => '/benchmark.csv',
    query: { region: ['150'], band: ['over-2m'], dimension: ['language-learning'], sort: ['city'] },
  },
  { route: 'GET /cities/assessments.csv', as: 'anonymous', path: () => '/cities/assessments.csv', query: none },
  { route: 'GET /cities/figures.csv', as: 'anonymous', path: () => '/cities/figures.csv', query: none },
  {
    route: 'GET /api/v1/cities/:country/:slug/assessments',
    as: 'anonymous',
    path: (_f, p) => `/api/v1/cities/${p.country ?? 'de'}/${p.slug ?? 'berlin'}/assessments`,
    pathParams: { country: ['de', 'xx'], slug: ['berlin', 'atlantis'] },
    query: none,
  },
  {
    route: 'GET /api/v1/assessments/:id',
    as: 'anonymous',
    path: (_f, p) => `/api/v1/assessments/${p.id ?? '1'}`,
    pathParams: { id: ['1', '2', '99999'] },
    query: none,
  },
  { route: 'GET /cities/export.csv', as: 'anonymous', path: () => '/cities/export.csv', query: { country: ['DE', 'it'] } },
  {
    route: 'GET /api/v1/cities/:country/:slug',
    as: 'anonymous',
    path: (_f, p) => `/api/v1/cities/${p.country ?? 'de'}/${p.slug ?? 'duisburg'}`,
    pathParams: { country: ['de'], slug: ['duisburg'] },
    query: none,
  },
  {
    route: 'GET /practices/:id',
    as: 'anonymous',
    path: (f, p) => `/practices/${p.id ?? f.practiceId}`,
    pathParams: { id: ['accra-informal-waste-migrants'] },
    query: { lang: ['fr', 'en'] },
  },
  {
    route: 'GET /practices/:id/history',
    as: 'anonymous',
    path: (f, p) => `/practices/${p.id ?? f.practiceId}/history`,
    pathParams: { id: ['x'] },
    query: { page: ['1', '2'], done: ['restored', 'unchanged'] },
  },
  {
    route: 'GET /practices/:id/history/compare',
    as: 'editor',
    path: (f) => `/practices/${f.practiceId}/history/compare`,
    query: { from: ['1', '2'], to: ['1', '2'] },
  },
  {
    route: 'GET /cities/:country/:slug',
    as: 'anonymous',
    path: (_f, p) => `/cities/${p.country ?? 'de'}/${p.slug ?? 'berlin'}`,
    pathParams: { country: ['de', 'fr'], slug: ['berlin', 'lyon', 'sao-paulo'] },
    query: none,
  },
  {
    route: 'GET /cities/:country/:slug/assessment',
    as: 'anonymous',
    path: (_f, p) => `/cities/${p.country ?? 'de'}/${p.slug ?? 'berlin'}/assessment`,
    pathParams: { country: ['de', 'at'], slug: ['berlin', 'vienna'] },
    query: { snapshot: ['1', '2', '99999999999'] },
  },
  {
    route: 'GET /cities/:country/:slug/assessment/edit',
    as: 'member',
    path: (_f, p) => `/cities/${p.country ?? 'de'}/${p.slug ?? 'berlin'}/assessment/edit`,
    pathParams: { country: ['de', 'at'], slug: ['berlin', 'vienna'] },
    query: { done: ['saved'] },
  },
  {
    route: 'GET /cities/:country/:slug/assessment/edit/:dimension',
    as: 'member',
    path: (_f, p) => `/cities/${p.country ?? 'de'}/${p.slug ?? 'berlin'}/assessment/edit/${p.dimension ?? 'leadership-and-strategy'}`,
    pathParams: { country: ['de'], slug: ['berlin'], dimension: ['leadership-and-strategy', 'housing-and-neighbourhoods'] },
    query: { done: ['saved'] },
  },
  {
    route: 'GET /cities/:country/:slug/figures/edit',
    as: 'member',
    path: (_f, p) => `/cities/${p.country ?? 'de'}/${p.slug ?? 'berlin'}/figures/edit`,
    pathParams: { country: ['de'], slug: ['berlin', 'vienna'] },
    query: { done: ['saved'] },
  },
  { route: 'GET /countries/:code', as: 'anonymous', path: (_f, p) => `/countries/${p.code ?? 'de'}`, pathParams: { code: ['de', 'br'] }, query: none },
  {
    route: 'GET /login',
    as: 'anonymous',
    path: () => '/login',
    query: { next: ['/account', '/practices?q=x', '//evil.example'], done: ['confirmed', 'reset', 'logged_out'] },
  },
  { route: 'GET /signup', as: 'anonymous', path: () => '/signup', query: none },
  { route: 'GET /signup/sent', as: 'anonymous', path: () => '/signup/sent', query: none },
  { route: 'GET /signup/confirm', as: 'anonymous', path: () => '/signup/confirm', query: { token: ['abc', 'x'.repeat(43)] } },
  { route: 'GET /password/forgot', as: 'anonymous', path: () => '/password/forgot', query: none },
  { route: 'GET /password/forgot/sent', as: 'anonymous', path: () => '/password/forgot/sent', query: none },
  { route: 'GET /password/reset', as: 'anonymous', path: () => '/password/reset', query: { token: ['abc', 'x'.repeat(43)] } },
  { route: 'GET /healthz', as: 'anonymous', path: () => '/healthz', query: none, unguarded: true },
  { route: 'GET /readyz', as: 'anonymous', path: () => '/readyz', query: none, unguarded: true },
  { route: 'GET /favicon.svg', as: 'anonymous', path: () => '/favicon.svg', query: none },
  {
    route: 'GET /assets/:file',
    as: 'anonymous',
    path: (_f, p) => `/assets/${p.file ?? 'site.css'}`,
    pathParams: { file: ['site.css', 'favicon.svg'] },
    query: none,
  },
  { route: 'GET /account', as: 'member', path: () => '/account', query: { done: ['profile', 'password'] } },
  { route: 'GET /my/submissions', as: 'member', path: () => '/my/submissions', query: { done: ['sent', 'withdrawn'] } },
  { route: 'GET /submit', as: 'member', path: () => '/submit', query: { adapt: ['accra-informal-waste-migrants'] } },
  {
    route: 'GET /submit/:id/step/:n',
    as: 'member',
    path: (f, p) => `/submit/${p.id ?? f.draftId}/step/${p.n ?? '2'}`,
    pathParams: { id: ['1'], n: ['1', '5'] },
    query: { done: ['saved'] },
  },
  { route: 'GET /submit/:id/check', as: 'member', path: (f, p) => `/submit/${p.id ?? f.draftId}/check`, pathParams: { id: ['1'] }, query: none },
  { route: 'GET /submit/:id/review', as: 'member', path: (f, p) => `/submit/${p.id ?? f.draftId}/review`, pathParams: { id: ['1'] }, query: none },
  { route: 'GET /submit/:id/withdraw', as: 'member', path: (f, p) => `/submit/${p.id ?? f.draftId}/withdraw`, pathParams: { id: ['1'] }, query: none },
  {
    route: 'GET /practices/:id/translate',
    as: 'member',
    path: (f, p) => `/practices/${p.id ?? f.practiceId}/translate`,
    pathParams: { id: ['x'] },
    query: { lang: ['fr', 'en', 'de'] },
  },
  {
    route: 'GET /submissions/:id',
    as: 'member',
    path: (f, p) => `/submissions/${p.id ?? f.submittedId}`,
    pathParams: { id: ['1'] },
    query: { done: ['comment', 'published'] },
  },
  { route: 'GET /practices/:id/edit', as: 'editor', path: (f) => `/practices/${f.practiceId}/edit`, query: none },
  { route: 'GET /practices/:id/assess', as: 'editor', path: (f) => `/practices/${f.practiceId}/assess`, query: none },
  {
    route: 'GET /review',
    as: 'editor',
    path: () => '/review',
    query: { state: ['submitted', 'published'], theme: ['housing'], language: ['en'], age: ['7', '30'], assignee: ['me', 'none'], page: ['1', '2'] },
  },
  {
    route: 'GET /admin/users',
    as: 'admin',
    path: () => '/admin/users',
    query: { q: ['victim', 'example.org'], role: ['member', 'admin'], state: ['active', 'disabled'], page: ['1', '2'], done: ['role'] },
  },
  {
    route: 'GET /admin/audit',
    as: 'admin',
    path: () => '/admin/audit',
    query: { action: ['login', 'import'], actor: ['admin', 'example.org'], from: ['2024-01-01'], to: ['2030-12-31'], page: ['1', '2'] },
  },
  { route: 'GET /admin/tags', as: 'admin', path: () => '/admin/tags', query: { q: ['ref'], tag: ['Refugees', 'refugees'], done: ['2'] } },
  { route: 'GET /admin/import', as: 'admin', path: () => '/admin/import', query: none },
  { route: 'GET /internal/export', as: 'token', path: () => '/internal/export', query: { format: ['json', 'csv'], ...withLang } },
];

export const postRoutes: PostRoute[] = [
  {
    route: 'POST /signup',
    as: 'anonymous',
    formPage: () => '/signup',
    action: () => '/signup',
    fields: () => ({ name: 'New Member', email: `new-${Math.random().toString(36).slice(2)}@example.org`, password: testPassword }),
    text: ['name'],
  },
  {
    route: 'POST /signup/confirm',
    as: 'anonymous',
    formPage: () => '/login',
    action: () => '/signup/confirm',
    fields: () => ({ token: 'not-a-token' }),
    text: [],
  },
  {
    route: 'POST /login',
    as: 'anonymous',
    formPage: () => '/login',
    action: () => '/login',
    fields: () => ({ email: 'nobody@example.org', password: testPassword, next: '/account' }),
    text: [],
  },
  { route: 'POST /logout', as: 'member', formPage: () => '/account', action: () => '/logout', fields: () => ({}), text: [], ownSession: true },
  {
    route: 'POST /password/forgot',
    as: 'anonymous',
    formPage: () => '/password/forgot',
    action: () => '/password/forgot',
    fields: () => ({ email: 'nobody@example.org' }),
    text: [],
  },
  {
    route: 'POST /password/reset',
    as: 'anonymous',
    formPage: () => '/password/forgot',
    action: () => '/password/reset',
    fields: () => ({ token: 'not-a-token', password: 'another long river of words' }),
    text: [],
  },
  {
    route: 'POST /account',
    as: 'member',
    formPage: () => '/account',
    action: () => '/account',
    fields: () => ({ name: 'A new name', organization: 'City hall', city: 'Lyon', country: 'FR', languages: 'fr, en', locale: 'en' }),
    text: ['name', 'organization', 'city', 'languages'],
  },
  {
    route: 'POST /account/password',
    as: 'member',
    formPage: () => '/account',
    action: () => '/account/password',
    fields: () => ({ current: 'wrong password here', password: 'another long river of words' }),
    text: [],
  },
  {
    route: 'POST /submit',
    as: 'member',
    formPage: () => '/submit',
    action: () => '/submit',
    fields: () => ({ title: 'A practice from the fuzz test', summary: 'Its summary.', language: 'en', themes: 'housing', started: '2020' }),
    text: ['title', 'summary'],
  },
  {
    route: 'POST /submit/:id/step/:n',
    as: 'member',
    formPage: (f) => `/submit/${f.draftId}/step/2`,
    action: (f) => `/submit/${f.draftId}/step/2`,
    fields: () => ({
      city: 'Lyon',
      country: 'FR',
      lead_organization: 'City of Lyon',
      partner_name: ['A partner', ''],
      target_groups: 'Refugees, Students',
      location_lat: '45.76',
      location_lon: '4.83',
    }),
    text: ['city', 'lead_organization', 'partner_name', 'target_groups'],
  },
  {
    route: 'POST /submit/:id/send',
    as: 'member',
    formPage: (f) => `/submit/${f.draftId}/check`,
    action: (f) => `/submit/${f.draftId}/send`,
    fields: () => ({}),
    text: [],
    consumes: true,
  },
  {
    route: 'POST /submit/:id/withdraw',
    as: 'member',
    formPage: (f) => `/submit/${f.draftId}/withdraw`,
    action: (f) => `/submit/${f.draftId}/withdraw`,
    fields: () => ({}),
    text: [],
    consumes: true,
  },
  {
    route: 'POST /practices/:id/translate',
    as: 'member',
    formPage: (f) => `/practices/${f.practiceId}/translate?lang=fr`,
    action: (f) => `/practices/${f.practiceId}/translate`,
    fields: () => ({ lang: 'fr', title: 'Un guichet du logement', summary: 'Un résumé.', body: 'Un **texte**.' }),
    text: ['title', 'summary', 'body'],
  },
  {
    route: 'POST /submissions/:id/comments',
    as: 'member',
    formPage: (f) => `/submissions/${f.submittedId}`,
    action: (f) => `/submissions/${f.submittedId}/comments`,
    fields: () => ({ body: 'A private comment.' }),
    text: ['body'],
  },
  {
    route: 'POST /submissions/:id/assign',
    as: 'editor',
    formPage: (f) => `/submissions/${f.submittedId}`,
    action: (f) => `/submissions/${f.submittedId}/assign`,
    fields: () => ({ assignee: 'me' }),
    text: [],
  },
  {
    route: 'POST /submissions/:id/request-changes',
    as: 'editor',
    formPage: (f) => `/submissions/${f.submittedId}`,
    action: (f) => `/submissions/${f.submittedId}/request-changes`,
    fields: () => ({ message: 'Please add the year it started.' }),
    text: ['message'],
    consumes: true,
  },
  {
    route: 'POST /submissions/:id/reject',
    as: 'editor',
    formPage: (f) => `/submissions/${f.submittedId}`,
    action: (f) => `/submissions/${f.submittedId}/reject`,
    fields: () => ({ reason: 'Out of scope.' }),
    text: ['reason'],
    consumes: true,
  },
  {
    route: 'POST /submissions/:id/publish',
    as: 'editor',
    formPage: (f) => `/submissions/${f.submittedId}`,
    action: (f) => `/submissions/${f.submittedId}/publish`,
    fields: () => ({}),
    text: [],
    consumes: true,
  },
  {
    route: 'POST /practices/:id/edit',
    as: 'editor',
    formPage: (f) => `/practices/${f.practiceId}/edit`,
    action: (f) => `/practices/${f.practiceId}/edit`,
    fields: () => ({ summary: 'An edited summary of the advice desk.', message: 'Shorter summary', intent: 'save' }),
    text: [
      'title',
      'summary',
      'city',
      'lead_organization',
      'target_groups',
      'challenge',
      'approach',
      'body',
      'outcomes',
      'evaluation',
      'lessons',
      'transferability',
      'source_title',
      'message',
    ],
  },
  {
    route: 'POST /practices/:id/history/:rev/restore',
    as: 'editor',
    formPage: (f) => `/practices/${f.practiceId}/history/compare?from=${f.firstRevision}`,
    action: (f) => `/practices/${f.practiceId}/history/${f.firstRevision}/restore`,
    fields: () => ({ note: 'Back to the first summary.' }),
    text: ['note'],
  },
  {
    route: 'POST /practices/:id/assess',
    as: 'editor',
    formPage: (f) => `/practices/${f.practiceId}/assess`,
    action: (f) => `/practices/${f.practiceId}/assess`,
    fields: () => ({
      practical: 'yes',
      practical_note: 'Runs on existing staff.',
      innovative: 'unknown',
      successful: 'unknown',
      transferable: 'unknown',
      evidence_level: '2',
    }),
    text: ['practical_note', 'innovative_note', 'successful_note', 'transferable_note'],
  },
  {
    route: 'POST /admin/users/:id/role',
    as: 'admin',
    formPage: () => '/admin/users',
    action: (f) => `/admin/users/${f.victimId}/role`,
    fields: () => ({ role: 'editor' }),
    text: [],
  },
  {
    route: 'POST /admin/users/:id/disable',
    as: 'admin',
    formPage: () => '/admin/users',
    action: (f) => `/admin/users/${f.victimId}/disable`,
    fields: () => ({}),
    text: [],
  },
  {
    route: 'POST /admin/users/:id/enable',
    as: 'admin',
    formPage: () => '/admin/users',
    action: (f) => `/admin/users/${f.victimId}/enable`,
    fields: () => ({}),
    text: [],
  },
  {
    route: 'POST /admin/users/:id/cities',
    as: 'admin',
    formPage: () => '/admin/users',
    action: (f) => `/admin/users/${f.victimId}/cities`,
    fields: () => ({ city: 'de/berlin', intent: 'grant' }),
    text: ['city'],
  },
  {
    route: 'POST /admin/tags/merge',
    as: 'admin',
    formPage: () => '/admin/tags?tag=Refugees&tag=refugees',
    action: () => '/admin/tags/merge',
    fields: () => ({ tag: ['Refugees', 'refugees'], keep: 'refugees' }),
    text: ['keep', 'tag'],
  },
  {
    route: 'POST /admin/import',
    as: 'admin',
    formPage: () => '/admin/import',
    action: () => '/admin/import',
    body: 'multipart',
    exchange: 'json-field',
    fields: () => ({ json: exchangeDocument(exchangeRecord) }),
    text: ['title', 'summary', 'body', 'city', 'lead_organization', 'partners', 'target_groups', 'sources', 'adapted_from', 'translations'],
  },
  {
    route: 'POST /internal/import',
    as: 'token',
    action: () => '/internal/import?source=fuzz.json&author=fuzz',
    exchange: 'body',
    fields: () => ({}),
    text: ['title', 'summary', 'body', 'city', 'lead_organization', 'partners', 'target_groups', 'sources', 'adapted_from', 'translations'],
    // The answer streams progress and a summary: a refused import says it wrote nothing.
    refused: (status, body) => status >= 400 || /"written":false|"type":"error"/.test(body),
  },
  {
    route: 'POST /cities/:country/:slug/assessment/edit',
    as: 'member',
    formPage: () => '/cities/de/berlin/assessment/edit',
    action: () => '/cities/de/berlin/assessment/edit',
    fields: () => ({}),
    text: [],
  },
  {
    route: 'POST /cities/:country/:slug/assessment/edit/:dimension',
    as: 'member',
    formPage: () => '/cities/de/berlin/assessment/edit/leadership-and-strategy',
    action: () => '/cities/de/berlin/assessment/edit/leadership-and-strategy',
    fields: () => ({
      'answer.leadership-and-strategy.1': 'current',
      'evidence.leadership-and-strategy.1': 'https://example.org/strategy.pdf',
      'note.leadership-and-strategy.1': 'Adopted in 2022.',
      'answer.leadership-and-strategy.2': 'dont-know',
      intent: 'stay',
    }),
    text: ['note.leadership-and-strategy.1', 'evidence.leadership-and-strategy.1'],
  },
  {
    route: 'POST /cities/:country/:slug/assessment/peers',
    as: 'member',
    formPage: () => '/cities/de/berlin/assessment/edit',
    action: () => '/cities/de/berlin/assessment/peers',
    fields: () => ({ peers: 'de/hamburg at/vienna' }),
    text: ['peers'],
  },
  {
    route: 'POST /cities/:country/:slug/assessment/recommendations',
    as: 'member',
    formPage: () => '/cities/de/berlin/assessment',
    action: () => '/cities/de/berlin/assessment/recommendations',
    fields: () => ({ practice: 'nyc-idnyc', choice: 'shortlisted', snapshot: '' }),
    text: [],
  },
  {
    route: 'POST /cities/:country/:slug/assessment/publish',
    as: 'member',
    formPage: () => '/cities/de/berlin/assessment/edit',
    action: () => '/cities/de/berlin/assessment/publish',
    fields: () => ({ visibility: 'private' }),
    text: [],
    // Publishing closes the draft: the next case needs one open again.
    consumes: true,
  },
  {
    route: 'POST /cities/:country/:slug/figures/edit',
    as: 'member',
    formPage: () => '/cities/de/berlin/figures/edit',
    action: () => '/cities/de/berlin/figures/edit',
    fields: () => ({
      indicator: 'employment-rate-gap',
      year: '2021',
      value: '-8.5',
      source_name: 'Statistik Berlin-Brandenburg',
      source_url: 'https://example.org/figures',
      basis: 'Labour force survey',
      note: 'A note',
    }),
    text: ['source_name', 'basis', 'note'],
  },
  {
    route: 'POST /organizations/:slug/verify',
    as: 'editor',
    formPage: () => '/organizations/international-metropolis',
    action: () => '/organizations/international-metropolis/verify',
    fields: () => ({ verified: 'yes' }),
    text: [],
  },
  {
    route: 'POST /cities/:country/:slug/figures/remove',
    as: 'member',
    formPage: () => '/cities/de/berlin/figures/edit',
    action: () => '/cities/de/berlin/figures/remove',
    fields: () => ({ indicator: 'population-total', year: '2019' }),
    text: [],
  },
  {
    route: 'POST /internal/figures',
    as: 'token',
    action: () => '/internal/figures?source=fuzz.csv&author=fuzz',
    body: 'csv',
    fields: () => ({
      country: 'DE',
      city: 'Berlin',
      indicator: 'employment-rate-gap',
      year: '2020',
      value: '-9.5',
      source_name: 'Statistik Berlin-Brandenburg',
      source_url: 'https://example.org/figures',
      basis: 'Labour force survey',
      note: 'A note',
    }),
    text: ['city', 'source_name', 'basis', 'note'],
    // The answer is the import's summary: a refused file says it wrote nothing.
    refused: (status, body) => status >= 400 || /"written":false/.test(body),
  },
  {
    route: 'POST /internal/users',
    as: 'token',
    action: () => '/internal/users',
    body: 'json',
    fields: () => ({ email: `cli-${Math.random().toString(36).slice(2)}@example.org`, role: 'member', name: 'Made by the CLI', password: testPassword }),
    text: ['name', 'email'],
  },
  {
    route: 'POST /internal/users/role',
    as: 'token',
    action: () => '/internal/users/role',
    body: 'json',
    fields: () => ({ email: 'nobody@example.org', role: 'editor' }),
    text: ['email'],
  },
  {
    route: 'POST /internal/representatives',
    as: 'token',
    action: () => '/internal/representatives',
    body: 'json',
    // JSON fields are sent as strings: the endpoint takes "true" / "false" as well as booleans.
    fields: () => ({ email: 'nobody@example.org', city: 'de/berlin', grant: 'true' }),
    text: ['email', 'city'],
  },
];

/** Registered routes the fuzz test leaves out, each with why. */
export const notFuzzed: Record<string, string> = {
  'POST /internal/seed-demo': 'takes no input (it loads the demo files)',
  'GET /internal/backup': 'takes no input and writes a whole backup; its round trip has its own test',
};

/**
 * A registered route as the table names it: method and path, id patterns left out.
 * @example routeKey('GET', '/practices/:id{[a-z0-9]+}/edit') // 'GET /practices/:id/edit'
 */
export function routeKey(method: string, path: string): string {
  return `${method} ${path.replace(/\{[^}]*\}/g, '')}`;
}
