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
  /** A stop word (only returned with `keepStopWords`). */
  stop?: boolean;
}

// Letters, digits and combining marks; apostrophes and hyphens split ("l'accueil", "anti-rumour").
const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;
const hanRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/u;

/** What a lower-case word is in a language: its folded form, its key, whether it is a stop word. */
interface WordEntry {
  word: string;
  key: string;
  stop: boolean;
}

/** Per language, every word met so far: a collection repeats the same words, and this is the hot path of indexing. */
const entries = new Map<string, Map<string, WordEntry>>();
let entryCount = 0;

function entryOf(lower: string, language: string): WordEntry {
  let byWord = entries.get(language);
  if (!byWord) {
    byWord = new Map();
    entries.set(language, byWord);
  }
  let entry = byWord.get(lower);
  if (entry === undefined) {
    const word = foldWord(lower);
    // Arabic spelling variants and harakat are folded before stemming, which expects bare letters.
    entry = { word, key: `${language}:${foldWord(stem(foldArabic(lower), language))}`, stop: isStopWord(word, language) };
    if (++entryCount > 500_000) {
      entries.clear();
      entryCount = 0;
    }
    byWord.set(lower, entry);
  }
  return entry;
}

/**
 * The index key of a lower-case word in a language: its stem, folded, tagged with the
 * language, so a word matches only where it was read in the same language.
 * @example wordKey('housing', 'en') // 'en:hous'
 */
export function wordKey(lower: string, language: string): string {
  return entryOf(lower, language).key;
}

/** What scan reports of each word: its folded form, key, place in the text, and whether it is a stop word. */
type Visit = (word: string, key: string, start: number, end: number, stop: boolean) => void;

/**
 * Walks the words of a text in its language: every word with its key, stop words flagged. Runs
 * of Chinese or Japanese characters, written without spaces, become overlapping two-character
 * words ("难民住房" → 难民, 民住, 住房), the commonest length of a word there.
 */
function scan(text: string, language: string, visit: Visit): void {
  for (const m of text.matchAll(wordPattern)) {
    const raw = m[0];
    const at = m.index ?? 0;
    // Only a word with a character from U+2E80 on can hold Chinese or Japanese.
    if (hasWideCharacter(raw) && hanRun.test(raw)) {
      scanHan(raw, at, language, visit);
      continue;
    }
    const entry = entryOf(raw.toLowerCase(), language);
    visit(entry.word, entry.key, at, at + raw.length, entry.stop);
  }
}

/**
 * Calls `fn` with the folded word and key of each indexed word of a text (stop words go to
 * `onStopWord`), without building token objects: the indexing path. Returns the words indexed.
 * @example forEachKey('Housing for refugees', 'en', (word, key) => counts.set(key, 1));
 */
export function forEachKey(text: string, language: string, fn: (word: string, key: string) => void, onStopWord?: () => void): number {
  let n = 0;
  scan(text, language, (word, key, _start, _end, stop) => {
    if (stop) onStopWord?.();
    else {
      fn(word, key);
      n++;
    }
  });
  return n;
}

/**
 * Splits a text into index tokens in its language (see scan). Stop words are left out unless
 * `keepStopWords`.
 * @example analyze('Housing for refugees', 'en').map((t) => t.key) // ['en:hous', 'en:refuge']
 */
export function analyze(text: string, language: string, options: { keepStopWords?: boolean } = {}): Token[] {
  const tokens: Token[] = [];
  scan(text, language, (word, key, start, end, stop) => {
    if (!stop) tokens.push({ word, key, start, end });
    else if (options.keepStopWords) tokens.push({ word, key, start, end, stop: true });
  });
  return tokens;
}

function hasWideCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x2e80) return true;
  return false;
}

/** The words of a word holding Chinese or Japanese characters: bigrams of each such run, the rest as words. */
function scanHan(raw: string, at: number, language: string, visit: Visit): void {
  for (const part of raw.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu)) {
    const text = part[0];
    const start = at + (part.index ?? 0);
    if (!hanRun.test(text)) {
      const entry = entryOf(text.toLowerCase(), language);
      visit(entry.word, entry.key, start, start + text.length, false);
      continue;
    }
    const chars = [...text];
    if (chars.length <= 2) {
      visit(text, `${language}:${text}`, start, start + text.length, false);
      continue;
    }
    let offset = start;
    for (let i = 0; i < chars.length - 1; i++) {
      const gram = chars[i] + chars[i + 1];
      visit(gram, `${language}:${gram}`, offset, offset + gram.length, false);
      offset += chars[i].length;
    }
  }
}
