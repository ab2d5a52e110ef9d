import { test } from 'node:test';
import assert from 'node:assert/strict';
import { perCatalog } from '../../server/src/catalog/memo';
import { BoundedCache, scaleMemoCapacity } from '../../server/src/util/memo';
import type { Catalog } from '../../server/src/catalog/types';

test('memos start afresh at their limit, times the capacity scale', () => {
  const catalog = {} as Catalog;
  let computed = 0;
  const memo = perCatalog((_catalog, key) => {
    computed++;
    return key.length;
  }, 2);
  const cache = new BoundedCache<string, number>(2);
  const fill = () => {
    for (const key of ['a', 'bb', 'ccc', 'a']) {
      memo(catalog, key);
      cache.get(key) ?? cache.set(key, key.length);
    }
  };
  try {
    fill(); // at 'ccc' the memo held two names and started afresh: 'a' again
    assert.equal(computed, 4);
    assert.equal(cache.get('bb'), undefined);
    scaleMemoCapacity(2);
    computed = 0;
    fill(); // room for four: only 'bb', forgotten in the first fill, is new
    assert.equal(computed, 1);
    assert.equal(cache.get('bb'), 2);
  } finally {
    scaleMemoCapacity(1);
  }
});
