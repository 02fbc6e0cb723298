import type { FC } from 'hono/jsx';
import { PracticeCard } from '../../practices/views/practice-card.tsx';
import { usePage } from '../../views/page-context.ts';
import type { PlacePractices } from '../city.service.ts';

/** Home › World map › (country ›) this place. */
export const PlaceBreadcrumbs: FC<{ trail: { href: string; label: string }[]; current: string }> = ({ trail, current }) => {
  const { t } = usePage().i18n;
  return (
    <nav class="breadcrumbs" aria-label={t('place.breadcrumbs')}>
      <ol>
        <li>
          <a href="/">{t('nav.home')}</a>
        </li>
        <li>
          <a href="/map">{t('nav.map')}</a>
        </li>
        {trail.map((step) => (
          <li>
            <a href={step.href}>{step.label}</a>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
};

/**
 * A place's published practices as cards, with where to go next: all of them in the search
 * (which offers more filters) and on the world map. An empty place says so plainly.
 */
export const PlacePracticeList: FC<{ heading: string; place: string; practices: PlacePractices; searchHref: string; mapHref: string }> = ({
  heading,
  place,
  practices,
  searchHref,
  mapHref,
}) => {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <section aria-labelledby="place-practices">
      <h2 id="place-practices">{heading}</h2>
      {practices.total === 0 ? (
        <p>
          {t('place.practices.none', { place })} <a href="/practices">{t('place.practices.browse')}</a>
        </p>
      ) : (
        <>
          <p>{t('place.practices.count', { count: practices.total })}</p>
          <ul class="place-links">
            <li>
              <a href={searchHref}>{t('place.practices.search', { place })}</a>
            </li>
            <li>
              <a href={mapHref}>{t('place.practices.map')}</a>
            </li>
          </ul>
          <ul class="cards">
            {practices.items.map((p) => (
              <PracticeCard practice={p} headingLevel={3} />
            ))}
          </ul>
          {practices.total > practices.items.length && (
            <p>
              <a href={searchHref}>{t('place.practices.all', { count: practices.total, place })}</a>
            </p>
          )}
        </>
      )}
    </section>
  );
};
