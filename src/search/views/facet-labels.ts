import { countryName } from '../../geo/countries.ts';
import type { Translator } from '../../i18n/i18n.ts';
import { placeLabel, regionLabel } from '../../views/labels.ts';
import type { FacetParam } from '../search.params.ts';

/**
 * The name a reader sees for a facet value, in their language: vocabulary labels from the
 * catalogue, regions, countries and (where it knows them) cities from CLDR, other cities and target groups as recorded.
 */
export function facetValueLabel(i18n: Translator, facet: FacetParam, value: string, label?: string): string {
  switch (facet) {
    case 'theme':
      return i18n.t(`theme.${value}`);
    case 'actor':
      return i18n.t(`actor.${value}`);
    case 'status':
      return i18n.t(`status.${value}`);
    case 'evidence':
      return i18n.t(`evidence.${value}`);
    case 'assessed':
      return i18n.t(`search.assessed.${value}`);
    case 'region':
      return regionLabel(i18n, value);
    case 'country':
      return countryName(value, i18n.locale);
    case 'city':
      return placeLabel(i18n, label ?? value.slice(3), value.slice(0, 2).toUpperCase());
    default:
      return value;
  }
}
