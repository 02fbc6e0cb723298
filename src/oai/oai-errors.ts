/** The error codes of OAI-PMH 2.0 (noSetHierarchy does not apply: this repository has sets). */
export type OaiErrorCode =
  | 'badArgument'
  | 'badResumptionToken'
  | 'badVerb'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats';

/** A protocol error: answered as `<error code="…">` with status 200, as the protocol asks. */
export class OaiError extends Error {
  constructor(
    readonly code: OaiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Throws a protocol error.
 * @example if (!format) oaiFail('cannotDisseminateFormat', 'unknown metadataPrefix');
 */
export function oaiFail(code: OaiErrorCode, message: string): never {
  throw new OaiError(code, message);
}
