import type { MessageValues, Translator } from '../i18n/i18n.ts';

const slot = '\u0001';

/**
 * A message split around one placeholder, so markup (a link, a styled count) can sit where
 * the translation puts it rather than where English does.
 * @example const [before, after] = messageParts(i18n, 'search.explain.corrected', 'corrected');
 */
export function messageParts(i18n: Translator, key: string, name: string, values: MessageValues = {}): [string, string] {
  const text = i18n.t(key, { ...values, [name]: slot });
  const at = text.indexOf(slot);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + slot.length)];
}

/**
 * A message with markup in several placeholders, in the translation's order:
 * `messageWith(i18n, 'common.place', { city: <a>…</a>, country: <a>…</a> })`.
 */
export function messageWith<T>(i18n: Translator, key: string, slots: Record<string, T>): (string | T)[] {
  const names = Object.keys(slots);
  const marks = Object.fromEntries(names.map((n, i) => [n, String.fromCharCode(0xe000 + i)]));
  const text = i18n.t(key, marks);
  const out: (string | T)[] = [];
  let buffer = '';
  for (const ch of text) {
    const at = ch.charCodeAt(0) - 0xe000;
    if (at >= 0 && at < names.length) {
      if (buffer) out.push(buffer);
      buffer = '';
      out.push(slots[names[at]]);
    } else buffer += ch;
  }
  if (buffer) out.push(buffer);
  return out;
}

/** The separator the reader's language puts between list items: ", " · "، " · "、". */
export function listSeparator(locale: string): string {
  const parts = new Intl.ListFormat(locale, { type: 'conjunction' }).formatToParts(['a', 'b', 'c']);
  return parts.find((p) => p.type === 'literal')?.value ?? ', ';
}
