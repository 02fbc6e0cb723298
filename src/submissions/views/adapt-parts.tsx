import type { FC } from 'hono/jsx';
import { TextArea } from '../../practice-form/views/form-controls.tsx';
import type { FormErrors, PracticeFormValues } from '../../practice-form/practice-form.fields.ts';
import { practiceHref } from '../../practices/views/practice-links.ts';
import { placeLabel } from '../../views/labels.ts';
import { usePage } from '../../views/page-context.ts';
import { adaptAnswerMax } from '../submit.schema.ts';

/** The practice an adaptation starts from, as the banner names it. */
export interface OriginalPractice {
  id: string;
  title: string;
  city?: string | null;
  /** Missing when the original is no longer published: the banner then names it by id. */
  country?: string;
  language?: string;
}

/** "You are adapting: <title> (<city, country>)", on every page of an adaptation. */
export const AdaptBanner: FC<{ original: OriginalPractice }> = ({ original }) => {
  const { i18n } = usePage();
  return (
    <p class="adapt-banner">
      {i18n.t('submissions.adapt.banner')}{' '}
      <a href={practiceHref(original.id)} lang={original.language} dir="auto"><bdi>{original.title}</bdi></a>{' '}
      {original.country && `(${placeLabel(i18n, original.city, original.country)})`}
    </p>
  );
};

const one = (values: PracticeFormValues, name: string) => {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};

/** The three questions of an adaptation, on its first step: what was kept, what changed, and why. */
export const AdaptQuestions: FC<{ values: PracticeFormValues; errors?: FormErrors }> = ({ values, errors }) => {
  const { t } = usePage().i18n;
  return (
    <fieldset class="practice-step adapt-questions" id="step-adapt">
      <legend class="practice-step__legend">{t('submissions.adapt.legend')}</legend>
      <p class="form-field__hint">{t('submissions.adapt.intro')}</p>
      <TextArea name="adapt_kept" label={t('submissions.adapt.kept')} hint={t('submissions.adapt.hint.kept')} value={one(values, 'adapt_kept')} errors={errors} maxlength={adaptAnswerMax} rows={4} />
      <TextArea name="adapt_changed" label={t('submissions.adapt.changed')} hint={t('submissions.adapt.hint.changed')} value={one(values, 'adapt_changed')} errors={errors} maxlength={adaptAnswerMax} rows={4} required />
      <TextArea name="adapt_why" label={t('submissions.adapt.why')} hint={t('submissions.adapt.hint.why')} value={one(values, 'adapt_why')} errors={errors} maxlength={adaptAnswerMax} rows={4} />
    </fieldset>
  );
};
