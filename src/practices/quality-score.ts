import type { PracticeRecord } from './practice.schema.ts';

/**
 * A static quality score in [0, 1] that breaks ties between equally relevant practices:
 * complete, evidenced records first. Stored with each practice (`practices.quality`), where the
 * search reads it as a small prior.
 * @example qualityScore(record) // 0.42
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
