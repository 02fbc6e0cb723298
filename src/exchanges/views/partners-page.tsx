import type { FC } from 'hono/jsx';
import { cityLabel, isolated, regionLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { ExchangeCity } from '../exchange.repo.ts';
import { cityKeyText } from '../exchange.schema.ts';
import type { PartnerReason, PartnerSuggestion } from '../partner-suggestions.ts';
import { askHref, CityLink, practicePath } from './exchange-parts.tsx';

/** What /exchange shows: the city suggestions are for (a chooser when the person represents several) and its partners. */
export interface PartnersPageData {
  cities: ExchangeCity[];
  city?: ExchangeCity;
  suggestions: PartnerSuggestion[];
}

/** One reason, in one line of words. */
const Reason: FC<{ reason: PartnerReason; city: ExchangeCity; partner: ExchangeCity }> = ({ reason, city, partner }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const own = isolated(cityLabel(i18n, city.country, city.name), i18n.dir);
  switch (reason.kind) {
    case 'size-region':
      return <>{t('exchanges.reason.size_region', { band: t(`band.${reason.band}`), region: regionLabel(i18n, reason.region) })}</>;
    case 'weak-theme':
      return (
        <>
          {t('exchanges.reason.weak_theme', { dimension: t(`sa.dimension.${reason.dimension}`), city: own })}{' '}
          <a href={practicePath(reason.practice.id)} lang={reason.practice.lang} dir="auto">
            {reason.practice.title}
          </a>
        </>
      );
    case 'adaptation':
      return (
        <>
          {t(reason.ours ? 'exchanges.reason.adaptation_ours' : 'exchanges.reason.adaptation_theirs', {
            city: own,
            partner: isolated(cityLabel(i18n, partner.country, partner.name), i18n.dir),
          })}{' '}
          <a href={practicePath(reason.practice.id)} dir="auto">
            {reason.practice.title}
          </a>{' '}
          ←{' '}
          <a href={practicePath(reason.adaptedFrom.id)} dir="auto">
            {reason.adaptedFrom.title}
          </a>
        </>
      );
    case 'group':
      return (
        <>
          {t('exchanges.reason.group')}{' '}
          <a href={`/groups/${reason.group.slug}`} dir="auto">
            {reason.group.name}
          </a>
        </>
      );
  }
};

/** GET /exchange: partner cities suggested for a city its representative acts for, each with its reasons and a way to ask. */
export const PartnersPage: FC<{ data: PartnersPageData }> = ({ data }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const { city } = data;
  return (
    <Layout title={t('exchanges.partners.title')} noindex>
      <h1>{t('exchanges.partners.title')}</h1>
      <p>{t('exchanges.partners.intro')}</p>
      {data.cities.length === 0 && <p>{t('exchanges.partners.no_city')}</p>}
      {data.cities.length > 1 && (
        <form method="get" action="/exchange" class="exchange-chooser">
          <label for="partners-city">{t('exchanges.partners.choose')}</label>
          <select id="partners-city" name="city">
            {data.cities.map((c) => (
              <option value={cityKeyText(c)} selected={city && cityKeyText(c) === cityKeyText(city)}>
                {cityLabel(i18n, c.country, c.name)}
              </option>
            ))}
          </select>
          <button type="submit">{t('exchanges.partners.show')}</button>
        </form>
      )}
      {city && (
        <section aria-labelledby="partners-heading">
          <h2 id="partners-heading">{t('exchanges.partners.for', { city: isolated(cityLabel(i18n, city.country, city.name), i18n.dir) })}</h2>
          {data.suggestions.length === 0 ? (
            <p>{t('exchanges.partners.none')}</p>
          ) : (
            <ol class="partner-list">
              {data.suggestions.map((s) => (
                <li class="partner">
                  <h3>
                    <CityLink city={s.city} />
                  </h3>
                  <ul class="partner__reasons">
                    {s.reasons.map((r) => (
                      <li>
                        <Reason reason={r} city={city} partner={s.city} />
                      </li>
                    ))}
                  </ul>
                  <a class="button button--secondary" href={askHref(s.city, city)}>
                    {t('exchanges.partners.ask', { city: isolated(cityLabel(i18n, s.city.country, s.city.name), i18n.dir) })}
                  </a>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      <p>
        <a href="/exchanges">{t('exchanges.partners.mine')}</a>
      </p>
    </Layout>
  );
};
