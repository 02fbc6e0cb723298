import { type Config, ConfigError, loadConfig } from '../config.ts';
import { helpText, parseCliArgs } from './cli-args.ts';
import { CliError, exitCodes } from './cli-error.ts';
import { backupCommand } from './commands/backup.command.ts';
import { checkLinksCommand } from './commands/check-links.command.ts';
import { cityCommand } from './commands/city.command.ts';
import { digestCommand } from './commands/digest.command.ts';
import { exportCommand } from './commands/export.command.ts';
import { figuresCommand } from './commands/figures.command.ts';
import { harvestCommand } from './commands/harvest.command.ts';
import { importCommand } from './commands/import.command.ts';
import { migrateCommand } from './commands/migrate.command.ts';
import { restoreCommand } from './commands/restore.command.ts';
import { seedDemoCommand } from './commands/seed-demo.command.ts';
import { userCommand } from './commands/user.command.ts';

function configFrom(env: Record<string, string | undefined>): Config {
  try {
    return loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) throw new CliError(e.message, exitCodes.config);
    throw e;
  }
}

/**
 * Runs one command line and returns its exit status; explained failures print one message,
 * unexpected ones their stack (this is an operator's tool).
 * @example process.exitCode = await runCli(['import', 'practices.json']);
 */
export async function runCli(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.command === 'help') {
      process.stdout.write(helpText);
      return exitCodes.ok;
    }
    const config = configFrom(env);
    switch (args.command) {
      case 'migrate':
        return await migrateCommand(config);
      case 'import':
        return await importCommand(config, args.positionals[0], { partial: args.values.partial === true });
      case 'figures':
        return await figuresCommand(config, args.positionals[0], { partial: args.values.partial === true });
      case 'export':
        return await exportCommand(config, args.values);
      case 'seed-demo':
        return await seedDemoCommand(config);
      case 'digest':
        return await digestCommand(config, args.positionals[0]);
      case 'user':
        return await userCommand(config, args.positionals[0], args.values);
      case 'city':
        return await cityCommand(config, args.positionals[0], args.values);
      case 'backup':
        return await backupCommand(config, args.positionals[0]);
      case 'restore':
        return await restoreCommand(config, args.positionals[0]);
      case 'harvest':
        return await harvestCommand(config, args.positionals[0], args.values);
      case 'check-links':
        return await checkLinksCommand(config);
    }
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    return exitCodes.software;
  }
}
