import { type MessageFormatElement, TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { compileMessage } from './compiled-message.ts';
import { catalogues } from './i18n.ts';

/** Values to try for each argument a message names, by how the message uses it. */
function sampleValues(ast: MessageFormatElement[]): Map<string, unknown[]> {
  const samples = new Map<string, unknown[]>();
  const add = (name: string, values: unknown[]) => samples.set(name, [...(samples.get(name) ?? []), ...values]);
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.plural || el.type === TYPE.number) add(el.value, [0, 1, 2, 3, 5, 11, 21, 1234.5, 100000]);
      else if (el.type === TYPE.select) add(el.value, [...Object.keys(el.options), 'not-an-option']);
      else if (el.type === TYPE.argument) add(el.value, ['Zürich', '', 0, 42]);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value);
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(ast);
  return samples;
}

describe('messages formatted from their parsed form', () => {
  it('read exactly as intl-messageformat formats them, for every message of every language', () => {
    let compared = 0;
    for (const [locale, catalogue] of Object.entries(catalogues)) {
      for (const [key, source] of Object.entries(catalogue)) {
        const mf = new IntlMessageFormat(source, locale);
        const fast = compileMessage(mf, locale);
        const samples = sampleValues(mf.getAst());
        // Each argument walks through its samples; the others stay at their first.
        const names = [...samples.keys()];
        for (const name of names.length ? names : ['']) {
          for (const value of samples.get(name) ?? [undefined]) {
            const values = Object.fromEntries(names.map((n) => [n, n === name ? value : samples.get(n)?.[0]]));
            const mine = fast(values);
            if (mine === undefined) continue;
            expect(mine, `${locale} ${key} ${JSON.stringify(values)}`).toBe(String(mf.format(values as Record<string, string | number>)));
            compared++;
          }
        }
      }
    }
    // Most messages take the fast path: the comparison covers thousands of formattings.
    expect(compared).toBeGreaterThan(2000);
  });

  it('leaves to the library what it does not format itself', () => {
    const date = new IntlMessageFormat('On {when, date, long}', 'en');
    expect(compileMessage(date, 'en')({ when: new Date(0) })).toBeUndefined();
    const tag = new IntlMessageFormat('Read <b>this</b>', 'en');
    expect(compileMessage(tag, 'en')({ b: (s: unknown) => s })).toBeUndefined();
    const missing = new IntlMessageFormat('Hello {name}', 'en');
    expect(compileMessage(missing, 'en')({})).toBeUndefined();
  });

  it('formats plurals, numbers and selects in the locale', () => {
    const mf = new IntlMessageFormat('{n, plural, =0 {no city} one {# city} other {# cities}} in {kind, select, big {a big} other {a}} country', 'ar');
    const fast = compileMessage(mf, 'ar');
    expect(fast({ n: 1234, kind: 'big' })).toBe(String(mf.format({ n: 1234, kind: 'big' })));
    expect(fast({ n: 0, kind: 'x' })).toBe('no city in a country');
  });
});
