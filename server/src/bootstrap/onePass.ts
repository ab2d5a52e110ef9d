// The checker's tuning for one pass over many files, beside the language server's (heapSettings.ts).
// How V8 compiles the checker. A run is one pass over its inputs, and V8's defaults suit long-lived
// programs: it optimizes a function soon after it starts to run, inlines generously, and optimizes
// again whenever a new file brings shapes the code has not met. Over the corpus (1,913 policies)
// that compiling took about 1 s of CPU on V8's compiler threads, more than the rules themselves,
// and on two cores those threads compete with the checking. Optimizing later (six times the
// interrupt budget: only what stays hot, with fuller type feedback, so fewer optimizations are
// thrown away) and inlining less took the corpus from 2.4 s to 1.6 s of CPU and from 1.45 s to
// 1.15 s wall, and a 4.6 MB policy from 2.1 s to 1.5 s of CPU; warm code runs ~5% slower, which
// a single pass does not reach. The language server, which runs for hours, keeps V8's defaults.
// Set by the checker's loader (bootstrap/cliEntry.ts) before the checker's bundle is loaded.
// The size of the engine's memos: the checker's hold five times the server's, every distinct action
// name and ARN of the corpus (util/memo.ts); set by the checker itself, in each of its threads.
import { setFlagsFromString } from 'node:v8';
import { scaleMemoCapacity } from '../util/memo';

export const BATCH_V8_FLAGS: readonly string[] = ['--interrupt-budget=400000', '--max-inlined-bytecode-size-cumulative=150'];

export function tuneV8ForOnePass(): void {
  for (const flag of BATCH_V8_FLAGS) setFlagsFromString(flag);
}

/** The checker's memos hold 5x the server's: every distinct action name and ARN of the corpus. */
const CHECKER_MEMO_SCALE = 5;

export function sizeMemosForOnePass(): void {
  scaleMemoCapacity(CHECKER_MEMO_SCALE);
}
