// IAM wildcard matching: * and ? semantics, and no blow-up on hostile patterns (a backtracking
// RegExp took minutes on the pattern below and overflowed the stack on thousands of `*`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileWildcard, GlobUnit, globMatch, wildcardMatch } from '../../server/src/util/wildcard';

test('* matches any run of characters, ? exactly one', () => {
  const cases: Array<[string, string, boolean]> = [
    ['s3:Get*', 's3:GetObject', true],
    ['s3:Get*', 's3:Get', true],
    ['s3:Get*', 's3:PutObject', false],
    ['s3:?etObject', 's3:GetObject', true],
    ['s3:?etObject', 's3:etObject', false],
    ['*', '', true],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'acb', false],
    ['*a', 'ba', true],
    ['a*', 'b', false],
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/x/y', true],
    ['', '', true],
    ['', 'x', false],
    ['?', '', false],
  ];
  for (const [pattern, value, expected] of cases) assert.equal(globMatch(pattern, value), expected, `${pattern} ~ ${value}`);
});

test('case-insensitive matching folds both sides', () => {
  assert.ok(wildcardMatch('S3:get*', 's3:GetObject', true));
  assert.ok(!wildcardMatch('S3:get*', 's3:GetObject'));
  assert.ok(compileWildcard('IAM:*User', true).test('iam:CreateUser'));
});

test('hostile patterns are matched in bounded time', () => {
  const started = performance.now();
  assert.equal(globMatch(`${'*a'.repeat(14)}*b`, 'a'.repeat(60)), false);
  assert.equal(globMatch('?*'.repeat(30_000), 'x'.repeat(2_000)), false);
  assert.equal(globMatch('a*'.repeat(20_000), 'GetJobRuns'), false);
  assert.equal(globMatch('*'.repeat(100_000), 'anything'), true);
  assert.ok(performance.now() - started < 500, `${performance.now() - started} ms`);
});

test('with units, a * or ? can be literal (a value from ${*} or the request context)', () => {
  const literalStar = Uint8Array.from([GlobUnit.Literal, GlobUnit.Literal, GlobUnit.Literal]);
  assert.ok(globMatch('a*b', 'a*b', literalStar));
  assert.ok(!globMatch('a*b', 'axb', literalStar));
  assert.ok(globMatch('a*b', 'axxb', Uint8Array.from([GlobUnit.Literal, GlobUnit.Star, GlobUnit.Literal])));
  assert.ok(globMatch('a?', 'a?', Uint8Array.from([GlobUnit.Literal, GlobUnit.Literal])));
  assert.ok(!globMatch('a?', 'ab', Uint8Array.from([GlobUnit.Literal, GlobUnit.Literal])));
});
