import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { insertGroup } from '../groups/group.repo.ts';
import { locales, translator } from '../i18n/i18n.ts';
import { themes } from '../vocabulary/vocabularies.ts';

const texts = z.record(z.enum(locales as [string, ...string[]]), z.string().min(1));

const groupsSchema = z.object({
  groups: z.array(
    z.object({
      slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
      themes: z.array(z.enum(themes)).min(1),
      membership: z.enum(['open', 'moderated']),
      name: texts.optional(),
      description: texts,
    }),
  ),
});

/**
 * The network's thematic groups (`demo/groups.json`), one per theme group: each named by its
 * first theme's label in every language of the site unless the file names it, described in all
 * six. Groups already recorded (by slug) are left alone; returns how many were added.
 * @example await seedDemoGroups(db, 'demo');
 */
export async function seedDemoGroups(db: Database, demoDir: string): Promise<number> {
  const { groups } = groupsSchema.parse(JSON.parse(await fs.readFile(path.join(demoDir, 'groups.json'), 'utf8')));
  let added = 0;
  for (const g of groups) {
    const nameIn = (locale: string) => g.name?.[locale] ?? translator(locale).t(`theme.${g.themes[0]}`);
    const translations = Object.fromEntries(
      locales.filter((l) => l !== 'en').map((l) => [l, { name: nameIn(l), description: g.description[l] ?? g.description.en }]),
    );
    const id = await insertGroup(db, {
      slug: g.slug,
      name: nameIn('en'),
      description: g.description.en ?? '',
      themes: g.themes,
      membership: g.membership,
      translations,
      createdBy: null,
    });
    if (id !== undefined) added += 1;
  }
  return added;
}
