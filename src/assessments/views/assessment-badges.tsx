import type { Child, FC } from 'hono/jsx';
import type { AssessmentRating } from '../../db/schema.ts';
import { messageWith } from '../../views/message-parts.ts';
import { usePage } from '../../views/page-context.ts';
import type { PracticeAssessment } from '../assessment.repo.ts';
import { assessmentCriteria } from '../assessment-criteria.ts';

/** A shape next to each answer, so the badge does not rely on colour (the words carry the meaning). */
const ratingMarks: Record<AssessmentRating, string> = { yes: '✓', partly: '◐', no: '✗', unknown: '?' };

/**
 * The editors' assessment on a practice page: one badge per criterion ("Transferable: yes")
 * that opens onto its rationale, the evidence level, and who assessed it when (their name
 * and the date only). Renders nothing for a practice not yet assessed.
 */
export const AssessmentBadges: FC<{ assessment?: PracticeAssessment }> = ({ assessment }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  if (!assessment) return null;
  const day = assessment.assessedAt.toISOString().slice(0, 10);
  const date = <time datetime={day}>{i18n.date(assessment.assessedAt, { dateStyle: 'long', timeZone: 'UTC' })}</time>;
  return (
    <section class="assessment" aria-labelledby="assessment-heading">
      <h2 id="assessment-heading">{t('assessments.badges.heading')}</h2>
      <ul class="assessment-badges">
        {assessmentCriteria.map((c) => {
          const { rating, note } = assessment.ratings[c];
          // The rating goes in as its code: each language words it in the message's own select.
          const label = t('assessments.badge', { criterion: t(`assessments.criterion.${c}`), rating });
          const badge = (
            <span class={`assessment-badge assessment-badge--${rating}`}>
              <span aria-hidden="true">{ratingMarks[rating]}</span> {label}
            </span>
          );
          return (
            <li>
              {note ? (
                <details>
                  <summary>{badge}</summary>
                  <p class="assessment-note" dir="auto">
                    {note}
                  </p>
                </details>
              ) : (
                badge
              )}
            </li>
          );
        })}
      </ul>
      <p class="assessment-meta">
        {t('assessments.badges.evidence', { level: t(`evidence.${assessment.evidenceLevel}`) })}
        <br />
        {messageWith<Child>(i18n, assessment.assessorName ? 'assessments.badges.by' : 'assessments.badges.by_unknown', {
          name: <bdi>{assessment.assessorName ?? ''}</bdi>,
          date,
        })}
      </p>
    </section>
  );
};
