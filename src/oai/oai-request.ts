import { type OaiDate, parseOaiDate } from './oai-dates.ts';
import { oaiFail } from './oai-errors.ts';

/** The six verbs. */
export const oaiVerbs = ['Identify', 'ListMetadataFormats', 'ListSets', 'GetRecord', 'ListIdentifiers', 'ListRecords'] as const;
export type OaiVerb = (typeof oaiVerbs)[number];

/** Arguments each verb takes: required, optional, and exclusive (alone, in place of all others). */
const argumentRules: Record<OaiVerb, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
};

/** A request whose verb and arguments are legal (their values are checked by the verb). */
export interface OaiRequest {
  verb: OaiVerb;
  args: Record<string, string>;
}

/** The `from`/`until` of a list request, checked together. */
export interface OaiRange {
  from?: OaiDate;
  until?: OaiDate;
}

/**
 * Reads a request's verb and arguments (query string or form body): a missing, unknown or
 * repeated verb is badVerb; an unknown, repeated or missing argument, or an exclusive one
 * given with others, is badArgument.
 * @example readOaiRequest(new URLSearchParams('verb=Identify')) // { verb: 'Identify', args: {} }
 */
export function readOaiRequest(pairs: Iterable<[string, string]>): OaiRequest {
  const args: Record<string, string> = {};
  const repeated = new Set<string>();
  let verbs = 0;
  let verbValue: string | undefined;
  for (const [key, value] of pairs) {
    if (key === 'verb') {
      verbs += 1;
      verbValue = value;
      continue;
    }
    if (Object.hasOwn(args, key)) repeated.add(key);
    args[key] = value;
  }
  if (verbs === 0) oaiFail('badVerb', 'The verb argument is missing.');
  if (verbs > 1) oaiFail('badVerb', 'The verb argument is repeated.');
  const verb = oaiVerbs.find((v) => v === verbValue);
  if (!verb) oaiFail('badVerb', 'The value of the verb argument is not a legal OAI-PMH verb.');
  if (repeated.size > 0) oaiFail('badArgument', `Repeated argument: ${[...repeated].join(', ')}.`);
  const rules = argumentRules[verb];
  const given = Object.keys(args);
  if (rules.exclusive && given.includes(rules.exclusive)) {
    if (given.length > 1) oaiFail('badArgument', `${rules.exclusive} is an exclusive argument.`);
    return { verb, args };
  }
  const illegal = given.filter((k) => !rules.required.includes(k) && !rules.optional.includes(k));
  if (illegal.length > 0) oaiFail('badArgument', `Illegal argument for ${verb}: ${illegal.join(', ')}.`);
  const missing = rules.required.filter((k) => !args[k]);
  if (missing.length > 0) oaiFail('badArgument', `Missing argument for ${verb}: ${missing.join(', ')}.`);
  return { verb, args };
}

/**
 * Checks `from` and `until`: each a legal date, both of the same granularity, from ≤ until.
 * @example readRange({ from: '2024-01-01', until: '2024-12-31' }).from?.granularity // 'day'
 */
export function readRange(args: { from?: string; until?: string }): OaiRange {
  const from = args.from === undefined ? undefined : parseOaiDate(args.from);
  const until = args.until === undefined ? undefined : parseOaiDate(args.until);
  if (args.from !== undefined && !from) oaiFail('badArgument', 'from is not a date of the form YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.');
  if (args.until !== undefined && !until) oaiFail('badArgument', 'until is not a date of the form YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.');
  if (from && until && from.granularity !== until.granularity) oaiFail('badArgument', 'from and until have different granularities.');
  if (from && until && from.at > until.at) oaiFail('badArgument', 'from is later than until.');
  return { from, until };
}
