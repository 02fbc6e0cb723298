import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { catalogues, locales, translator } from './i18n.ts';

const messagesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'messages');
const english = catalogues.en;

/** Placeholder names used by a message (arguments of any type). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: ReturnType<typeof parse>) => {
    for (const n of nodes as unknown as Record<string, unknown>[]) {
      if (typeof n.value === 'string' && n.type !== 0 && n.type !== 7) names.add(n.value);
      const options = n.options as Record<string, { value: ReturnType<typeof parse> }> | undefined;
      if (options) for (const o of Object.values(options)) walk(o.value);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

describe('message catalogues', () => {
  it('offers the six UN languages', () => {
    expect([...locales].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
  });

  it('has no key twice across the files of a language', () => {
    for (const locale of locales) {
      const seen = new Map<string, string>();
      for (const file of fs.readdirSync(path.join(messagesDir, locale))) {
        for (const key of Object.keys(JSON.parse(fs.readFileSync(path.join(messagesDir, locale, file), 'utf8')))) {
          expect(seen.get(key), `${locale}: ${key} in ${file} and ${seen.get(key)}`).toBeUndefined();
          seen.set(key, file);
        }
      }
    }
  });

  for (const locale of locales.filter((l) => l !== 'en')) {
    it(`${locale} has exactly the keys English has`, () => {
      const theirs = catalogues[locale];
      expect(
        Object.keys(english).filter((k) => !(k in theirs)),
        'missing',
      ).toEqual([]);
      expect(
        Object.keys(theirs).filter((k) => !(k in english)),
        'extra',
      ).toEqual([]);
    });
  }

  for (const locale of locales) {
    it(`${locale} messages parse as ICU and use the same placeholders as English`, () => {
      for (const [key, message] of Object.entries(catalogues[locale])) {
        let args: string[] = [];
        expect(() => {
          args = argumentsOf(message);
        }, `${locale}: ${key}`).not.toThrow();
        if (locale !== 'en' && english[key] !== undefined) {
          expect(args, `${locale}: ${key}`).toEqual(argumentsOf(english[key]));
        }
      }
    });
  }

  it('formats plurals per language rules', () => {
    expect(translator('en').t('home.figure.practices', { count: 1 })).toBe('practice');
    expect(translator('ru').t('home.figure.practices', { count: 5 })).not.toBe(translator('ru').t('home.figure.practices', { count: 1 }));
  });
});
