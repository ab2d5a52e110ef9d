// How the language server's memory is set up. The server works in short bursts (a keystroke, a
// document opened) over a live heap of 30-50 MB, mostly the decoded catalog and memos of names; V8's
// defaults size the heap for throughput and keep up to 4x the live heap resident.
// - 2 MB semi-spaces (a node option: the client passes it when it starts the server, and the tests
//   and benchmarks start it the same way) keep ~25 MB less resident at no measurable cost in speed;
// - a fixed 20% growth of the old generation between full collections, which node has no option
//   for, is set by the server's entry once the first diagnostics are out (V8 reads it at every
//   collection; a V8 that does not know the flag says so on standard error and goes on).
// Measured by `npm run bench`: server RSS after the corpus, and the corpus opened one after another.

export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=2'];

export function applyServerHeapSettings(): void {
  // loaded here, not at start: node:v8 costs ~10 ms of the server's start-up
  const v8: typeof import('node:v8') = require('node:v8');
  v8.setFlagsFromString('--heap-growing-percent=20');
}
