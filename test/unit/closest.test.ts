// "Did you mean": edit distance (with reused rows) and the nearest names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closestNames, editDistance } from '../../server/src/util/closest';
import { seededRandom } from '../helpers/random';

/** The textbook recurrence, as the reference. */
function naiveDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return rows[a.length][b.length];
}

test('editDistance agrees with the textbook recurrence, also after longer and shorter words', () => {
  const random = seededRandom(7);
  const word = () => Array.from({ length: random(12) }, () => 'abc'[random(3)]).join('');
  for (let round = 0; round < 2000; round++) {
    const a = word();
    const b = round % 100 === 0 ? 'ab'.repeat(3000) : word();
    assert.equal(editDistance(a, b), naiveDistance(a, b), `${a} / ${b}`);
  }
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3, 'past the limit: limit + 1');
});

test('closestNames: exact case-insensitive match first, then longer names it starts, within a limit', () => {
  assert.deepEqual(closestNames('GetObjet', ['PutObject', 'GetObject', 'GetObjectAcl', 'ListBuckets']), ['GetObject']);
  assert.deepEqual(closestNames('ListBucket', ['ListBuckets', 'ListBucketVersions', 'ListBucket']), ['ListBucket', 'ListBuckets', 'ListBucketVersions']);
  assert.deepEqual(closestNames('s3', ['s3-outposts', 'S3', 'ec2']), ['S3']);
  assert.deepEqual(closestNames('zzzzzz', ['GetObject']), []);
});
