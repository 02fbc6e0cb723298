import type { FC } from 'hono/jsx';
import { figureIndicators } from '../../cities/figure-indicators.ts';
import { frameworkTextFor } from '../../framework/framework-text.ts';
import { type FieldErrors, type FormValues, firstValue } from '../../shared/form-values.ts';
import { CsrfInput, describedBy, ErrorSummary, Field, FieldFrame, Notice } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';

/** What the page where a representative records a figure shows. */
export interface FiguresEditProps {
  city: { country: string; slug: string; name: string };
  values: FormValues;
  csrf: string;
  errors?: FieldErrors;
  notice?: string;
}

const first = (v: string | string[] | undefined) => firstValue(v) ?? '';

/**
 * GET/POST /cities/{country}/{slug}/figures/edit: a representative records one yearly figure of
 * the city (an indicator of the framework, the year, the value in its unit, the source and its
 * basis); a figure of the same indicator and year replaces the one recorded, as a revision.
 */
export const FiguresEditPage: FC<FiguresEditProps> = ({ city, values, csrf, errors, notice }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const { text } = frameworkTextFor(i18n.locale);
  const cityPath = `/cities/${city.country.toLowerCase()}/${encodeURIComponent(city.slug)}`;
  const indicatorError = errors?.indicator;
  return (
    <Layout title={t('figures.edit.title', { city: city.name })} canonical={`${cityPath}/figures/edit`}>
      <p>
        <a href={`${cityPath}#figures-over-time`}>{t('sa.edit.back', { city: city.name })}</a>
      </p>
      <h1>{t('figures.edit.title', { city: city.name })}</h1>
      {notice && <Notice kind="success">{t(notice)}</Notice>}
      <ErrorSummary errors={errors} />
      <p>{t('figures.edit.lead')}</p>
      <form method="post" action={`${cityPath}/figures/edit`}>
        <CsrfInput token={csrf} />
        <FieldFrame id="f-indicator" label={t('figures.edit.indicator')} error={indicatorError} required>
          <select
            id="f-indicator"
            name="indicator"
            aria-describedby={describedBy('f-indicator', undefined, indicatorError)}
            aria-invalid={indicatorError ? 'true' : undefined}
          >
            {figureIndicators.map((i) => (
              <option value={i.code} selected={first(values.indicator) === i.code}>
                {text.indicators[i.code]?.title ?? i.title} ({text.indicators[i.code]?.unit ?? i.unit})
              </option>
            ))}
          </select>
        </FieldFrame>
        <Field name="year" label={t('figures.edit.year')} value={first(values.year)} errors={errors} required maxlength={4} />
        <Field
          name="value"
          label={t('figures.edit.value')}
          hint={t('figures.edit.value_hint')}
          value={first(values.value)}
          errors={errors}
          required
          maxlength={30}
        />
        <Field name="source_name" label={t('figures.edit.source_name')} value={first(values.source_name)} errors={errors} required maxlength={200} />
        <Field name="source_url" label={t('figures.edit.source_url')} value={first(values.source_url)} errors={errors} maxlength={2000} />
        <Field name="basis" label={t('figures.edit.basis')} hint={t('figures.edit.basis_hint')} value={first(values.basis)} errors={errors} maxlength={300} />
        <Field name="note" label={t('figures.edit.note')} value={first(values.note)} errors={errors} maxlength={1000} />
        <button type="submit">{t('figures.edit.submit')}</button>
      </form>
    </Layout>
  );
};
