import glossaryData from './glossary.json' with { type: 'json' };
import { foldName } from '../shared/text.ts';
import { cjkBigrams, foldArabic } from './text-normalize.ts';

/** A term of the glossary with its language, as a query alternative. */
export interface GlossaryTerm {
  text: string;
  lang: string;
}

/** A piece of a query: its own words, and the same idea in other languages when the glossary knows it. */
export interface QueryPart {
  text: string;
  alternatives: GlossaryTerm[];
}

const fold = (s: string) => foldArabic(foldName(s)).replace(/\s+/g, ' ');

// Folded term → every term of the concepts it belongs to.
const index = new Map<string, GlossaryTerm[]>();
let longestTerm = 1;
for (const concept of Object.values(glossaryData.concepts as Record<string, Record<string, string[]>>)) {
  const terms = Object.entries(concept).flatMap(([lang, words]) => words.map((text) => ({ text, lang })));
  for (const term of terms) {
    const key = fold(term.text);
    index.set(key, [...(index.get(key) ?? []), ...terms.filter((t) => fold(t.text) !== key)]);
    longestTerm = Math.max(longestTerm, key.split(' ').length);
  }
}
const chineseTerms = [...index.keys()].filter((k) => /\p{Script=Han}/u.test(k)).sort((a, b) => b.length - a.length);

/** Whether a (folded) word is a glossary term: such words are never "corrected". */
export function isGlossaryTerm(word: string): boolean {
  return index.has(fold(word));
}

/**
 * Splits a run of Chinese characters into glossary words where it holds them, and overlapping
 * bigrams elsewhere: "难民住房" → "难民 住房" (refugees, housing), not "难民 民住 住房".
 */
function segmentChinese(run: string): string {
  const out: string[] = [];
  let rest = '';
  // A lone character between glossary words is indexed only inside bigrams: pair it with a neighbour.
  const flush = (next?: string) => {
    if (rest.length === 1) {
      const prev = out.at(-1);
      if (next) out.push(rest + next[0]);
      else if (prev) out.push(prev.at(-1) + rest);
      else out.push(rest);
    } else if (rest) out.push(cjkBigrams(rest).trim());
    rest = '';
  };
  for (let i = 0; i < run.length; ) {
    const term = chineseTerms.find((t) => run.startsWith(t, i));
    if (term) {
      flush(term);
      out.push(term);
      i += term.length;
    } else {
      rest += run[i];
      i += 1;
    }
  }
  flush();
  return out.join(' ');
}

/**
 * Splits a query into parts and attaches the glossary's equivalents in other languages,
 * longest terms first ("asylum seekers" before "asylum"); undefined when no part is in the
 * glossary, so the query keeps its web-search syntax.
 * @example expandQuery('logement') // [{ text: 'logement', alternatives: [{ text: 'housing', lang: 'en' }, …] }]
 */
export function expandQuery(q: string): QueryPart[] | undefined {
  const words = foldArabic(q)
    .replace(/\p{Script=Han}+/gu, (run) => ` ${segmentChinese(run)} `)
    .replace(/["()]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const parts: QueryPart[] = [];
  let found = false;
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let n = Math.min(longestTerm, words.length - i); n >= 1 && !matched; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      const alternatives = index.get(fold(phrase));
      if (alternatives) {
        parts.push({ text: phrase, alternatives });
        matched = n;
        found = true;
      }
    }
    if (!matched) {
      parts.push({ text: words[i], alternatives: [] });
      matched = 1;
    }
    i += matched;
  }
  return found ? parts : undefined;
}
