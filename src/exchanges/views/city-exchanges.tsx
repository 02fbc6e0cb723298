import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';
import type { Exchange, ExchangeCity } from '../exchange.repo.ts';
import { askHref, CityLink, practicePath } from './exchange-parts.tsx';

/**
 * A city page's "Exchanges": its accepted exchanges (the other city, kind, theme, since when,
 * and the practice that came out of one) and a link to ask it for one.
 */
export const CityExchanges: FC<{ city: ExchangeCity; exchanges: Exchange[] }> = ({ city, exchanges }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const same = (c: ExchangeCity) => c.country === city.country && c.slug === city.slug;
  return (
    <section aria-labelledby="city-exchanges" class="city-exchanges">
      <h2 id="city-exchanges">{t('exchanges.city.heading')}</h2>
      {exchanges.length === 0 ? (
        <p>{t('exchanges.city.none')}</p>
      ) : (
        <ul class="exchange-list">
          {exchanges.map((x) => {
            const other = same(x.from) ? x.to : x.from;
            return (
              <li>
                <p class="exchange-list__what">
                  <CityLink city={other} /> · {t(`exchanges.kind.${x.kind}`)} · {t(`theme.${x.theme}`)}
                </p>
                <p class="meta">{t('exchanges.city.since', { date: i18n.date(x.decidedAt ?? x.createdAt) })}</p>
                {x.outcome?.title && (
                  <p class="meta">
                    {t('exchanges.city.outcome')}{' '}
                    <a href={practicePath(x.outcome.id)} dir="auto">
                      {x.outcome.title}
                    </a>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <a href={askHref(city)}>{t('exchanges.city.ask')}</a> · <a href="/exchange">{t('exchanges.city.partners')}</a>
      </p>
    </section>
  );
};
