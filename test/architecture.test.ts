import { beforeAll, describe, expect, it } from 'vitest';
import { folderEdges, folderOf, mutualPairs, readSources, type SourceFileFacts, sharedLayers } from './support/source-graph.ts';

/**
 * The two pairs of src/ folders that may import each other; any other pair must extract what the
 * two share. Keep this list short: a pair earns its place only when the two cannot be layered.
 */
const allowedPairs = [
  // An assessment is of a practice: assessing reads the record and writes the verdict onto it
  // (a revision, and the criteria judged "yes" in `practices.assessed` for the search filter),
  // while the practice page shows the practice's assessment and its badges.
  'assessments <-> practices',
  // Exports of practices take the search's filters and a practice page lists similar practices,
  // while the search shows practices as their cards: the catalogue and its search are one
  // concept seen from two sides.
  'practices <-> search',
];

/** Files at the root of src/ that compose the app and may import anything. */
const compositionRoots = ['src/app.ts', 'src/main.ts', 'src/config.ts'];

/** The one package a migration may import: anything else could change what an old migration does. */
const migrationPackages = ['kysely'];

let files: SourceFileFacts[];
beforeAll(() => {
  files = readSources();
});

describe('layers point one way', () => {
  it('finds the source files and their imports', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.find((f) => f.file === 'src/app.ts')?.imports.length).toBeGreaterThan(10);
  });

  it('shared layers never import a product area', () => {
    const shared = new Set<string>(sharedLayers);
    const offending: string[] = [];
    for (const f of files) {
      const from = folderOf(f.file);
      if (!from || !shared.has(from)) continue;
      for (const i of f.imports) {
        const to = i.target && folderOf(i.target);
        if (to && !shared.has(to)) offending.push(`${f.file} imports ${i.specifier} (product area "${to}")`);
        // app.ts and main.ts import every area; config.ts is shared infrastructure.
        if (i.target?.startsWith('src/') && !to && i.target !== 'src/config.ts') offending.push(`${f.file} imports ${i.specifier} (a composition root)`);
      }
    }
    expect(offending, `shared layers (${sharedLayers.join(', ')}) import product areas:\n${offending.join('\n')}`).toEqual([]);
  });

  it('only the composition roots sit at the root of src/, where a file may import anything', () => {
    const isTestOf = (file: string) => compositionRoots.includes(file.replace(/\.test\.tsx?$/, '.ts'));
    const offending = files.filter((f) => !folderOf(f.file) && !compositionRoots.includes(f.file) && !isTestOf(f.file)).map((f) => f.file);
    expect(offending, `files at the root of src/ (move them into a folder, or list them as composition roots):\n${offending.join('\n')}`).toEqual([]);
  });

  it('migrations import nothing but kysely', () => {
    const offending = files
      .filter((f) => f.file.startsWith('src/db/migrations/'))
      .flatMap((f) => f.imports.filter((i) => !migrationPackages.includes(i.specifier)).map((i) => `${f.file} imports ${i.specifier}`));
    expect(offending, `migrations must be self-contained (copy the values they need):\n${offending.join('\n')}`).toEqual([]);
  });

  it(`at most ${allowedPairs.length} pairs of folders import each other, and only the listed ones`, () => {
    const edges = folderEdges(files);
    const unexpected = mutualPairs(files).filter((pair) => !allowedPairs.includes(pair));
    const details = unexpected.map((pair) => {
      const [a, b] = pair.split(' <-> ');
      return [`${pair}:`, ...[`${a} -> ${b}`, `${b} -> ${a}`].flatMap((edge) => (edges.get(edge) ?? []).map((line) => `  ${line}`))].join('\n');
    });
    expect(unexpected, `folders that import each other (extract what they share):\n${details.join('\n')}`).toEqual([]);
  });
});
