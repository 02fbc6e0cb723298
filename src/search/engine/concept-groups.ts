import { analyze } from './analyzer.ts';
import type { ConceptSet } from './glossary-index.ts';
import { type KeyGroup, rankingParams } from './ranking-params.ts';

/**
 * A glossary concept's terms as key groups, each at the weight of an equivalent: the part of a
 * clause's groups that every term of the concept shares, whatever language it was typed in.
 */
export interface ConceptGroups {
  id: string;
  groups: KeyGroup[];
  /** The weight of each group, by its keys joined by spaces. */
  weightOf: Map<string, number>;
}

const conceptGroupsOf = new Map<string, ConceptGroups>();

/** A concept's groups, analysed once per concept. */
export function conceptGroups(concept: ConceptSet): ConceptGroups {
  let made = conceptGroupsOf.get(concept.id);
  if (!made) {
    const weightOf = new Map<string, number>();
    for (const term of concept.terms) {
      const keys = analyze(term.text, term.lang).map((t) => t.key);
      if (keys.length) weightOf.set(keys.join(' '), rankingParams.alternativeWeight);
    }
    made = { id: concept.id, groups: [...weightOf].map(([keys, weight]) => ({ keys: keys.split(' '), weight })), weightOf };
    conceptGroupsOf.set(concept.id, made);
  }
  return made;
}
