import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../shared/form-values.ts';
import { CsrfInput, describedBy, ErrorSummary, FieldFrame, Notice, TextAreaField } from '../../views/form-parts.tsx';
import { cityLabel, isolated } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { themes } from '../../vocabulary/vocabularies.ts';
import type { ExchangeCity } from '../exchange.repo.ts';
import { cityKeyText, exchangeKinds, maxExchangeMessage } from '../exchange.schema.ts';
import { CityLink, practicePath } from './exchange-parts.tsx';

/** What the request form shows: the asked city, the cities one may ask from, the values typed so far and their problems. */
export interface ExchangeFormData {
  to: ExchangeCity;
  /** The cities the person represents; when none, every recorded city (they name their own). */
  fromChoices: ExchangeCity[];
  represents: boolean;
  /** How many representatives the asked city has on the site (none: the request waits for them). */
  representatives: number;
  practice?: { id: string; title: string };
  values: { from?: string; kind?: string; theme?: string; message?: string };
  errors?: FieldErrors;
  csrf: string;
}

/** A labelled select with its hint and error. */
const Select: FC<{ name: string; label: string; hint?: string; errors?: FieldErrors; value?: string; choices: { value: string; label: string }[] }> = ({
  name,
  label,
  hint,
  errors,
  value,
  choices,
}) => {
  const id = `f-${name}`;
  const error = errors?.[name];
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required>
      <select id={id} name={name} required aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, hint, error)}>
        {choices.map((c) => (
          <option value={c.value} selected={c.value === value}>
            {c.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
};

/** GET /exchanges/new: ask a city for an exchange (kind, theme, message), on behalf of a city. */
export const ExchangeFormPage: FC<{ data: ExchangeFormData }> = ({ data }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const toName = isolated(cityLabel(i18n, data.to.country, data.to.name), i18n.dir);
  const title = t('exchanges.form.title', { city: toName });
  const { values, errors } = data;
  return (
    <Layout title={title} noindex>
      <div class="account-form-page">
        <h1>{title}</h1>
        <p>
          {t('exchanges.form.intro')} <CityLink city={data.to} />
        </p>
        {data.representatives === 0 && <Notice>{t('exchanges.form.no_representative', { city: toName })}</Notice>}
        <ErrorSummary errors={errors} />
        <form method="post" action="/exchanges" class="exchange-form">
          <CsrfInput token={data.csrf} />
          <input type="hidden" name="to" value={cityKeyText(data.to)} />
          {data.practice && (
            <>
              <input type="hidden" name="practice" value={data.practice.id} />
              <p class="meta">
                {t('exchanges.form.about_practice')}{' '}
                <a href={practicePath(data.practice.id)} dir="auto">
                  {data.practice.title}
                </a>
              </p>
            </>
          )}
          <Select
            name="from"
            label={t(data.represents ? 'exchanges.form.from' : 'exchanges.form.from_own')}
            hint={t(data.represents ? 'exchanges.form.from.hint' : 'exchanges.form.from_own.hint')}
            errors={errors}
            value={values.from}
            choices={data.fromChoices.map((c) => ({ value: cityKeyText(c), label: cityLabel(i18n, c.country, c.name) }))}
          />
          <Select
            name="kind"
            label={t('exchanges.form.kind')}
            errors={errors}
            value={values.kind}
            choices={exchangeKinds.map((k) => ({ value: k, label: t(`exchanges.kind.${k}`) }))}
          />
          <Select
            name="theme"
            label={t('exchanges.form.theme')}
            errors={errors}
            value={values.theme}
            choices={themes.map((th) => ({ value: th, label: t(`theme.${th}`) }))}
          />
          <TextAreaField
            name="message"
            label={t('exchanges.form.message')}
            hint={t('exchanges.form.message.hint')}
            value={values.message}
            errors={errors}
            required
            maxlength={maxExchangeMessage}
          />
          <button type="submit">{t('exchanges.form.submit')}</button>
        </form>
      </div>
    </Layout>
  );
};
