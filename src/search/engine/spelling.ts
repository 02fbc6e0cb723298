import { glossaryAlternatives, glossaryWords } from './glossary-index.ts';
import { stopWordLanguagesOf } from './stop-words.ts';
import type { TextIndex } from './text-index.ts';

/**
 * Optimal string alignment distance (edits, with a swap of neighbours as one), or max + 1 as
 * soon as it must exceed max.
 * @example editDistance('houseing', 'housing', 2) // 1
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length];
}

/**
 * Edits allowed for a word of this length: none below 5 letters, one up to 8, two beyond.
 * Tighter than it could be: an unknown word is often a real word the collection does not
 * use ("teaching" is two edits from "coaching"), and a wrong guess adds noise to the ranking.
 */
function allowedEdits(length: number): number {
  return length < 5 ? 0 : length <= 8 ? 1 : 2;
}

const cyrillic: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ы: 'y',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ь: '',
  ъ: '',
};

/**
 * A Cyrillic word in Latin letters ("медельин" → "medelin"), so a place name typed in Russian
 * can be matched to the Latin spelling the records use; other words as they are.
 */
export function latinised(word: string): string {
  if (!/\p{Script=Cyrillic}/u.test(word)) return word;
  return [...word].map((ch) => cyrillic[ch] ?? ch).join('');
}

/**
 * The word nearest a word that no document holds in any language, among the indexed words
 * and the glossary's (a glossary word then brings its equivalents: "vivenda" → "vivienda" →
 * housing), or undefined. A word of the glossary or a stop word of any language is a real word
 * and never corrected ("para" stays "para"). Among the nearest, the one most documents hold.
 * A Cyrillic word is compared in Latin letters.
 * @example closestWord(index, 'refugess') // 'refugees'
 */
export function closestWord(index: TextIndex, typed: string): string | undefined {
  if (/\d/.test(typed) || stopWordLanguagesOf(typed).length || glossaryAlternatives(typed)) return undefined;
  const word = latinised(typed);
  const max = allowedEdits(word.length);
  if (max === 0) return undefined;
  let best: string | undefined;
  let bestDistance = max + 1;
  let bestCount = 0;
  const consider = (candidate: string, count: number) => {
    if (Math.abs(candidate.length - word.length) > max || candidate.length < 4) return;
    // Two edits only for words sharing their first two letters: typos rarely start a word.
    if (max > 1 && candidate.slice(0, 2) !== word.slice(0, 2) && editDistance(word, candidate, 1) > 1) return;
    const d = editDistance(word, candidate, Math.min(max, bestDistance));
    if (d < bestDistance || (d === bestDistance && d <= max && count > bestCount)) {
      best = candidate;
      bestDistance = d;
      bestCount = count;
    }
  };
  for (const [candidate, count] of index.vocabulary) consider(candidate, count);
  // A glossary word counts as held by half a practice: an indexed word wins a tie.
  for (const candidate of glossaryWords) consider(candidate, 0.5);
  return bestDistance <= max ? best : undefined;
}
