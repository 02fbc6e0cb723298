import type { CslItem } from '../../citations/csl-item.ts';
import { countryName } from '../../geo/countries.ts';
import type { Translator } from '../../i18n/i18n.ts';
import type { PracticeWithLineage } from '../practice.repo.ts';
import { practiceHref } from './practice-links.ts';

/**
 * schema.org metadata for a practice, so search engines and harvesters see what, where and when.
 * @example <Layout jsonLd={practiceJsonLd(practice, i18n, 'https://example.org')} … />
 */
export function practiceJsonLd(practice: PracticeWithLineage, i18n: Translator, publicUrl: string, citation?: CslItem): Record<string, unknown> {
  const r = practice.record;
  const url = `${publicUrl}${practiceHref(r.id)}`;
  const country = countryName(r.country, 'en');
  return {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    '@id': url,
    url,
    name: r.title,
    description: r.summary,
    inLanguage: r.language,
    dateModified: r.updated ?? new Date(practice.updated_at).toISOString(),
    // ISO 8601 interval; an open end ("2015/..") means the practice is still running or its end is unknown.
    temporalCoverage: r.started ? `${r.started}/${r.ended ?? '..'}` : undefined,
    about: r.themes.map((th) => ({ '@type': 'DefinedTerm', termCode: th, name: i18n.t(`theme.${th}`) })),
    keywords: [...r.themes, ...(r.target_groups ?? [])].join(', '),
    spatialCoverage: {
      '@type': 'Place',
      name: r.city ? `${r.city}, ${country}` : country,
      address: { '@type': 'PostalAddress', addressLocality: r.city, addressCountry: r.country },
      geo: practice.lat !== null && practice.lon !== null ? { '@type': 'GeoCoordinates', latitude: practice.lat, longitude: practice.lon } : undefined,
    },
    creator: r.lead_organization ? { '@type': 'Organization', name: r.lead_organization } : undefined,
    contributor: r.partners?.map((p) => ({ '@type': 'Organization', name: p.name })),
    // Everyone the citation credits (organisations, then the submitters who have a public profile), in the same order.
    author: citation?.author.length ? citation.author.map((a) => authorOf(a.literal, practice, publicUrl)) : undefined,
    isBasedOn: practice.adapted_from.length ? practice.adapted_from.map((l) => `${publicUrl}${practiceHref(l.id)}`) : undefined,
    citation: r.sources?.map((s) => s.url),
    workTranslation: r.translations
      ? Object.keys(r.translations).map((lang) => ({ '@type': 'CreativeWork', inLanguage: lang, url: `${publicUrl}${practiceHref(r.id, lang)}` }))
      : undefined,
    publisher: { '@type': 'Organization', name: i18n.t('site.name'), url: publicUrl || undefined },
    license: 'https://creativecommons.org/licenses/by/4.0/',
  };
}

/** A credited name as schema.org: a person when it is a submitter's public profile, else an organisation. */
function authorOf(name: string, practice: PracticeWithLineage, publicUrl: string): Record<string, unknown> {
  const person = practice.submitters.find((s) => s.name === name && s.slug);
  return person ? { '@type': 'Person', name, url: `${publicUrl}/people/${person.slug}` } : { '@type': 'Organization', name };
}
