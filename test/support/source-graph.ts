/**
 * The shape of the code under src/, read with the TypeScript compiler's API: which file imports
 * which, and how long each function is. The architecture test and
 * `scripts/architecture-figures.ts` both read the code through here, so they agree on what an
 * import and a function are.
 */
import path from 'node:path';
import type { Node, SourceFile } from 'typescript/unstable/ast';
import {
  isArrowFunction,
  isConstructorDeclaration,
  isFunctionDeclaration,
  isFunctionExpression,
  isGetAccessorDeclaration,
  isIdentifier,
  isMethodDeclaration,
  isPropertyAssignment,
  isPropertyDeclaration,
  isSetAccessorDeclaration,
  isVariableDeclaration,
} from 'typescript/unstable/ast/is';
import { API } from 'typescript/unstable/sync';
import { repoRoot } from './server-process.ts';

/** The folders under src/ that know nothing of the product: every other folder is a product area. */
export const sharedLayers = ['http', 'views', 'security', 'db', 'shared', 'i18n', 'mail', 'geo', 'jobs'] as const;

/** One import of a file under src/: what it says, and the file it names when it is relative. */
export interface SourceImport {
  /** As written, e.g. `../cities/city.repo.ts` or `kysely`. */
  specifier: string;
  /** Relative to the repository, e.g. `src/cities/city.repo.ts`; undefined for a package. */
  target?: string;
}

/** A function, method or arrow function, with where it starts and how many lines it spans. */
export interface FunctionSpan {
  file: string;
  name: string;
  line: number;
  lines: number;
}

/** A source file under src/ (path relative to the repository) with its imports and functions. */
export interface SourceFileFacts {
  file: string;
  imports: SourceImport[];
  functions: FunctionSpan[];
}

/**
 * Every .ts and .tsx file under src/, parsed by the TypeScript compiler (the project of
 * tsconfig.json). Functions are only walked for when `functions` is asked, as it reads every node.
 * @example const files = readSources(); files.find((f) => f.file === 'src/app.ts')?.imports
 */
export function readSources(options: { functions?: boolean } = {}): SourceFileFacts[] {
  const api = new API({ cwd: repoRoot });
  try {
    const project = api.updateSnapshot({ openProjects: [path.join(repoRoot, 'tsconfig.json')] }).getProjects()[0];
    const srcDir = path.join(repoRoot, 'src') + path.sep;
    const names = project.program.getSourceFileNames().filter((f) => f.startsWith(srcDir) && /\.tsx?$/.test(f));
    return names.sort().map((name) => {
      const source = project.program.getSourceFile(name) as SourceFile;
      const file = path.relative(repoRoot, name).split(path.sep).join('/');
      // The compiler lists each import by its module specifier, a string literal node.
      const imports = source.imports.map((i) => importOf(file, (i as unknown as { text: string }).text));
      return { file, imports, functions: options.functions ? functionSpans(file, source) : [] };
    });
  } finally {
    api.close();
  }
}

/** An import, with the repository path of its target when the specifier is relative. */
function importOf(file: string, specifier: string): SourceImport {
  if (!specifier.startsWith('.')) return { specifier };
  return { specifier, target: path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) };
}

/**
 * The folder of src/ a file belongs to (`src/cities/views/x.tsx` → `cities`), or undefined for
 * files at the root of src/ (app.ts, main.ts, config.ts) and files outside it.
 */
export function folderOf(file: string): string | undefined {
  const parts = file.split('/');
  return parts[0] === 'src' && parts.length > 2 ? parts[1] : undefined;
}

/** The folder-to-folder imports between different folders of src/, each with the file imports behind it. */
export function folderEdges(files: SourceFileFacts[]): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const f of files) {
    const from = folderOf(f.file);
    for (const i of f.imports) {
      const to = i.target && folderOf(i.target);
      if (!from || !to || from === to) continue;
      const key = `${from} -> ${to}`;
      edges.set(key, [...(edges.get(key) ?? []), `${f.file} imports ${i.specifier}`]);
    }
  }
  return edges;
}

/**
 * Pairs of folders that import each other, each written `a <-> b` with a before b, sorted.
 * @example mutualPairs(readSources()) // ['cities <-> map', …]
 */
export function mutualPairs(files: SourceFileFacts[]): string[] {
  const edges = folderEdges(files);
  const pairs: string[] = [];
  for (const key of edges.keys()) {
    const [a, b] = key.split(' -> ');
    if (a < b && edges.has(`${b} -> ${a}`)) pairs.push(`${a} <-> ${b}`);
  }
  return pairs.sort();
}

/** Every function-like node of a file, outermost first, with its line span. */
function functionSpans(file: string, source: SourceFile): FunctionSpan[] {
  const spans: FunctionSpan[] = [];
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
  const visit = (node: Node): void => {
    if (isFunctionLike(node)) {
      const line = lineOf(node.getStart());
      spans.push({ file, name: functionName(node), line, lines: lineOf(node.end) - line + 1 });
    }
    node.forEachChild(visit);
  };
  source.forEachChild(visit);
  return spans;
}

/** A node with a body of statements or an expression: declarations, expressions, arrows, methods, accessors. */
function isFunctionLike(node: Node): boolean {
  return (
    isFunctionDeclaration(node) ||
    isFunctionExpression(node) ||
    isArrowFunction(node) ||
    isMethodDeclaration(node) ||
    isConstructorDeclaration(node) ||
    isGetAccessorDeclaration(node) ||
    isSetAccessorDeclaration(node)
  );
}

/** A function's own name, else the name of the variable or property it is assigned to, else "(anonymous)". */
function functionName(node: Node): string {
  const own = (node as { name?: Node }).name;
  if (own && isIdentifier(own)) return own.text;
  if (isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (parent && (isVariableDeclaration(parent) || isPropertyAssignment(parent) || isPropertyDeclaration(parent)) && isIdentifier(parent.name))
    return parent.name.text;
  return '(anonymous)';
}
