/**
 * Writes src/geo/city-names.json: the names CLDR gives cities in each interface language (the
 * "exemplar cities" of its time zones: London → Londres, 伦敦, لندن, Лондон), keyed by country
 * and folded English name, so a page can show "英国·伦敦" instead of "英国·London". The CLDR
 * package is about 95 MB; the few hundred names the site needs are shipped as a 40 KB file.
 *
 *   node --import tsx scripts/city-names.ts [--cldr node_modules/cldr-dates-full] [--tzdata /usr/share/zoneinfo]
 *
 * Without the package in node_modules: `npm pack cldr-dates-full` in a scratch folder, unpack it,
 * and pass `--cldr <folder>/package`.
 *
 * Sources: `cldr-dates-full` (npm, Unicode CLDR JSON: main/<locale>/timeZoneNames.json) for the
 * names, and the tz database (Debian's `tzdata`: zone.tab, and the links in tzdata.zi for the
 * older zone ids CLDR keeps, such as America/Buenos_Aires) for the country of each time zone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type CityNames, cityKey } from '../src/geo/city-names.ts';
import { defaultLocale, locales } from '../src/i18n/i18n.ts';
import { projectPath } from '../src/shared/project-root.ts';

const { values } = parseArgs({
  options: {
    cldr: { type: 'string', default: projectPath('node_modules', 'cldr-dates-full') },
    tzdata: { type: 'string', default: '/usr/share/zoneinfo' },
    out: { type: 'string', default: projectPath('src', 'geo', 'city-names.json') },
  },
});

type ZoneTree = { [name: string]: ZoneTree | string | undefined; exemplarCity?: string };

/** Exemplar city names of one CLDR locale by time-zone id ("Europe/London" → "Londres"). */
function exemplarCities(locale: string): Map<string, string> {
  const file = path.join(values.cldr as string, 'main', locale, 'timeZoneNames.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const zones = json.main[locale].dates.timeZoneNames.zone as ZoneTree;
  const out = new Map<string, string>();
  const walk = (node: ZoneTree, prefix: string[]) => {
    for (const [key, child] of Object.entries(node)) {
      if (!child || typeof child !== 'object') continue;
      const id = [...prefix, key];
      if (typeof child.exemplarCity === 'string') out.set(id.join('/'), child.exemplarCity);
      walk(child, id);
    }
  };
  walk(zones, []);
  return out;
}

/** Country of each time zone and of its older ids, from the tz database ("GB" for "Europe/London"). */
function zoneCountries(): Map<string, string> {
  const out = new Map<string, string>();
  const read = (file: string) => fs.readFileSync(path.join(values.tzdata as string, file), 'utf8').split('\n');
  for (const line of read('zone.tab')) {
    if (!line || line.startsWith('#')) continue;
    const [country, , zone] = line.split('\t');
    out.set(zone, country);
  }
  // "L America/Argentina/Buenos_Aires America/Buenos_Aires": a link from an old id to the zone.
  for (const line of read('tzdata.zi')) {
    const [kind, target, alias] = line.split(' ');
    const country = kind === 'L' ? out.get(target) : undefined;
    if (country && !out.has(alias)) out.set(alias, country);
  }
  return out;
}

const countries = zoneCountries();
const byLocale = new Map(locales.map((l) => [l, exemplarCities(l)]));
const english = byLocale.get(defaultLocale) as Map<string, string>;
const names: CityNames = {};
// CLDR names every zone it knows in Chinese; English only where the name differs from the id.
const zones = [...(byLocale.get('zh') as Map<string, string>).keys()].sort();
for (const zone of zones) {
  const country = countries.get(zone);
  if (!country) continue;
  // English CLDR lists a name only where it differs from the zone id's last part.
  const en = english.get(zone) ?? (zone.split('/').pop() as string).replaceAll('_', ' ');
  const entry: Record<string, string> = {};
  for (const locale of locales) {
    const name = byLocale.get(locale)?.get(zone);
    if (locale !== defaultLocale && name && name !== en) entry[locale] = name;
  }
  if (Object.keys(entry).length > 0) names[cityKey(country, en)] = entry;
}
fs.writeFileSync(values.out as string, `${JSON.stringify(names, null, 0).replaceAll('},"', '},\n"')}\n`);
process.stdout.write(`${Object.keys(names).length} cities → ${path.relative(projectPath(), values.out as string)}\n`);
