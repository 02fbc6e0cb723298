import type { MessageValues, Translator } from '../i18n/i18n.ts';

const slot = '\u0001';

/**
 * A message split around one placeholder, so markup (a link, a styled count) can sit where
 * the translation puts it rather than where English does.
 * @example const [before, after] = messageParts(i18n, 'search.did_you_mean', 'suggestion');
 */
export function messageParts(i18n: Translator, key: string, name: string, values: MessageValues = {}): [string, string] {
  const text = i18n.t(key, { ...values, [name]: slot });
  const at = text.indexOf(slot);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + slot.length)];
}
