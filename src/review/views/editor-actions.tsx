import type { FC } from 'hono/jsx';
import type { Translator } from '../../i18n/i18n.ts';
import type { FieldErrors } from '../../shared/form-values.ts';
import type { Submission } from '../../submissions/submission.repo.ts';
import { canMove } from '../../submissions/submission-state.ts';
import { CsrfInput } from '../../views/form-parts.tsx';
import { usePage } from '../../views/page-context.ts';
import type { PublishProblem } from '../published-record.ts';
import { isAssignable } from '../review.policy.ts';
import { TextAreaField } from './review-form-parts.tsx';
import { recordFieldLabels } from './submission-labels.ts';

/** A refused decision form, shown again with its message and the text as typed. */
export interface FailedDecision {
  form: 'request-changes' | 'reject';
  errors: FieldErrors;
  value?: string;
}

/** One publishing problem in the editor's language: the field's label, then what is wrong. */
function problemText(i18n: Translator, p: PublishProblem): string {
  const { t } = i18n;
  if (p.kind === 'practice_gone') return t('review.publish.practice_gone');
  const root = p.field.split('.')[0];
  const label = recordFieldLabels[root] ? t(recordFieldLabels[root]) : p.field;
  const field = p.field.includes('.') ? `${label} (${p.field})` : label;
  // A resource's problems are message keys of its form (resources.json); a practice's are the exchange format's words.
  const detail = p.detail?.startsWith('resources.') ? t(p.detail) : (p.detail ?? '');
  return p.kind === 'missing' ? t('review.publish.problem.missing', { field }) : t('review.publish.problem.invalid', { field, detail });
}

/** Why the submission cannot be published as it is, so the editor can ask for those changes. */
export const PublishProblems: FC<{ problems: PublishProblem[] }> = ({ problems }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <div class="form-errors" role="alert" tabindex={-1} id="publish-problems">
      <h2>{t('review.publish.problems', { count: problems.length })}</h2>
      <ul>
        {problems.map((p) => (
          <li>{problemText(i18n, p)}</li>
        ))}
      </ul>
      <p>
        {t('review.publish.problems_hint')} <a href="#request-changes-message">{t('review.request_changes.heading')}</a>
      </p>
    </div>
  );
};

/** Take the submission on, or hand it back; the assignee the page showed travels along to detect a race. */
export const AssignForm: FC<{ submission: Submission; viewerId: number; csrf: string }> = ({ submission, viewerId, csrf }) => {
  const { t } = usePage().i18n;
  const current = submission.assigneeId;
  const form = (assignee: 'me' | 'none', label: string) => (
    <form method="post" action={`/submissions/${submission.id}/assign`}>
      <CsrfInput token={csrf} />
      <input type="hidden" name="assignee" value={assignee} />
      <input type="hidden" name="expected" value={current === null ? '' : String(current)} />
      <button type="submit" class={assignee === 'none' ? 'button--secondary' : undefined}>
        {label}
      </button>
    </form>
  );
  if (!isAssignable(submission.state)) return null;
  return (
    <div class="review-actions__assign">
      {current !== viewerId && form('me', current === null ? t('review.assign.me') : t('review.assign.take_over', { name: submission.assigneeName ?? '' }))}
      {current !== null && form('none', t('review.assign.none'))}
    </div>
  );
};

/** A decision that sends a message the submitter sees: asking for changes, or rejecting with a reason. */
const DecisionForm: FC<{
  id: number;
  form: 'request-changes' | 'reject';
  field: 'message' | 'reason';
  /** Prefix of the heading, label and button keys. */
  keys: string;
  inputId: string;
  csrf: string;
  failed?: FailedDecision;
  secondary?: boolean;
}> = ({ id, form, field, keys, inputId, csrf, failed, secondary }) => {
  const { t } = usePage().i18n;
  const mine = failed?.form === form ? failed : undefined;
  return (
    <form method="post" action={`/submissions/${id}/${form}`} class="review-form">
      <h3>{t(`${keys}.heading`)}</h3>
      <CsrfInput token={csrf} />
      <TextAreaField
        id={inputId}
        name={field}
        label={t(`${keys}.label`)}
        hint={t('review.decision.seen_by_submitter')}
        value={mine?.value}
        error={mine?.errors[field]}
      />
      <button type="submit" class={secondary ? 'button--secondary' : undefined}>
        {t(`${keys}.submit`)}
      </button>
    </form>
  );
};

/** The editor's decisions the submission's state still allows: publish, ask for changes, reject. */
export const EditorActions: FC<{ submission: Submission; csrf: string; failed?: FailedDecision }> = ({ submission, csrf, failed }) => {
  const { t } = usePage().i18n;
  const s = submission;
  const may = (to: 'published' | 'changes_requested' | 'rejected') => canMove('editor', s.state, to);
  const none = !may('published') && !may('changes_requested') && !may('rejected');
  return (
    <section class="review-actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('review.actions.heading')}</h2>
      {none && <p>{t('review.actions.none', { state: t(`submissions.state.${s.state}`) })}</p>}
      {may('published') && (
        <form method="post" action={`/submissions/${s.id}/publish`} class="review-form">
          <h3>{t('review.publish.heading')}</h3>
          <p>{t(s.kind === 'translation' ? 'review.publish.hint_translation' : 'review.publish.hint')}</p>
          <CsrfInput token={csrf} />
          <button type="submit">{t('review.publish.submit')}</button>
        </form>
      )}
      {may('changes_requested') && (
        <DecisionForm
          id={s.id}
          form="request-changes"
          field="message"
          keys="review.request_changes"
          inputId="request-changes-message"
          csrf={csrf}
          failed={failed}
        />
      )}
      {may('rejected') && (
        <DecisionForm id={s.id} form="reject" field="reason" keys="review.reject" inputId="reject-reason" csrf={csrf} failed={failed} secondary />
      )}
    </section>
  );
};
