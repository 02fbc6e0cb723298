import { type MessageFormatElement, TYPE } from '@formatjs/icu-messageformat-parser';
import type { IntlMessageFormat } from 'intl-messageformat';

/** The values a message is formatted with. */
type Values = Record<string, unknown>;

/** A message turned into a function of its values; undefined when the values need the library. */
export type CompiledMessage = (values: Values) => string | undefined;

/** Plural rules and number formats per locale, made once. */
const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function rulesOf(locale: string, type: Intl.PluralRuleType): Intl.PluralRules {
  const id = `${locale}|${type}`;
  let rules = pluralRules.get(id);
  if (!rules) {
    rules = new Intl.PluralRules(locale, { type });
    pluralRules.set(id, rules);
  }
  return rules;
}

function numbersOf(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format;
}

/** A failed fast path: the caller formats with the library, which also throws its own errors. */
class NeedsLibrary extends Error {}

/**
 * Formats parsed elements as intl-messageformat's `formatToParts` does, for the elements most
 * messages use (text, `{name}`, `{n, number}`, plurals with `#`, selects); anything else, or a
 * value that is not a string or number, throws NeedsLibrary.
 */
function formatElements(els: MessageFormatElement[], locale: string, values: Values, pluralValue: number | undefined): string {
  let out = '';
  for (const el of els) {
    switch (el.type) {
      case TYPE.literal:
        out += el.value;
        break;
      case TYPE.pound:
        if (pluralValue !== undefined) out += numbersOf(locale).format(pluralValue);
        break;
      case TYPE.argument: {
        const value = argumentValue(values, el.value);
        out += typeof value === 'string' || typeof value === 'number' ? String(value) : '';
        break;
      }
      case TYPE.number: {
        const value = argumentValue(values, el.value);
        if (el.style !== null && el.style !== undefined) throw new NeedsLibrary();
        out += numbersOf(locale).format(value as number);
        break;
      }
      case TYPE.select: {
        const value = argumentValue(values, el.value);
        const option = (Object.hasOwn(el.options, value as string) ? el.options[value as string] : undefined) ?? el.options.other;
        if (!option) throw new NeedsLibrary();
        out += formatElements(option.value, locale, values, undefined);
        break;
      }
      case TYPE.plural: {
        const value = argumentValue(values, el.value);
        if (typeof value !== 'number') throw new NeedsLibrary();
        let option = Object.hasOwn(el.options, `=${value}`) ? el.options[`=${value}`] : undefined;
        if (!option) {
          const rule = rulesOf(locale, el.pluralType ?? 'cardinal').select(value - (el.offset || 0));
          option = (Object.hasOwn(el.options, rule) ? el.options[rule] : undefined) ?? el.options.other;
        }
        if (!option) throw new NeedsLibrary();
        out += formatElements(option.value, locale, values, value - (el.offset || 0));
        break;
      }
      default:
        throw new NeedsLibrary();
    }
  }
  return out;
}

/** A value the message names: strings and numbers only (and nothing for a plain argument). */
function argumentValue(values: Values, name: string): string | number | undefined {
  if (!Object.hasOwn(values, name)) throw new NeedsLibrary();
  const value = values[name];
  if (value === undefined || value === null || value === false) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') throw new NeedsLibrary();
  return value;
}

/**
 * The message as a function that formats it directly from its parsed form: a page formats
 * hundreds of messages with values (the map's 400 labels), and the library's general path
 * (parts, then merged) costs several microseconds each. It answers as the library does, or
 * undefined where the library is needed (tags, dates, styled numbers, other value types).
 * @example compileMessage(new IntlMessageFormat('{count, plural, one {# city} other {# cities}}', 'en'), 'en')({ count: 2 }) // '2 cities'
 */
export function compileMessage(mf: IntlMessageFormat, locale: string): CompiledMessage {
  const ast = mf.getAst();
  return (values) => {
    try {
      return formatElements(ast, locale, values, undefined);
    } catch (e) {
      if (e instanceof NeedsLibrary) return undefined;
      throw e;
    }
  };
}
