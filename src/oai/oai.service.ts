import { oaiDatestamp, untilExclusive } from './oai-dates.ts';
import { OaiError, oaiFail } from './oai-errors.ts';
import { cursorAfter, isMetadataPrefix, isSetSpec, listAcross } from './oai-list.ts';
import { type OaiRequest, readOaiRequest, readRange } from './oai-request.ts';
import type { OaiItem, OaiSource } from './oai-source.ts';
import { attributes, element, envelopeEnd, envelopeStart, headerXml, type MetadataFormat, metadataFormats, recordXml } from './oai-xml.ts';
import { decodeToken, encodeToken, type ResumptionState, tokenLifetimeMs } from './resumption-token.ts';

/** What the endpoint is built with. */
export interface OaiContext {
  publicUrl: string;
  repositoryName: string;
  adminEmail: string;
  sources: OaiSource[];
  /** Items per page of ListRecords and ListIdentifiers. */
  pageSize: number;
  now: () => Date;
}

const baseUrlOf = (ctx: OaiContext) => `${ctx.publicUrl}/oai`;
const hostOf = (ctx: OaiContext) => new URL(ctx.publicUrl).hostname;

/** An item's OAI identifier: `oai:{host}:{kind}/{id}`. */
export const oaiIdentifier = (ctx: OaiContext, item: Pick<OaiItem, 'kind' | 'id'>) => `oai:${hostOf(ctx)}:${item.kind}/${item.id}`;

/** The source and id an identifier names, or undefined when it is not one of this repository's. */
function resolveIdentifier(ctx: OaiContext, identifier: string): { source: OaiSource; id: string } | undefined {
  const prefix = `oai:${hostOf(ctx)}:`;
  if (!identifier.startsWith(prefix)) return undefined;
  const rest = identifier.slice(prefix.length);
  const slash = rest.indexOf('/');
  const source = ctx.sources.find((s) => s.kind === rest.slice(0, slash));
  const id = rest.slice(slash + 1);
  return slash > 0 && source && id ? { source, id } : undefined;
}

function formatOf(prefix: string): MetadataFormat {
  return (
    metadataFormats.find((f) => f.prefix === prefix) ??
    oaiFail('cannotDisseminateFormat', `The metadata format "${prefix}" is not supported; see ListMetadataFormats.`)
  );
}

async function* one(...parts: string[]): AsyncGenerator<string> {
  yield parts.join('');
}

async function identify(ctx: OaiContext): Promise<AsyncGenerator<string>> {
  const dates = await Promise.all(ctx.sources.map((s) => s.earliest()));
  const known = dates.filter((d): d is Date => d !== undefined).map((d) => d.getTime());
  const earliest = known.length > 0 ? new Date(Math.min(...known)) : ctx.now();
  return one(
    '<Identify>',
    element('repositoryName', ctx.repositoryName),
    element('baseURL', baseUrlOf(ctx)),
    element('protocolVersion', '2.0'),
    element('adminEmail', ctx.adminEmail),
    element('earliestDatestamp', oaiDatestamp(earliest)),
    element('deletedRecord', 'persistent'),
    element('granularity', 'YYYY-MM-DDThh:mm:ssZ'),
    '</Identify>\n',
  );
}

async function listMetadataFormats(ctx: OaiContext, args: Record<string, string>): Promise<AsyncGenerator<string>> {
  if (args.identifier !== undefined) {
    const target = resolveIdentifier(ctx, args.identifier);
    const item = target && (await target.source.get(target.id));
    if (!item) oaiFail('idDoesNotExist', `No item has the identifier "${args.identifier}".`);
    if (!target.source.formats.length) oaiFail('noMetadataFormats', 'There are no metadata formats for this item.');
  }
  const formats =
    args.identifier === undefined ? metadataFormats : metadataFormats.filter((f) => resolveIdentifier(ctx, args.identifier)?.source.formats.includes(f.prefix));
  return one(
    '<ListMetadataFormats>',
    ...formats.map(
      (f) =>
        `<metadataFormat>${element('metadataPrefix', f.prefix)}${element('schema', f.schema(ctx.publicUrl))}${element('metadataNamespace', f.namespace)}</metadataFormat>`,
    ),
    '</ListMetadataFormats>\n',
  );
}

async function listSets(ctx: OaiContext, args: Record<string, string>): Promise<AsyncGenerator<string>> {
  if (args.resumptionToken !== undefined) oaiFail('badResumptionToken', 'ListSets is answered in one response; this token was not issued here.');
  const bySpec = new Map<string, string>();
  for (const sets of await Promise.all(ctx.sources.map((s) => s.sets()))) for (const s of sets) if (!bySpec.has(s.spec)) bySpec.set(s.spec, s.name);
  return one('<ListSets>', ...[...bySpec].map(([spec, name]) => `<set>${element('setSpec', spec)}${element('setName', name)}</set>`), '</ListSets>\n');
}

