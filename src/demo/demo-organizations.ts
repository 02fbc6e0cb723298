import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { regionsOf } from '../geo/countries.ts';
import { insertOrganizations, type NewOrganization } from '../organizations/organization.repo.ts';
import { slugify } from '../shared/text.ts';
import { actorTypes } from '../vocabulary/vocabularies.ts';

const directorySchema = z.object({
  organizations: z.array(
    z.object({
      name: z.string().min(1),
      acronym: z.string().min(1).optional(),
      type: z.enum(actorTypes),
      founded: z.number().int().optional(),
      city: z.string().min(1).optional(),
      country: z
        .string()
        .regex(/^[A-Z]{2}$/)
        .optional(),
      url: z.string().url().optional(),
      description: z.string().min(1).optional(),
    }),
  ),
});

const practicesSchema = z.object({
  practices: z.array(
    z.object({
      city: z.string().optional(),
      country: z.string(),
      themes: z.array(z.string()).default([]),
      actor_types: z.array(z.string()).default([]),
      lead_organization: z.string().optional().nullable(),
      partners: z
        .array(z.object({ name: z.string() }).passthrough())
        .optional()
        .nullable(),
    }),
  ),
});

/**
 * The demo's directory: the organisations named in the project's source documents
 * (`demo/organizations.json`), then every lead organisation and partner of the demo practices
 * not among them, with the practice's place (for a lead) and the themes of the practices naming
 * it. Names already recorded (in any case) are left alone, so it can run again.
 * @example await seedDemoOrganizations(db, 'demo');
 */
export async function seedDemoOrganizations(db: Database, demoDir: string): Promise<number> {
  const directory = directorySchema.parse(JSON.parse(await fs.readFile(path.join(demoDir, 'organizations.json'), 'utf8')));
  const { practices } = practicesSchema.parse(JSON.parse(await fs.readFile(path.join(demoDir, 'practices.json'), 'utf8')));
  const byName = new Map<string, NewOrganization>();
  const slugs = new Set<string>();
  const slugFor = (name: string) => {
    const base = slugify(name).slice(0, 80).replace(/-+$/, '') || 'organization';
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    return slug;
  };
  const add = (o: Omit<NewOrganization, 'slug' | 'region'>) => {
    const key = o.name.trim().toLowerCase();
    const known = byName.get(key);
    if (known) {
      known.themes = [...new Set([...known.themes, ...o.themes])].sort();
      return;
    }
    byName.set(key, { ...o, name: o.name.trim(), slug: slugFor(o.name), region: o.country ? regionsOf(o.country).region : null });
  };
  for (const o of directory.organizations)
    add({
      name: o.name,
      acronym: o.acronym ?? null,
      type: o.type,
      city: o.city ?? null,
      country: o.country ?? null,
      url: o.url ?? null,
      languages: [],
      themes: [],
      description: o.description ?? null,
      founded: o.founded ?? null,
    });
  for (const p of practices) {
    if (p.lead_organization?.trim()) {
      // A lead organisation of a city's own practice is its local government, where the practice says so.
      const type = p.actor_types.length === 1 ? p.actor_types[0] : null;
      add({
        name: p.lead_organization,
        acronym: null,
        type,
        city: p.city ?? null,
        country: p.country,
        url: null,
        languages: [],
        themes: p.themes,
        description: null,
        founded: null,
      });
    }
    // A partner named as a kind ("academic institutions", "50-member advisory committee…") is no organisation of the directory.
    for (const partner of p.partners ?? [])
      if (partner.name.trim() && !/^[\p{Ll}\p{N}]/u.test(partner.name.trim()))
        add({
          name: partner.name,
          acronym: null,
          type: null,
          city: null,
          country: null,
          url: null,
          languages: [],
          themes: p.themes,
          description: null,
          founded: null,
        });
  }
  return insertOrganizations(db, [...byName.values()]);
}
