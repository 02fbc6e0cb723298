import type { FC } from 'hono/jsx';
import { cityLabel } from '../../views/labels.ts';
import { usePage } from '../../views/page-context.ts';
import type { ExchangeCity } from '../exchange.repo.ts';
import type { CityKey } from '../exchange.schema.ts';

/** A city page's address: `/cities/de/berlin`. */
export const cityHref = (c: CityKey) => `/cities/${c.country.toLowerCase()}/${encodeURIComponent(c.slug)}`;

/** A practice page's address. */
export const practicePath = (id: string) => `/practices/${id}`;

/** The request form's address, asking `to` (from `from`, about a practice, when known). */
export function askHref(to: CityKey, from?: CityKey, practiceId?: string): string {
  const q = new URLSearchParams({ to: `${to.country.toLowerCase()}/${to.slug}` });
  if (from) q.set('from', `${from.country.toLowerCase()}/${from.slug}`);
  if (practiceId) q.set('practice', practiceId);
  return `/exchanges/new?${q}`;
}

/** A city's name in the reader's language, linking to its page. */
export const CityLink: FC<{ city: ExchangeCity }> = ({ city }) => {
  const { i18n } = usePage();
  return (
    <a href={cityHref(city)} dir="auto">
      {cityLabel(i18n, city.country, city.name)}
    </a>
  );
};

/** A city's name in the reader's language, as plain text for messages. */
export function useCityName(): (city: ExchangeCity) => string {
  const { i18n } = usePage();
  return (city) => cityLabel(i18n, city.country, city.name);
}
