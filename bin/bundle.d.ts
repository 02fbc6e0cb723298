/** Types of bin/bundle.js, for the tests and benchmarks written in TypeScript. */
export declare const entries: { server: string; cli: string };
export declare function ensureBundle(bundle: keyof typeof entries): Promise<string | undefined>;
export declare function runBundled(bundle: keyof typeof entries): Promise<void>;
