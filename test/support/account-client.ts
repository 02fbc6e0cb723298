import type { Hono } from 'hono';
import { createUserWithRole } from '../../src/accounts/user-admin.ts';
import type { Database } from '../../src/db/database.ts';
import type { Role } from '../../src/db/schema.ts';
import type { AppEnv } from '../../src/http/app-env.ts';

/**
 * A tiny browser for in-process tests: keeps cookies, sends forms with the page's CSRF token
 * and the site's Origin, like a real browser posting a form from the page.
 */
export class AccountClient {
  readonly cookies = new Map<string, string>();
  origin = 'http://localhost:3000';

  constructor(
    private readonly app: Hono<AppEnv>,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** A request with the jar's cookies; Set-Cookie answers update the jar. */
  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(this.headers)) headers.set(k, v);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await this.app.request(`http://localhost:3000${path}`, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const [name, ...rest] = pair.split('=');
      const value = rest.join('=');
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return res;
  }

  /** GETs a page and returns its HTML. */
  async page(path: string): Promise<{ res: Response; html: string }> {
    const res = await this.request(path);
    return { res, html: await res.text() };
  }

  /** The CSRF token of the form on a page. */
  async tokenFrom(path: string): Promise<string> {
    const { html } = await this.page(path);
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error(`no CSRF token on ${path}`);
    return token;
  }

  /** Posts a form as a browser would from `formPage` (its token, our Origin), unless overridden. */
  async submit(
    formPage: string,
    action: string,
    fields: Record<string, string | string[] | undefined>,
    opts: { token?: string | null; origin?: string | null } = {},
  ): Promise<Response> {
    const body = new URLSearchParams();
    const token = opts.token === undefined ? await this.tokenFrom(formPage) : opts.token;
    if (token !== null) body.append('_csrf', token);
    for (const [k, v] of Object.entries(fields)) for (const one of v === undefined ? [] : [v].flat()) body.append(k, one);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    const origin = opts.origin === undefined ? this.origin : opts.origin;
    if (origin !== null) headers.origin = origin;
    return this.request(action, { method: 'POST', headers, body });
  }
}

/**
 * The first link to `path` in a raw mail (quoted-printable or base64 bodies are decoded).
 * @example const link = linkInMail(eml, '/signup/confirm');
 */
export function linkInMail(eml: string, path: string): string {
  const text = mailText(eml);
  const m = new RegExp(`https?://[^\\s]*${path.replace(/\//g, '\\/')}[^\\s]*`).exec(text);
  if (!m) throw new Error(`no link to ${path} in mail:\n${text}`);
  return m[0];
}

/** The decoded plain-text body of a raw mail. */
export function mailText(eml: string): string {
  const [head, ...rest] = eml.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    return Buffer.from(
      body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  }
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** The value of a header in a raw mail (first occurrence, unfolded). */
export function mailHeader(eml: string, name: string): string | undefined {
  const head = eml.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1];
}

/** The password of every account the tests create. */
export const testPassword = 'a long river of words';
let clientCounter = 0;

/**
 * Creates an account with a role (as the CLI does) and signs it in through /login, from an
 * address of its own so one test's sign-in limits never touch another's.
 * @example const { b, id } = await signedInClient(app, db, 'editor', 'Ana Editor');
 */
export async function signedInClient(app: Hono<AppEnv>, db: Database, role: Role, name: string): Promise<{ b: AccountClient; id: number; email: string }> {
  const n = ++clientCounter;
  const email = `${role}${n}-${Date.now()}@example.org`;
  const id = await createUserWithRole(db, { email, role, name, password: testPassword });
  const b = new AccountClient(app, { 'x-forwarded-for': `198.18.${Math.floor(n / 250) % 250}.${(n % 250) + 1}` });
  const res = await b.submit('/login', '/login', { email, password: testPassword });
  if (res.status !== 303) throw new Error(`${email} could not sign in: ${res.status}`);
  return { b, id, email };
}
