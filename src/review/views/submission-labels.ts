import type { Submission } from '../../submissions/submission.repo.ts';
import { displayKind } from '../../submissions/submission-state.ts';

/** Message key of the kind a person sees: practice, adaptation (a practice adapting another) or translation. */
export function kindKey(s: Pick<Submission, 'kind' | 'adaptedFromId'>): string {
  return `submissions.kind.${displayKind(s)}`;
}

/** The language a submission is written in: the record's, or the one a translation is into. */
export function submissionLanguage(s: Pick<Submission, 'language' | 'translationLanguage'>): string | null {
  return s.language ?? s.translationLanguage;
}

/** When a submission started waiting for an editor: when it was (last) sent to review. */
export function waitingSince(s: Pick<Submission, 'submittedAt' | 'createdAt'>): Date {
  return new Date(s.submittedAt ?? s.createdAt);
}

/** Whole days between two moments (0 on the same day's 24 hours). */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 86_400_000));
}

/** Record fields in the exchange format's order, with the message key of their label. */
export const recordFieldLabels: Record<string, string> = {
  title: 'review.field.title',
  summary: 'review.field.summary',
  language: 'review.field.language',
  body: 'practice.section.body',
  city: 'review.field.city',
  country: 'review.field.country',
  location: 'review.field.location',
  level: 'practice.level',
  started: 'review.field.started',
  ended: 'review.field.ended',
  status: 'practice.status',
  themes: 'practice.themes',
  actor_types: 'practice.actor_types',
  lead_organization: 'practice.lead_organization',
  partners: 'practice.partners',
  target_groups: 'practice.target_groups',
  challenge: 'practice.section.challenge',
  approach: 'practice.section.approach',
  outcomes: 'practice.section.outcomes',
  evaluation: 'practice.section.evaluation',
  lessons: 'practice.section.lessons',
  transferability: 'practice.section.transferability',
  evidence_level: 'practice.evidence_level',
  sources: 'practice.sources',
  adapted_from: 'practice.lineage.adapted_from',
  translations: 'review.field.translations',
  updated: 'practice.updated',
};

/** A draft value as text, when it is a non-empty string or a number. */
export function asText(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/** A draft value as a list of non-empty strings (anything else in it is left out). */
export function asTextList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
}

/** A draft value as a list of plain objects (anything else in it is left out). */
export function asObjectList(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x)) : [];
}
