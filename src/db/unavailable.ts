/** Socket errors of a database server that is down, restarting or cut off. */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs that say "the server cannot answer now" rather than "this statement is wrong":
 * class 08 (connection exception), 57P01–57P03 (admin or crash shutdown, cannot connect now),
 * 57014 (cancelled, e.g. by the statement timeout), 53300 (too many connections).
 */
const unavailableStates = /^(08...|57P0[123]|57014|53300)$/;

/** What node-postgres and its pool say when a connection ends, fails to open in time, or stays silent. */
const driverMessages =
  /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error and is not queryable|Client was closed and is not queryable)/;

/**
 * Whether an error means the database cannot be reached or cannot answer for now (down,
 * restarting, cut off, overloaded), as opposed to a fault of the query or of the code: such a
 * request deserves a "try again shortly", not "something went wrong". Follows `cause` and the
 * errors of an AggregateError (Node reports a refused connection to every address of a host so).
 * @example if (isDatabaseUnavailable(e)) throw new AppError('unavailable');
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 4) return false;
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  if (typeof code === 'string' && unavailableStates.test(code)) return true;
  // Only a failed system call on a socket: a visitor who hung up mid-upload is an ECONNRESET too, without one.
  if (typeof code === 'string' && typeof syscall === 'string' && socketCodes.has(code)) return true;
  if (driverMessages.test(error.message)) return true;
  if (error instanceof AggregateError && error.errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(error.cause, depth + 1);
}
