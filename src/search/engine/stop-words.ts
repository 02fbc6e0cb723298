import { ara, deu, eng, fra, ita, por, rus, spa, zho } from 'stopword';
import queryWords from '../query-words.json' with { type: 'json' };
import { foldWord } from './fold.ts';

/** Languages whose stop words are known: the six UN languages and German, Italian, Portuguese. */
export const stopWordLanguages = ['en', 'fr', 'es', 'ar', 'zh', 'ru', 'de', 'it', 'pt'] as const;

const packaged: Record<string, string[]> = { en: eng, fr: fra, es: spa, ar: ara, zh: zho, ru: rus, de: deu, it: ita, pt: por };
const extra = (queryWords as { stop: Record<string, string[]> }).stop;

/** Folded stop words per language: the stopword package's lists plus the question words and fillers of queries. */
const lists = new Map<string, Set<string>>(
  stopWordLanguages.map((lang) => [lang, new Set([...(packaged[lang] ?? []), ...(extra[lang] ?? [])].map((w) => foldWord(w.toLowerCase())))]),
);

/**
 * Whether a folded, lower-case word carries no topic in a language ("how", "pour", "cómo", "如何").
 * @example isStopWord('comment', 'fr') // true
 */
export function isStopWord(word: string, language: string): boolean {
  return lists.get(language)?.has(word) ?? false;
}

/** The languages in whose lists a word is a stop word. */
export function stopWordLanguagesOf(word: string): string[] {
  return stopWordLanguages.filter((lang) => lists.get(lang)?.has(word));
}

/** Multi-character Chinese stop words, for segmenting queries written without spaces. */
export const chineseStopWords: string[] = [...(lists.get('zh') ?? [])].filter((w) => w.length > 1);
