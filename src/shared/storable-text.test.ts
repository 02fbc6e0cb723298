import { describe, expect, it } from 'vitest';
import { escapedUnstorable, isStorableText, unstorableCharacter, unstorableFields, unstorableProblem, withUnstorableReplaced } from './storable-text.ts';

describe('storable text', () => {
  it('refuses NUL, the C0 controls but tab and line breaks, lone surrogates and U+FFFE/U+FFFF', () => {
    for (const bad of [
      '\u0000',
      'a\u0001',
      '\u0008',
      '\u000B',
      '\u000C',
      '\u001B[31m',
      '\u001F',
      'x\uD800',
      '\uDC00x',
      '\uDBFF\uDBFF\uDC00',
      '\uFFFE',
      '\uFFFF',
    ]) {
      expect(isStorableText(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('keeps every real character: tabs, line breaks, scripts, marks, emoji, bidi marks, U+FFFD, DEL and C1', () => {
    for (const good of [
      '',
      'a\tb\nc\r\nd',
      'Zürich',
      'Ελλάδα',
      'القاهرة\u200F',
      '北京',
      'e\u0301',
      '🏙️👩🏽‍🔧',
      '\uD83D\uDE00',
      '\uFFFD',
      '\u007F\u0085',
      '\u2028',
      '\uFEFF',
    ]) {
      expect(isStorableText(good), JSON.stringify(good)).toBe(true);
    }
  });

  it('says which character is wrong and where, for a person fixing a file', () => {
    expect(unstorableCharacter('ab\u0000')).toEqual({ index: 2, codePoint: 'U+0000', kind: 'control' });
    expect(unstorableProblem('Hous\u0000ing')).toBe('contains U+0000 (a control character) at character 5, which cannot be stored');
    expect(unstorableProblem('x\uD800')).toBe('contains U+D800 (half of a surrogate pair) at character 2, which cannot be stored');
    expect(unstorableProblem('fine')).toBeUndefined();
  });

  it('names the fields of a form that break it, rows included', () => {
    const values = { title: 'ok', summary: 'a\u0000', partner_name: ['fine', 'b\u0007'], themes: ['housing'] };
    expect(unstorableFields(values)).toEqual({ summary: 'form.error.characters', partner_name: 'form.error.characters' });
    expect(unstorableFields(values, (name, row) => (row === undefined ? name : `${name}-${row}`))).toEqual({
      summary: 'form.error.characters',
      'partner_name-1': 'form.error.characters',
    });
  });

  it('replaces what breaks it with U+FFFD for pages, or an escape for messages, and leaves the rest', () => {
    expect(withUnstorableReplaced('a\u0000b\uD800c 🏙')).toBe('a\uFFFDb\uFFFDc 🏙');
    expect(escapedUnstorable('unknown theme "\uFFFF\u0007" 🏙')).toBe('unknown theme "\\uFFFF\\u0007" 🏙');
  });
});
