// How the language server's memory is set up. The server works in short bursts (a keystroke, a
// document opened) over a live heap of 30-50 MB, mostly the decoded catalog and memos of names; V8's
// defaults size the heap for throughput and keep up to 4x the live heap resident.
// - 2 MB semi-spaces (a node option: the client passes it when it starts the server, and the tests
//   and benchmarks start it the same way: protocol/serverProcess.ts) keep ~25 MB less resident at no
//   measurable cost in speed;
// - a fixed 20% growth of the old generation between full collections, and compaction at every
//   full collection (by default V8 leaves sparse pages resident: 10-20 MB of them after the corpus,
//   over a live heap of ~32 MB), which node has no options for, are set by the server's entry once
//   the first diagnostics are out (V8 reads them at every collection; a V8 that does not know a
//   flag says so on standard error and goes on);
// - one malloc arena (glibc's variables, read when the process starts, so the client sets them in
//   the server's environment: protocol/serverProcess.ts): V8 compiles and collects garbage on helper
//   threads, and glibc gives each thread an arena of its own that keeps what was freed in it: 10-13 MB
//   resident after the corpus. A fixed trim threshold gives freed memory at the top of the heap back
//   to the system. Other C libraries ignore the variables.
// Measured by `npm run bench`: server RSS after the corpus, and the corpus opened one after another.

export function applyServerHeapSettings(): void {
  // loaded here, not at start: node:v8 costs ~10 ms of the server's start-up
  const v8: typeof import('node:v8') = require('node:v8');
  v8.setFlagsFromString('--heap-growing-percent=20');
  v8.setFlagsFromString('--compact-on-every-full-gc');
}
