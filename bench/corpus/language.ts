import type { Theme } from '../../src/vocabulary/vocabularies.ts';

/**
 * Everything the generator needs to write practices in one language. Lists are in rank
 * order (most frequent first): the generator samples them with Zipf-like weights.
 * Templates use slots: {np} noun phrase, {tp} phrase of one of the record's themes,
 * {adj}, {verb}, {past}, {prog} programme noun, {group} target group, {city}, {country},
 * {org}, {n} a count, {pct} a share, {year}, {rare} a long-tail word.
 */
export interface LanguageVocab {
  code: 'en' | 'fr' | 'es';
  nounPhrases: string[];
  themePhrases: Record<Theme, string[]>;
  adjectives: string[];
  verbs: string[];
  pastVerbs: string[];
  programmes: string[];
  programmeNames: string[];
  targetGroups: string[];
  rareWords: string[];
  sentences: string[];
  titles: string[];
  summaryOpeners: string[];
  bullets: string[];
  headings: { context: string; approach: string; results: string; lessons: string; transfer: string };
  organizations: string[];
  changes: string[];
}
