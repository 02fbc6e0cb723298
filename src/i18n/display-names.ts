/**
 * CLDR display names (countries, regions, languages) through Intl.DisplayNames, memoised per
 * locale and code: a search page names some 300 facet values, and building a DisplayNames
 * object per name would cost a tenth of the page's CPU time.
 */
const namers = new Map<string, Intl.DisplayNames | null>();
const names = new Map<string, string>();
const maxNames = 20_000;

function namer(locale: string, type: 'region' | 'language'): Intl.DisplayNames | null {
  const key = `${type}|${locale}`;
  let found = namers.get(key);
  if (found === undefined) {
    try {
      found = new Intl.DisplayNames([locale], { type });
    } catch {
      found = null;
    }
    namers.set(key, found);
  }
  return found;
}

function displayName(type: 'region' | 'language', code: string, locale: string): string {
  const key = `${type}|${locale}|${code}`;
  let name = names.get(key);
  if (name === undefined) {
    try {
      name = namer(locale, type)?.of(code) ?? code;
    } catch {
      // An ill-formed code (RangeError): shown as given.
      name = code;
    }
    // Codes can come from request parameters: the memo stays bounded.
    if (names.size >= maxNames) names.clear();
    names.set(key, name);
  }
  return name;
}

/**
 * Name of a country (ISO 3166 alpha-2) or UN M49 region in a locale; the code itself when CLDR has none.
 * @example regionDisplayName('FR', 'de') // 'Frankreich'; regionDisplayName('419', 'en') // 'Latin America'
 */
export function regionDisplayName(code: string, locale: string): string {
  return displayName('region', code, locale);
}

/**
 * Name of a language in a locale, as CLDR writes it (autonyms in lower case where the language does).
 * @example languageDisplayName('fr', 'en') // 'French'
 */
export function languageDisplayName(code: string, locale: string): string {
  return displayName('language', code, locale);
}
