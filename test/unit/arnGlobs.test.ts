// Relations between IAM wildcard patterns (policy/arnGlobs.ts): overlap of two globs, the loose
// reading of an ARN against a format, coverage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arnCoversFormat, arnOverlapsFormat, globCovers, globsIntersect } from '../../server/src/policy/arnGlobs';
import { parseArn } from '../../server/src/policy/arn';
import { seededRandom } from '../helpers/random';

const globRegExp = (glob: string) => new RegExp(`^${glob.replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');

/** Every string over a, b, c up to the length: enough witnesses for globs over a, b of this total length. */
function stringsUpTo(length: number): string[] {
  const all = [''];
  for (let i = 0; all[all.length - 1].length < length; i++) for (const c of 'abc') all.push(all[i] + c);
  return all.filter(s => s.length <= length);
}

test('globsIntersect agrees with a search for a common string', () => {
  const random = seededRandom(99);
  const glob = () => Array.from({ length: random(4) }, () => 'aAb*?'[random(5)]).join('');
  const witnesses = stringsUpTo(6);
  for (let round = 0; round < 400; round++) {
    const a = glob();
    const b = glob();
    const expected = witnesses.some(s => globRegExp(a).test(s) && globRegExp(b).test(s));
    assert.equal(globsIntersect(a, b), expected, `${a} / ${b}`);
  }
  assert.ok(globsIntersect('x'.repeat(2000), 'y'.repeat(2000)), 'too large to search: may intersect');
});

test('arnOverlapsFormat: each placeholder is one or more characters of any kind, variables anything', () => {
  const logStream = 'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}';
  assert.ok(arnOverlapsFormat('arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:*', logStream));
  assert.ok(arnOverlapsFormat('arn:aws:logs:us-east-1:123456789012:log-group:${aws:username}:*', logStream));
  assert.ok(!arnOverlapsFormat('arn:aws:logs:us-east-1:123456789012:destination:d', logStream));
  assert.ok(!arnOverlapsFormat('arn:aws:s3:us-east-1::bucket', 'arn:${Partition}:s3:::${BucketName}'), 'an empty segment takes only an empty one');
  assert.ok(arnOverlapsFormat('arn:aws:s3:::${*}', 'arn:${Partition}:s3:::${BucketName}'));
  assert.ok(!arnOverlapsFormat('not an arn', 'arn:${Partition}:s3:::${BucketName}'));
});

test('globCovers and arnCoversFormat', () => {
  assert.ok(globCovers('s3:Get*', 's3:getobject'));
  assert.ok(!globCovers('s3:Get?', 's3:Get*'), 'a ? could match a literal *');
  const trail = parseArn('arn:${Partition}:cloudtrail:${Region}:${Account}:trail/${TrailName}'.replace(/\$\{[^}]*\}/g, '*'))!;
  assert.ok(arnCoversFormat(parseArn('arn:*:cloudtrail:*:*:trail/*')!, trail));
  assert.ok(!arnCoversFormat(parseArn('arn:aws:cloudtrail:us-east-1:*:trail/*')!, trail));
  assert.ok(!arnCoversFormat(parseArn('arn:*:cloudtrail:*:*:trail/${aws:username}')!, trail));
});
