import type { FC } from 'hono/jsx';
import type { FormErrors, PracticeFormValues } from '../../practice-form/practice-form.fields.ts';
import { TextArea } from '../../practice-form/views/form-controls.tsx';
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
      <a href={practiceHref(original.id)} lang={original.language} dir="auto">
        <bdi>{original.title}</bdi>
      </a>{' '}
      {original.country && `(${placeLabel(i18n, original.city, original.country)})`}
    </p>
  );
};

const one = (values: PracticeFormValues, name: string) => {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};

/** The adaptation questions, in the order asked; only what changed must be answered. */
const adaptQuestions = ['kept', 'changed', 'why'] as const;

/** The three questions of an adaptation, on its first step: what was kept, what changed, and why. */
export const AdaptQuestions: FC<{ values: PracticeFormValues; errors?: FormErrors }> = ({ values, errors }) => {
  const { t } = usePage().i18n;
  return (
    <fieldset class="practice-step adapt-questions" id="step-adapt">
      <legend class="practice-step__legend">{t('submissions.adapt.legend')}</legend>
      <p class="form-field__hint">{t('submissions.adapt.intro')}</p>
      {adaptQuestions.map((q) => (
        <TextArea
          name={`adapt_${q}`}
          label={t(`submissions.adapt.${q}`)}
          hint={t(`submissions.adapt.hint.${q}`)}
          value={one(values, `adapt_${q}`)}
          errors={errors}
          maxlength={adaptAnswerMax}
          rows={4}
          required={q === 'changed'}
        />
      ))}
    </fieldset>
  );
};
