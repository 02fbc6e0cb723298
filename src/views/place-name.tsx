import type { Child, FC } from 'hono/jsx';
import { countryName } from '../geo/countries.ts';
import { cityLabel } from './labels.ts';
import { messageWith } from './message-parts.ts';
import { usePage } from './page-context.ts';

/**
 * "Turin, Italy" as the reader's language writes it (`common.place`: "英国 伦敦",
 * "كارديف، المملكة المتحدة"), the city in its local name where CLDR has one and isolated with
 * `<bdi>`, so a name in another script keeps its place and its punctuation. Either part may link.
 * @example <PlaceName city="Turin" country="IT" cityHref="/cities/it/turin" />
 */
export const PlaceName: FC<{ city?: string | null; country: string; cityHref?: string; countryHref?: string }> = ({ city, country, cityHref, countryHref }) => {
  const { i18n } = usePage();
  const countryText = countryName(country, i18n.locale);
  const countryPart = countryHref ? <a href={countryHref}>{countryText}</a> : countryText;
  if (!city) return <>{countryPart}</>;
  const cityText = cityLabel(i18n, country, city);
  const cityPart = <bdi>{cityHref ? <a href={cityHref}>{cityText}</a> : cityText}</bdi>;
  return <>{messageWith<Child>(i18n, 'common.place', { city: cityPart, country: countryPart })}</>;
};
