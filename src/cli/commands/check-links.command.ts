import type { Config } from '../../config.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { type LinkSource, runLinkCheck } from '../../link-check/link-check-jobs.ts';
import { CliError, exitCodes } from '../cli-error.ts';
import { openDataAccess } from '../data-access.ts';
import { linkSources } from '../link-sources.ts';

/**
 * `clearinghouse check-links`: checks every link now (as the weekly job does), stores each one's
 * status for the editors' list, and prints the counts. It checks the kinds of links the weekly
 * job checks (linkSources) unless told others.
 * @example process.exitCode = await checkLinksCommand(config);
 */
export async function checkLinksCommand(config: Config, sources: LinkSource[] = linkSources()): Promise<number> {
  const access = await openDataAccess(config, { command: 'check-links', whenNew: 'refuse', refusalHint: 'There are no links to check yet.' });
  if (access.via === 'server') {
    throw new CliError(
      `The running server (process ${access.server.pid}) holds the data folder and checks links weekly; stop it to check them now.`,
      exitCodes.busy,
    );
  }
  try {
    await migrateToLatest(access.db);
    const s = await runLinkCheck(access.db, config, sources);
    process.stdout.write(`Checked ${s.checked} links: ${s.ok} ok, ${s.redirected} redirected, ${s.broken} broken (listed on /review/links).\n`);
    return exitCodes.ok;
  } finally {
    await access.close();
  }
}
