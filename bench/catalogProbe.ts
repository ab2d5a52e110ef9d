// Run in a fresh process by bench/catalog.ts (node --expose-gc): load time of the catalog and the
// heap it holds, after load and after every service was decoded. Prints one JSON line.
import { loadCatalog } from '../server/src/catalog/loadCatalog';

const gc = (globalThis as { gc?: () => void }).gc!;
gc();
const before = process.memoryUsage().heapUsed;
const started = performance.now();
const catalog = loadCatalog();
const loadMs = performance.now() - started;
gc();
const afterLoad = process.memoryUsage().heapUsed;
for (const service of catalog.services()) void service.actions.length;
gc();
const afterAll = process.memoryUsage().heapUsed;
const mb = (bytes: number) => bytes / 1024 / 1024;
process.stdout.write(
  JSON.stringify({ loadMs, heapAfterLoadMb: mb(afterLoad - before), heapAllServicesMb: mb(afterAll - before), keep: catalog.dataVersion }) + '\n',
);
