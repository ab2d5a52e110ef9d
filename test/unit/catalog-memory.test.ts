// A decoded service lets go of its JSON text (catalog/compact.ts): the text of every service is
// 3 MB, and a document with "Action": "*" decodes them all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeHeapSnapshot } from 'node:v8';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCatalogPath, loadCatalog } from '../../server/src/catalog/loadCatalog';

/**
 * Whether the heap holds a service's JSON text: there, and only there, a description follows an
 * escaped quote (a heap snapshot is JSON). Made at run time, so that this file's source does not match.
 */
function heapHoldsServiceText(): boolean {
  const file = join(tmpdir(), `catalog-memory-${process.pid}.heapsnapshot`);
  writeHeapSnapshot(file);
  const text = readFileSync(file, 'utf8');
  rmSync(file);
  return text.includes(['\\', '"', 'Grants permission to'].join(''));
}

test('the JSON text of a service is freed once the service is decoded', () => {
  const catalog = loadCatalog(defaultCatalogPath());
  assert.equal(heapHoldsServiceText(), true, 'the probe sees the undecoded text');
  const actions = catalog.services().reduce((count, service) => count + service.actions.length, 0);
  assert.ok(actions > 10_000);
  assert.equal(heapHoldsServiceText(), false);
});
