import type { FiguresImportSummary } from '../cities/figures-import.ts';
import type { ServerInfo } from '../db/data-dir-lock.ts';
import type { AdminImportEvent } from '../open-data/admin.protocol.ts';
import type { ImportSummary } from '../practices/import/import-practices.command.ts';
import type { GrantOutcome } from '../self-assessment/grant-representative.command.ts';
import { CliError, exitCodes } from './cli-error.ts';

/** The running server a command works through, and the folder it holds (for messages). */
export interface ServerTarget {
  server: ServerInfo;
  dataDir: string;
}

/**
 * Calls an admin endpoint of the server; unreachable servers and refusals become clear CliErrors.
 * With `refusedWith`, a 400 or 404 (the server refused what was asked) is that exit status and the server's reason alone.
 */
export async function callServer(
  { server, dataDir }: ServerTarget,
  pathAndQuery: string,
  init: RequestInit = {},
  { refusedWith }: { refusedWith?: number } = {},
): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${server.url}${pathAndQuery}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${server.token}` },
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new CliError(
      `The Clearinghouse server (process ${server.pid}) holds the data folder ${dataDir}, but does not answer at ${server.url} ` +
        `(${cause?.code ?? cause?.message ?? (e as Error).message}).\n` +
        `The embedded database allows one writer, so this command will not open the folder while the server holds it.\n` +
        `If the server is starting, try again in a moment. If it hangs, stop it (kill ${server.pid}), then run this command again: ` +
        'it will then open the folder itself.',
      exitCodes.busy,
    );
  }
  if (res.status === 403) {
    throw new CliError(`The server at ${server.url} refused the admin token from ${dataDir}/server.json. Restart the server and try again.`, exitCodes.busy);
  }
  if (!res.ok) {
    const problem = (await res.json().catch(() => ({}))) as { detail?: string; title?: string };
    if (refusedWith !== undefined && (res.status === 400 || res.status === 404) && problem.detail) throw new CliError(problem.detail, refusedWith);
    throw new CliError(`The server at ${server.url} answered ${res.status}: ${problem.detail ?? problem.title ?? res.statusText}`, exitCodes.software);
  }
  return res;
}

/** Splits a byte stream into lines of text. */
async function* lines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of body) {
    buffered += decoder.decode(chunk, { stream: true });
    let nl = buffered.indexOf('\n');
    while (nl >= 0) {
      yield buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      nl = buffered.indexOf('\n');
    }
  }
  if (buffered.trim()) yield buffered;
}

/**
 * Imports a file through the running server (POST /internal/import), following its progress,
 * and returns the same summary a local import gives.
 * @example const summary = await importThroughServer(target, text, { partial: false, source: 'x.json', author: 'cli:ana', onProgress });
 */
export async function importThroughServer(
  target: ServerTarget,
  text: string,
  options: { partial: boolean; source: string; author: string; onProgress: (done: number, total: number) => void },
): Promise<ImportSummary> {
  const query = new URLSearchParams({ partial: options.partial ? '1' : '0', source: options.source, author: options.author });
  const res = await callServer(target, `/internal/import?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: text,
  });
  if (!res.body) throw new CliError('The server sent an empty answer to the import.', exitCodes.software);
  for await (const line of lines(res.body)) {
    if (!line.trim()) continue;
    const event = JSON.parse(line) as AdminImportEvent;
    if (event.type === 'progress') options.onProgress(event.done, event.total);
    else if (event.type === 'summary') return event.summary;
    else throw new CliError(`The server could not import the file: ${event.message}.`, exitCodes.software);
  }
  throw new CliError('The server closed the connection before the import finished; check the server log.', exitCodes.software);
}

/**
 * Exports through the running server (GET /internal/export): the number of practices and the file's bytes.
 * @example const { total, body } = await exportThroughServer(target, 'csv', 'theme=housing');
 */
export async function exportThroughServer(
  target: ServerTarget,
  format: string,
  searchQuery: string,
): Promise<{ total: number; body: ReadableStream<Uint8Array> }> {
  const query = new URLSearchParams(searchQuery);
  query.set('format', format);
  const res = await callServer(target, `/internal/export?${query}`);
  if (!res.body) throw new CliError('The server sent an empty export.', exitCodes.software);
  return { total: Number(res.headers.get('x-total-count') ?? Number.NaN), body: res.body };
}

/**
 * Loads the demo data through the running server (POST /internal/seed-demo).
 * @example const summary = await seedDemoThroughServer(target);
 */
export async function seedDemoThroughServer(target: ServerTarget): Promise<ImportSummary> {
  const res = await callServer(target, '/internal/seed-demo', { method: 'POST' });
  return (await res.json()) as ImportSummary;
}

/**
 * Queues a digest run now on the running server (POST /internal/digests): its worker sends it.
 * @example await digestThroughServer(target, 'weekly');
 */
export async function digestThroughServer(target: ServerTarget, frequency: 'daily' | 'weekly'): Promise<void> {
  await callServer(target, `/internal/digests?frequency=${frequency}`, { method: 'POST' });
}

/**
 * Imports a CSV file of figures through the running server (POST /internal/figures).
 * @example const summary = await figuresThroughServer(target, text, { partial: false, source: 'figures.csv', author: 'cli:ana' });
 */
export async function figuresThroughServer(
  target: ServerTarget,
  text: string,
  options: { partial: boolean; source: string; author: string },
): Promise<FiguresImportSummary> {
  const query = new URLSearchParams({ partial: options.partial ? '1' : '0', source: options.source, author: options.author });
  const res = await callServer(target, `/internal/figures?${query}`, { method: 'POST', headers: { 'content-type': 'text/csv; charset=utf-8' }, body: text });
  return (await res.json()) as FiguresImportSummary;
}

/**
 * Makes an account a representative of a city, or ends it, through the running server (POST
 * /internal/representatives); an unknown account or city is a CliError with the data-error status.
 * @example const outcome = await representativeThroughServer(target, { email: 'ana@example.org', city: 'de/berlin', grant: true, operator: 'cli:ana' });
 */
export async function representativeThroughServer(
  target: ServerTarget,
  body: { email: string; city: string; grant: boolean; operator: string },
): Promise<GrantOutcome> {
  const res = await callServer(
    target,
    '/internal/representatives',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    { refusedWith: exitCodes.dataError },
  );
  return ((await res.json()) as { outcome: GrantOutcome }).outcome;
}
