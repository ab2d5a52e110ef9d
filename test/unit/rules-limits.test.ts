// Limits IAM500-IAM503: the policy's size against the quota of its kind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PolicyKind } from '../../server/src/policy/model';
import { policySize, withThousands } from '../../server/src/rules/limits';
import { codesOf, findingsOf } from '../helpers/findings';

const LIMITS = /^IAM50\d$/;

/** A policy of `count` statements, each about `size` characters without white space. */
function bigPolicy(count: number, statement: (i: number) => Record<string, unknown>): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: count }, (_, i) => statement(i)) }, null, 2);
}
const identityStatement = (i: number) => ({ Sid: `S${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket-number-${i}/*` });
const scpStatement = (i: number) => ({ Sid: `S${i}`, Effect: 'Deny', Action: 's3:DeleteBucket', Resource: `arn:aws:s3:::bucket-number-${i}` });
const bucketStatement = (i: number) => ({
  Sid: `S${i}`,
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
  Action: 's3:GetObject',
  Resource: `arn:aws:s3:::b/prefix-${i}/*`,
});

/** The smallest statement count whose policy exceeds `size`. */
function countOver(size: number, statement: (i: number) => Record<string, unknown>): number {
  let n = 1;
  while (policySize(bigPolicy(n, statement), 'characters') <= size) n++;
  return n;
}

const codes = (text: string, kind: PolicyKind) => codesOf(text, LIMITS, { kind });

test('policySize ignores white space; byte quotas count UTF-8 bytes', () => {
  assert.equal(policySize('{ "a" : "b c" }\n', 'characters'), 10);
  assert.equal(policySize('"é"', 'bytes'), 4);
});

test("withThousands writes whole numbers as toLocaleString('en-US') does", () => {
  for (const n of [0, 7, 999, 1000, 6144, 20480, 999999, 1000000, 12345678, 2 ** 40]) assert.equal(withThousands(n), n.toLocaleString('en-US'));
});

test('IAM502: an identity policy over 6,144 characters (warning: inline and AWS managed policies differ)', () => {
  const n = countOver(6144, identityStatement);
  assert.deepEqual(codes(bigPolicy(n, identityStatement), 'identity'), ['IAM502']);
  assert.deepEqual(codes(bigPolicy(n - 1, identityStatement), 'identity'), ['IAM500']);
  assert.deepEqual(codes(bigPolicy(5, identityStatement), 'identity'), []);
  const [finding] = findingsOf(bigPolicy(n, identityStatement), { kind: 'identity' }).filter(f => f.code === 'IAM502');
  assert.equal(finding.data?.max, 6144);
});

/** The policy without white space (as Terraform's jsonencode sends it). */
const minified = (text: string) => JSON.stringify(JSON.parse(text));

test('IAM501: an SCP over 5,120 characters even without white space is an error; IAM500 near it', () => {
  const n = countOver(5120, scpStatement);
  assert.deepEqual(codes(bigPolicy(n, scpStatement), 'scp'), ['IAM501']);
  assert.deepEqual(codes(minified(bigPolicy(n - 2, scpStatement)), 'scp'), ['IAM500']);
});

test('IAM503: an SCP over 5,120 characters as written (AWS Organizations counts white space) that fits without it', () => {
  const n = countOver(5120, scpStatement);
  assert.deepEqual(codes(bigPolicy(n - 1, scpStatement), 'scp'), ['IAM503']);
  const rcp = (i: number) => ({ ...scpStatement(i), Principal: '*' });
  assert.deepEqual(codes(bigPolicy(countOver(5120, rcp) - 1, rcp), 'rcp'), ['IAM503']);
  assert.deepEqual(codes(minified(bigPolicy(countOver(5120, rcp) - 1, rcp)), 'rcp'), ['IAM500']);
});

test('IAM502: an RCP or a trust policy over its quota is a warning', () => {
  const rcp = (i: number) => ({ ...scpStatement(i), Principal: '*' });
  assert.deepEqual(codes(bigPolicy(countOver(5120, rcp), rcp), 'rcp'), ['IAM502']);
  const trust = (i: number) => ({ Sid: `S${i}`, Effect: 'Allow', Principal: { AWS: `arn:aws:iam::111122223333:role/r${i}` }, Action: 'sts:AssumeRole' });
  assert.deepEqual(codes(bigPolicy(countOver(2048, trust), trust), 'trust'), ['IAM502']);
});

test('IAM501: an S3 bucket policy over 20 KB; other resource policies without a known quota are not measured', () => {
  const n = countOver(20 * 1024, bucketStatement);
  assert.deepEqual(codes(bigPolicy(n, bucketStatement), 'resource'), ['IAM501']);
  const queue = (i: number) => ({ ...bucketStatement(i), Action: 'sqs:SendMessage', Resource: `arn:aws:sqs:us-east-1:123456789012:q${i}` });
  assert.deepEqual(codes(bigPolicy(n, queue), 'resource'), []);
});

/** A policy of exactly `size` characters, without white space (SCPs count it): `statement`'s Sid is padded to fit. */
function policyOfSize(size: number, statement: Record<string, unknown>): string {
  const text = (sid: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: sid, ...statement }] });
  const pad = size - policySize(text(''), 'characters');
  assert.ok(pad >= 0);
  return text('A'.repeat(pad));
}

test('IAM500 above 90% of the quota, exactly: 5,530 of 6,144 characters warns, 5,529 does not; the quota itself is no IAM502', () => {
  const identity = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
  assert.equal(policySize(policyOfSize(5529, identity), 'characters'), 5529);
  assert.deepEqual(codes(policyOfSize(5529, identity), 'identity'), []);
  assert.deepEqual(codes(policyOfSize(5530, identity), 'identity'), ['IAM500']);
  assert.deepEqual(codes(policyOfSize(6144, identity), 'identity'), ['IAM500']);
  assert.deepEqual(codes(policyOfSize(6145, identity), 'identity'), ['IAM502']);
  const scp = { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' };
  assert.deepEqual(codes(policyOfSize(4608, scp), 'scp'), []);
  assert.deepEqual(codes(policyOfSize(4609, scp), 'scp'), ['IAM500']);
  assert.deepEqual(codes(policyOfSize(5120, scp), 'scp'), ['IAM500']);
  assert.deepEqual(codes(policyOfSize(5121, scp), 'scp'), ['IAM501']);
});

test('IAM500 and IAM501 of a bucket policy count UTF-8 bytes: 6,200 three-byte characters are 18,600 bytes', () => {
  const bucket = (prefix: string) =>
    JSON.stringify({ Version: '2012-10-17', Statement: [bucketStatement(0), { ...bucketStatement(1), Resource: `arn:aws:s3:::b/${prefix}/*` }] });
  const euros = (n: number) => bucket('\u20ac'.repeat(n));
  const near = euros(6200);
  assert.ok(near.length < 18432 && policySize(near, 'bytes') > 18432);
  assert.deepEqual(codes(near, 'resource'), ['IAM500']);
  const over = euros(6900);
  assert.ok(policySize(over, 'bytes') > 20480 && policySize(over, 'characters') < 20480);
  assert.deepEqual(codes(over, 'resource'), ['IAM501']);
  const [finding] = findingsOf(over, { kind: 'resource' }).filter(f => f.code === 'IAM501');
  assert.deepEqual([finding.data?.max, finding.data?.unit, finding.data?.quota], [20480, 'bytes', 's3-bucket']);
  assert.equal(over.slice(finding.offset, finding.offset + finding.length), '"Statement"');
});
