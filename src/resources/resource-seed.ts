import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { insertResource, isLibraryEmpty, type ResourceLink, unknownTargets } from './resource.repo.ts';
import { freeSlug } from './resource-commands.ts';
import { formValuesOf, readResourceForm } from './resource-form.ts';

const seedSchema = z.object({
  resources: z.array(
    z
      .object({
        links: z
          .object({ practices: z.array(z.string()).optional(), cities: z.array(z.string()).optional(), organizations: z.array(z.string()).optional() })
          .default({}),
      })
      .passthrough(),
  ),
});

/**
 * Fills an empty library with the demo's real publications (`demo/resources.json`), each checked
 * as the form checks a contribution; links to practices, cities or organisations that are not
 * here are left out. Returns how many were added (none when the library holds any resource).
 * @example await seedDemoResources(db, projectPath('demo'));
 */
export async function seedDemoResources(db: Database, demoDir: string): Promise<number> {
  if (!(await isLibraryEmpty(db))) return 0;
  const { resources } = seedSchema.parse(JSON.parse(await fs.readFile(path.join(demoDir, 'resources.json'), 'utf8')));
  let added = 0;
  for (const entry of resources) {
    const { links, ...meta } = entry;
    const values = {
      ...formValuesOf(meta as never),
      practices: (links.practices ?? []).join('\n'),
      cities: (links.cities ?? []).join('\n'),
      organizations: (links.organizations ?? []).join('\n'),
    };
    const form = readResourceForm(values);
    if (!form.ok) throw new Error(`demo/resources.json: "${String(meta.title)}" is not a valid resource: ${JSON.stringify(form.errors)}`);
    const unknown = new Set((await unknownTargets(db, form.draft.links)).map((l) => `${l.kind}|${l.target}`));
    const known: ResourceLink[] = form.draft.links.filter((l) => !unknown.has(`${l.kind}|${l.target}`));
    const { links: _, language: __, ...columns } = form.draft;
    await insertResource(db, { slug: await freeSlug(db, form.draft.title), ...columns }, known);
    added++;
  }
  return added;
}
