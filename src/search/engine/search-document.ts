import { countryName } from '../../geo/countries.ts';
import type { PracticeTextRow } from '../search-text.repo.ts';
import type { DocPart, IndexDoc } from './text-index.ts';

/**
 * A practice as the index reads it: title, summary, context (themes, place, organisations,
 * target groups) and the long text, each in the language it is written in; a translation
 * adds its title, summary and body in its own language.
 * @example index.put(searchDocument(row));
 */
export function searchDocument(row: PracticeTextRow): IndexDoc {
  const lang = row.language;
  const parts: DocPart[] = [
    { field: 'title', text: row.title, language: lang },
    { field: 'summary', text: row.summary, language: lang },
    // Theme keys and country names are English whatever the record's language.
    { field: 'context', text: row.themes.map((t) => t.replaceAll('-', ' ')).join(' · '), language: 'en' },
    { field: 'context', text: countryName(row.country, 'en') ?? row.country, language: 'en' },
    { field: 'context', text: [row.city, row.lead_organization, ...(row.partners ?? []), ...row.target_groups].filter(Boolean).join(' · '), language: lang },
  ];
  if (row.body) parts.push({ field: 'body', text: row.body, language: lang });
  for (const [code, tr] of Object.entries(row.translations ?? {})) {
    if (tr.title) parts.push({ field: 'title', text: tr.title, language: code });
    if (tr.summary) parts.push({ field: 'summary', text: tr.summary, language: code });
    if (tr.body) parts.push({ field: 'body', text: tr.body, language: code });
  }
  return { seq: row.seq, hash: row.content_hash, parts };
}
