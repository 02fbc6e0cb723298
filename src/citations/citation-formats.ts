import { toBibtex } from './bibtex.ts';
import type { CslItem } from './csl-item.ts';
import { toRis } from './ris.ts';

/** The downloadable formats of a citation, by the extension of their address. */
export const citationFormats = {
  bib: { contentType: 'application/x-bibtex; charset=utf-8', render: toBibtex },
  ris: { contentType: 'application/x-research-info-systems; charset=utf-8', render: toRis },
  json: { contentType: 'application/vnd.citationstyles.csl+json; charset=utf-8', render: (item: CslItem) => `${JSON.stringify([item], null, 2)}\n` },
} as const;

/** A format's extension: `bib`, `ris` or `json`. */
export type CitationFormat = keyof typeof citationFormats;

/** The formats' extensions, in the order pages offer them. */
export const citationFormatNames = Object.keys(citationFormats) as CitationFormat[];

/**
 * A citation as a download: its body, content type and the `Content-Disposition` that names the file.
 * @example const { body, headers } = citationDownload(item, 'bib'); // headers['content-disposition'] = 'attachment; filename="x.bib"'
 */
export function citationDownload(item: CslItem, format: CitationFormat): { body: string; headers: Record<string, string> } {
  const { contentType, render } = citationFormats[format];
  const filename = `${item.id.replace(/[^a-z0-9-]/g, '-')}.${format}`;
  return { body: render(item), headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${filename}"` } };
}
