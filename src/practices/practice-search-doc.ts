import { countryName } from '../geo/countries.ts';
import { textConfigFor } from '../search/text-configs.ts';
import { normalizeForSearch } from '../search/text-normalize.ts';
import type { PracticeRecord } from './practice.schema.ts';

/**
 * Version of the search document. Raise it whenever searchParts or normalizeForSearch change:
 * at start-up every practice whose vectors are older is re-indexed.
 */
export const searchDocVersion = 2;

/** One piece of text that goes into a practice's search vectors. */
export interface SearchPart {
  config: string;
  weight: 'A' | 'B' | 'C' | 'D';
  text: string;
}

/**
 * The search document of a practice, split in two: the compact part used for ranking
 * (title A, summary B, themes, places, organisations and groups C), and the long text (D)
 * that is only matched. Each text goes in twice: stemmed in its own language and
 * language-neutral (`ch_simple`), so a query matches in the interface language or verbatim.
 */
export function searchParts(p: PracticeRecord): { rank: SearchPart[]; long: SearchPart[] } {
  const lang = textConfigFor(p.language);
  const both = (raw: string | undefined, weight: SearchPart['weight'], config = lang): SearchPart[] => {
    const text = raw ? normalizeForSearch(raw) : raw;
    return text ? [{ config, weight, text }, ...(config === 'ch_simple' ? [] : [{ config: 'ch_simple', weight, text }])] : [];
  };

  const context = [
    p.themes.map((t) => t.replaceAll('-', ' ')).join(', '),
    p.city,
    countryName(p.country, 'en'),
    p.lead_organization,
    ...(p.partners ?? []).map((x) => x.name),
    ...(p.target_groups ?? []),
  ]
    .filter(Boolean)
    .join(' · ');

  const rank = [...both(p.title, 'A'), ...both(p.summary, 'B'), ...both(context, 'C')];
  const longText = [p.body, p.challenge, p.approach, p.outcomes, p.evaluation, p.lessons, p.transferability]
    .filter(Boolean)
    .join('\n\n');
  const long = both(longText, 'D');

  for (const [code, tr] of Object.entries(p.translations ?? {})) {
    const cfg = textConfigFor(code);
    rank.push(...both(tr.title, 'A', cfg), ...both(tr.summary, 'B', cfg));
    long.push(...both(tr.body, 'D', cfg));
  }
  return { rank, long };
}

/**
 * A static quality score in [0, 1] that breaks ties between equally relevant practices:
 * complete, evidenced records first.
 */
export function qualityScore(p: PracticeRecord): number {
  const optional = [
    p.body,
    p.challenge,
    p.approach,
    p.outcomes,
    p.evaluation,
    p.lessons,
    p.transferability,
    p.lead_organization,
    p.started,
    p.sources?.length,
    p.partners?.length,
    p.target_groups?.length,
  ];
  const completeness = optional.filter(Boolean).length / optional.length;
  const evidence = (p.evidence_level ?? 0) / 5;
  return Math.round((0.6 * completeness + 0.3 * evidence + (p.outcomes ? 0.1 : 0)) * 1000) / 1000;
}
