import type { z } from 'zod';
import { badRequest } from './errors.ts';

/**
 * Reads a request's query string with a strict zod object schema: a parameter given twice, an
 * unknown parameter or a malformed value is a 400 problem document naming every one of them.
 * @example const query = readStrictQuery(organizationQuery, new URL(c.req.url).searchParams);
 */
export function readStrictQuery<T extends z.ZodType>(schema: T, params: URLSearchParams): z.infer<T> {
  const raw: Record<string, string> = {};
  const problems: { path: string; message: string }[] = [];
  for (const [key, value] of params) {
    if (key in raw) problems.push({ path: key, message: 'must be given once' });
    raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') for (const key of issue.keys) problems.push({ path: key, message: 'is not a parameter of this endpoint' });
      else problems.push({ path: issue.path.join('.'), message: issue.message });
    }
  if (problems.length || !parsed.success) throw badRequest(problems.map((p) => `${p.path} ${p.message}`).join('; '), problems);
  return parsed.data;
}
