import type { LinkStatus } from '../db/schema.ts';
import { networkReason } from '../shared/bounded-fetch.ts';

/** A link to check, and what it belongs to: a practice's source, a resource's link… */
export interface LinkTarget {
  /** What holds the link ('practice', 'resource', …). */
  kind: string;
  id: string;
  /** The holder's title, shown to editors. */
  title: string;
  url: string;
}

/** What a check found. */
export interface LinkResult {
  status: LinkStatus;
  httpStatus: number | null;
  /** Where the redirects ended, when there were any. */
  finalUrl: string | null;
  /** Why it is broken: the status, a timeout, a refused connection, too many redirects. */
  reason: string | null;
}

/** Limits of a run. */
export interface CheckLimits {
  timeoutMs: number;
  concurrency: number;
}

const maxRedirects = 5;

/** One request without following redirects; a HEAD refused by the server is asked again as a GET. */
async function request(url: string, timeoutMs: number): Promise<Response> {
  const init = { redirect: 'manual' as const, headers: { 'user-agent': 'Clearinghouse link checker' } };
  const head = await fetch(url, { ...init, method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) }).catch(() => undefined);
  if (head && head.status < 400) return head;
  const get = await fetch(url, { ...init, method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
  await get.body?.cancel();
  return get;
}

/**
 * Checks one URL: HEAD (GET when HEAD fails), redirects followed up to 5, each request with a timeout.
 * @example const result = await checkUrl('https://example.org/report', 10_000);
 */
export async function checkUrl(url: string, timeoutMs: number): Promise<LinkResult> {
  let current = url;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    let res: Response;
    try {
      res = await request(current, timeoutMs);
    } catch (e) {
      return { status: 'broken', httpStatus: null, finalUrl: hop > 0 ? current : null, reason: networkReason(e) };
    }
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      current = new URL(location, current).toString();
      continue;
    }
    if (res.status >= 400) return { status: 'broken', httpStatus: res.status, finalUrl: hop > 0 ? current : null, reason: `HTTP ${res.status}` };
    return hop > 0
      ? { status: 'redirected', httpStatus: res.status, finalUrl: current, reason: null }
      : { status: 'ok', httpStatus: res.status, finalUrl: null, reason: null };
  }
  return { status: 'broken', httpStatus: null, finalUrl: current, reason: `more than ${maxRedirects} redirects` };
}

/** The host a URL is polite to; an unreadable URL is its own "host" (and is found broken). */
function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url;
}

/**
 * Checks every distinct URL once, at most `concurrency` at a time and one at a time per host
 * (each worker takes a whole host's list), and returns the result of each URL.
 * @example const results = await checkLinks(targets, { timeoutMs: 10_000, concurrency: 8 });
 */
export async function checkLinks(targets: LinkTarget[], limits: CheckLimits): Promise<Map<string, LinkResult>> {
  const byHost = new Map<string, string[]>();
  for (const url of new Set(targets.map((t) => t.url))) {
    const host = hostOf(url);
    byHost.set(host, [...(byHost.get(host) ?? []), url]);
  }
  const queues = [...byHost.values()];
  const results = new Map<string, LinkResult>();
  const worker = async () => {
    for (let urls = queues.shift(); urls; urls = queues.shift()) {
      for (const url of urls) {
        results.set(
          url,
          URL.canParse(url) ? await checkUrl(url, limits.timeoutMs) : { status: 'broken', httpStatus: null, finalUrl: null, reason: 'not a URL' },
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limits.concurrency, queues.length) }, worker));
  return results;
}
