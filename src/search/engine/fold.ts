import { foldArabic } from '../text-normalize.ts';

/**
 * Folds a lower-case word the same way on both sides of the index: accents and other marks
 * removed (NFKD), Arabic spelling variants joined.
 * @example foldWord('réfugiés') // 'refugies'
 */
export function foldWord(word: string): string {
  // ASCII needs nothing: most words of most records, checked without normalising.
  if (/^[\x00-\x7f]*$/.test(word)) return word;
  return foldArabic(word.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC'));
}
