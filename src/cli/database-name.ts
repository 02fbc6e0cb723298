/**
 * A PostgreSQL connection URL as the operator can check it, without the password:
 * 'the PostgreSQL database "clearinghouse" on db.internal:5432 as app'.
 * @example describePostgres('postgres://app:secret@db.internal/clearinghouse')
 */
export function describePostgres(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'the PostgreSQL database of DATABASE_URL';
  }
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || parsed.searchParams.get('dbname') || '(the default)';
  const host = parsed.hostname || parsed.searchParams.get('host') || 'the local socket';
  const user = decodeURIComponent(parsed.username) || parsed.searchParams.get('user');
  return `the PostgreSQL database "${name}" on ${host}:${parsed.port || '5432'}${user ? ` as ${user}` : ''}`;
}
