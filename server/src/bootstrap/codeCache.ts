// Loads a bundle (dist/server-main.js, dist/cli-main.js) through V8's code cache, as VS Code does for
// its own code and Node 22 does with module.enableCompileCache: compiling the 0.9 MB server bundle,
// and the functions that checking the first policy needs, is a third of the server's start-up. The
// cache lives in the OS temp folder (Node's default place for it), keyed by the bundle's size and
// time and by the V8 version; V8 itself rejects data that does not fit. Any failure to read or
// write the cache only means a plain, uncached load.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { onceWarm } from './warm';

export const CACHE_FOLDER = join(tmpdir(), 'iam-policy-tools-code-cache');
/** caches kept per bundle: a few versions side by side (VS Code and VS Code Insiders, say) */
const CACHES_KEPT = 3;

function cacheFileOf(bundle: string, bundleName: string): string | undefined {
  try {
    const { size, mtimeMs } = statSync(bundle);
    const version = `${process.versions.v8}-${process.arch}`.replace(/[^\w.-]/g, '_');
    return join(CACHE_FOLDER, `${bundleName}-${size}-${Math.round(mtimeMs)}-${version}.bin`);
  } catch {
    return undefined;
  }
}

function readCache(file: string | undefined): Buffer | undefined {
  try {
    return file ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** Older caches of the same bundle (earlier versions, other node versions): the newest few stay. */
function removeStaleCaches(file: string, bundleName: string): void {
  const caches = readdirSync(CACHE_FOLDER)
    .filter(name => name.startsWith(`${bundleName}-`) && name.endsWith('.bin') && name !== basename(file))
    .map(name => ({ path: join(CACHE_FOLDER, name), time: statSync(join(CACHE_FOLDER, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const stale of caches.slice(CACHES_KEPT - 1)) rmSync(stale.path, { force: true });
}

/** Written once, atomically (several servers may start at once). */
function cacheWriter(script: Script, file: string, bundleName: string): () => void {
  let written = false;
  return () => {
    if (written) return;
    written = true;
    try {
      mkdirSync(CACHE_FOLDER, { recursive: true });
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, file);
      removeStaleCaches(file, bundleName);
    } catch {
      // a read-only or full temp folder: the next start compiles again
    }
  };
}

/**
 * Runs the CommonJS bundle at `bundle` as a main module would run, compiled from the cache when it
 * can; true when it was.
 */
export function runWithCodeCache(bundle: string): boolean {
  const bundleName = basename(bundle, '.js');
  const file = cacheFileOf(bundle, bundleName);
  const cachedData = readCache(file);
  const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  const cached = cachedData !== undefined && !script.cachedDataRejected;
  if (file && !cached) {
    const write = cacheWriter(script, file, bundleName);
    onceWarm(write);
    process.once('exit', write);
  }
  const module = new Module(bundle);
  module.filename = bundle;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle));
  return cached;
}
