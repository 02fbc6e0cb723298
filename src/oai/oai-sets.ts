import { m49Ancestors, m49Region } from '../geo/countries.ts';
import { translator } from '../i18n/i18n.ts';
import { themes } from '../vocabulary/vocabularies.ts';
import type { OaiSet } from './oai-source.ts';

/**
 * The set conventions every source follows: `theme:{code}` for each theme, `region:{m49}` for
 * each UN M49 region and the regions it is inside, `type:{kind}` for the kind of record, and the
 * parents `theme`, `region` and `type`.
 */

const english = translator('en');

/** What a set spec selects among one kind's items: all of them, none, a theme or a region (any when no code). */
export type SetSelection = { by: 'all' } | { by: 'none' } | { by: 'theme'; code?: string } | { by: 'region'; code?: string };

/**
 * What a set spec (or none) selects among the items of a kind.
 * @example readSetSpec('region:150', 'resource') // { by: 'region', code: '150' }
 */
export function readSetSpec(spec: string | undefined, kind: string): SetSelection {
  if (spec === undefined || spec === 'type' || spec === `type:${kind}`) return { by: 'all' };
  if (spec === 'theme' || spec === 'region') return { by: spec };
  const theme = /^theme:(.+)$/.exec(spec)?.[1];
  if (theme) return { by: 'theme', code: theme };
  const region = /^region:(\d{3})$/.exec(spec)?.[1];
  if (region) return { by: 'region', code: region };
  return { by: 'none' };
}

/**
 * An item's set specs: its themes, its regions with the regions they are inside, its kind.
 * @example setSpecsOf('resource', ['housing'], ['155']) // ['theme:housing', 'region:155', 'region:150', 'type:resource']
 */
export function setSpecsOf(kind: string, themeCodes: readonly string[], regionCodes: readonly string[]): string[] {
  const regions = [...new Set(regionCodes.flatMap((r) => [r, ...m49Ancestors(r)]))];
  return [...themeCodes.map((t) => `theme:${t}`), ...regions.map((r) => `region:${r}`), `type:${kind}`];
}

const regionName = (code: string) => (code === '001' ? 'World' : (m49Region(code)?.name ?? code));

/**
 * The sets a source's items may be in: every theme, the regions it has items in (and those they are inside), its kind (parents included).
 * @example repositorySets('resource', 'Resources of the library', ['155']) // …, region:150, region:155, …
 */
export function repositorySets(kind: string, kindName: string, regionCodes: readonly string[]): OaiSet[] {
  const regions = [...new Set(regionCodes.flatMap((r) => [r, ...m49Ancestors(r)]))].sort();
  return [
    { spec: 'theme', name: 'Themes' },
    ...themes.map((t) => ({ spec: `theme:${t}`, name: english.t(`theme.${t}`) })),
    { spec: 'region', name: 'UN M49 regions and sub-regions' },
    ...regions.map((code) => ({ spec: `region:${code}`, name: regionName(code) })),
    { spec: 'type', name: 'Kinds of record' },
    { spec: `type:${kind}`, name: kindName },
  ];
}
