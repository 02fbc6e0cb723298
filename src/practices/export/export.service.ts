import type { Database } from '../../db/database.ts';
import type { SearchParams } from '../../search/search.params.ts';
import { csvChunks } from './csv.ts';
import { exchangeDocumentChunks } from './exchange-json.ts';
import { countMatching, countPlaced, matchingPlacedBatches, matchingRecordBatches } from './export.repo.ts';
import { geojsonChunks } from './geojson.ts';

/** File formats of an export. */
export const exportFormats = ['json', 'csv', 'geojson'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Media types of the export formats; `header=present` tells CSV readers about the header row (RFC 4180). */
export const exportMediaTypes: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  geojson: 'application/geo+json',
};

/** The file name a download suggests. */
export const exportFileName = (format: ExportFormat) => `clearinghouse-practices.${format}`;

/** An export under way: how many practices it holds, and its text, chunk by chunk. */
export interface PracticeExport {
  total: number;
  chunks: AsyncGenerator<string>;
}

/**
 * Exports the published practices matching a search, as exchange-format JSON, CSV, or GeoJSON
 * (only the practices that have a place: a feature needs a point). Shared
 * by the download routes, the admin endpoint and the CLI, so all three give the same file.
 * @example const { total, chunks } = await exportPractices(db, params, { format: 'csv', locale: 'en', urlOf });
 */
export async function exportPractices(
  db: Database,
  params: SearchParams,
  options: { format: ExportFormat; locale: string; urlOf: (id: string) => string },
): Promise<PracticeExport> {
  if (options.format === 'geojson') {
    const total = await countPlaced(db, params, options.locale);
    return { total, chunks: geojsonChunks(matchingPlacedBatches(db, params, options.locale), options.urlOf) };
  }
  const total = await countMatching(db, params, options.locale);
  const batches = matchingRecordBatches(db, params, options.locale);
  const chunks = options.format === 'csv' ? csvChunks(batches, options.urlOf) : exchangeDocumentChunks(batches);
  return { total, chunks };
}
