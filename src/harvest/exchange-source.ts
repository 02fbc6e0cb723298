import { exchangeDocumentSchema } from '../practices/practice.schema.ts';
import { fetchText } from '../shared/bounded-fetch.ts';
import { type HarvestItem, HarvestProblem, type SourceRequest } from './harvest-item.ts';

/**
 * Reads a whole exchange-format document (another Clearinghouse's `/practices/export.json`, or
 * any URL serving one) into records keyed by their exchange id.
 * @example const items = await readExchangeSource({ url, format: 'exchange-json', set: '', limits });
 */
export async function readExchangeSource(request: SourceRequest): Promise<HarvestItem[]> {
  const text = await fetchText(request.url, { ...request.limits, accept: 'application/json' });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new HarvestProblem(`${request.url} is not JSON: ${(e as Error).message}`);
  }
  const doc = exchangeDocumentSchema.safeParse(json);
  if (!doc.success) throw new HarvestProblem(`${request.url} is not an exchange document (format "clearinghouse.practices", version 1)`);
  return doc.data.practices.map((raw, index) => {
    const location = `practices[${index}]`;
    const id = (raw as { id?: unknown } | null)?.id;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { originalId: location, location, problem: 'not an object' };
    if (typeof id !== 'string' || id === '') return { originalId: location, location, problem: 'id: is required' };
    return { originalId: id, location, record: raw as Record<string, unknown> };
  });
}
