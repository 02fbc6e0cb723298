import type { SubmissionState } from '../db/schema.ts';

/** Who moves a submission: the person who submitted it, or an editor reviewing it. */
export type WorkflowActor = 'submitter' | 'editor';

/**
 * The review workflow: which states each actor may move a submission from, into which.
 * A submitter sends a draft (or a draft sent back for changes) to review, or withdraws it;
 * an editor sends it back for changes, publishes it, or rejects it.
 */
const transitions: Record<WorkflowActor, Partial<Record<SubmissionState, readonly SubmissionState[]>>> = {
  submitter: {
    draft: ['submitted', 'withdrawn'],
    changes_requested: ['submitted', 'withdrawn'],
    submitted: ['withdrawn'],
  },
  editor: {
    submitted: ['changes_requested', 'published', 'rejected'],
    changes_requested: ['rejected'],
  },
};

/** True when `actor` may move a submission from `from` to `to`. */
export function canMove(actor: WorkflowActor, from: SubmissionState, to: SubmissionState): boolean {
  return transitions[actor][from]?.includes(to) ?? false;
}

/** States in which the submitter may still change the draft. */
export function isEditableBySubmitter(state: SubmissionState): boolean {
  return state === 'draft' || state === 'changes_requested';
}

/** States an editor's queue can show, in the order of the filter. */
export const queueStates = ['submitted', 'changes_requested', 'published', 'rejected', 'withdrawn'] as const;

/** What a submission is, as lists show it: a new practice, an adaptation of one, a translation, or a resource of the library. */
export type DisplayKind = 'practice' | 'adaptation' | 'translation' | 'resource';

/** The kind a list shows: a practice submission linked to an original is an adaptation. */
export function displayKind(s: { kind: 'practice' | 'translation' | 'resource'; adaptedFromId: string | null }): DisplayKind {
  if (s.kind === 'translation' || s.kind === 'resource') return s.kind;
  return s.adaptedFromId ? 'adaptation' : 'practice';
}
