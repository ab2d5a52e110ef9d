// The layers of DESIGN.md, checked on the import graph of server/src and client/src: the client
// reaches the server only through the protocol, the ground floor and the catalog import nothing
// above them, rules do not import each other, features read rules only through the registry, the
// command line does not import the LSP wiring, and no two folders import each other, even through
// others. A failure names each import that breaks a layer.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');
const SERVER = 'server/src';
const CLIENT = 'client/src';

/** Repository-relative paths with forward slashes. */
const repoPath = (path: string) => relative(ROOT, path).split(sep).join('/');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap(name => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The file a relative import names (`./x` -> x.ts or x/index.ts); undefined for packages and data files. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, 'index.ts')].find(existsSync);
}

interface Import {
  from: string;
  to: string;
}

const specifiers = [SERVER, CLIENT]
  .flatMap(folder => sourceFiles(join(ROOT, folder)))
  .flatMap(file => ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map(({ fileName }) => ({ file, specifier: fileName })));
const imports: Import[] = specifiers.flatMap(({ file, specifier }) => {
  const target = resolveImport(file, specifier);
  return target ? [{ from: repoPath(file), to: repoPath(target) }] : [];
});

/** The layer of a file: `client`, the folder under server/src (`rules`, `util`, ...), or a file there (`server.ts`). */
function layerOf(file: string): string {
  if (file.startsWith(`${CLIENT}/`)) return 'client';
  return file.slice(SERVER.length + 1).split('/')[0];
}

const isRuleModule = (file: string) => /^server\/src\/rules\/(?!index\.ts$|types\.ts$)[^/]+\.ts$/.test(file);
const describe = (found: Import[]) => found.map(i => `\n  ${i.from} -> ${i.to}`).join('');

function assertNone(found: Import[], what: string): void {
  assert.equal(found.length, 0, `${what}:${describe(found)}`);
}

test('the import graph was read', () => {
  assert.ok(imports.length > 300, `only ${imports.length} imports found`);
  assert.ok(imports.some(i => i.from === 'server/src/rules/index.ts' && isRuleModule(i.to)));
});

test('the client imports nothing of the server but the protocol, and the protocol nothing else of ours', () => {
  assertNone(
    imports.filter(i => layerOf(i.from) === 'client' && !['client', 'protocol'].includes(layerOf(i.to))),
    'client imports beyond the protocol',
  );
  assertNone(
    imports.filter(i => layerOf(i.from) === 'protocol' && layerOf(i.to) !== 'protocol'),
    'protocol imports',
  );
});

test('the ground floor imports only itself, the catalog only itself and the ground floor', () => {
  assertNone(
    imports.filter(i => layerOf(i.from) === 'util' && layerOf(i.to) !== 'util'),
    'util/ imports',
  );
  assertNone(
    imports.filter(i => layerOf(i.from) === 'catalog' && !['catalog', 'util'].includes(layerOf(i.to))),
    'catalog/ imports',
  );
});

test('analysis imports no rule or feature; a rule imports no other rule and no feature', () => {
  assertNone(
    imports.filter(i => layerOf(i.from) === 'analysis' && ['rules', 'features'].includes(layerOf(i.to))),
    'analysis/ imports of rules or features',
  );
  assertNone(
    imports.filter(i => isRuleModule(i.from) && (isRuleModule(i.to) || layerOf(i.to) === 'features')),
    'rule modules importing rules or features',
  );
});

test('templates (policies inside infrastructure code) import only the policy model, the catalog and the ground floor', () => {
  assertNone(
    imports.filter(i => layerOf(i.from) === 'templates' && !['templates', 'policy', 'catalog', 'util'].includes(layerOf(i.to))),
    'templates/ imports',
  );
});

test('features import rules only through the registry and rules/types.ts', () => {
  assertNone(
    imports.filter(i => layerOf(i.from) === 'features' && isRuleModule(i.to)),
    'features importing rule modules',
  );
});

test('the command line does not import the LSP wiring, and only the wiring talks to the connection', () => {
  assertNone(
    imports.filter(i => layerOf(i.from) === 'cli' && ['server.ts', 'serverMain.ts'].includes(layerOf(i.to))),
    'cli/ imports of the LSP wiring',
  );
  const connection = specifiers
    .filter(({ specifier }) => /^vscode-languageserver(\/|$)/.test(specifier))
    .map(({ file, specifier }) => ({ from: repoPath(file), to: specifier }));
  assertNone(
    connection.filter(i => !['server.ts', 'serverMain.ts'].includes(layerOf(i.from))),
    'imports of the connection (vscode-languageserver) outside the wiring',
  );
});

test('no import loop between folders', () => {
  const edges = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    const [a, b] = [layerOf(from), layerOf(to)];
    if (a !== b) edges.set(a, (edges.get(a) ?? new Set()).add(b));
  }
  // a loop is a path back to where it started: depth-first search from each layer
  const loops: string[] = [];
  for (const start of edges.keys()) {
    const stack: string[][] = [[start]];
    const seen = new Set<string>();
    while (stack.length) {
      const path = stack.pop()!;
      for (const next of edges.get(path[path.length - 1]) ?? []) {
        if (next === start) loops.push([...path, next].join(' -> '));
        else if (!seen.has(next)) {
          seen.add(next);
          stack.push([...path, next]);
        }
      }
    }
  }
  assert.deepEqual(loops, [], `import loops between folders:\n  ${loops.join('\n  ')}`);
});
