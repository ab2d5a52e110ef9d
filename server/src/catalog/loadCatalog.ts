// Loads dist/catalog.json once, synchronously, from disk (never the network). The server bundle lives in
// dist/ beside the catalog; tests and tools running from source find it in <repo>/dist.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IamCatalog } from './catalog';
import { CATALOG_FORMAT, splitCatalogText } from './compact';
import type { Catalog } from './types';

const FILE = 'catalog.json';

/** dist/catalog.json beside the running bundle, else <repo>/dist/catalog.json when running from source. */
export function defaultCatalogPath(): string {
  const beside = join(__dirname, FILE);
  if (existsSync(beside)) return beside;
  return join(__dirname, '..', '..', '..', 'dist', FILE); // server/src/catalog -> repo
}

/** Reads and parses the catalog; indexes are built lazily on first use. Throws if the file is missing. */
export function loadCatalog(path: string = defaultCatalogPath()): Catalog {
  // The build writes pure ASCII, so latin1 decoding is exact and faster than UTF-8.
  const { header, bodies } = splitCatalogText(readFileSync(path));
  if (header.format !== CATALOG_FORMAT) {
    throw new Error(`${path} has catalog format ${header.format}, expected ${CATALOG_FORMAT}: run npm run build`);
  }
  return new IamCatalog(header, bodies);
}

let shared: Catalog | undefined;

/** The server's catalog, loaded on first call. */
export function getCatalog(): Catalog {
  shared ??= loadCatalog();
  return shared;
}

/**
 * Forgets the loaded catalog: the next getCatalog() loads it again, and every memo keyed by it
 * starts empty. For mutation testing, where one process runs the tests once per mutant and a memo
 * filled without the mutant would hide it (test/mutation/nodeTestOnMocha.cjs).
 */
export function forgetCatalog(): void {
  shared = undefined;
}
