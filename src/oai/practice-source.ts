import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { translator } from '../i18n/i18n.ts';
import { exportLicense, orderedRecord } from '../practices/export/exchange-json.ts';
import type { PracticeRecord } from '../practices/practice.schema.ts';
import { keysetAfter } from './oai-keyset.repo.ts';
import { readSetSpec, repositorySets, setSpecsOf } from './oai-sets.ts';
import type { DcField, OaiItem, OaiSet, OaiSource } from './oai-source.ts';
import {
  earliestPracticeChange,
  type PracticeOaiFilter,
  type PracticeOaiRow,
  practiceOaiItem,
  practiceOaiPage,
  practiceRegionCodes,
} from './practice-oai.repo.ts';

const kind = 'practice';
const english = translator('en');

/** A set spec as a SQL condition on a practice's columns; undefined for every practice, 'none' when no practice can be in it. */
function setFilter(spec: string | undefined): PracticeOaiFilter['set'] | 'none' | undefined {
  const selection = readSetSpec(spec, kind);
  if (selection.by === 'none') return 'none';
  if (selection.by === 'region') {
    const code = selection.code;
    return code === undefined ? (c) => sql`${c.region} IS NOT NULL` : (c) => sql`(${c.region} = ${code} OR ${c.subregion} = ${code})`;
  }
  const theme = selection.by === 'theme' ? selection.code : undefined;
  return theme === undefined ? undefined : (c) => sql`${c.themes} @> ARRAY[${theme}]::text[]`;
}

/** A practice record in Dublin Core: titles and summaries in every language it has, themes, place, links. */
export function practiceDublinCore(record: PracticeRecord, pageUrl: (id: string) => string): DcField[] {
  const fields: DcField[] = [{ name: 'title', value: record.title, lang: record.language }];
  const translations = Object.entries(record.translations ?? {});
  for (const [lang, tr] of translations) if (tr.title) fields.push({ name: 'title', value: tr.title, lang });
  if (record.lead_organization) fields.push({ name: 'creator', value: record.lead_organization });
  for (const p of record.partners ?? []) fields.push({ name: 'contributor', value: p.name });
  for (const t of record.themes) fields.push({ name: 'subject', value: english.t(`theme.${t}`), lang: 'en' });
  for (const g of record.target_groups ?? []) fields.push({ name: 'subject', value: g });
  fields.push({ name: 'description', value: record.summary, lang: record.language });
  for (const [lang, tr] of translations) if (tr.summary) fields.push({ name: 'description', value: tr.summary, lang });
  if (record.started) fields.push({ name: 'date', value: String(record.started) });
  fields.push({ name: 'type', value: 'good practice', lang: 'en' });
  fields.push({ name: 'identifier', value: pageUrl(record.id) });
  fields.push({ name: 'language', value: record.language });
  for (const a of record.adapted_from ?? []) fields.push({ name: 'relation', value: pageUrl(a.id) });
  for (const s of record.sources ?? []) fields.push({ name: 'relation', value: s.url });
  if (record.city) fields.push({ name: 'coverage', value: record.city });
  fields.push({ name: 'coverage', value: record.country });
  fields.push({ name: 'rights', value: exportLicense });
  return fields;
}

function itemOf(row: PracticeOaiRow, pageUrl: (id: string) => string): OaiItem {
  const regions = [row.region, row.subregion].filter((r): r is string => !!r);
  const item: OaiItem = { kind, id: row.id, datestamp: new Date(row.t), stamp: row.stamp, sets: setSpecsOf(kind, row.themes, regions), deleted: row.deleted };
  if (!row.deleted && row.record) {
    const record = row.record as PracticeRecord;
    item.metadata = { exchange: () => JSON.stringify(orderedRecord(record)), dc: () => practiceDublinCore(record, pageUrl) };
  }
  return item;
}

/**
 * Published practices (and the tombstones of deleted ones) as an OAI-PMH source.
 * @example const source = practiceOaiSource(db, (id) => `${publicUrl}/practices/${id}`);
 */
export function practiceOaiSource(db: Database, pageUrl: (id: string) => string): OaiSource {
  return {
    kind,
    formats: ['oai_dc', 'exchange'],
    async sets(): Promise<OaiSet[]> {
      return repositorySets(kind, 'Good practices', await practiceRegionCodes(db));
    },
    async list(query) {
      const set = setFilter(query.set);
      if (set === 'none') return [];
      const filter = { from: query.from, until: query.until, set, after: keysetAfter(query.after, kind) };
      const rows = await practiceOaiPage(db, filter, query.limit, query.withMetadata);
      return rows.map((r) => itemOf(r, pageUrl));
    },
    async get(id) {
      const row = await practiceOaiItem(db, id);
      return row && itemOf(row, pageUrl);
    },
    earliest: () => earliestPracticeChange(db),
  };
}
