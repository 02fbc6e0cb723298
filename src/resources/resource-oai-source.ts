import type { Database } from '../db/database.ts';
import { m49Within } from '../geo/countries.ts';
import { keysetAfter } from '../oai/oai-keyset.repo.ts';
import { readSetSpec, repositorySets, setSpecsOf } from '../oai/oai-sets.ts';
import type { OaiItem, OaiSource } from '../oai/oai-source.ts';
import { resourceDublinCore } from './resource-dc.ts';
import {
  earliestResourceChange,
  type ResourceOaiRow,
  resourceOaiItem,
  resourceOaiPage,
  resourceRegionCodes,
  resourceRegionCondition,
  resourceThemeCondition,
} from './resource-oai.repo.ts';

const kind = 'resource';

/** A set spec as a SQL condition on a resource; undefined for every resource, 'none' when no resource can be in it. */
function setFilter(spec: string | undefined) {
  const selection = readSetSpec(spec, kind);
  if (selection.by === 'none') return 'none';
  if (selection.by === 'all') return undefined;
  if (selection.by === 'theme') return resourceThemeCondition(selection.code);
  // A resource about a sub-region is in its region's set too, as a practice is.
  return resourceRegionCondition(selection.code === undefined ? undefined : m49Within(selection.code));
}

function itemOf(row: ResourceOaiRow, pageUrl: (slug: string) => string): OaiItem {
  return {
    kind,
    id: row.slug,
    datestamp: new Date(row.updated_at),
    stamp: row.stamp,
    sets: setSpecsOf(kind, row.themes, row.regions),
    deleted: false,
    metadata: { dc: () => resourceDublinCore(row, pageUrl) },
  };
}

/**
 * The library's resources as an OAI-PMH source, in Dublin Core only (the exchange format is the
 * practices'). Every resource in the library is published and none is ever deleted, so there are
 * no tombstones to report.
 * @example const source = resourceOaiSource(db, (slug) => resourcePageUrl(publicUrl, slug));
 */
export function resourceOaiSource(db: Database, pageUrl: (slug: string) => string): OaiSource {
  return {
    kind,
    formats: ['oai_dc'],
    sets: async () => repositorySets(kind, 'Resources (reports, toolkits, guidelines, videos, webinars, datasets)', await resourceRegionCodes(db)),
    async list(query) {
      const set = setFilter(query.set);
      if (set === 'none') return [];
      const rows = await resourceOaiPage(db, { from: query.from, until: query.until, set, after: keysetAfter(query.after, kind) }, query.limit);
      return rows.map((r) => itemOf(r, pageUrl));
    },
    async get(id) {
      const row = await resourceOaiItem(db, id);
      return row && itemOf(row, pageUrl);
    },
    earliest: () => earliestResourceChange(db),
  };
}
