import type { Config } from '../../config.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { seedDemo } from '../../demo/demo-seed.ts';
import type { ImportSummary } from '../../practices/import/import-practices.command.ts';
import { openDataAccess } from '../data-access.ts';
import { printImportReport } from '../import-report.ts';
import { seedDemoThroughServer } from '../server-client.ts';

/**
 * `clearinghouse seed-demo`: loads the demo practices and city figures, here or through the
 * running server. Upserts by id, so running it twice changes nothing.
 * @example process.exitCode = await seedDemoCommand(config);
 */
export async function seedDemoCommand(config: Config): Promise<number> {
  const access = await openDataAccess(config, { command: 'seed-demo', whenNew: 'create' });
  let summary: ImportSummary;
  if (access.via === 'server') {
    summary = await seedDemoThroughServer(access);
  } else {
    try {
      await migrateToLatest(access.db);
      summary = await seedDemo(access.db);
    } finally {
      await access.close();
    }
  }
  return printImportReport(summary, { partial: false });
}
