/** Why a request to another site gave no usable answer, in words an operator reads in a report. */
export class FetchProblem extends Error {
  constructor(
    message: string,
    /** The HTTP status when the site answered, else undefined (timeout, refused connection, …). */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Limits of one request to another site. */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  /** Sent as Accept. */
  accept?: string;
}

/** The site's words for a failed connection (ECONNREFUSED, a timeout), from undici's error and its cause. */
export function networkReason(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timed out';
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}

/** Reads a body up to `maxBytes`, refusing (and cancelling the download) beyond. */
async function readLimited(res: Response, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new FetchProblem(`answer too large (${declared} bytes, at most ${maxBytes})`);
  }
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new FetchProblem(`answer too large (more than ${maxBytes} bytes)`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * GETs a URL as text with a timeout over the whole exchange and a size limit; a network error,
 * a timeout, a non-2xx answer or an oversized body is a FetchProblem saying which.
 * @example const xml = await fetchText('https://example.org/oai?verb=Identify', { timeoutMs: 30_000, maxBytes: 50e6 });
 */
export async function fetchText(url: string, limits: FetchLimits): Promise<string> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: limits.accept ?? '*/*', 'user-agent': 'Clearinghouse harvester' }, redirect: 'follow' });
  } catch (e) {
    throw new FetchProblem(`could not reach ${url}: ${networkReason(e)}`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new FetchProblem(`${url} answered ${res.status} ${res.statusText}`.trim(), res.status);
  }
  try {
    return await readLimited(res, limits.maxBytes);
  } catch (e) {
    if (e instanceof FetchProblem) throw e;
    throw new FetchProblem(`reading ${url} failed: ${networkReason(e)}`);
  }
}
