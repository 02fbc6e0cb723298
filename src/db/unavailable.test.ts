import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable.ts';

const withCode = (message: string, code: string, syscall?: string) => Object.assign(new Error(message), { code, syscall });

describe('isDatabaseUnavailable', () => {
  it('knows a database that is down, restarting, cut off or too slow', () => {
    for (const e of [
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED', 'connect'),
      new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED', 'connect')], ''),
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('the database system is starting up', '57P03'),
      withCode('canceling statement due to statement timeout', '57014'),
      withCode('connection failure', '08006'),
      withCode('sorry, too many clients already', '53300'),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout', { cause: new Error('Connection terminated') }),
      new Error('timeout exceeded when trying to connect'),
      new Error('Query read timeout'),
      new Error('wrapped', { cause: withCode('read ECONNRESET', 'ECONNRESET', 'read') }),
      withCode('getaddrinfo ENOTFOUND db.internal', 'ENOTFOUND', 'getaddrinfo'),
    ]) {
      expect(isDatabaseUnavailable(e), e.message).toBe(true);
    }
  });

  it('leaves faults of a query or of the code alone', () => {
    for (const e of [
      withCode('syntax error at or near "SELEC"', '42601'),
      withCode('duplicate key value violates unique constraint', '23505'),
      withCode('invalid byte sequence for encoding "UTF8": 0x00', '22021'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      // A visitor who hung up while sending a form.
      withCode('aborted', 'ECONNRESET'),
      'ECONNREFUSED',
      undefined,
    ]) {
      expect(isDatabaseUnavailable(e), String(e)).toBe(false);
    }
  });
});
