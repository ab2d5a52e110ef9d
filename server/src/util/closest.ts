// "Did you mean": the candidates nearest to a misspelled name, by edit distance, case-insensitive.

// The two rows of the distance table, reused: "did you mean" compares a name with hundreds of candidates.
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);
const MAX_KEPT_ROW = 4096;

/** Levenshtein distance with an early exit once every path exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const reuse = b.length < MAX_KEPT_ROW; // a megabyte value must not stay in memory
  if (reuse && previousRow.length <= b.length) {
    previousRow = new Int32Array(b.length + 1);
    currentRow = new Int32Array(b.length + 1);
  }
  let previous = reuse ? previousRow : new Int32Array(b.length + 1);
  let current = reuse ? currentRow : new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const c = a.charCodeAt(i - 1);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = c === b.charCodeAt(j - 1) ? 0 : 1;
      const distance = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current[j] = distance;
      if (distance < rowMin) rowMin = distance;
    }
    if (rowMin > limit) return limit + 1;
    const done = previous;
    previous = current;
    current = done;
  }
  return previous[b.length];
}

/**
 * Up to `max` candidates closest to `name` (case-insensitive), within a distance that grows with
 * the name's length; an exact case-insensitive match comes first.
 */
export function closestNames(name: string, candidates: Iterable<string>, max = 3): string[] {
  const wanted = name.toLowerCase();
  const limit = Math.max(1, Math.min(4, Math.floor(wanted.length / 3)));
  const scored: Array<[string, number]> = [];
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const distance =
      lower === wanted
        ? -1
        : lower.startsWith(wanted) || wanted.startsWith(lower)
          ? Math.abs(lower.length - wanted.length) / 4
          : editDistance(wanted, lower, limit);
    if (distance <= limit) scored.push([candidate, distance]);
  }
  return scored
    .sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))
    .slice(0, max)
    .map(([c]) => c);
}
