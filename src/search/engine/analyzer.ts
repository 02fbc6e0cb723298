import { foldArabic } from '../text-normalize.ts';
import { foldWord } from './fold.ts';
import { stem } from './stemmers.ts';
import { isStopWord } from './stop-words.ts';

/** A word of a text as the index sees it. */
export interface Token {
  /** The word lower-cased and folded ("réfugiés" → "refugies"): the vocabulary, for typo look-ups. */
  word: string;
  /** `<language>:<folded stem>` ("en:hous"): what the index stores and queries look up. */
  key: string;
  /** Where the word stands in the text (UTF-16 offsets), for highlighting. */
  start: number;
  end: number;
}

// Letters, digits and combining marks; apostrophes and hyphens split ("l'accueil", "anti-rumour").
const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;
const hanRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/u;

const keyCache = new Map<string, string>();

/**
 * The index key of a lower-case word in a language: its stem, folded, tagged with the
 * language, so a word matches only where it was read in the same language.
 * @example wordKey('housing', 'en') // 'en:hous'
 */
export function wordKey(lower: string, language: string): string {
  const cacheKey = `${language}:${lower}`;
  let key = keyCache.get(cacheKey);
  if (key === undefined) {
    // Arabic spelling variants and harakat are folded before stemming, which expects bare letters.
    key = `${language}:${foldWord(stem(foldArabic(lower), language))}`;
    if (keyCache.size > 300_000) keyCache.clear();
    keyCache.set(cacheKey, key);
  }
  return key;
}

/**
 * Splits a text into index tokens in its language. Runs of Chinese or Japanese characters,
 * written without spaces, become overlapping two-character words ("难民住房" → 难民, 民住, 住房),
 * the commonest length of a word there. Stop words are left out unless `keepStopWords`.
 * @example analyze('Housing for refugees', 'en').map((t) => t.key) // ['en:hous', 'en:refuge']
 */
export function analyze(text: string, language: string, options: { keepStopWords?: boolean } = {}): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(wordPattern)) {
    const raw = m[0];
    const at = m.index ?? 0;
    if (hanRun.test(raw)) {
      pushHan(tokens, raw, at, language);
      continue;
    }
    const lower = raw.toLowerCase();
    const word = foldWord(lower);
    if (!options.keepStopWords && isStopWord(word, language)) continue;
    tokens.push({ word, key: wordKey(lower, language), start: at, end: at + raw.length });
  }
  return tokens;
}

/** Tokens of a word holding Chinese or Japanese characters: bigrams of each such run, the rest as words. */
function pushHan(tokens: Token[], raw: string, at: number, language: string): void {
  for (const part of raw.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu)) {
    const text = part[0];
    const start = at + (part.index ?? 0);
    if (!hanRun.test(text)) {
      const lower = text.toLowerCase();
      tokens.push({ word: foldWord(lower), key: wordKey(lower, language), start, end: start + text.length });
      continue;
    }
    const chars = [...text];
    if (chars.length <= 2) {
      tokens.push({ word: text, key: `${language}:${text}`, start, end: start + text.length });
      continue;
    }
    let offset = start;
    for (let i = 0; i < chars.length - 1; i++) {
      const gram = chars[i] + chars[i + 1];
      tokens.push({ word: gram, key: `${language}:${gram}`, start: offset, end: offset + gram.length });
      offset += chars[i].length;
    }
  }
}