async function getRecord(ctx: OaiContext, args: Record<string, string>): Promise<AsyncGenerator<string>> {
  const target = resolveIdentifier(ctx, args.identifier);
  const item = target && (await target.source.get(target.id));
  if (!item) oaiFail('idDoesNotExist', `No item has the identifier "${args.identifier}".`);
  const format = formatOf(args.metadataPrefix);
  if (!target.source.formats.includes(format.prefix)) oaiFail('cannotDisseminateFormat', `This item is not disseminated as "${format.prefix}".`);
  return one('<GetRecord>', recordXml(item, oaiIdentifier(ctx, item), format.prefix, ctx.publicUrl), '</GetRecord>\n');
}

/** The list request a token continues, or the first page's own arguments. */
function listState(
  ctx: OaiContext,
  verb: 'ListRecords' | 'ListIdentifiers',
  args: Record<string, string>,
): Omit<ResumptionState, 'after' | 'issued'> & { after?: ResumptionState['after'] } {
  if (args.resumptionToken !== undefined) {
    const state = decodeToken(args.resumptionToken, verb, ctx.now().getTime());
    if (!state) oaiFail('badResumptionToken', 'The resumption token is invalid or has expired; start the list again.');
    return state;
  }
  formatOf(args.metadataPrefix);
  readRange(args);
  return { v: 1, verb, metadataPrefix: args.metadataPrefix, from: args.from, until: args.until, set: args.set };
}

async function list(ctx: OaiContext, verb: 'ListRecords' | 'ListIdentifiers', args: Record<string, string>): Promise<AsyncGenerator<string>> {
  const state = listState(ctx, verb, args);
  const format = formatOf(state.metadataPrefix);
  const range = readRange(state);
  const sources = ctx.sources.filter((s) => s.formats.includes(format.prefix));
  const found =
    state.set !== undefined && !isSetSpec(state.set)
      ? []
      : await listAcross(sources, {
          from: range.from?.at,
          until: range.until && untilExclusive(range.until),
          set: state.set,
          after: state.after,
          limit: ctx.pageSize + 1,
          withMetadata: verb === 'ListRecords',
        });
  if (found.length === 0) oaiFail('noRecordsMatch', 'No records match the arguments.');
  const page = found.slice(0, ctx.pageSize);
  const now = ctx.now();
  const next =
    found.length > ctx.pageSize
      ? element(
          'resumptionToken',
          encodeToken({ ...state, after: cursorAfter(page[page.length - 1]), issued: now.getTime() }),
          attributes({ expirationDate: oaiDatestamp(new Date(now.getTime() + tokenLifetimeMs)) }),
        )
      : state.after
        ? '<resumptionToken/>'
        : '';
  return (async function* () {
    yield `<${verb}>\n`;
    for (const item of page) {
      const identifier = oaiIdentifier(ctx, item);
      yield verb === 'ListRecords' ? recordXml(item, identifier, format.prefix, ctx.publicUrl) : `${headerXml(item, identifier)}\n`;
    }
    yield `${next}</${verb}>\n`;
  })();
}

/** The request's arguments as the response echoes them: none after badVerb or badArgument, else those of legal form. */
function echoed(request: OaiRequest | undefined, error: OaiError | undefined): Record<string, string> {
  if (!request || error?.code === 'badArgument' || error?.code === 'badVerb') return {};
  const legal = (key: string, value: string) =>
    key === 'metadataPrefix' ? isMetadataPrefix(value) : key === 'set' ? isSetSpec(value) : key === 'from' || key === 'until' ? readRangeOk(value) : true;
  const args = Object.fromEntries(Object.entries(request.args).filter(([k, v]) => legal(k, v)));
  return { verb: request.verb, ...args };
}

const readRangeOk = (value: string) => {
  try {
    readRange({ from: value });
    return true;
  } catch {
    return false;
  }
};

/**
 * Answers one OAI-PMH request as XML text chunks: the verb's response, or the protocol error
 * it leads to. Errors are found before the first chunk; a list's records are then written one
 * by one.
 * @example for await (const chunk of await answerOai(ctx, new URLSearchParams('verb=Identify'))) out.write(chunk);
 */
export async function answerOai(ctx: OaiContext, pairs: Iterable<[string, string]>): Promise<AsyncGenerator<string>> {
  let request: OaiRequest | undefined;
  let body: AsyncGenerator<string>;
  try {
    request = readOaiRequest(pairs);
    const { verb, args } = request;
    body =
      verb === 'Identify'
        ? await identify(ctx)
        : verb === 'ListMetadataFormats'
          ? await listMetadataFormats(ctx, args)
          : verb === 'ListSets'
            ? await listSets(ctx, args)
            : verb === 'GetRecord'
              ? await getRecord(ctx, args)
              : await list(ctx, verb, args);
  } catch (e) {
    if (!(e instanceof OaiError)) throw e;
    const start = envelopeStart({ baseUrl: baseUrlOf(ctx), now: ctx.now(), args: echoed(request, e) });
    return one(start, element('error', e.message, attributes({ code: e.code })), '\n', envelopeEnd);
  }
  const start = envelopeStart({ baseUrl: baseUrlOf(ctx), now: ctx.now(), args: echoed(request, undefined) });
  return (async function* () {
    yield start;
    yield* body;
    yield envelopeEnd;
  })();
}
