// Checks many files on several threads. Each thread pays node's start-up, the bundle and the catalog,
// so a run only takes as many threads as it has files for. Files go out in small batches as threads
// ask for work, so that a few slow files do not hold a whole share back; the main thread checks
// batches too. Outcomes come back in file order, so the report is the same as on one thread. A
// worker that fails hands its batch back to the main thread, which checks it itself.
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { getCatalog } from '../catalog/loadCatalog';
import type { InputFile } from './files';
import { checkContext, checkFile, type CheckContext, type CheckJob } from './lint';
import { loadTemplateReaders, templateFormatsByName } from '../templates/readers';
import type { FileOutcome } from './report';

const BATCH_SIZE = 16;
const MIN_FILES_PER_THREAD = 100;
const MAX_THREADS = 8;

interface Batch {
  start: number;
  files: InputFile[];
}
interface BatchDone {
  start: number;
  outcomes: FileOutcome[];
}

/**
 * How many threads check `files` files: --jobs, else half the cores (at most MAX_THREADS); fewer for
 * few files. Half, because V8's garbage collector works on other cores beside each thread: on two
 * cores a second thread makes the corpus slower (1.75 s against 1.55 s), as every thread also
 * compiles the rules and fills its caches anew.
 */
export function threadCount(files: number, jobs: number | undefined, cores = availableParallelism()): number {
  const wanted = jobs ?? Math.min(Math.floor(cores / 2), MAX_THREADS);
  return Math.max(1, Math.min(wanted, Math.floor(files / MIN_FILES_PER_THREAD)));
}

const nextTick = () => new Promise(resolve => setImmediate(resolve));

/** Hooks of a parallel run, for tests (CliIo.threads). */
export interface ThreadHooks {
  /** false: the main thread leaves the batches to the workers (and takes only what they could not check) */
  mainThreadChecks?: boolean;
  /** called with how many batches each thread checked, the main thread first */
  onBatches?(perThread: number[]): void;
}

/** Checks `files` on `threads` threads, this one included; `script` runs serveBatches() in a worker. */
export async function checkInThreads(files: InputFile[], ctx: CheckContext, threads: number, script: string, hooks: ThreadHooks = {}): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  const batches: number[] = new Array<number>(threads).fill(0);
  let next = 0;
  const takeBatch = (): Batch | undefined => {
    if (next >= files.length) return undefined;
    const start = next;
    next = Math.min(files.length, next + BATCH_SIZE);
    return { start, files: files.slice(start, next) };
  };
  const check = (batch: Batch) => {
    batches[0]++;
    batch.files.forEach((file, i) => {
      outcomes[batch.start + i] = checkFile(file, ctx);
    });
  };
  const workers = Array.from({ length: threads - 1 }, (_, i) =>
    runWorker(script, ctx.job, takeBatch, done => {
      batches[i + 1]++;
      done.outcomes.forEach((outcome, j) => {
        outcomes[done.start + j] = outcome;
      });
    }),
  );
  if (hooks.mainThreadChecks !== false) {
    for (let batch = takeBatch(); batch; batch = takeBatch()) {
      check(batch);
      await nextTick(); // lets the workers' messages in: they get their next batch
    }
  }
  for (const orphan of await Promise.all(workers)) if (orphan) check(orphan);
  for (let batch = takeBatch(); batch; batch = takeBatch()) check(batch); // left by workers that never started
  hooks.onBatches?.(batches);
  return outcomes;
}

/** Feeds one worker until the batches run out; resolves with the batch it held if it failed. */
function runWorker(script: string, job: CheckJob, takeBatch: () => Batch | undefined, store: (done: BatchDone) => void): Promise<Batch | undefined> {
  return new Promise(resolve => {
    let held: Batch | undefined;
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: job });
    } catch {
      resolve(undefined); // no worker: the main thread takes every batch
      return;
    }
    const feed = () => {
      held = takeBatch();
      worker.postMessage(held ?? null);
    };
    worker.on('online', feed);
    worker.on('message', (done: BatchDone) => {
      store(done);
      feed();
    });
    worker.on('error', () => {
      /* the exit handler hands the batch back */
    });
    worker.on('exit', () => resolve(held));
  });
}

/** The worker's side: checks each batch it gets, until it gets null. */
export function serveBatches(): void {
  const port = parentPort;
  if (!port) return;
  const ctx = checkContext(workerData as CheckJob, getCatalog(), { readStdin: () => '', stdout: () => {} });
  port.on('message', (batch: Batch | null) => {
    if (!batch) {
      port.close();
      return;
    }
    // a batch's template readers are loaded before it is checked (checking is synchronous)
    const formats = ctx.job.settings.templates === 'off' ? [] : batch.files.flatMap(file => templateFormatsByName(file.path ?? file.display));
    void loadTemplateReaders(formats).then(() => {
      const done: BatchDone = { start: batch.start, outcomes: batch.files.map(file => checkFile(file, ctx)) };
      port.postMessage(done);
    });
  });
}
