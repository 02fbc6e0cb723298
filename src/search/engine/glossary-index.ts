import glossaryData from '../glossary.json' with { type: 'json' };
import { wordKey } from './analyzer.ts';
import { foldWord } from './fold.ts';

/** A term of the glossary in its language: a query alternative. */
export interface GlossaryTerm {
  text: string;
  lang: string;
}

/** The words of a text as the query parser sees them: lower case, folded, split at anything but letters and digits. */
export function queryWords(text: string): string[] {
  return [...text.toLowerCase().matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => foldWord(m[0]));
}

/** A term's words stemmed in a language and joined by spaces: "ar:لاجئ", "ru:мигрант ru:работ". */
export function stemmedTerm(words: string[], language: string): string {
  return words.map((w) => wordKey(w, language)).join(' ');
}

// A term's words joined by spaces, and the same stemmed in its language → every other term of
// the concepts holding it: "اللاجئون" finds the concept of "لاجئون", "мигрантам" that of "мигранты".
const alternativesOf = new Map<string, GlossaryTerm[]>();
/** The concepts each key of alternativesOf belongs to. */
const conceptIdsOf = new Map<string, Set<string>>();
const conceptTerms = new Map<string, GlossaryTerm[]>();
let longest = 1;
for (const [id, concept] of Object.entries(glossaryData.concepts as Record<string, Record<string, string[]>>)) {
  const terms = Object.entries(concept).flatMap(([lang, words]) => words.map((text) => ({ text, lang, words: queryWords(text) })));
  conceptTerms.set(
    id,
    terms.filter((t) => t.words.length).map(({ text, lang }) => ({ text, lang })),
  );
  for (const term of terms) {
    if (!term.words.length) continue;
    const others = terms.filter((t) => t !== term && t.words.join(' ') !== term.words.join(' ')).map(({ text, lang }) => ({ text, lang }));
    for (const key of new Set([term.words.join(' '), stemmedTerm(term.words, term.lang)])) {
      const known = alternativesOf.get(key) ?? [];
      alternativesOf.set(key, [...known, ...others.filter((o) => !known.some((k) => k.text === o.text && k.lang === o.lang))]);
      conceptIdsOf.set(key, (conceptIdsOf.get(key) ?? new Set()).add(id));
    }
    longest = Math.max(longest, term.words.length);
  }
}

/** A set of concepts: an id for what is kept per concept, and every term of them in every language. */
export interface ConceptSet {
  id: string;
  terms: GlossaryTerm[];
}

/** The concepts behind each list of alternatives the glossary hands out (by identity). */
const conceptsOfAlternatives = new WeakMap<GlossaryTerm[], ConceptSet>();
for (const [key, alternatives] of alternativesOf) {
  const ids = [...(conceptIdsOf.get(key) ?? [])].sort();
  conceptsOfAlternatives.set(alternatives, { id: ids.join('+'), terms: ids.flatMap((id) => conceptTerms.get(id) ?? []) });
}

/**
 * The concepts a list of alternatives from glossaryAlternatives comes from: their terms are the
 * alternatives and the term itself, the same for every term of the concepts in every language,
 * so what is computed over them (ranking's counts of a broad concept) is shared by all.
 * @example conceptsOf(glossaryAlternatives('logement') ?? [])?.id // 'housing'
 */
export function conceptsOf(alternatives: GlossaryTerm[]): ConceptSet | undefined {
  return conceptsOfAlternatives.get(alternatives);
}

/** Every concept of the glossary on its own, for work done ahead (ranking's counts of broad concepts). */
export const everyConcept: readonly ConceptSet[] = [...conceptTerms].map(([id, terms]) => ({ id, terms }));

/** Most words in one glossary term. */
export const longestTermWords = longest;

/**
 * The glossary's equivalents of a term (its words folded and joined by spaces), found as
 * written or, in one of the given languages, by its stems; undefined when the glossary does
 * not hold it.
 * @example glossaryAlternatives('logement')?.some((t) => t.text === 'housing') // true
 */
export function glossaryAlternatives(words: string, languages: readonly string[] = []): GlossaryTerm[] | undefined {
  const exact = alternativesOf.get(words);
  if (exact) return exact;
  const split = words.split(' ');
  for (const lang of languages) {
    const found = alternativesOf.get(stemmedTerm(split, lang));
    if (found) return found;
  }
  return undefined;
}

/** Chinese terms of the glossary, longest first: the dictionary that segments Chinese queries. */
export const chineseGlossaryTerms: string[] = [...alternativesOf.keys()].filter((k) => !k.includes(':') && /\p{Script=Han}/u.test(k));

/** Every one-word term of the glossary, folded: real words of nine languages, for spelling corrections. */
export const glossaryWords: string[] = [
  ...new Set([...alternativesOf.keys()].filter((k) => !k.includes(' ') && !k.includes(':') && !/\p{Script=Han}/u.test(k))),
];
