// Loads a bundle (dist/server-main.js, dist/cli-main.js) through V8's code cache, as VS Code does for
// its own code and Node 22 does with module.enableCompileCache: compiling the 0.9 MB server bundle,
// and the functions that checking the first policy needs, is a third of the server's start-up. The
// cache lives in the OS temp folder (Node's default place for it), keyed by the bundle's size and
// time and by the V8 version; V8 itself rejects data that does not fit. Any failure to read or
// write the cache only means a plain, uncached load.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { WARM_EVENT } from './warm';
const CACHE_FOLDER = join(tmpdir(), 'iam-policy-tools-code-cache');

function cacheFileOf(bundle: string): string | undefined {
  try {
    const { size, mtimeMs } = statSync(bundle);
    const version = `${process.versions.v8}-${process.arch}`.replace(/[^\w.-]/g, '_');
    return join(CACHE_FOLDER, `${basename(bundle, '.js')}-${size}-${Math.round(mtimeMs)}-${version}.bin`);
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

/** Written once, atomically (several servers may start at once). */
function cacheWriter(script: Script, file: string): () => void {
  let written = false;
  return () => {
    if (written) return;
    written = true;
    try {
      mkdirSync(CACHE_FOLDER, { recursive: true });
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, file);
    } catch {
      // a read-only or full temp folder: the next start compiles again
    }
  };
}

/** Runs the CommonJS bundle at `bundle` as a main module would run, compiled from the cache when it can. */
export function runWithCodeCache(bundle: string): void {
  const file = cacheFileOf(bundle);
  const cachedData = readCache(file);
  const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  if (file && (!cachedData || script.cachedDataRejected)) {
    const write = cacheWriter(script, file);
    const events: NodeJS.EventEmitter = process;
    events.once(WARM_EVENT, () => setImmediate(write));
    process.once('exit', write);
  }
  const module = new Module(bundle);
  module.filename = bundle;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle));
}
