/**
 * What editors judge a published practice on, and the answers they may give. Stable codes:
 * they are stored in `practice_assessments`, copied into `practices.assessed` and used in
 * search URLs (`?assessed=transferable`).
 */
export const assessmentCriteria = ['practical', 'innovative', 'successful', 'transferable'] as const;
export type AssessmentCriterion = (typeof assessmentCriteria)[number];

/** The answers to each criterion; only "yes" counts as assessed in search. */
export const assessmentRatings = ['yes', 'partly', 'no', 'unknown'] as const;

/** Longest rationale an editor may write for one criterion. */
export const maxRationaleLength = 2000;

/** Whether a string is a criterion code. @example isAssessmentCriterion('transferable') // true */
export function isAssessmentCriterion(value: string): value is AssessmentCriterion {
  return (assessmentCriteria as readonly string[]).includes(value);
}
