// analysis/arnProblems.ts: the first thing wrong with an ARN's shape (IAM200-IAM207 report it), its
// code and the ARNs that would fix it, and the Region tables it reads. Exact answers; not the wording.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { arnProblem, closestRegions, knownRegion, regionsOfPartition } from '../../server/src/analysis/arnProblems';

/** The code and replacements of an ARN's problem (undefined: none). */
function problemOf(text: string): [string, string[] | undefined] | undefined {
  const problem = arnProblem(getCatalog(), text);
  return problem && [problem.code, problem.replacements];
}

test('arnProblem: "*" and placeholders are no ARN problem; any other text that is no ARN is IAM200', () => {
  assert.equal(problemOf('*'), undefined);
  assert.equal(problemOf('<bucket-arn>'), undefined, 'IAM090 reports placeholders');
  assert.equal(problemOf('arn:aws:s3:::{BucketName}/*'), undefined);
  assert.deepEqual(problemOf('**'), ['IAM200', undefined]);
  assert.deepEqual(problemOf('bucket'), ['IAM200', undefined]);
  assert.deepEqual(problemOf('arn:aws:s3'), ['IAM200', undefined]);
  assert.deepEqual(problemOf('arn:aws::us-east-1:123456789012:thing'), ['IAM200', undefined]);
  assert.deepEqual(problemOf('arn:aws:sqs:us-east-1:123456789012:'), ['IAM200', undefined]);
});

test('arnProblem IAM201: one partition a letter away is the fix; otherwise the three nearest, nearest first', () => {
  assert.deepEqual(problemOf('arn:awz-cn:s3:::b'), ['IAM201', ['arn:aws-cn:s3:::b']]);
  assert.deepEqual(problemOf('arn:xyzzy:s3:::b'), ['IAM201', ['arn:aws:s3:::b', 'arn:aws-cn:s3:::b', 'arn:aws-iso:s3:::b']]);
  // three partitions a letter away: no single typo, the three of them (aws-iso is two letters away)
  assert.deepEqual(problemOf('arn:aws-iso-x:s3:::b'), ['IAM201', ['arn:aws-iso-b:s3:::b', 'arn:aws-iso-e:s3:::b', 'arn:aws-iso-f:s3:::b']]);
  assert.deepEqual(problemOf('arn:aws-iso-fx:s3:::b'), ['IAM201', ['arn:aws-iso-f:s3:::b']]);
  assert.equal(problemOf('arn:*:s3:::b'), undefined, 'a pattern partition');
  assert.equal(problemOf('arn:${aws:partition}:s3:::b'), undefined);
});

test('arnProblem IAM205: a service in upper case (of a service with or without ARN formats), or no service', () => {
  assert.deepEqual(problemOf('arn:aws:S3:::b'), ['IAM205', ['arn:aws:s3:::b']]);
  assert.deepEqual(problemOf('arn:aws:SQS:us-east-1:123456789012:q'), ['IAM205', ['arn:aws:sqs:us-east-1:123456789012:q']]);
  // a2c: a service of the catalog whose resource types the Service Authorization Reference does not list
  assert.deepEqual(problemOf('arn:aws:A2C:us-east-1:123456789012:x'), ['IAM205', ['arn:aws:a2c:us-east-1:123456789012:x']]);
  assert.equal(problemOf('arn:aws:a2c:us-east-1:123456789012:x'), undefined);
  assert.deepEqual(problemOf('arn:aws:Nosuch:::b'), ['IAM205', undefined], 'no lower-case service to offer');
  assert.deepEqual(problemOf('arn:aws:nosuch:::b'), ['IAM205', undefined]);
  assert.equal(problemOf('arn:aws:s3*:::b'), undefined, 'a pattern service');
});

test('arnProblem IAM202: an account that is not 12 digits nor "aws", whatever the Region', () => {
  assert.deepEqual(problemOf('arn:aws:sqs:*:abc:q'), ['IAM202', undefined]);
  assert.deepEqual(problemOf('arn:aws:sqs:us-east-1:1234:q'), ['IAM202', undefined]);
  assert.equal(problemOf('arn:aws:sqs:*:aws:q'), undefined, 'AWS-owned');
  assert.equal(problemOf('arn:aws:sqs:*:123456789012:q'), undefined);
  assert.equal(problemOf('arn:aws:sqs:*:*:q'), undefined);
  assert.equal(problemOf('arn:aws:sqs:*::q'), undefined, 'an empty account is not checked');
  assert.equal(problemOf('arn:aws:ssm:us-east-1::document/AWS-RunShellScript'), undefined);
});

