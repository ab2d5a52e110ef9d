// Memos. The catalog answers the same questions on every keystroke, and the rules ask about the same
// few thousand action names and ARNs across statements and documents.
import type { Catalog } from './types';

/**
 * How many times its usual number of entries each memo holds: 1 in the language server, whose memory
 * is budgeted. The checker makes one pass over many files, where a memo that starts afresh works its
 * names out again: over the corpus (13,000 distinct action names) the 5,000-name memos worked out
 * 29,000 expansions. The checker sets a larger scale (cli/lint.ts): ~30 ms less, ~5 MB more at peak.
 */
let capacityScale = 1;

export function scaleMemoCapacity(scale: number): void {
  capacityScale = scale;
}

/** A Map that forgets everything once it holds `limit` entries: enough for per-keystroke caches. */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K): V | undefined { return this.map.get(key); }

  set(key: K, value: V): V {
    if (this.map.size >= this.limit * capacityScale) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}

/**
 * compute(catalog, key), once per key and catalog, for answers that depend only on a text and the
 * catalog (an action name's expansion, an ARN's problems); bounded, so that a long session (or a
 * megabyte of distinct names) cannot grow it without end.
 */
export function perCatalog<T>(compute: (catalog: Catalog, key: string) => T, maxEntries = 2000): (catalog: Catalog, key: string) => T {
  const caches = new WeakMap<Catalog, Map<string, T>>();
  let lastCatalog: Catalog | undefined;
  let last = new Map<string, T>();
  return (catalog, key) => {
    if (catalog !== lastCatalog) {
      let cache = caches.get(catalog);
      if (!cache) caches.set(catalog, cache = new Map());
      lastCatalog = catalog;
      last = cache;
    }
    const cache = last;
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = compute(catalog, key);
      if (cache.size >= maxEntries * capacityScale) cache.clear();
      cache.set(key, value);
    }
    return value as T;
  };
}
