import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';
import type { CitationFormat } from '../citation-formats.ts';
import type { CslItem } from '../csl-item.ts';
import { plainCitation } from '../plain-citation.ts';

/** The downloads offered, with the message key of each link. */
const downloads: [CitationFormat, string][] = [
  ['bib', 'citations.download.bib'],
  ['ris', 'citations.download.ris'],
  ['json', 'citations.download.json'],
];

/**
 * "Cite this": a ready-to-copy reference, who it credits (and why someone is not named), and
 * the same metadata as BibTeX, RIS and CSL-JSON files at `{base}.bib`, `.ris`, `.json`.
 */
export const CiteBox: FC<{ item: CslItem; base: string; unnamedSubmitter?: boolean }> = ({ item, base, unnamedSubmitter }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <section class="aside-box" aria-labelledby="cite-heading">
      <h2 id="cite-heading">{t('citations.heading')}</h2>
      <p class="cite" dir="auto">
        {plainCitation(item, i18n)}
      </p>
      {unnamedSubmitter && <p class="cite__note">{t('citations.unnamed_submitter')}</p>}
      <ul class="cite__downloads">
        {downloads.map(([format, key]) => (
          <li>
            <a href={`${base}.${format}`} download>
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
};
