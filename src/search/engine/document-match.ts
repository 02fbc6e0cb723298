import { analyze } from './analyzer.ts';
import type { ParsedQuery } from './query-parser.ts';
import { scoreClauses } from './ranking.ts';
import type { TextIndex } from './text-index.ts';
import { excludedSlots } from './text-match.ts';

/** What a query matches in an index of its own (not the catalogue's snapshot): each document's key and score. */
export interface DocumentMatch {
  /** Document key (the `seq` it was indexed under) → BM25F score (0 for a query of only phrases or exclusions). */
  scores: Map<number, number>;
  /** Index keys to highlight. */
  markKeys: Set<string>;
}

/** The live slots holding a quoted phrase, read in any language of the index. */
function phraseSlots(index: TextIndex, phrase: string): Set<number> {
  const slots = new Set<number>();
  for (const lang of index.languages) {
    const keys = analyze(phrase, lang, { keepStopWords: true }).map((t) => (t.stop ? null : t.key));
    if (keys.some((k) => k !== null)) for (const slot of index.slotsWithSequence(keys)) slots.add(slot);
  }
  return slots;
}

/**
 * Matches a parsed query on a small index of another kind of document (the resource library)
 * with the catalogue's own rules: clauses ranked by BM25F (glossary, stemming, spelling),
 * quoted phrases required, excluded words left out. Every match is scored; the caller sorts.
 * @example const { scores } = matchDocuments(index, parseQuery('refugee housing', 'en'));
 */
export function matchDocuments(index: TextIndex, query: ParsedQuery): DocumentMatch {
  const excluded = query.excluded.length ? excludedSlots(index, query.excluded) : undefined;
  let required: Set<number> | undefined;
  for (const phrase of query.phrases) {
    const found = phraseSlots(index, phrase);
    required = required ? new Set([...required].filter((s) => found.has(s))) : found;
  }
  const keep = (slot: number) => index.alive[slot] === 1 && !excluded?.[slot] && (!required || required.has(slot));
  const scores = new Map<number, number>();
  if (query.clauses.length === 0) {
    for (let slot = 0; slot < index.slotCount; slot++) if (keep(slot)) scores.set(index.slotSeq[slot], 0);
    return { scores, markKeys: new Set() };
  }
  const scored = scoreClauses(index, query.clauses, query.languages);
  for (let i = 0; i < scored.slots.length; i++) {
    const slot = scored.slots[i];
    if (keep(slot)) scores.set(index.slotSeq[slot], scored.scores[i]);
  }
  return { scores, markKeys: scored.markKeys };
}
