import type { FC } from 'hono/jsx';
import { FilterSelect } from '../../views/filter-select.tsx';
import { placeLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { CountryFilter, PageLinks, ThemeFilter } from '../../views/list-parts.tsx';
import { listSeparator } from '../../views/message-parts.ts';
import { usePage } from '../../views/page-context.ts';
import { themes } from '../../vocabulary/vocabularies.ts';
import type { PeopleQuery } from '../people.query.ts';
import type { PublicPerson } from '../person.repo.ts';

/** The query's filters as a query string, with another page. */
function queryString(q: PeopleQuery, page?: number): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'theme', 'country', 'language'] as const) if (q[key]) params.set(key, String(q[key]));
  if (page && page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** What the list of people shows. */
export interface PeopleListProps {
  items: PublicPerson[];
  total: number;
  query: PeopleQuery;
  choices: { countries: string[]; languages: string[] };
}

/** One person in the list: name, job title, organisation, place and expertise. */
const PersonCard: FC<{ p: PublicPerson }> = ({ p }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const line = [p.job_title, p.organization].filter(Boolean).join(' · ');
  return (
    <li class="org-card">
      <h2 class="org-card__name">
        <a href={`/people/${encodeURIComponent(p.slug)}`} dir="auto">
          {p.name}
        </a>
      </h2>
      {line && (
        <p class="meta">
          <bdi>{line}</bdi>
        </p>
      )}
      {p.country && <p class="meta">{placeLabel(i18n, p.city, p.country)}</p>}
      {p.expertise.length > 0 && <p class="meta">{p.expertise.map((th) => t(`theme.${th}`)).join(listSeparator(i18n.locale))}</p>}
    </li>
  );
};

/**
 * GET /people: the experts — people who chose a public profile — searched by name,
 * organisation, job title or bio and filtered by area of expertise, country and language.
 */
export const PeopleListPage: FC<PeopleListProps> = ({ items, total, query, choices }) => {
  const { t } = usePage().i18n;
  const pages = Math.max(1, Math.ceil(total / query.page_size));
  return (
    <Layout title={t('people.list.title')} description={t('people.list.description')} canonical={`/people${queryString(query, query.page)}`}>
      <h1>{t('people.list.title')}</h1>
      <p class="lead">{t('people.list.lead')}</p>
      <form method="get" action="/people" class="filter-form" role="search">
        <div class="form-field">
          <label for="f-q">{t('people.filter.q')}</label>
          <input id="f-q" name="q" type="search" value={query.q ?? ''} maxlength={200} />
        </div>
        <ThemeFilter value={query.theme} themes={themes} />
        <CountryFilter value={query.country} countries={choices.countries} />
        <FilterSelect
          name="language"
          label={t('people.filter.language')}
          value={choices.languages.find((l) => l.toLowerCase() === query.language?.toLowerCase())}
          all={t('people.filter.all_languages')}
          choices={choices.languages.map((l) => ({ value: l, label: l }))}
        />
        <button type="submit">{t('org.filter.apply')}</button>
      </form>
      <p aria-live="polite">{t('people.list.count', { count: total })}</p>
      {items.length === 0 ? (
        <p>{t('people.list.none')}</p>
      ) : (
        <ul class="org-list">
          {items.map((p) => (
            <PersonCard p={p} />
          ))}
        </ul>
      )}
      <PageLinks page={query.page} pages={pages} href={(page) => `/people${queryString(query, page)}`} label={t('people.list.pages')} />
      <p>
        <a href="/account">{t('people.list.join')}</a>
      </p>
    </Layout>
  );
};
