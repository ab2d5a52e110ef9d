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
import { setFlagsFromString } from 'node:v8';

export const BATCH_V8_FLAGS: readonly string[] = ['--interrupt-budget=400000', '--max-inlined-bytecode-size-cumulative=150'];

export function tuneV8ForOnePass(): void {
  for (const flag of BATCH_V8_FLAGS) setFlagsFromString(flag);
}
