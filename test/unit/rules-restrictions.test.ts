// Conditions that look like restrictions and are not: wildcard organizations and accounts (IAM373,
// also in the ARN of aws:SourceArn and aws:PrincipalArn where they keep outsiders out), and keys the
// caller sets (IAM427). One problem, one finding: a public grant is IAM420, which names the key.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PolicyKind } from '../../server/src/policy/model';
import { codesOf, findingsOf, policyOf, stmt } from '../helpers/findings';

const RELEVANT = /^IAM(373|420|421|423|427)$/;
const codes = (kind: PolicyKind, ...statements: Array<Record<string, unknown>>) => codesOf(policyOf(...statements.map(stmt)), RELEVANT, { kind });
const QUEUE = 'arn:aws:sqs:us-east-1:111122223333:orders';
const fromSns = (condition: Record<string, unknown>) => ({
  Principal: { Service: 'sns.amazonaws.com' },
  Action: 'sqs:SendMessage',
  Resource: QUEUE,
  Condition: condition,
});

test('IAM373: "o-*" matches every organization (as before), also in a public grant, where it is the one finding', () => {
  assert.deepEqual(
    codes('resource', { Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringLike: { 'aws:PrincipalOrgID': 'o-*' } } }),
    ['IAM373'],
  );
});

test('IAM373: the account of aws:SourceArn / aws:PrincipalArn where it keeps a service or everyone out', () => {
  assert.deepEqual(codes('resource', fromSns({ ArnLike: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:*:alerts' } })), ['IAM373']);
  assert.deepEqual(codes('resource', fromSns({ ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:*:1111*:alerts' } })), ['IAM373']);
  const s3 = {
    Principal: { Service: 's3.amazonaws.com' },
    Action: 'sqs:SendMessage',
    Resource: QUEUE,
    Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::*' } },
  };
  const [finding] = findingsOf(policyOf(stmt(s3)), { kind: 'resource' }).filter(f => f.code === 'IAM373');
  assert.match(finding.message, /every s3 resource of every account.*Name the resource itself/);
  assert.deepEqual(
    codes('resource', {
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/reader' } },
    }),
    ['IAM373'],
  );
});

test('IAM373 in the ARN: which statements a caller key bounds', () => {
  const sourceArn = { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:*:alerts' } };
  const withPrincipal = (Principal: unknown, Effect = 'Allow') => codes('resource', { ...fromSns(sourceArn), Principal, Effect });
  assert.deepEqual(withPrincipal({ AWS: 'arn:aws:iam::111122223333:root', Service: 'sns.amazonaws.com' }), ['IAM373'], 'one of them a service');
  assert.deepEqual(withPrincipal({ AWS: '111122223333' }), [], 'an account: the principal bounds it');
  assert.deepEqual(withPrincipal('*', 'Deny'), []);
  assert.deepEqual(codes('resource', { ...fromSns(sourceArn), Effect: undefined }), [], 'no Effect');
  const cut = `{"Statement":[{"Principal":{"Service":"sns.amazonaws.com"},"Condition":${JSON.stringify(sourceArn)},"Effect":`;
  assert.deepEqual(codesOf(cut, RELEVANT, { kind: 'resource' }), [], 'an Effect without value');
  assert.deepEqual(codes('resource', fromSns({ StringLike: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:*:alerts' } })), ['IAM373']);
});

test('IAM373 in the ARN: exactly 12 digits name an account; unknown services have one; what is no ARN is not judged', () => {
  const fromS3 = (arn: string) => codes('resource', { ...fromSns({ ArnLike: { 'aws:SourceArn': arn } }), Principal: { Service: 's3.amazonaws.com' } });
  assert.deepEqual(fromS3('arn:aws:s3:us-east-1:111122223333:*'), []);
  assert.deepEqual(fromS3('arn:aws:s3::a111122223333:*'), ['IAM373']);
  assert.deepEqual(fromS3('arn:aws:s3::111122223333a:*'), ['IAM373']);
  assert.deepEqual(codes('resource', fromSns({ ArnLike: { 'aws:SourceArn': 'arn:aws:nosuchservice:us-east-1:*:thing' } })), ['IAM373']);
  assert.deepEqual(codes('resource', fromSns({ StringLike: { 'aws:SourceArn': 'alerts-*' } })), []);
});

test('IAM373 near misses: named accounts and buckets, SCP exemptions, negated operators', () => {
  assert.deepEqual(codes('resource', fromSns({ ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:*' } })), []);
  assert.deepEqual(
    codes('resource', { ...fromSns({ ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::my-bucket' } }), Principal: { Service: 's3.amazonaws.com' } }),
    [],
  );
  assert.deepEqual(
    codes('resource', { ...fromSns({ ArnLike: { 'aws:SourceArn': 'arn:aws:s3:*:*:my-bucket' } }), Principal: { Service: 's3.amazonaws.com' } }),
    [],
    "the Amazon S3 User Guide's event notification example: a bucket name is global",
  );
  assert.deepEqual(
    codes('scp', { Effect: 'Deny', Action: 'iam:*', Resource: '*', Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin' } } }),
    [],
    'an exemption list in an SCP',
  );
  assert.deepEqual(
    codes('identity', { Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/x' } } }),
    [],
  );
});

test('IAM427: aws:UserAgent and aws:Referer decide nothing the caller cannot fake', () => {
  assert.deepEqual(codes('identity', { Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringLike: { 'aws:UserAgent': 'MyApp/*' } } }), [
    'IAM427',
  ]);
  assert.deepEqual(codes('scp', { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotLike: { 'aws:userAgent': 'corp-cli/*' } } }), ['IAM427']);
  assert.deepEqual(
    codes('identity', { Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }),
    [],
  );
  assert.deepEqual(
    codes('resource', {
      Principal: { Service: 'ses.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringEquals: { 'aws:Referer': '111122223333' } },
    }),
    ['IAM423'],
    "the service sets it (the Amazon SES Developer Guide's former bucket policy for email receiving): the confused deputy is the one finding",
  );
});

test('IAM427 in a public grant: IAM420 alone, naming the key', () => {
  const statement = {
    Principal: '*',
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::b/*',
    Condition: { StringLike: { 'aws:Referer': 'https://example.com/*' } },
  };
  assert.deepEqual(codes('resource', statement), ['IAM420']);
  const [finding] = findingsOf(policyOf(stmt(statement)), { kind: 'resource' }).filter(f => f.code === 'IAM420');
  assert.match(finding.message, /aws:Referer does not confine it: the caller sets it/);
  assert.deepEqual(
    codes('resource', { ...statement, Condition: { ...statement.Condition, StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }),
    ['IAM427'],
    'confined by the organization: the referer is its own finding',
  );
});

test('IAM427 left to IAM420/IAM421 only where those judge a public grant: resource and trust policies, no fencing Deny', () => {
  const referer = { StringLike: { 'aws:Referer': 'https://example.com/*' } };
  const open = { Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: referer };
  assert.deepEqual(codes('endpoint', open), ['IAM427'], 'an endpoint policy: no public-grant rule');
  assert.deepEqual(codes('trust', { Principal: '*', Action: 'sts:AssumeRole', Condition: referer }), ['IAM421']);
  const fence = {
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: 'arn:aws:s3:::b/*',
    Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
  };
  assert.deepEqual(codes('resource', open, fence), ['IAM427'], 'a Deny fences the grant: the referer is its own finding');
});

test('IAM427: a service among other principals does not set the header for them', () => {
  const statement = {
    Principal: { Service: 'ses.amazonaws.com', AWS: '111122223333' },
    Action: 's3:PutObject',
    Resource: 'arn:aws:s3:::b/*',
    Condition: { StringEquals: { 'aws:Referer': '111122223333' } },
  };
  assert.deepEqual(codes('resource', statement), ['IAM423', 'IAM427']);
});
