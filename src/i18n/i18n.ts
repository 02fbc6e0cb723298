import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { projectPath } from '../shared/project-root.ts';
import { type CompiledMessage, compileMessage } from './compiled-message.ts';

const messagesDir = projectPath('src', 'i18n', 'messages');

/**
 * Reads the catalogues: one folder per locale under messages/, one JSON file per product area,
 * merged. A new language is a new folder; no code changes.
 */
function loadCatalogues(): Record<string, Record<string, string>> {
  const result: Record<string, Record<string, string>> = {};
  for (const locale of fs.readdirSync(messagesDir).sort()) {
    const dir = path.join(messagesDir, locale);
    if (!fs.statSync(dir).isDirectory()) continue;
    result[locale] = {};
    for (const file of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      Object.assign(result[locale], JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    }
  }
  return result;
}

/** Message catalogues by locale. */
export const catalogues = loadCatalogues();

/**
 * Interface languages: the six official UN languages, in the UN's order, which the language
 * switcher follows. Each has a catalogue folder; a test keeps them complete.
 */
export const locales = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
export const defaultLocale = 'en';

/** Languages written right to left. */
const rtl = new Set(['ar', 'he', 'fa', 'ur']);

export type MessageKey = string;
export type MessageValues = Record<string, string | number | Date | boolean | null | undefined>;

/** Translates message keys and formats numbers and dates for one locale. */
export interface Translator {
  locale: string;
  dir: 'ltr' | 'rtl';
  t: (key: MessageKey, values?: MessageValues) => string;
  number: (n: number, options?: Intl.NumberFormatOptions) => string;
  date: (d: Date | string, options?: Intl.DateTimeFormatOptions) => string;
}

const compiled = new Map<string, { mf: IntlMessageFormat; fast: CompiledMessage }>();
const plain = new Map<string, string>();
const translators = new Map<string, Translator>();
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** A number or date formatter per locale and options, made once: constructing one costs more than formatting. */
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(
  Make: new (locale: string, options: object) => F,
  locale: string,
  options: Intl.NumberFormatOptions | Intl.DateTimeFormatOptions,
): F {
  const key = `${Make.name}|${locale}|${JSON.stringify(options)}`;
  let made = formatters.get(key) as F | undefined;
  if (!made) {
    made = new Make(locale, options);
    formatters.set(key, made);
  }
  return made;
}

/**
 * A translator for a locale (cached): ICU messages with plurals and selects, locale-aware numbers and dates.
 * @example const { t } = translator('en'); t('search.results', { count: 3 })
 */
export function translator(locale: string): Translator {
  const known = locales.includes(locale) ? locale : defaultLocale;
  const cached = translators.get(known);
  if (cached) return cached;
  const catalogue = catalogues[known] ?? {};
  const numberFormat = new Intl.NumberFormat(known);
  const made: Translator = {
    locale: known,
    dir: rtl.has(known) ? 'rtl' : 'ltr',
    t(key, values) {
      const id = `${known}\u0000${key}`;
      // A message without values always reads the same: formatted once (a page shows hundreds).
      if (!values) {
        const fixed = plain.get(id);
        if (fixed !== undefined) return fixed;
      }
      const source = catalogue[key] ?? catalogues[defaultLocale][key];
      let made = compiled.get(id);
      if (!made) {
        const mf = new IntlMessageFormat(source ?? key, known);
        made = { mf, fast: compileMessage(mf, known) };
        // Only the catalogue's own keys are kept: a key built from request data must not grow the cache.
        if (source !== undefined) compiled.set(id, made);
      }
      const text = (values && made.fast(values)) ?? String(made.mf.format(values as Record<string, string | number | Date | boolean>));
      if (!values && source !== undefined) plain.set(id, text);
      return text;
    },
    number: (n, options) => (options ? formatter(Intl.NumberFormat, known, options).format(n) : numberFormat.format(n)),
    date: (d, options) => formatter(Intl.DateTimeFormat, known, options ?? { dateStyle: 'long' }).format(typeof d === 'string' ? new Date(d) : d),
  };
  translators.set(known, made);
  return made;
}
