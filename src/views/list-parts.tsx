import type { Child, FC } from 'hono/jsx';
import { countryName } from '../geo/countries.ts';
import { FilterSelect } from './filter-select.tsx';
import { usePage } from './page-context.ts';

/** The theme filter of a list: the themes of the vocabulary (given by the area, which owns it). */
export const ThemeFilter: FC<{ value?: string; themes: readonly string[] }> = ({ value, themes }) => {
  const { t } = usePage().i18n;
  return (
    <FilterSelect
      name="theme"
      label={t('org.filter.theme')}
      value={value}
      all={t('org.filter.all_themes')}
      choices={themes.map((th) => ({ value: th, label: t(`theme.${th}`) }))}
    />
  );
};

/** The country filter of a list: the countries it holds (ISO alpha-2), by name in the reader's language. */
export const CountryFilter: FC<{ value?: string; countries: string[] }> = ({ value, countries }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <FilterSelect
      name="country"
      label={t('org.filter.country')}
      value={value?.toLowerCase()}
      all={t('org.filter.all_countries')}
      choices={countries
        .map((c) => ({ value: c.toLowerCase(), label: countryName(c, i18n.locale) }))
        .sort((a, b) => a.label.localeCompare(b.label, i18n.locale))}
    />
  );
};

/** "Previous page · Page 2 of 5 · Next page" under a list, when it has more than one page. */
export const PageLinks: FC<{ page: number; pages: number; href: (page: number) => string; label: string }> = ({ page, pages, href, label }) => {
  const { t } = usePage().i18n;
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={label}>
      {page > 1 && (
        <a href={href(page - 1)} rel="prev">
          {t('org.list.previous')}
        </a>
      )}{' '}
      <span>{t('org.list.page_of', { page, pages })}</span>{' '}
      {page < pages && (
        <a href={href(page + 1)} rel="next">
          {t('org.list.next')}
        </a>
      )}
    </nav>
  );
};

/** A record's short facts as a definition list (the `.facts` grid); nothing when there are none. */
export const FactList: FC<{ facts: [string, Child][] }> = ({ facts }) =>
  facts.length === 0 ? null : (
    <dl class="facts">
      {facts.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
