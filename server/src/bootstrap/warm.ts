// The signal from a bundle to its code-cache loader (codeCache.ts) that start-up work is done, so that
// the cache written now holds the functions compiled for it. Without a loader, nobody listens.
const WARM_EVENT = 'iam-policy-tools:warm';

/** a custom event on process: Process's typings list only node's own */
const events: NodeJS.EventEmitter = process;
let announced = false;

export function announceWarm(): void {
  if (announced) return;
  announced = true;
  events.emit(WARM_EVENT);
}

/** Runs `then` on the turn after the bundle says it is warm. */
export function onceWarm(then: () => void): void {
  events.once(WARM_EVENT, () => setImmediate(then));
}
