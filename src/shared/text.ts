import { createHash } from 'node:crypto';

/**
 * A URL-safe slug of a name, accents folded: "São Paulo" → "sao-paulo".
 * @example slugify('Zürich') // 'zurich'
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Folds accents and case so names compare as a person would: "Malmö" equals "malmo". */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** JSON with object keys sorted, so equal records serialise to equal strings. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** SHA-256 of a record's canonical JSON: re-importing an identical record is detected as unchanged. */
export function contentHash(value: unknown): string {
  return hashOfCanonical(stableStringify(value));
}

/** The content hash of a value already in canonical form (stableStringify's output). */
export function hashOfCanonical(canonical: string): string {
  return createHash('sha256').update(canonical).digest('hex');
}
