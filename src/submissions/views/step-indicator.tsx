import type { FC } from 'hono/jsx';
import { formSteps } from '../../practice-form/practice-form.fields.ts';
import { usePage } from '../../views/page-context.ts';
import { checkPath, stepPath } from '../submit-paths.ts';

/**
 * Where the person is in the form: the five steps and the final check, as an ordered list. The
 * current step is marked for screen readers; once a draft exists every step is a link.
 */
export const StepIndicator: FC<{ current: number | 'review'; submissionId?: number }> = ({ current, submissionId }) => {
  const { t } = usePage().i18n;
  const items = [
    ...formSteps.map((step, i) => ({ n: (i + 1) as number | 'review', label: t(`form.step.${step}`) })),
    { n: 'review' as const, label: t('submissions.step.review') },
  ];
  return (
    <nav class="step-indicator" aria-label={t('submissions.step.nav')}>
      <ol>
        {items.map(({ n, label }) => {
          const here = n === current;
          const href = submissionId === undefined ? undefined : n === 'review' ? checkPath(submissionId) : stepPath(submissionId, n);
          return (
            <li class={here ? 'step-indicator__current' : undefined} aria-current={here ? 'step' : undefined}>
              {href && !here ? <a href={href}>{label}</a> : <span>{label}</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
};
