import type { Translator } from '../i18n/i18n.ts';
import { type CslItem, isoDate } from './csl-item.ts';

/**
 * The item as a ready-to-copy reference in an APA-like style, in the reader's language:
 * `Lead Org; Partner (2019). Title. In: Clearinghouse. URL (accessed 2026-12-06)`.
 * @example plainCitation(item, i18n)
 */
export function plainCitation(item: CslItem, i18n: Translator): string {
  const values = {
    authors: item.author.map((a) => a.literal).join('; '),
    year: String(item.issued['date-parts'][0][0]),
    title: item.title,
    site: item['container-title'],
    url: item.URL,
    accessed: isoDate(item.accessed),
  };
  return i18n.t(item.author.length ? 'citations.text' : 'citations.text.no_author', values);
}
