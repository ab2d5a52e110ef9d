import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverAt, policy } from '../helpers/hover';

const S3_READ = '"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket", "s3:ListAllMyBuckets"]';

test('ARN hover: the hovered segment, its range and meaning', () => {
  const region = hoverAt(policy('"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "arn:aws:logs:us-ea|st-1:123456789012:log-group:app:*"'))!;
  assert.equal(region.token, 'us-east-1');
  assert.equal(region.firstLine, 'Resource ARN · **region** `us-east-1` — US East (N. Virginia)');
  const account = hoverAt(policy('"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "arn:aws:logs:us-east-1:1234|56789012:log-group:app:*"'))!;
  assert.equal(account.token, '123456789012');
  assert.match(account.firstLine, /\*\*account\*\* `123456789012` — 12-digit AWS account ID/);
  const partition = hoverAt(policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:a|ws:s3:::b/*"'))!;
  assert.equal(partition.token, 'aws');
  assert.match(partition.firstLine, /\*\*partition\*\* `aws` — AWS commercial Regions/);
  const emptyRegion = hoverAt(policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s|3:::b/*"'))!;
  assert.match(emptyRegion.markdown, /region \*\(empty\)\*/);
});

test('ARN hover: the resource part shows the matching resource type and which actions it applies to', () => {
  const hover = hoverAt(policy(`${S3_READ}, "Resource": "arn:aws:s3:::my-bucket/|*"`))!;
  assert.equal(hover.token, 'my-bucket/*');
  assert.match(hover.firstLine, /— resource pattern \(`\*` any run of characters, `\?` one character\)$/);
  assert.match(hover.markdown, /- `object` \(Amazon S3\) — `arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}`/);
  assert.match(hover.markdown, /\*\*Applies to\*\* 1 of the statement's 3 actions: `s3:GetObject`/);
  assert.match(hover.markdown, /\*\*Does not apply to\*\* 2: `s3:ListBucket` \(needs [^)]*bucket\), `s3:ListAllMyBuckets` \(only `\*`\)/);
});

test('ARN hover: no hover on the colons between segments; "*" explains every resource', () => {
  assert.equal(hoverAt(policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws|:s3:::b/*"')), null);
  const star = hoverAt(policy(`${S3_READ}, "Resource": "|*"`))!;
  assert.equal(star.token, '*');
  assert.match(star.markdown, /every resource/);
  assert.match(star.markdown, /1 action of this statement supports only `\*`/);
});

test('policy variable hover: what it resolves to, with its own range', () => {
  const hover = hoverAt(policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:user|name}/*"'))!;
  assert.equal(hover.token, '${aws:username}');
  assert.match(hover.firstLine, /^Policy variable `aws:username`/);
  assert.match(hover.markdown, /Friendly name of the requesting IAM user/);
  assert.ok(!hover.markdown.includes('Version'), 'no version warning under 2012-10-17');
});

test('policy variable hover: tag variables, defaults, escapes, and the 2008-10-17 trap', () => {
  const tag = hoverAt(policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:PrincipalTag/te|am, \'shared\'}/*"'))!;
  assert.equal(tag.token, "${aws:PrincipalTag/team, 'shared'}");
  assert.match(tag.markdown, /default `'shared'` is used/);
  const escape = hoverAt(policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${|*}"'))!;
  assert.equal(escape.firstLine, '`${*}` — a literal `*` character, not a wildcard.');
  const old = hoverAt(policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:user|name}"', '2008-10-17'))!;
  assert.match(old.markdown, /⚠ Variables need `"Version": "2012-10-17"`/);
  const inCondition = hoverAt(
    policy('"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringLike": {"s3:prefix": "home/${aws:user|name}/"}}'),
  )!;
  assert.equal(inCondition.token, '${aws:username}');
});

test('ARN hover in NotResource: the ARN is an exception for the actions it matches', () => {
  const hover = hoverAt(policy('"Effect": "Deny", "Action": ["s3:GetObject", "s3:ListBucket"], "NotResource": "arn:aws:s3:::public/|*"'))!;
  assert.match(hover.markdown, /\*\*Excluded for\*\* 1 of the statement's 2 actions: `s3:GetObject`/);
  assert.match(hover.markdown, /\*\*Irrelevant to\*\* 1: `s3:ListBucket`/);
});
