import type { FC } from 'hono/jsx';
import countries from 'i18n-iso-countries/index.js';
import { countryName } from '../../geo/countries.ts';
import { usePage } from '../../views/page-context.ts';

const codes = Object.keys(countries.getAlpha2Codes());
const sorted = new Map<string, { code: string; name: string }[]>();

/** Every country with its name in a locale, in that locale's alphabetical order (cached per locale). */
function countryOptions(locale: string) {
  let list = sorted.get(locale);
  if (!list) {
    const collator = new Intl.Collator(locale);
    list = codes.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) => collator.compare(a.name, b.name));
    sorted.set(locale, list);
  }
  return list;
}

/** A country picker, names in the interface language; empty means "not said". */
export const CountrySelect: FC<{ id: string; name: string; value?: string | null; describedBy?: string }> = ({ id, name, value, describedBy }) => {
  const { i18n } = usePage();
  return (
    <select id={id} name={name} aria-describedby={describedBy}>
      <option value="">{i18n.t('accounts.field.country.none')}</option>
      {countryOptions(i18n.locale).map((c) => (
        <option value={c.code} selected={c.code === value}>
          {c.name}
        </option>
      ))}
    </select>
  );
};
