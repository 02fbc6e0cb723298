import { z } from 'zod';

/**
 * The one rule for text that comes in (URL parameters, form fields, exchange files): which
 * characters no text of the platform may hold.
 *
 * - NUL (U+0000): PostgreSQL refuses it in `text` and `jsonb`, so a statement writing a value
 *   holding it fails (a 500 for the reader).
 * - The other C0 control characters but tab, line feed and carriage return: meaningless in
 *   text people write, invisible on the page, and forbidden in the Atom feed (XML 1.0).
 * - Lone surrogates (half of a UTF-16 pair, e.g. `"\ud800"` in JSON): not a character at all,
 *   they cannot be written as UTF-8 and the database drivers silently turn them into U+FFFD.
 * - U+FFFE and U+FFFF: noncharacters, also forbidden in XML.
 *
 * Everything else is text: every script, combining marks, emoji, right-to-left marks, U+FFFD.
 */
const unstorablePattern = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** One character class, scanned several times faster: text without any of these (most text) needs no closer look. */
const suspectPattern = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Where a text breaks the rule: the first character no text may hold, and its index (in UTF-16 units). */
export interface UnstorableCharacter {
  index: number;
  /** The character as `U+0000`. */
  codePoint: string;
  kind: 'control' | 'surrogate' | 'noncharacter';
}

/**
 * The first character of `text` that no text may hold, or undefined when all of it may be stored.
 * @example unstorableCharacter('a\u0000b') // { index: 1, codePoint: 'U+0000', kind: 'control' }
 */
export function unstorableCharacter(text: string): UnstorableCharacter | undefined {
  const match = unstorablePattern.exec(text);
  if (!match) return undefined;
  const unit = match[0].charCodeAt(0);
  const kind = unit >= 0xd800 && unit <= 0xdfff ? 'surrogate' : unit >= 0xfffe ? 'noncharacter' : 'control';
  return { index: match.index, codePoint: `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`, kind };
}

/**
 * True when every character of `text` may be stored and shown.
 * @example isStorableText('Zürich 🏙') // true
 */
export function isStorableText(text: string): boolean {
  // Surrogate pairs (emoji, rare CJK) are suspect too; only then is the exact pattern needed.
  return !suspectPattern.test(text) || !unstorablePattern.test(text);
}

/**
 * The problem with a text in words for people fixing a file or an address, or undefined.
 * @example unstorableProblem('a\u0000b') // 'contains U+0000 (a control character) at character 2, which cannot be stored'
 */
export function unstorableProblem(text: string): string | undefined {
  const found = unstorableCharacter(text);
  if (!found) return undefined;
  const kinds = { control: 'a control character', surrogate: 'half of a surrogate pair', noncharacter: 'a noncharacter' };
  return `contains ${found.codePoint} (${kinds[found.kind]}) at character ${found.index + 1}, which cannot be stored`;
}

/** The message key (form.json) of a form field that breaks the rule. */
export const unstorableFieldMessage = 'form.error.characters';

/**
 * The rule as a zod check, for a string schema that sets its own type error first:
 * forms give a message key (by default `unstorableFieldMessage`), files a message in words.
 * It stops at the first problem, so a length check after it does not add a second message.
 * @example const comment = z.string({ error: 'review.comment.required' }).check(storable()).trim().min(1);
 */
export function storable(message: string | ((text: string) => string) = unstorableFieldMessage) {
  return z.refine<string>(isStorableText, {
    abort: true,
    error: (issue) => (typeof message === 'function' ? message(String(issue.input)) : message),
  });
}

/**
 * A zod string held to the rule: the type of every free-text field of a form or an exchange file.
 * @example const name = storableString().trim().min(1, 'accounts.name.required').max(100);
 */
export function storableString(message?: string | ((text: string) => string)) {
  return z.string().check(storable(message));
}

/**
 * The fields of a form parsed by hand (the practice form) that break the rule, each with
 * `unstorableFieldMessage`, for the parser to add to its own problems; forms read with zod use
 * `storable()` instead. `fieldOf` names the field a row of a repeated input belongs to (e.g.
 * `partner_name-2`).
 * @example unstorableFields({ title: 'a\u0000', themes: ['housing'] }) // { title: 'form.error.characters' }
 */
export function unstorableFields(
  values: Record<string, string | string[] | undefined>,
  fieldOf: (name: string, row: number | undefined) => string = (name) => name,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    [value].flat().forEach((v, i) => {
      if (!isStorableText(v)) errors[fieldOf(name, Array.isArray(value) ? i : undefined)] ??= unstorableFieldMessage;
    });
  }
  return errors;
}

/**
 * A copy of a text with every character that breaks the rule replaced by U+FFFD (what a
 * browser shows for a byte it cannot read), for keeping what someone typed aside without
 * losing the rest of it.
 * @example withUnstorableReplaced('a\u0000b') // 'a\ufffdb'
 */
export function withUnstorableReplaced(text: string): string {
  return isStorableText(text) ? text : text.replace(new RegExp(unstorablePattern.source, 'g'), '\uFFFD');
}

/**
 * A copy of a text with every character that breaks the rule written as a `\uXXXX` escape, for
 * messages that quote input back (an import's error list, a terminal), exact and printable.
 * @example escapedUnstorable('"\uffff"') // '"\\uFFFF"'
 */
export function escapedUnstorable(text: string): string {
  if (isStorableText(text)) return text;
  return text.replace(new RegExp(unstorablePattern.source, 'g'), (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
