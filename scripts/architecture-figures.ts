/**
 * Figures of the code's structure, for the notes that close a refactoring: the pairs of src/
 * folders that import each other, and the functions in src/ longer than 60 and 80 lines.
 *
 *   npx tsx scripts/architecture-figures.ts
 *
 * test/architecture.test.ts holds the rules; this prints where the code stands against them.
 */
import { type FunctionSpan, folderEdges, mutualPairs, readSources } from '../test/support/source-graph.ts';

/** Functions longer than a number of lines, longest first. */
const longerThan = (functions: FunctionSpan[], lines: number) => functions.filter((f) => f.lines > lines).sort((a, b) => b.lines - a.lines);

const files = readSources({ functions: true });
const edges = folderEdges(files);
const pairs = mutualPairs(files);
const functions = files.flatMap((f) => f.functions);

console.log(`Mutual folder pairs: ${pairs.length}`);
for (const pair of pairs) {
  const [a, b] = pair.split(' <-> ');
  console.log(`  ${pair}`);
  for (const direction of [`${a} -> ${b}`, `${b} -> ${a}`]) console.log(`    ${direction}: ${(edges.get(direction) ?? []).join('; ')}`);
}
for (const limit of [60, 80]) {
  const long = longerThan(functions, limit);
  console.log(`Functions over ${limit} lines: ${long.length}`);
  for (const f of long) console.log(`  ${f.lines} ${f.file}:${f.line} ${f.name}`);
}
