import type { FC } from 'hono/jsx';
import { PracticeCard, type PracticeCardData } from '../practices/views/practice-card.tsx';
import { Layout } from '../views/layout.tsx';
import { usePage } from '../views/page-context.ts';
import { themes } from '../vocabulary/vocabularies.ts';

/** Data the home page shows. */
export interface HomeData {
  figures: { practices: number; cities: number; countries: number; byTheme: Record<string, number> };
  latest: PracticeCardData[];
}

/** The front door: what this is, a search box, themes with counts, figures and the latest practices. */
export const HomePage: FC<HomeData> = ({ figures, latest }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Layout
      title={t('site.name')}
      description={t('site.description')}
      canonical="/"
      feeds={[{ href: '/practices/feed.atom', title: t('home.feed'), type: 'application/atom+xml' }]}
      jsonLd={{
        '@context': 'https://schema.org',
        '@type': 'WebSite',
        name: t('site.name'),
        potentialAction: { '@type': 'SearchAction', target: '/practices?q={q}', 'query-input': 'required name=q' },
      }}
    >
      <h1>{t('site.tagline')}</h1>
      <p class="lead">{t('site.description')}</p>
      <form class="search-form" action="/practices" method="get" role="search">
        <div class="search-form__field">
          <label for="home-q">{t('search.label')}</label>
          <input id="home-q" type="search" name="q" placeholder={t('search.placeholder')} maxlength={200} />
        </div>
        <button type="submit">{t('search.submit')}</button>
      </form>
      <ul class="figures" aria-label={t('home.figures')}>
        <li>
          <strong>{i18n.number(figures.practices)}</strong> {t('home.figure.practices', { count: figures.practices })}
        </li>
        <li>
          <strong>{i18n.number(figures.cities)}</strong> {t('home.figure.cities', { count: figures.cities })}
        </li>
        <li>
          <strong>{i18n.number(figures.countries)}</strong> {t('home.figure.countries', { count: figures.countries })}
        </li>
      </ul>
      <h2>{t('home.themes')}</h2>
      <ul class="theme-grid">
        {themes.map((th) => (
          <li>
            <a href={`/practices?theme=${th}`}>
              <span>{t(`theme.${th}`)}</span>
              <span class="count">{i18n.number(figures.byTheme[th] ?? 0)}</span>
            </a>
          </li>
        ))}
      </ul>
      <h2>{t('home.latest')}</h2>
      <ul class="cards">
        {latest.map((p) => (
          <PracticeCard practice={p} headingLevel={3} />
        ))}
      </ul>
      <p>
        <a href="/practices?sort=newest">{t('home.all_practices')}</a>
      </p>
    </Layout>
  );
};
