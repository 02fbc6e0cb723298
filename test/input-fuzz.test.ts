import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputFuzzer, routeSeed } from './support/input-fuzz.ts';
import { getRoutes, notFuzzed, postRoutes } from './support/route-table.ts';
import { testEngines } from './support/test-db.ts';

/**
 * Property-based fuzzing of every route (test/support/route-table.ts) with odd input: NUL and
 * other control characters, lone surrogates, invalid UTF-8, odd Unicode, over-long values,
 * arrays for scalars, numbers out of range; posts are sent signed in with the right role and a
 * valid CSRF token. No answer may be a 5xx or show internals, an address holding a control
 * character is a 400, refused input writes nothing, and no text a field may not hold is ever
 * stored. Each route starts with a NUL in each of its parameters and free-text fields, then a
 * few generated cases from a fixed seed, which keeps it quick; `npm run fuzz -- --runs 5000`
 * runs longer (docs/security.md).
 */
const runs = Number(process.env.FUZZ_RUNS ?? 5);
const seed = Number(process.env.FUZZ_SEED ?? 20_240_613);

for (const engine of testEngines()) {
  describe(`no input reaches a 5xx (${engine})`, () => {
    let fuzzer: InputFuzzer;
    beforeAll(async () => {
      fuzzer = await InputFuzzer.start(engine);
    });
    afterAll(() => fuzzer?.close());

    it('the route table lists every route the app registers', () => {
      const registered = new Set(fuzzer.registeredRoutes());
      const listed = new Set([...getRoutes, ...postRoutes].map((r) => r.route));
      expect(
        [...registered].filter((r) => !listed.has(r) && !(r in notFuzzed)),
        'routes missing from test/support/route-table.ts',
      ).toEqual([]);
      expect(
        [...listed, ...Object.keys(notFuzzed)].filter((r) => !registered.has(r)),
        'routes in the table the app does not have',
      ).toEqual([]);
    });

    for (const route of getRoutes) {
      it(`${route.route} as ${route.as}`, () =>
        InputFuzzer.check(fuzzer.getProperty(route), { runs, seed: routeSeed(seed, route.route) }, fuzzer.getExamples(route)));
    }
    for (const route of postRoutes) {
      it(`${route.route} as ${route.as}`, async () =>
        InputFuzzer.check(await fuzzer.postProperty(route), { runs, seed: routeSeed(seed, route.route) }, fuzzer.postExamples(route)));
    }
  });
}
