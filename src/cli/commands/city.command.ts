import type { Config } from '../../config.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { AppError } from '../../http/errors.ts';
import { type GrantOutcome, setRepresentative } from '../../self-assessment/grant-representative.command.ts';
import type { CliArgs } from '../cli-args.ts';
import { CliError, exitCodes } from '../cli-error.ts';
import { importingUser } from '../command-input.ts';
import { openDataAccess } from '../data-access.ts';
import { representativeThroughServer } from '../server-client.ts';

/** The line each outcome prints. */
const outcomeLines: Record<GrantOutcome, (email: string, city: string) => string> = {
  granted: (email, city) => `${email} now represents ${city}.`,
  'already-representative': (email, city) => `${email} already represents ${city}.`,
  revoked: (email, city) => `${email} no longer represents ${city}.`,
  'not-representative': (email, city) => `${email} did not represent ${city}.`,
};

/** The --email and the one --city both subcommands need. */
function target(values: CliArgs['values']): { email: string; city: string } {
  if (!values.email) throw new CliError('--email is required.', exitCodes.usage);
  if (values.city?.length !== 1) throw new CliError('Give exactly one --city, as in its page address, e.g. --city de/berlin.', exitCodes.usage);
  return { email: values.email, city: values.city[0] };
}

/**
 * `clearinghouse city grant|revoke`: makes an account a representative of a city, or ends it,
 * directly in the database or through the running server that holds the folder.
 * @example process.exitCode = await cityCommand(config, 'grant', { email: 'ana@example.org', city: ['de/berlin'] });
 */
export async function cityCommand(config: Config, sub: string, values: CliArgs['values']): Promise<number> {
  if (sub !== 'grant' && sub !== 'revoke') throw new CliError(`Unknown subcommand "city ${sub}". Use "city grant" or "city revoke".`, exitCodes.usage);
  const { email, city } = target(values);
  const grant = sub === 'grant';
  const operator = importingUser();
  const access = await openDataAccess(config, { command: `city ${sub}`, whenNew: 'refuse' });
  let outcome: GrantOutcome;
  try {
    if (access.via === 'server') outcome = await representativeThroughServer(access, { email, city, grant, operator });
    else {
      await migrateToLatest(access.db);
      outcome = await setRepresentative(access.db, email, city, grant, { operator });
    }
  } catch (e) {
    if (e instanceof AppError) throw new CliError(e.detail ?? e.message, exitCodes.dataError);
    throw e;
  } finally {
    if (access.via === 'database') await access.close();
  }
  process.stdout.write(`${outcomeLines[outcome](email, city.trim().toLowerCase())}\n`);
  return exitCodes.ok;
}
