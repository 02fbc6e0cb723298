/**
 * Exit statuses, after BSD sysexits so scripts can tell failures apart; `dataError` is an
 * import file with invalid records (nothing written, or with --partial only the valid ones).
 */
export const exitCodes = {
  ok: 0,
  usage: 64,
  dataError: 65,
  noInput: 66,
  /** A remote source (a harvest) could not be read. */
  unavailable: 69,
  software: 70,
  busy: 75,
  config: 78,
} as const;

/** A failure the CLI explains in one message and an exit status, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