test('arnProblem IAM203/IAM204/IAM206: a Region or account where the service has none, no Region where it needs one', () => {
  assert.deepEqual(problemOf('arn:aws:s3:us-east-1::b'), ['IAM203', ['arn:aws:s3:::b']]);
  assert.deepEqual(problemOf('arn:aws:iam:us-east-1:123456789012:role/x'), ['IAM203', ['arn:aws:iam::123456789012:role/x']]);
  assert.deepEqual(problemOf('arn:aws:sqs::123456789012:q'), ['IAM204', ['arn:aws:sqs:*:123456789012:q']]);
  assert.deepEqual(problemOf('arn:aws:s3::123456789012:b'), ['IAM206', ['arn:aws:s3:::b']]);
  // S3 access points have a Region and an account, buckets neither: the resource part decides,
  // by the formats the catalog's matcher finds (Artifact reports have a Region and no account, agreements
  // the other way round; a Notifications event has a Region, its configuration none)
  assert.deepEqual(problemOf('arn:aws:artifact:us-east-1:123456789012:*/x'), ['IAM206', ['arn:aws:artifact:us-east-1::*/x']]);
  assert.deepEqual(problemOf('arn:aws:notifications::123456789012:configuration/x/event/x'), [
    'IAM204',
    ['arn:aws:notifications:*:123456789012:configuration/x/event/x'],
  ]);
  assert.equal(problemOf('arn:aws:s3:us-east-1:123456789012:accesspoint/x'), undefined);
  assert.equal(problemOf('arn:aws:s3:::b'), undefined);
  assert.equal(problemOf('arn:aws:artifact:us-east-1::a:b'), undefined, 'a resource part no format fits: every format counts');
  assert.equal(problemOf('arn:aws:iam::123456789012:role/x'), undefined);
});

test('arnProblem IAM207: a Region unknown to the partition, with the closest of its Regions as fixes', () => {
  assert.deepEqual(problemOf('arn:aws:sqs:us-east1:123456789012:q'), [
    'IAM207',
    ['arn:aws:sqs:us-east-1:123456789012:q', 'arn:aws:sqs:us-east-2:123456789012:q'],
  ]);
  assert.deepEqual(problemOf('arn:aws:sqs:cn-north-1:123456789012:q'), ['IAM207', ['arn:aws:sqs:eu-north-1:123456789012:q']]);
  assert.deepEqual(problemOf('arn:aws:sqs:zz-top-1:123456789012:q'), ['IAM207', []]);
  assert.equal(problemOf('arn:aws-cn:sqs:cn-north-1:123456789012:q'), undefined);
  assert.equal(problemOf('arn:*:sqs:cn-north-1:123456789012:q'), undefined, "a pattern partition: any partition's Region");
});

test('regionsOfPartition, knownRegion, closestRegions: by partition; every Region without one or for an unknown one', () => {
  const catalog = getCatalog();
  const every = catalog.regions().map(r => r.code);
  const aws = catalog
    .regions()
    .filter(r => r.partition === 'aws')
    .map(r => r.code);
  assert.deepEqual([...regionsOfPartition(catalog)].sort(), [...every].sort());
  assert.deepEqual([...regionsOfPartition(catalog, 'aws-nope')].sort(), [...every].sort());
  assert.deepEqual([...regionsOfPartition(catalog, 'aws')].sort(), [...aws].sort());
  assert.ok(aws.length > 10 && aws.length < every.length);
  assert.equal(knownRegion(catalog, 'cn-north-1', 'aws'), false);
  assert.equal(knownRegion(catalog, 'cn-north-1', 'aws-cn'), true);
  assert.equal(knownRegion(catalog, 'cn-north-1'), true);
  assert.deepEqual(closestRegions(catalog, 'us-east1', 'aws'), ['us-east-1', 'us-east-2']);
});
