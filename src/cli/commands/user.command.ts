import { changeRole, createUserWithRole, roles, UserAdminError } from '../../accounts/user-admin.ts';
import type { Config } from '../../config.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { Role } from '../../db/schema.ts';
import type { CliArgs } from '../cli-args.ts';
import { CliError, exitCodes } from '../cli-error.ts';
import { openDataAccess } from '../data-access.ts';
import { readNewPassword } from '../read-password.ts';
import { callServer } from '../server-client.ts';

/** The --email and --role every user subcommand needs. */
function target(values: CliArgs['values']): { email: string; role: Role } {
  if (!values.email) throw new CliError('--email is required.', exitCodes.usage);
  if (!values.role || !roles.includes(values.role as Role)) throw new CliError(`--role must be one of: ${roles.join(', ')}.`, exitCodes.usage);
  return { email: values.email, role: values.role as Role };
}

/**
 * `clearinghouse user create|role`: creates an account with a role (the first admin) or changes
 * a role, directly in the database or through the running server that holds the folder.
 * @example process.exitCode = await userCommand(config, 'create', { email: 'ana@example.org', role: 'admin' });
 */
export async function userCommand(config: Config, sub: string, values: CliArgs['values']): Promise<number> {
  if (sub !== 'create' && sub !== 'role') throw new CliError(`Unknown subcommand "user ${sub}". Use "user create" or "user role".`, exitCodes.usage);
  if (sub === 'role' && (values.name || values['password-stdin'] || values['new-database']))
    throw new CliError('"user role" takes only --email and --role.', exitCodes.usage);
  const { email, role } = target(values);
  // Ask before opening the data, so a slow typist does not hold the folder.
  const password = sub === 'create' ? await readNewPassword(values['password-stdin'] === true) : '';
  // An account in a database no server uses cannot sign in anywhere: never create one unasked.
  const access = await openDataAccess(config, {
    command: `user ${sub}`,
    whenNew: values['new-database'] ? 'create' : 'refuse',
    refusalHint: sub === 'create' ? 'To start a new database here with this account, run the command again with --new-database.' : undefined,
  });
  try {
    if (access.via === 'server') {
      const path = sub === 'create' ? '/internal/users' : '/internal/users/role';
      const body = sub === 'create' ? { email, role, name: values.name, password } : { email, role };
      await callServer(access, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    } else if (sub === 'create') {
      // The first admin is often created before the server has ever run on this database.
      await migrateToLatest(access.db);
      await createUserWithRole(access.db, { email, role, name: values.name, password });
    } else {
      await changeRole(access.db, email, role);
    }
  } catch (e) {
    if (e instanceof UserAdminError) throw new CliError(e.message, exitCodes.dataError);
    throw e;
  } finally {
    if (access.via === 'database') await access.close();
  }
  process.stdout.write(sub === 'create' ? `Created ${email} with the role ${role}.\n` : `${email} now has the role ${role}.\n`);
  return exitCodes.ok;
}
