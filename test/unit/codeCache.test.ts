// The code-cache loader of dist/server.js and dist/cli.js (server/src/bootstrap/codeCache.ts): runs a
// bundle as a main module, writes the cache once the bundle says it is warm, compiles from it on the
// next start, keeps only the newest caches of a bundle, and never fails over a cache it cannot use.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CACHE_FOLDER, runWithCodeCache } from '../../server/src/bootstrap/codeCache';
import { CLI_PATH } from '../helpers/cliRunner';

const RUNNER = join(__dirname, '..', 'helpers', 'codeCacheRun.ts');

/** A start of the bundle in a new process: 'cached' or 'compiled'. */
function start(bundle: string, warm: 'warm' | 'cold' = 'warm'): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', RUNNER, bundle, warm], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

/** the bundles' folders and names, removed with their caches when the tests are done */
const madeFolders: string[] = [];
const madeNames: string[] = [];

function bundleIn(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
  madeFolders.push(dir);
  const path = join(dir, `${name}.js`);
  writeFileSync(path, `globalThis.ranBundle = [__filename, __dirname, typeof require, module.exports === exports];\n`);
  return path;
}

const cachesOf = (name: string) =>
  readdirSync(CACHE_FOLDER)
    .filter(file => file.startsWith(`${name}-`))
    .sort();
function uniqueName(what: string): string {
  const name = `${what}${process.pid}x${Date.now()}`;
  madeNames.push(name);
  return name;
}

function removeMade(): void {
  for (const dir of madeFolders) rmSync(dir, { recursive: true, force: true });
  for (const name of madeNames) for (const file of cachesOf(name)) rmSync(join(CACHE_FOLDER, file), { force: true });
}
// and at exit again: the bundle run in this process writes its cache when the process exits
after(() => {
  removeMade();
  process.once('exit', removeMade);
});

test('a bundle runs as a main module', () => {
  const bundle = bundleIn(uniqueName('main'));
  runWithCodeCache(bundle);
  assert.deepEqual((globalThis as { ranBundle?: unknown }).ranBundle, [bundle, join(bundle, '..'), 'function', true]);
});

test('the cache is written once the bundle is warm (or at exit), and used by the next start', () => {
  const name = uniqueName('bundle');
  const bundle = bundleIn(name);
  assert.equal(start(bundle), 'compiled');
  assert.equal(cachesOf(name).length, 1);
  assert.equal(start(bundle), 'cached');
  const cold = bundleIn(uniqueName('exit'));
  assert.equal(start(cold, 'cold'), 'compiled');
  assert.equal(start(cold), 'cached');
});

test('a cache V8 rejects only means a plain load, and a new cache', () => {
  const name = uniqueName('broken');
  const bundle = bundleIn(name);
  start(bundle);
  writeFileSync(join(CACHE_FOLDER, cachesOf(name)[0]), 'not V8 data');
  assert.equal(start(bundle), 'compiled');
  assert.equal(start(bundle), 'cached');
});

test('writing a cache removes the older caches of the same bundle but the newest two', () => {
  mkdirSync(CACHE_FOLDER, { recursive: true });
  const name = uniqueName('stale');
  for (let i = 0; i < 5; i++) {
    const old = join(CACHE_FOLDER, `${name}-1-${i}-old.bin`);
    writeFileSync(old, 'not V8 data');
    utimesSync(old, 1000 + i, 1000 + i);
  }
  start(bundleIn(name));
  const left = cachesOf(name);
  assert.equal(left.length, 3);
  assert.deepEqual(
    left.filter(file => file.endsWith('-old.bin')),
    [`${name}-1-3-old.bin`, `${name}-1-4-old.bin`],
  );
});

test('the checker compiles from its cache on the next run (its V8 flags are set before the load)', () => {
  const temp = mkdtempSync(join(tmpdir(), 'code-cache-cli-'));
  madeFolders.push(temp);
  const caches = () => readdirSync(join(temp, 'iam-policy-tools-code-cache')).filter(file => file.startsWith('cli-main-'));
  const run = () => spawnSync(process.execPath, [CLI_PATH, '--version'], { env: { ...process.env, TMPDIR: temp, TMP: temp, TEMP: temp } });
  assert.equal(run().status, 0);
  const [cache] = caches();
  const written = statSync(join(temp, 'iam-policy-tools-code-cache', cache)).mtimeMs;
  assert.equal(run().status, 0);
  // a cache V8 rejected would have been written again
  assert.deepEqual(caches(), [cache]);
  assert.equal(statSync(join(temp, 'iam-policy-tools-code-cache', cache)).mtimeMs, written);
});
