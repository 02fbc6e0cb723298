import { stringify } from 'csv-stringify/sync';
import { regionsOf } from '../../geo/countries.ts';
import type { PracticeRecord } from '../practice.schema.ts';

/** Joins the values of a multi-valued field in one cell. */
const join = (values: (string | undefined)[] | undefined) => (values ?? []).filter(Boolean).join('; ');

/** CSV columns, in order: the exchange-format fields flattened, plus region codes and the practice's URL. */
export const csvColumns = [
  'id',
  'title',
  'summary',
  'language',
  'city',
  'country',
  'region',
  'subregion',
  'lat',
  'lon',
  'level',
  'started',
  'ended',
  'status',
  'themes',
  'actor_types',
  'lead_organization',
  'partners',
  'target_groups',
  'evidence_level',
  'adapted_from',
  'sources',
  'translations',
  'updated',
  'url',
  'body',
  'challenge',
  'approach',
  'outcomes',
  'evaluation',
  'lessons',
  'transferability',
] as const;

type CsvRow = Record<(typeof csvColumns)[number], string | number | undefined>;

/** One spreadsheet row of a practice; multi-valued fields are joined with "; ". */
export function csvRow(record: PracticeRecord, url: string): CsvRow {
  const regions = regionsOf(record.country);
  return {
    id: record.id,
    title: record.title,
    summary: record.summary,
    language: record.language,
    city: record.city,
    country: record.country,
    region: regions.region ?? undefined,
    subregion: regions.subregion ?? undefined,
    lat: record.location?.lat,
    lon: record.location?.lon,
    level: record.level ?? 'local',
    started: record.started,
    ended: record.ended,
    status: record.status ?? 'unknown',
    themes: join(record.themes),
    actor_types: join(record.actor_types),
    lead_organization: record.lead_organization,
    partners: join(record.partners?.map((p) => (p.support ? `${p.name} (${p.support})` : p.name))),
    target_groups: join(record.target_groups),
    evidence_level: record.evidence_level,
    adapted_from: join(record.adapted_from?.map((a) => a.id)),
    sources: join(record.sources?.map((s) => s.url)),
    translations: join(Object.keys(record.translations ?? {})),
    updated: record.updated,
    url,
    body: record.body,
    challenge: record.challenge,
    approach: record.approach,
    outcomes: record.outcomes,
    evaluation: record.evaluation,
    lessons: record.lessons,
    transferability: record.transferability,
  };
}

/**
 * A CSV file as text chunks, one per batch: UTF-8 with a byte-order mark so spreadsheets
 * detect the encoding, a header row, and cells that start like a formula escaped (text
 * comes from the public, and a spreadsheet would run `=HYPERLINK(…)`).
 * @example for await (const chunk of csvChunks(batches, (id) => `${base}/practices/${id}`)) out.write(chunk);
 */
export async function* csvChunks(batches: AsyncIterable<PracticeRecord[]>, urlOf: (id: string) => string): AsyncGenerator<string> {
  yield stringify([], { bom: true, header: true, columns: [...csvColumns] });
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    yield stringify(
      batch.map((r) => csvRow(r, urlOf(r.id))),
      { columns: [...csvColumns], escape_formulas: true },
    );
  }
}
