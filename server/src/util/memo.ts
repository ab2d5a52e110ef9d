// Memos. The catalog answers the same questions on every keystroke, and the rules ask about the same
// few thousand action names and ARNs across statements and documents.

/**
 * How many times its usual number of entries each memo holds: 1 in the language server, whose memory
 * is budgeted. The checker makes one pass over many files, where a memo that starts afresh works its
 * names out again: over the corpus (13,000 distinct action names) the 5,000-name memos worked out
 * 29,000 expansions. The checker asks for a larger scale (bootstrap/onePass.ts): ~30 ms less, ~5 MB
 * more at peak.
 */
let capacityScale = 1;

export function scaleMemoCapacity(scale: number): void {
  capacityScale = scale;
}

/** A Map that forgets everything once it holds `limit` entries: enough for per-keystroke caches. */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): V {
    if (this.map.size >= this.limit * capacityScale) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}

/**
 * compute(object, key), once per key and object, for answers that depend only on a text and an object
 * that lives long (the catalog: an action name's expansion, an ARN's problems); bounded, so that a
 * long session (or a megabyte of distinct names) cannot grow it without end.
 */
export function perObject<O extends object, T>(compute: (object: O, key: string) => T, maxEntries = 2000): (object: O, key: string) => T {
  const caches = new WeakMap<O, Map<string, T>>();
  let lastObject: O | undefined;
  let last = new Map<string, T>();
  return (object, key) => {
    if (object !== lastObject) {
      let cache = caches.get(object);
      if (!cache) caches.set(object, (cache = new Map()));
      lastObject = object;
      last = cache;
    }
    const cache = last;
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = compute(object, key);
      if (cache.size >= maxEntries * capacityScale) cache.clear();
      cache.set(key, value);
    }
    return value as T;
  };
}
