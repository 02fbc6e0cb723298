import { xmlEscape } from '../shared/xml-text.ts';
import { oaiDatestamp } from './oai-dates.ts';
import type { OaiItem } from './oai-source.ts';

/** The exchange format's XML namespace in OAI-PMH responses (docs/exchange-format.md). */
export const exchangeNamespace = 'urn:clearinghouse:exchange:1';

/** A metadata format: prefix, schema URL (from the public URL) and namespace. */
export interface MetadataFormat {
  prefix: 'oai_dc' | 'exchange';
  schema: (publicUrl: string) => string;
  namespace: string;
}

/** The formats every record is disseminated in. */
export const metadataFormats: MetadataFormat[] = [
  { prefix: 'oai_dc', schema: () => 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd', namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/' },
  { prefix: 'exchange', schema: (publicUrl) => `${publicUrl}/oai/exchange.xsd`, namespace: exchangeNamespace },
];

/** An element with escaped text. */
export const element = (name: string, text: string, attrs = '') => `<${name}${attrs}>${xmlEscape(text)}</${name}>`;

/** An attribute list from defined values, escaped. */
export const attributes = (values: Record<string, string | undefined>) =>
  Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(v as string)}"`)
    .join('');

/**
 * The start of a response up to the request element: the declaration, the root with its
 * schema location, the response date and the request echoed (its arguments only when legal).
 * @example envelopeStart({ baseUrl, now, args: { verb: 'Identify' } })
 */
export function envelopeStart(options: { baseUrl: string; now: Date; args: Record<string, string> }): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    ' xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">\n',
    element('responseDate', oaiDatestamp(options.now)),
    '\n',
    element('request', options.baseUrl, attributes(options.args)),
    '\n',
  ].join('');
}

/** The end of every response. */
export const envelopeEnd = '</OAI-PMH>\n';

/** An item's header (with status="deleted" for a tombstone). */
export function headerXml(item: OaiItem, identifier: string): string {
  return [
    `<header${item.deleted ? ' status="deleted"' : ''}>`,
    element('identifier', identifier),
    element('datestamp', oaiDatestamp(item.datestamp)),
    ...item.sets.map((s) => element('setSpec', s)),
    '</header>',
  ].join('');
}

/** An item's metadata in a format: Dublin Core elements, or the exchange record's JSON as text. */
export function metadataXml(item: OaiItem, prefix: MetadataFormat['prefix'], publicUrl: string): string {
  const metadata = item.metadata;
  if (item.deleted || !metadata) return '';
  if (prefix === 'exchange') {
    if (!metadata.exchange) return '';
    return `<metadata><exchange:record xmlns:exchange="${exchangeNamespace}" xsi:schemaLocation="${exchangeNamespace} ${xmlEscape(`${publicUrl}/oai/exchange.xsd`)}">${xmlEscape(metadata.exchange())}</exchange:record></metadata>`;
  }
  return [
    '<metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">',
    ...metadata.dc().map((f) => element(`dc:${f.name}`, f.value, f.lang ? attributes({ 'xml:lang': f.lang }) : '')),
    '</oai_dc:dc></metadata>',
  ].join('');
}

/** A whole record: header, and metadata unless deleted. */
export function recordXml(item: OaiItem, identifier: string, prefix: MetadataFormat['prefix'], publicUrl: string): string {
  return `<record>${headerXml(item, identifier)}${metadataXml(item, prefix, publicUrl)}</record>\n`;
}
