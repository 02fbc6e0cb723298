import type { Config } from '../../config.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { CliError, exitCodes } from '../cli-error.ts';
import { openDataAccess } from '../data-access.ts';

/**
 * `clearinghouse migrate`: brings the schema up to date. A running server on the embedded
 * folder migrated it when it started, and this command may not open the folder meanwhile,
 * so it refuses and says how to apply newer migrations: restart the server.
 * @example process.exitCode = await migrateCommand(config);
 */
export async function migrateCommand(config: Config): Promise<number> {
  const access = await openDataAccess(config, { command: 'migrate', whenNew: 'create' });
  if (access.via === 'server') {
    throw new CliError(
      `A Clearinghouse server (process ${access.server.pid}, ${access.server.url}) is running on ${access.dataDir} ` +
        'and applied every migration it knows when it started; this command will not open the folder while the server holds it.\n' +
        'To apply newer migrations, restart the server (it migrates at start), or stop it and run "clearinghouse migrate".',
      exitCodes.busy,
    );
  }
  try {
    const applied = await migrateToLatest(access.db);
    process.stdout.write(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}\n` : 'The schema is up to date.\n');
  } finally {
    await access.close();
  }
  return exitCodes.ok;
}
