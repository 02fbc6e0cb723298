import type { FC } from 'hono/jsx';
import { recordDiff } from '../../history/record-diff.ts';
import { RecordDiffView } from '../../history/views/record-diff-view.tsx';
import type { PracticeRecord } from '../../practices/practice.schema.ts';
import type { Submission } from '../../submissions/submission.repo.ts';
import { usePage } from '../../views/page-context.ts';
import { draftRecordFields } from '../published-record.ts';
import type { SubmissionView } from '../review.service.ts';

/**
 * On a resubmission, for editors: what changed since the draft was sent back for changes, word by
 * word, with the history's comparison of two versions of a record.
 */
export const ResubmissionChanges: FC<{ view: SubmissionView }> = ({ view }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  if (!view.sentBack) return null;
  const before = draftRecordFields({ ...view.submission, data: view.sentBack.data }) as Partial<PracticeRecord>;
  const after = draftRecordFields(view.submission) as Partial<PracticeRecord>;
  const when = i18n.date(new Date(view.sentBack.at), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section class="review-box review-resubmission" aria-labelledby="resubmission-heading">
      <h2 id="resubmission-heading">{t('resubmission.heading')}</h2>
      <p>{t('resubmission.intro', { date: when })}</p>
      <RecordDiffView diffs={recordDiff(before, after, i18n)} before={t('resubmission.before')} after={t('resubmission.after')} lang={after.language} />
    </section>
  );
};

/** Whether, and when, the submitter agreed to the licence the practice will be published under. */
export const LicenseConsentNote: FC<{ submission: Submission }> = ({ submission: s }) => {
  const { t, date } = usePage().i18n;
  if (s.kind !== 'practice' || s.state === 'draft') return null;
  return (
    <p class="review-consent">
      {s.license && s.licenseAgreedAt
        ? t('license.consent.recorded', {
            license: t(`license.name.${s.license}`),
            date: date(new Date(s.licenseAgreedAt), { dateStyle: 'medium', timeStyle: 'short' }),
          })
        : t('license.consent.none')}
    </p>
  );
};
