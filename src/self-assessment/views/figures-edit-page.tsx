import type { FC } from 'hono/jsx';
import { figureText } from '../../cities/figure-format.ts';
import { figureIndicator, figureIndicators } from '../../cities/figure-indicators.ts';
import { type FigurePart, isListIndicator, storedParts } from '../../cities/figure-parts.ts';
import { PartsCell } from '../../cities/views/figure-parts-list.tsx';
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
  /** The figures the city has, by indicator and year: each can be removed. */
  recorded: RecordedFigure[];
}

/** A figure the city has, as the list of recorded figures shows it. */
export interface RecordedFigure {
  indicator: string;
  year: number;
  value: number;
  parts: FigurePart[] | string | null;
  source_name: string;
  example: boolean;
}

const first = (v: string | string[] | undefined) => firstValue(v) ?? '';

/**
 * GET/POST /cities/{country}/{slug}/figures/edit: a representative records one yearly figure of
 * the city (an indicator of the framework, the year, the value in its unit, the source and its
 * basis); a figure of the same indicator and year replaces the one recorded, as a revision.
 * Below the form, the figures recorded, each with a button that removes it (kept in the history).
 */
export const FiguresEditPage: FC<FiguresEditProps> = ({ city, values, csrf, errors, notice, recorded }) => {
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
          maxlength={300}
        />
        <Field name="source_name" label={t('figures.edit.source_name')} value={first(values.source_name)} errors={errors} required maxlength={200} />
        <Field name="source_url" label={t('figures.edit.source_url')} value={first(values.source_url)} errors={errors} maxlength={2000} />
        <Field name="basis" label={t('figures.edit.basis')} hint={t('figures.edit.basis_hint')} value={first(values.basis)} errors={errors} maxlength={300} />
        <Field name="note" label={t('figures.edit.note')} value={first(values.note)} errors={errors} maxlength={1000} />
        <button type="submit">{t('figures.edit.submit')}</button>
      </form>
      <RecordedFigures cityPath={cityPath} recorded={recorded} csrf={csrf} />
    </Layout>
  );
};

/** The figures the city has, in the framework's order of indicators and newest year first, each with a remove button naming what it removes. */
const RecordedFigures: FC<{ cityPath: string; recorded: RecordedFigure[]; csrf: string }> = ({ cityPath, recorded, csrf }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const { text } = frameworkTextFor(i18n.locale);
  const order = new Map(figureIndicators.map((i, at) => [i.code, at]));
  const rows = recorded
    .flatMap((f) => {
      const indicator = figureIndicator(f.indicator);
      return indicator ? [{ ...f, indicator, title: text.indicators[f.indicator]?.title ?? indicator.title }] : [];
    })
    .sort((a, b) => (order.get(a.indicator.code) ?? 0) - (order.get(b.indicator.code) ?? 0) || b.year - a.year);
  return (
    <section aria-labelledby="recorded-figures">
      <h2 id="recorded-figures">{t('figures.edit.recorded')}</h2>
      {rows.length === 0 ? (
        <p>{t('figures.none')}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="recorded-figures" tabindex={0}>
          <table class="data-table recorded-figures">
            <thead>
              <tr>
                <th scope="col">{t('figures.edit.indicator')}</th>
                <th scope="col">{t('figures.table.year')}</th>
                <th scope="col">{t('figures.edit.value')}</th>
                <th scope="col">{t('figures.table.source')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('figures.edit.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr>
                  <th scope="row">
                    {f.title}
                    {f.example && <span class="meta"> ({t('figures.example')})</span>}
                  </th>
                  <td>{f.year}</td>
                  <td>{isListIndicator(f.indicator) ? <PartsCell parts={storedParts(f.parts)} /> : <bdi>{figureText(i18n, f.indicator, f.value)}</bdi>}</td>
                  <td>{f.source_name}</td>
                  <td>
                    <form method="post" action={`${cityPath}/figures/remove`}>
                      <CsrfInput token={csrf} />
                      <input type="hidden" name="indicator" value={f.indicator.code} />
                      <input type="hidden" name="year" value={String(f.year)} />
                      <button type="submit" class="button--secondary">
                        {t('figures.edit.remove')}
                        <span class="visually-hidden"> {t('figures.edit.remove_what', { indicator: f.title, year: String(f.year) })}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
