import type { FC } from 'hono/jsx';
import { cityLabel, isolated } from '../../views/labels.ts';
import { usePage } from '../../views/page-context.ts';
import type { Exchange } from '../exchange.repo.ts';
import { askHref } from './exchange-parts.tsx';

/**
 * On a practice page: the exchanges it came out of ("came out of an exchange between X and Y",
 * lineage beside the adaptations), and, for a practice with a recorded city, a link asking that
 * city for an exchange about it.
 */
export const PracticeExchanges: FC<{ practiceId: string; city?: { country: string; slug: string }; exchanges: Exchange[] }> = ({
  practiceId,
  city,
  exchanges,
}) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = (c: Exchange['from']) => isolated(cityLabel(i18n, c.country, c.name), i18n.dir);
  return (
    <section class="aside-box" aria-labelledby="practice-exchanges">
      <h2 id="practice-exchanges">{t('exchanges.practice.heading')}</h2>
      {exchanges.map((x) => (
        <p class="exchange-origin">
          {t('exchanges.practice.came_out', { from: name(x.from), to: name(x.to), kind: t(`exchanges.kind.${x.kind}`), theme: t(`theme.${x.theme}`) })}
        </p>
      ))}
      {city && (
        <p>
          <a href={askHref(city, undefined, practiceId)}>{t('exchanges.practice.ask')}</a>
        </p>
      )}
    </section>
  );
};
