import { describe, expect, it } from 'vitest';
import { describePostgres } from './database-name.ts';

describe('describePostgres', () => {
  it('names database, host, port and user, never the password', () => {
    expect(describePostgres('postgres://app:s3cret@db.internal/clearinghouse')).toBe('the PostgreSQL database "clearinghouse" on db.internal:5432 as app');
    expect(describePostgres('postgresql://db:6432/ch?sslmode=require')).toBe('the PostgreSQL database "ch" on db:6432');
  });

  it('reads a Unix socket given as a parameter, and does not fail on what it cannot parse', () => {
    expect(describePostgres('postgres:///clearinghouse?host=/var/run/postgresql&user=app')).toBe(
      'the PostgreSQL database "clearinghouse" on /var/run/postgresql:5432 as app',
    );
    expect(describePostgres('not a url with a s3cret')).toBe('the PostgreSQL database of DATABASE_URL');
  });
});
