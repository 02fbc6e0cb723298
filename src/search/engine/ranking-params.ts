/**
 * BM25F parameters: a field's weight (title > summary > context > long text) and how much its
 * length normalises the count; k1, how fast repeated words stop adding. Tuned on the judged
 * queries of bench/relevance (docs/search.md).
 */
export const rankingParams = {
  weights: [4, 1.5, 1, 1],
  b: [0.3, 0.6, 0.3, 0.75],
  k1: 1.2,
  /** How much a glossary equivalent, a spelling correction or a cognate counts against the word itself. */
  alternativeWeight: 0.6,
  correctionWeight: 0.7,
  cognateWeight: 0.3,
  /** A word of a longer glossary term searched on its own ("детей" of "детей мигрантов"), against a clause of its own. */
  partWeight: 0.3,
  /** A word's own stem in a language the query is not written in. */
  foreignWeight: 0.5,
};

/** A way a clause can match: all of some keys (one per content word), at a weight. */
export interface KeyGroup {
  keys: string[];
  weight: number;
  /** False for a word's stem in a language the query is not in, or a cognate: not proof the word is known. */
  own?: boolean;
}
