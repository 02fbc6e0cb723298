/**
 * The input fuzz test, longer: every route of test/support/route-table.ts with as many
 * generated cases as asked, on PGlite and (with TEST_DATABASE_URL) PostgreSQL.
 *
 *   npm run fuzz -- --runs 5000                      # every route, both engines, a new seed
 *   npm run fuzz -- --runs 500 --seed 42 --route /submit --engine pglite
 *
 * Prints one line per route; a failing route prints fast-check's report (its seed and path
 * replay the case: pass them to --seed and FUZZ_PATH) and the run exits 1.
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { InputFuzzer, routeSeed } from '../test/support/input-fuzz.ts';
import { getRoutes, postRoutes } from '../test/support/route-table.ts';
import { type Engine, testEngines } from '../test/support/test-db.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    seed: { type: 'string' },
    route: { type: 'string' },
    engine: { type: 'string' },
  },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--runs N] [--seed S] [--route TEXT] [--engine pglite|postgres]');
  process.exit(64);
}
const engines = testEngines().filter((e) => !values.engine || e === values.engine) as Engine[];
const selected = (route: { route: string }) => !values.route || route.route.includes(values.route);

console.log(`Fuzzing with ${runs} cases per route, seed ${seed}, on ${engines.join(' and ')}.`);
let failed = 0;
for (const engine of engines) {
  const fuzzer = await InputFuzzer.start(engine);
  try {
    const cases = [
      ...getRoutes
        .filter(selected)
        .map((route) => ({ route, property: async () => fuzzer.getProperty(route), examples: fuzzer.getExamples(route) as unknown[] })),
      ...postRoutes.filter(selected).map((route) => ({ route, property: () => fuzzer.postProperty(route), examples: fuzzer.postExamples(route) as unknown[] })),
    ];
    for (const c of cases) {
      const started = performance.now();
      const name = `${c.route.route} as ${c.route.as}`;
      const property = (await c.property()) as fc.IAsyncProperty<unknown>;
      const result = await fc.check(property, { numRuns: runs, seed: routeSeed(seed, c.route.route), path: process.env.FUZZ_PATH, examples: c.examples });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (result.failed) {
        failed += 1;
        console.log(`FAIL ${engine} ${name} (${seconds} s)`);
        console.log(fc.defaultReportMessage(result));
        if (result.errorInstance instanceof Error) console.log(`Error: ${result.errorInstance.message}`);
      } else {
        console.log(`ok   ${engine} ${name}: ${result.numRuns} cases (${seconds} s)`);
      }
    }
  } finally {
    await fuzzer.close();
  }
}
console.log(failed ? `${failed} route(s) failed (seed ${seed}).` : `No route failed (seed ${seed}).`);
process.exit(failed ? 1 : 0);
