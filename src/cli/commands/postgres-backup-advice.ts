import { describePostgres } from '../database-name.ts';

/**
 * What to run instead of backup or restore on PostgreSQL, whose own tools copy a database
 * consistently while it serves and restore it with its roles and extensions in mind.
 * @example throw new CliError(postgresBackupAdvice(url, 'backup', 'ch.dump'), exitCodes.usage);
 */
export function postgresBackupAdvice(url: string, command: 'backup' | 'restore', file: string): string {
  const quoted = `'${file.replaceAll("'", "'\\''")}'`;
  const run =
    command === 'backup'
      ? `  pg_dump --format=custom --no-owner --file=${quoted} "$DATABASE_URL"`
      : `  pg_restore --no-owner --exit-on-error --dbname="$DATABASE_URL" ${quoted}   # into an empty database, servers stopped`;
  return (
    `DATABASE_URL points to ${describePostgres(url)}: "clearinghouse ${command}" is for the embedded database. On PostgreSQL run\n${run}\n` +
    'See "Backups" in docs/operations.md.'
  );
}
