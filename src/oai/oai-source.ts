/**
 * What the OAI-PMH endpoint needs from a kind of record. The endpoint knows no product area:
 * each kind (practices, resources) is a source handed to it in src/app.ts.
 */

/** One Dublin Core element of a record: its name, text and, for text in a language, that language. */
export interface DcField {
  name:
    | 'title'
    | 'creator'
    | 'subject'
    | 'description'
    | 'publisher'
    | 'contributor'
    | 'date'
    | 'type'
    | 'identifier'
    | 'source'
    | 'language'
    | 'relation'
    | 'coverage'
    | 'rights';
  value: string;
  lang?: string;
}

/** A record's metadata in the formats its source serves, made only for the format asked for. */
export interface OaiMetadata {
  /** The record exactly as the exchange format writes it, as JSON text (sources with the `exchange` format only). */
  exchange?: () => string;
  dc: () => DcField[];
}

/** One item of a source: a live record or the tombstone of a deleted one. */
export interface OaiItem {
  kind: string;
  id: string;
  /** The last change (or the deletion), in UTC. */
  datestamp: Date;
  /** The same instant to the microsecond, as the database has it: the resumption cursor. */
  stamp: string;
  sets: string[];
  deleted: boolean;
  /** Present for live records when asked for. */
  metadata?: OaiMetadata;
}

/** Where the previous page ended: the last item's exact datestamp, kind and id. */
export interface OaiCursor {
  stamp: string;
  kind: string;
  id: string;
}

/** A selective list: items changed in [from, until) in a set, after a cursor, at most `limit`. */
export interface OaiListQuery {
  from?: Date;
  /** Exclusive upper bound. */
  until?: Date;
  set?: string;
  after?: OaiCursor;
  limit: number;
  withMetadata: boolean;
}

/** A set of the repository. */
export interface OaiSet {
  spec: string;
  name: string;
}

/** A kind of record the endpoint disseminates. */
export interface OaiSource {
  /** The identifier's kind part (`oai:host:{kind}/{id}`); kinds are ordered by this name in lists. */
  kind: string;
  /** The metadata formats its items are disseminated in: lists in another format skip the source, and GetRecord refuses it. */
  formats: readonly ('oai_dc' | 'exchange')[];
  /** The sets this source's items may be in (parents such as `theme` included). */
  sets(): Promise<OaiSet[]>;
  /** Items in ascending (datestamp, id) order after the cursor (a cursor of another kind compares by kind name). */
  list(query: OaiListQuery): Promise<OaiItem[]>;
  /** One item, live or deleted, with its metadata when live. */
  get(id: string): Promise<OaiItem | undefined>;
  /** The oldest datestamp among its items, if it has any. */
  earliest(): Promise<Date | undefined>;
}
