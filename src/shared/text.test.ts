import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash, stableStringify } from './text.ts';

/** How canonical JSON was written when the stored content hashes were made: a sorting replacer. */
function replacerStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

describe('stableStringify', () => {
  it('sorts keys at every depth', () => {
    expect(stableStringify({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"e":2,"f":1}]},"b":1}');
  });

  it('writes the very text the stored content hashes were made from, so re-imports stay "unchanged"', () => {
    const demo = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../demo/practices.json'), 'utf8')).practices as unknown[];
    for (const record of demo) expect(stableStringify(record)).toBe(replacerStringify(record));
    // What a record from a file or a form can hold at its edges.
    const edges = {
      translations: { zh: { title: '住房' }, ar: { title: 'سكن' }, 'pt-BR': { title: 'Moradia' } },
      '10': 'index keys come first, in numeric order',
      '9': 'nine',
      '01': 'not an index',
      é: 'accented key',
      missing: undefined,
      nothing: null,
      list: [undefined, () => 1, Number.NaN, -0, 1e21, 'a\u2028b', '"quoted"\n'],
      when: new Date(Date.UTC(2024, 0, 2)),
      empty: {},
      emptyList: [],
    };
    expect(stableStringify(edges)).toBe(replacerStringify(edges));
    expect(contentHash(demo[0])).toBe(contentHash(JSON.parse(replacerStringify(demo[0]))));
  });
});
