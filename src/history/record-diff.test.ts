import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/i18n.ts';
import type { PracticeRecord } from '../practices/practice.schema.ts';
import { fieldText, recordDiff, wordDiff } from './record-diff.ts';

const en = translator('en');
const base: Partial<PracticeRecord> = { title: 'Language cafes', summary: 'Weekly tables.', language: 'en', country: 'BE', themes: ['language'] };

describe('recordDiff', () => {
  it('lists only the fields that differ, in the form’s order', () => {
    const after = { ...base, summary: 'Daily tables.', themes: ['language', 'housing'] as PracticeRecord['themes'], sources: [{ url: 'https://example.org' }] };
    expect(recordDiff(base, after, en).map((d) => d.field)).toEqual(['summary', 'themes', 'sources']);
    expect(recordDiff(base, { ...base }, en)).toEqual([]);
  });

  it('marks changed words only', () => {
    expect(wordDiff('Weekly tables in libraries.', 'Daily tables in libraries.', 'en')).toEqual([
      { text: 'Weekly', change: 'removed' },
      { text: 'Daily', change: 'added' },
      { text: ' tables in libraries.', change: 'same' },
    ]);
  });

  it('splits Chinese into words rather than comparing whole sentences', () => {
    const parts = wordDiff('我们每周开放图书馆', '我们每天开放图书馆', 'zh');
    expect(
      parts
        .filter((p) => p.change === 'same')
        .map((p) => p.text)
        .join(''),
    ).toContain('图书馆');
  });

  it('compares lists as readable lines in the reader’s language', () => {
    const record: Partial<PracticeRecord> = {
      themes: ['housing', 'health'],
      partners: [{ name: 'Caritas', support: 'financial' }, { name: 'City' }],
      sources: [{ url: 'https://example.org/a', title: 'Report' }],
      translations: { fr: { title: 'Cafés', machine: true } },
    };
    expect(fieldText(record, 'themes', en)).toBe('Housing\nHealth');
    expect(fieldText(record, 'partners', en)).toBe('Caritas (Financial support)\nCity');
    expect(fieldText(record, 'sources', en)).toBe('Report — https://example.org/a');
    expect(fieldText(record, 'translations', en)).toBe('French · Title: Cafés\nFrench · machine translation');
    expect(fieldText(record, 'themes', translator('fr'))).toBe('Logement\nSanté');
  });
});
