import { type PracticeRecord, practiceRecordSchema } from '../practice.schema.ts';

/** Licence stated in every export; records are published under it unless they say otherwise. */
export const exportLicense = 'CC-BY-4.0';

const fieldOrder = Object.keys(practiceRecordSchema.shape);

/**
 * A record with its fields in the order of the exchange format. jsonb stores keys in its own
 * order (shortest first); exports should read like the specification.
 * @example orderedRecord({ themes: ['housing'], id: 'x' }) // { id: 'x', themes: ['housing'] }
 */
export function orderedRecord(record: PracticeRecord): PracticeRecord {
  const ordered: Record<string, unknown> = {};
  for (const key of fieldOrder) {
    const value = (record as Record<string, unknown>)[key];
    if (value !== undefined) ordered[key] = value;
  }
  return ordered as PracticeRecord;
}

/**
 * An exchange-format document (shared/exchange-format.md) as text chunks: the header, one
 * record per line, the closing brackets. Valid JSON however many records follow, and
 * re-importable as it is.
 * @example for await (const chunk of exchangeDocumentChunks(batches)) out.write(chunk);
 */
export async function* exchangeDocumentChunks(batches: AsyncIterable<PracticeRecord[]>): AsyncGenerator<string> {
  yield `{"format":"clearinghouse.practices","version":1,"license":${JSON.stringify(exportLicense)},"practices":[`;
  let first = true;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    yield `${first ? '\n' : ',\n'}${batch.map((r) => JSON.stringify(r)).join(',\n')}`;
    first = false;
  }
  yield '\n]}\n';
}
