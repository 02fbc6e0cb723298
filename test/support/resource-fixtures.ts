import { sql } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import { insertResource } from '../../src/resources/resource.repo.ts';
import { createSubmission } from '../../src/submissions/submission.repo.ts';

/** What the resource library's cells start from. */
export interface ResourceFixtures {
  /** A resource submission of the owner, still a draft (its form, its PDF). */
  resourceDraftId: number;
  /** A published resource, which editors may edit. */
  resourceSlug: string;
}

/** A complete resource draft, as the form stores it. */
export const resourceDraft = (title: string) => ({
  title,
  type: 'report',
  publisher: 'Matrix Press',
  authors: ['A. Author'],
  year: 2020,
  languages: ['en'],
  themes: ['housing'],
  regions: ['150'],
  abstract: 'What a city learnt about housing newcomers.',
  url: 'https://example.org/report',
  archive_url: null,
  licence: 'CC BY 4.0',
  links: [],
  language: 'en',
});

/**
 * A resource draft of `owner` and a published resource (`matrix-resource-{n}`), fresh for one
 * cell of the authorisation matrix or one case of the fuzzer.
 * @example const r = await resourceFixtures(db, 3, 1);
 */
export async function resourceFixtures(db: Database, owner: number, n: number): Promise<ResourceFixtures> {
  const draft = await createSubmission(db, { kind: 'resource', submitterId: owner, data: resourceDraft(`Resource draft ${n}`), step: 1 });
  const resourceSlug = `matrix-resource-${n}-${Date.now().toString(36)}`;
  const { links: _, language: __, ...columns } = resourceDraft(`Matrix resource ${n}`);
  await insertResource(db, { slug: resourceSlug, ...columns, type: 'report' }, []);
  return { resourceDraftId: draft.id, resourceSlug };
}

/** The library's part of the database fingerprint: every resource's content and version, its links and files. */
export const resourcesFingerprint = sql`
  (SELECT string_agg(slug || ':' || version || ':' || md5(title || abstract || publisher || coalesce(url, '')), ';' ORDER BY slug) FROM resources),
  (SELECT count(*) FROM resource_links), (SELECT count(*) FROM resource_files)`;
