import { type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Database } from './database.ts';
import * as catalogue from './migrations/0001-catalogue.ts';
import * as accounts from './migrations/0002-accounts.ts';
import * as searchUpkeep from './migrations/0003-search-upkeep.ts';
import * as auditLog from './migrations/0004-audit-log.ts';
import * as contributions from './migrations/0005-contributions.ts';
import * as searchSeq from './migrations/0006-search-seq.ts';
import * as practiceMatch from './migrations/0007-practice-match.ts';
import * as recordCompression from './migrations/0008-record-compression.ts';
import * as importVectors from './migrations/0009-import-vectors.ts';
import * as tsvectorAgg from './migrations/0010-tsvector-agg.ts';
import * as serverSecrets from './migrations/0011-server-secrets.ts';
import * as catalogueChanges from './migrations/0012-catalogue-changes.ts';
import * as dropUnreadSearchUpkeep from './migrations/0013-drop-unread-search-upkeep.ts';
import * as dropPracticeState from './migrations/0014-drop-practice-state.ts';
import * as siteVersion from './migrations/0015-site-version.ts';
import * as citiesVersion from './migrations/0016-cities-version.ts';
import * as cityFigures from './migrations/0017-city-figures.ts';
import * as cityAssessments from './migrations/0018-city-assessments.ts';
import * as figureParts from './migrations/0019-figure-parts.ts';
import * as latestSnapshots from './migrations/0020-latest-snapshots.ts';
import * as organizations from './migrations/0021-organizations.ts';
import * as events from './migrations/0022-events.ts';
import * as jobsAndFollows from './migrations/0023-jobs-and-follows.ts';
import * as people from './migrations/0024-people.ts';
import * as groups from './migrations/0025-groups.ts';
import * as eventRegistrations from './migrations/0026-event-registrations.ts';
import * as accountDeletion from './migrations/0027-account-deletion.ts';
import * as ginWithoutPendingList from './migrations/0028-gin-without-pending-list.ts';
import * as calls from './migrations/0029-calls.ts';
import * as callReviews from './migrations/0030-call-reviews.ts';
import * as exchanges from './migrations/0031-exchanges.ts';
import * as callThemes from './migrations/0032-call-themes.ts';
import * as harvestAndLinks from './migrations/0033-harvest-and-links.ts';
import * as creditsAndConsent from './migrations/0034-credits-and-consent.ts';
import * as resources from './migrations/0035-resources.ts';
import * as oaiTombstones from './migrations/0037-oai-tombstones.ts';

const migrations: Record<string, Migration> = {
  '0001-catalogue': catalogue,
  '0002-accounts': accounts,
  '0003-search-upkeep': searchUpkeep,
  '0004-audit-log': auditLog,
  '0005-contributions': contributions,
  '0006-search-seq': searchSeq,
  '0007-practice-match': practiceMatch,
  '0008-record-compression': recordCompression,
  '0009-import-vectors': importVectors,
  '0010-tsvector-agg': tsvectorAgg,
  '0011-server-secrets': serverSecrets,
  '0012-catalogue-changes': catalogueChanges,
  '0013-drop-unread-search-upkeep': dropUnreadSearchUpkeep,
  '0014-drop-practice-state': dropPracticeState,
  '0015-site-version': siteVersion,
  '0016-cities-version': citiesVersion,
  '0017-city-figures': cityFigures,
  '0018-city-assessments': cityAssessments,
  '0019-figure-parts': figureParts,
  '0020-latest-snapshots': latestSnapshots,
  '0021-organizations': organizations,
  '0022-events': events,
  '0023-jobs-and-follows': jobsAndFollows,
  '0024-people': people,
  '0025-groups': groups,
  '0026-event-registrations': eventRegistrations,
  '0027-account-deletion': accountDeletion,
  '0028-gin-without-pending-list': ginWithoutPendingList,
  '0029-calls': calls,
  '0030-call-reviews': callReviews,
  '0031-exchanges': exchanges,
  '0032-call-themes': callThemes,
  '0033-harvest-and-links': harvestAndLinks,
  '0034-credits-and-consent': creditsAndConsent,
  '0035-resources': resources,
  '0037-oai-tombstones': oaiTombstones,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the schema to the latest version; safe to run on every start.
 * @example const applied = await migrateToLatest(db);
 */
export async function migrateToLatest(db: Database): Promise<string[]> {
  if (await isUpToDate(db)) return [];
  const migrator = new Migrator({ db, provider, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Whether every migration is recorded as applied: one read, where the migrator would take its
 * lock and inspect the schema (a tenth of a second of every start).
 */
async function isUpToDate(db: Database): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from schema_migrations`.execute(db);
    const applied = new Set(rows.map((r) => r.name));
    return Object.keys(migrations).every((name) => applied.has(name));
  } catch {
    return false; // a new database: no table yet
  }
}
