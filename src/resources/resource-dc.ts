import { translator } from '../i18n/i18n.ts';
import type { ResourceRow } from './resource.repo.ts';

/** One Dublin Core element: its name, text and, for text in a language, that language (the OAI-PMH endpoint's shape). */
export interface ResourceDcField {
  name: 'title' | 'creator' | 'subject' | 'description' | 'publisher' | 'date' | 'type' | 'identifier' | 'language' | 'relation' | 'coverage' | 'rights';
  value: string;
  lang?: string;
}

const english = translator('en');

/** The DCMI Type Vocabulary term of each kind of resource. */
const dcmiType: Record<ResourceRow['type'], string> = {
  report: 'Text',
  toolkit: 'Text',
  guideline: 'Text',
  video: 'MovingImage',
  webinar: 'MovingImage',
  dataset: 'Dataset',
};

/**
 * A resource in Dublin Core, for harvesters: title, creators, publisher, year, type (the DCMI
 * term and the library's own), languages, themes as subjects, abstract, its page and its link as
 * identifiers, the archived copy as a relation, regions as coverage, and its licence as rights.
 * @example resourceDublinCore(row, (slug) => `https://clearinghouse.example/resources/${slug}`)
 */
export function resourceDublinCore(r: ResourceRow, pageUrl: (slug: string) => string): ResourceDcField[] {
  const lang = r.languages[0];
  const fields: ResourceDcField[] = [{ name: 'title', value: r.title, ...(lang ? { lang } : {}) }];
  for (const a of r.authors) fields.push({ name: 'creator', value: a });
  if (r.publisher) fields.push({ name: r.authors.length ? 'publisher' : 'creator', value: r.publisher });
  if (r.publisher && !r.authors.length) fields.push({ name: 'publisher', value: r.publisher });
  if (r.year) fields.push({ name: 'date', value: String(r.year) });
  fields.push({ name: 'type', value: dcmiType[r.type] });
  fields.push({ name: 'type', value: english.t(`resources.type.${r.type}`), lang: 'en' });
  for (const l of r.languages) fields.push({ name: 'language', value: l });
  for (const t of r.themes) fields.push({ name: 'subject', value: english.t(`theme.${t}`), lang: 'en' });
  if (r.abstract) fields.push({ name: 'description', value: r.abstract, ...(lang ? { lang } : {}) });
  fields.push({ name: 'identifier', value: pageUrl(r.slug) });
  if (r.url) fields.push({ name: 'identifier', value: r.url });
  if (r.archive_url) fields.push({ name: 'relation', value: r.archive_url });
  for (const code of r.regions) fields.push({ name: 'coverage', value: code });
  if (r.licence) fields.push({ name: 'rights', value: r.licence });
  return fields;
}
