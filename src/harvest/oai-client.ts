import { XMLParser } from 'fast-xml-parser';
import { fetchText } from '../shared/bounded-fetch.ts';
import { mapDublinCore } from './dublin-core.ts';
import { type HarvestItem, HarvestProblem, type SourceRequest } from './harvest-item.ts';

/** The metadata format of the exchange (the OAI-PMH contract with src/oai/). */
export const exchangePrefix = 'exchange';
/** Pages of one list followed at most: a loop of resumption tokens ends here, reported. */
const maxPages = 10_000;

/** Elements that may repeat, read as lists whether they appear once or more. */
const repeated = new Set([
  'OAI-PMH.error',
  'OAI-PMH.ListRecords.record',
  'OAI-PMH.ListMetadataFormats.metadataFormat',
  'OAI-PMH.ListRecords.record.metadata.record',
]);
const dcPath = 'OAI-PMH.ListRecords.record.metadata.dc.';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (_name, jpath) => repeated.has(String(jpath)) || String(jpath).startsWith(dcPath),
});

type XmlNode = Record<string, unknown>;

/** The text of an element that may carry attributes (`{ '#text': …, '@_lang': … }`). */
export function textOf(node: unknown): string {
  if (typeof node === 'string') return node.trim();
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (node && typeof node === 'object' && '#text' in node) return textOf((node as XmlNode)['#text']);
  return '';
}

/** Parses one answer, turning OAI-PMH errors into a HarvestProblem (noRecordsMatch: an empty list). */
function parseAnswer(xml: string, url: string): XmlNode | undefined {
  let doc: XmlNode;
  try {
    doc = parser.parse(xml, true) as XmlNode;
  } catch (e) {
    throw new HarvestProblem(`${url} is not well-formed XML: ${(e as Error).message}`);
  }
  const root = doc['OAI-PMH'] as XmlNode | undefined;
  if (!root || typeof root !== 'object') throw new HarvestProblem(`${url} is not an OAI-PMH answer`);
  const errors = (root.error as unknown[] | undefined) ?? [];
  if (errors.length > 0) {
    const codes = errors.map((e) => (e as XmlNode)['@_code']);
    if (codes.every((c) => c === 'noRecordsMatch')) return undefined;
    throw new HarvestProblem(`OAI-PMH error from ${url}: ${errors.map((e) => `${(e as XmlNode)['@_code'] ?? 'error'}: ${textOf(e)}`).join('; ')}`);
  }
  return root;
}

/** The exchange format when the server offers it, else Dublin Core (every OAI-PMH server offers it). */
async function choosePrefix(request: SourceRequest): Promise<string> {
  const url = `${request.url}?verb=ListMetadataFormats`;
  const root = parseAnswer(await fetchText(url, { ...request.limits, accept: 'text/xml' }), url);
  const formats = ((root?.ListMetadataFormats as XmlNode | undefined)?.metadataFormat as XmlNode[] | undefined) ?? [];
  return formats.some((f) => textOf(f.metadataPrefix) === exchangePrefix) ? exchangePrefix : 'oai_dc';
}

/**
 * The original id of a record in the exchange format: the practice id its Clearinghouse
 * identifier names (`oai:{host}:practice/{id}`, docs/exchange-format.md), the id the same
 * platform's exchange JSON gives it, so switching a source between the two finds the same
 * practices; any other identifier as it is.
 * @example exchangeOriginalId('oai:other.example:practice/ghent-cafe') // 'ghent-cafe'
 */
export function exchangeOriginalId(identifier: string): string {
  return /^oai:[^:]+:practice\/([^/]+)$/.exec(identifier)?.[1] ?? identifier;
}

/** One record of a ListRecords answer as a harvest item. */
function itemOf(node: XmlNode, prefix: string): HarvestItem {
  const header = (node.header ?? {}) as XmlNode;
  const identifier = textOf(header.identifier);
  const location = identifier || 'a record without identifier';
  if (!identifier) return { originalId: location, location, problem: 'header has no identifier' };
  const originalId = prefix === exchangePrefix ? exchangeOriginalId(identifier) : identifier;
  if (header['@_status'] === 'deleted') return { originalId, location, deleted: true };
  const metadata = node.metadata as XmlNode | undefined;
  if (!metadata) return { originalId, location, problem: 'no metadata' };
  if (prefix === exchangePrefix) {
    const text = textOf((metadata.record as unknown[] | undefined)?.[0]);
    try {
      const record = JSON.parse(text) as unknown;
      if (!record || typeof record !== 'object' || Array.isArray(record)) throw new Error('not an object');
      return { originalId, location, record: record as Record<string, unknown> };
    } catch (e) {
      return { originalId, location, problem: `exchange:record is not a JSON record: ${(e as Error).message}` };
    }
  }
  const dc = metadata.dc as Record<string, unknown[]> | undefined;
  if (!dc) return { originalId, location, problem: 'no oai_dc metadata' };
  return { originalId, location, record: mapDublinCore(dc, textOf) };
}

/** The `from` argument at day granularity, which every OAI-PMH server accepts. */
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Lists a set of an OAI-PMH repository (records changed since `from` when given), following
 * resumption tokens, in the exchange format when offered and else in Dublin Core.
 * @example const items = await readOaiSource({ url: 'https://example.org/oai', format: 'oai', set: '', limits });
 */
export async function readOaiSource(request: SourceRequest): Promise<{ items: HarvestItem[]; prefix: string }> {
  const prefix = await choosePrefix(request);
  const first = new URLSearchParams({ verb: 'ListRecords', metadataPrefix: prefix });
  if (request.set) first.set('set', request.set);
  if (request.from) first.set('from', dayOf(request.from));
  const items: HarvestItem[] = [];
  let query = first;
  const seenTokens = new Set<string>();
  for (let page = 0; page < maxPages; page++) {
    const url = `${request.url}?${query}`;
    const root = parseAnswer(await fetchText(url, { ...request.limits, accept: 'text/xml' }), url);
    const list = root?.ListRecords as XmlNode | undefined;
    for (const node of (list?.record as XmlNode[] | undefined) ?? []) items.push(itemOf(node, prefix));
    const token = textOf(list?.resumptionToken);
    if (!token) return { items, prefix };
    if (seenTokens.has(token)) throw new HarvestProblem(`${request.url} repeated the resumption token "${token}"`);
    seenTokens.add(token);
    query = new URLSearchParams({ verb: 'ListRecords', resumptionToken: token });
  }
  throw new HarvestProblem(`${request.url} gave more than ${maxPages} pages`);
}
