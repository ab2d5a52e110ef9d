// Memos of answers that depend only on a text and the catalog (util/memo.ts), typed for the catalog.
import { perObject } from '../util/memo';
import type { Catalog } from './types';

/** compute(catalog, key), once per key and catalog; bounded (util/memo.ts's perObject). */
export function perCatalog<T>(compute: (catalog: Catalog, key: string) => T, maxEntries?: number): (catalog: Catalog, key: string) => T {
  return perObject(compute, maxEntries);
}
