/** The closed set of errors the platform reports to users, each with a stable code and HTTP status. */
export const errorKinds = {
  not_found: { status: 404, reportable: false },
  bad_request: { status: 400, reportable: false },
  forbidden: { status: 403, reportable: false },
  conflict: { status: 409, reportable: false },
  too_large: { status: 413, reportable: false },
  rate_limited: { status: 429, reportable: false },
  unavailable: { status: 503, reportable: true },
  internal: { status: 500, reportable: true },
} as const;

export type ErrorCode = keyof typeof errorKinds;

/** An error meant for the user: its code picks the message, status and whether it is logged as a fault. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly reportable: boolean;
  /** Safe to show: never a stack trace or SQL. */
  readonly detail?: string;
  /** Per-field problems, for problem documents. */
  readonly fields?: { path: string; message: string }[];

  constructor(code: ErrorCode, detail?: string, fields?: { path: string; message: string }[]) {
    super(detail ?? code);
    this.code = code;
    this.status = errorKinds[code].status;
    this.reportable = errorKinds[code].reportable;
    this.detail = detail;
    this.fields = fields;
  }
}

/** @example throw notFound('practice "x" does not exist') */
export const notFound = (detail?: string) => new AppError('not_found', detail);
/** @example throw badRequest('page must be a positive number', [{ path: 'page', message: '…' }]) */
export const badRequest = (detail?: string, fields?: { path: string; message: string }[]) => new AppError('bad_request', detail, fields);
/** @example throw forbidden() */
export const forbidden = (detail?: string) => new AppError('forbidden', detail);
/** @example throw tooLarge('the form is larger than 4 MB') */
export const tooLarge = (detail?: string) => new AppError('too_large', detail);
/** @example throw rateLimited('at most 10 requests to join a day') */
export const rateLimited = (detail?: string) => new AppError('rate_limited', detail);
/** @example throw conflict('the data folder is held by another process') */
export const conflict = (detail?: string) => new AppError('conflict', detail);
