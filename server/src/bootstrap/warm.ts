// The signal from a bundle to its code-cache loader (codeCache.ts) that start-up work is done, so that
// the cache written now holds the functions compiled for it. Without a loader, nobody listens.
export const WARM_EVENT = 'iam-policy-tools:warm';

let announced = false;

export function announceWarm(): void {
  if (announced) return;
  announced = true;
  const events: NodeJS.EventEmitter = process;   // a custom event: Process's typings list only node's own
  events.emit(WARM_EVENT);
}
