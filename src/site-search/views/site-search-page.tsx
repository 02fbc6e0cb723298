import type { Child, FC } from 'hono/jsx';
import { eventWhen } from '../../events/event-dates.ts';
import { groupName } from '../../groups/views/group-parts.tsx';
import { placeLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { Found, SiteResults } from '../site-search.service.ts';

/** One kind of result: its heading with the count, a few items, and the link to all of them. */
const Section: FC<{ id: string; heading: string; found: Found<unknown>; all: string; allLabel: string; children?: Child }> = ({
  id,
  heading,
  found,
  all,
  allLabel,
  children,
}) => {
  const { t } = usePage().i18n;
  return (
    <section aria-labelledby={id} class="site-search__section">
      <h2 id={id}>
        {heading} <span class="count">({found.total})</span>
      </h2>
      {found.total === 0 ? (
        <p class="meta">{t('site_search.none')}</p>
      ) : (
        <>
          <ul class="site-search__list">{children}</ul>
          {found.total > found.items.length && (
            <p>
              <a href={all}>{allLabel}</a>
            </p>
          )}
        </>
      )}
    </section>
  );
};

/**
 * GET /search: a query across the whole site. Practices come ranked by the catalogue's engine;
 * organisations, experts, events and groups are those holding every meaningful word of the query.
 */
export const SiteSearchPage: FC<{ q: string; results?: SiteResults }> = ({ q, results }) => {
  const { i18n } = usePage();
  const { t, locale } = i18n;
  const enc = encodeURIComponent(q);
  return (
    <Layout title={q ? t('site_search.title_query', { q }) : t('site_search.title')} noindex>
      <h1>{q ? t('site_search.title_query', { q }) : t('site_search.title')}</h1>
      <form action="/search" method="get" role="search" class="search-form">
        <div class="search-form__field">
          <label for="site-q">{t('site_search.label')}</label>
          <input id="site-q" type="search" name="q" value={q} maxlength={200} />
        </div>
        <button type="submit">{t('site_search.submit')}</button>
      </form>
      {!results ? (
        <p>{t('site_search.intro')}</p>
      ) : (
        <>
          <Section
            id="found-practices"
            heading={t('site_search.practices')}
            found={results.practices}
            all={`/practices?q=${enc}`}
            allLabel={t('site_search.all_practices', { count: results.practices.total })}
          >
            {results.practices.items.map((p) => (
              <li>
                <a href={`/practices/${encodeURIComponent(p.id)}`} lang={p.lang} dir="auto">
                  {p.title}
                </a>{' '}
                <span class="meta">· {placeLabel(i18n, p.city, p.country)}</span>
              </li>
            ))}
          </Section>
          <Section
            id="found-resources"
            heading={t('resources.list.title')}
            found={results.resources}
            all={`/resources?q=${enc}`}
            allLabel={t('site_search.all', { count: results.resources.total })}
          >
            {results.resources.items.map((r) => (
              <li>
                <a href={`/resources/${encodeURIComponent(r.slug)}`} lang={r.languages[0]} dir="auto">
                  {r.title}
                </a>{' '}
                <span class="meta">
                  · <bdi>{[t(`resources.type.${r.type}`), r.publisher, r.year ? String(r.year) : ''].filter(Boolean).join(' · ')}</bdi>
                </span>
              </li>
            ))}
          </Section>
          <Section
            id="found-organizations"
            heading={t('site_search.organizations')}
            found={results.organizations}
            all={`/organizations?q=${encodeURIComponent(results.organizations.words)}`}
            allLabel={t('site_search.all', { count: results.organizations.total })}
          >
            {results.organizations.items.map((o) => (
              <li>
                <a href={`/organizations/${encodeURIComponent(o.slug)}`} dir="auto">
                  {o.name}
                </a>
                {o.country && <span class="meta"> · {placeLabel(i18n, o.city, o.country)}</span>}
              </li>
            ))}
          </Section>
          <Section
            id="found-people"
            heading={t('site_search.people')}
            found={results.people}
            all={`/people?q=${encodeURIComponent(results.people.words)}`}
            allLabel={t('site_search.all', { count: results.people.total })}
          >
            {results.people.items.map((p) => (
              <li>
                <a href={`/people/${encodeURIComponent(p.slug)}`} dir="auto">
                  {p.name}
                </a>
                {p.job_title && (
                  <span class="meta" dir="auto">
                    {' '}
                    · {p.job_title}
                  </span>
                )}
              </li>
            ))}
          </Section>
          <Section
            id="found-events"
            heading={t('site_search.events')}
            found={results.events}
            all={`/events?q=${encodeURIComponent(results.events.words)}`}
            allLabel={t('site_search.all', { count: results.events.total })}
          >
            {results.events.items.map((e) => (
              <li>
                <a href={`/events/${encodeURIComponent(e.id)}`} dir="auto">
                  {e.title}
                </a>{' '}
                <span class="meta">· {eventWhen(locale, e)}</span>
              </li>
            ))}
          </Section>
          <Section
            id="found-groups"
            heading={t('site_search.groups')}
            found={results.groups}
            all={`/groups?q=${encodeURIComponent(results.groups.words)}`}
            allLabel={t('site_search.all', { count: results.groups.total })}
          >
            {results.groups.items.map((g) => (
              <li>
                <a href={`/groups/${encodeURIComponent(g.slug)}`}>{groupName(g, locale)}</a>
              </li>
            ))}
          </Section>
        </>
      )}
    </Layout>
  );
};
