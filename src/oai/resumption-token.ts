import { z } from 'zod';

/** How long a token may be used: long enough for any harvest, short enough to retire old formats. */
export const tokenLifetimeMs = 24 * 60 * 60 * 1000;

const tokenSchema = z
  .object({
    v: z.literal(1),
    verb: z.enum(['ListRecords', 'ListIdentifiers']),
    metadataPrefix: z.string().min(1).max(40),
    from: z.string().max(20).optional(),
    until: z.string().max(20).optional(),
    set: z.string().max(200).optional(),
    after: z.object({ stamp: z.string().min(1).max(40), kind: z.string().min(1).max(40), id: z.string().min(1).max(200) }).strict(),
    issued: z.number().int().nonnegative(),
  })
  .strict();

/** What a token carries: the list request's arguments, where the last page ended, and when it was issued. */
export type ResumptionState = z.infer<typeof tokenSchema>;

/**
 * A resumption token: the request's arguments and the last item's datestamp and id, as
 * base64url JSON. Nothing is kept on the server, so a token survives restarts, other
 * instances and writes between pages (the next page starts after the cursor, whatever moved).
 * @example encodeToken({ v: 1, verb: 'ListRecords', metadataPrefix: 'oai_dc', after, issued: Date.now() })
 */
export function encodeToken(state: ResumptionState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

/**
 * Reads a token for a verb: undefined when it is garbled, for another verb, or expired.
 * @example decodeToken(token, 'ListRecords', Date.now())?.after
 */
export function decodeToken(token: string, verb: string, now: number): ResumptionState | undefined {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(token)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = tokenSchema.safeParse(json);
  if (!parsed.success || parsed.data.verb !== verb) return undefined;
  if (parsed.data.issued > now + 60_000 || now - parsed.data.issued > tokenLifetimeMs) return undefined;
  return parsed.data;
}
