// Memos of answers that depend only on a text and the catalog (an action name's expansion, an ARN's
// problems): policies repeat the same few thousand names across statements and documents.
import type { Catalog } from './types';

/**
 * compute(catalog, key), once per key and catalog; bounded, so that a long session (or a megabyte of
 * distinct names) cannot grow it without end.
 */
export function perCatalog<T>(compute: (catalog: Catalog, key: string) => T, maxEntries: number): (catalog: Catalog, key: string) => T {
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
      if (cache.size >= maxEntries) cache.clear();
      cache.set(key, value);
    }
    return value as T;
  };
}
