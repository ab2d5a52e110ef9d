// "Did you mean": the candidates nearest to a misspelled name, by edit distance, case-insensitive.

/** Levenshtein distance with an early exit once every path exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
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
    const distance = lower === wanted ? -1
      : lower.startsWith(wanted) || wanted.startsWith(lower) ? Math.abs(lower.length - wanted.length) / 4
      : editDistance(wanted, lower, limit);
    if (distance <= limit) scored.push([candidate, distance]);
  }
  return scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0])).slice(0, max).map(([c]) => c);
}
