// Runs a TypeScript entry point from one bundled file that esbuild builds into .build/, again
// whenever a source file or the installed packages change. Node loads one file several times
// faster than tsx transpiles the ~300 source modules and Node resolves the packages' hundreds
// more, and that was most of a second start (docs/performance.md).
// Packages that load files of their own at run time stay outside the bundle. Where .build/
// cannot be written (a read-only install) or esbuild is missing, the entry point runs through
// tsx instead, as it would in development.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, '.build');

/** PGlite reads its WebAssembly and data files beside its own code; argon2 is a native addon; pg-native is pg's optional driver. */
const external = ['@electric-sql/pglite', '@node-rs/argon2', 'pg-native'];

/** The bundles: the server (`npm start`) and the `clearinghouse` command. */
export const entries = { server: 'src/main.ts', cli: 'src/cli/main.ts' };

/** What a bundle is built from: a change to any of these, this file included, makes a new one. */
const inputs = ['src', 'package.json', 'tsconfig.json', 'node_modules/.package-lock.json', 'bin/bundle.js'];

/**
 * A digest of every input file's path, size and modification time. Any change, also to an older
 * time (a release unpacked over an install, a checkout of an older commit), gives a new digest.
 */
function fingerprint() {
  const hash = createHash('sha256');
  const visit = (file) => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      for (const entry of fs.readdirSync(file).sort()) visit(path.join(file, entry));
    } else {
      hash.update(`${path.relative(root, file)}\0${stat ? `${stat.size}\0${stat.mtimeMs}` : '-'}\n`);
    }
  };
  for (const input of inputs) visit(path.join(root, input));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Builds .build/`bundle`-`fingerprint`.js unless it exists, and returns its path; undefined
 * when it cannot be built here. Throws esbuild's error, already printed, when the sources do not
 * compile.
 * @example const file = await ensureBundle('server'); // '/srv/clearinghouse/.build/server-3f2a1b9c0d4e5f60.js'
 */
export async function ensureBundle(bundle) {
  const file = `${bundle}-${fingerprint()}.js`;
  const out = path.join(buildDir, file);
  if (fs.existsSync(out)) return out;
  let esbuild;
  try {
    // Where nothing can be written, do not build only to throw the result away.
    fs.mkdirSync(buildDir, { recursive: true });
    fs.accessSync(buildDir, fs.constants.W_OK);
    esbuild = await import('esbuild');
  } catch {
    return undefined;
  }
  let result;
  try {
    result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: [entries[bundle]],
      outfile: out,
      write: false,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external,
      // CommonJS packages inside an ES module bundle still call require() for Node's modules.
      banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
      // Less text to parse on every start; names stay, so stack traces and error names read as in src/.
      minifyWhitespace: true,
      minifySyntax: true,
      sourcemap: 'linked',
      sourcesContent: false,
      logLevel: 'error',
    });
  } catch (e) {
    // A compile error would fail under tsx too.
    if (e && typeof e === 'object' && 'errors' in e) throw e;
    return undefined;
  }
  // Several processes may build at once (parallel tests): each writes files of its own, then
  // renames them into place, the source map first.
  try {
    for (const output of result.outputFiles.sort((x, y) => (x.path.endsWith('.map') ? -1 : y.path.endsWith('.map') ? 1 : 0))) {
      const tmp = `${output.path}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, output.contents);
      fs.renameSync(tmp, output.path);
    }
  } catch {
    return undefined;
  }
  removeOldBundles(bundle, file);
  return out;
}

/**
 * Removes earlier builds of a bundle, and files a killed build left, with a minute's grace for
 * any process about to load or still writing one.
 */
function removeOldBundles(bundle, current) {
  for (const name of fs.readdirSync(buildDir)) {
    if (!name.startsWith(`${bundle}-`) || name === current || name === `${current}.map`) continue;
    const file = path.join(buildDir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > 60_000) fs.rmSync(file, { force: true });
  }
}

/**
 * Runs a bundle, building it first when stale; a compile error, printed by esbuild, exits 1.
 * @example await runBundled('server');
 */
export async function runBundled(bundle) {
  let out;
  try {
    out = await ensureBundle(bundle);
  } catch {
    process.exit(1);
  }
  if (out) {
    // Stack traces in logs point at src/, not at the bundle.
    process.setSourceMapsEnabled(true);
    await import(pathToFileURL(out).href);
    return;
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, entries[bundle])).href);
}
