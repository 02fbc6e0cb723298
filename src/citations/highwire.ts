import { type CslItem, isoDate } from './csl-item.ts';

/** One `<meta name=… content=…>` of the head. */
export interface MetaTag {
  name: string;
  content: string;
}

/**
 * Highwire Press `citation_*` meta tags, which Zotero, Mendeley and Google Scholar read from a
 * page: one `citation_author` per author; the lead organisation, when there is one, as the
 * report's institution.
 * @example highwireTags(item, 'City of Lyon').find((m) => m.name === 'citation_title')
 */
export function highwireTags(item: CslItem, institution?: string): MetaTag[] {
  const tags: MetaTag[] = [
    { name: 'citation_title', content: item.title },
    ...item.author.map((a) => ({ name: 'citation_author', content: a.literal })),
    { name: 'citation_publication_date', content: isoDate(item.issued, '/') },
    { name: 'citation_public_url', content: item.URL },
    { name: 'citation_publisher', content: item.publisher },
  ];
  if (institution) tags.push({ name: 'citation_technical_report_institution', content: institution });
  tags.push({ name: 'citation_language', content: item.language });
  if (item.keyword) tags.push({ name: 'citation_keywords', content: item.keyword.split(', ').join('; ') });
  return tags;
}
