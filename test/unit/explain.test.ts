// The plain-language account of each statement (features/explain.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { explainPolicy } from '../../server/src/features/explain';
import type { PolicyKind } from '../../server/src/policy/model';
import { parsePolicy } from '../../server/src/policy/parse';

const explain = (statements: object[], kind?: PolicyKind) =>
  explainPolicy(
    parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }), 'file:///p.json', { languageId: 'iam-policy', kind }),
    getCatalog(),
  ).statements.map(s => s.text);

test('actions: named when few, counted per service and level when many; NotAction and "*"', () => {
  assert.deepEqual(explain([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::b/*' }]), [
    'Allows s3:GetObject and s3:PutObject on arn:aws:s3:::b/*.',
  ]);
  assert.match(explain([{ Effect: 'Allow', Action: 's3:List*', Resource: '*' }])[0], /^Allows \d+ List actions of Amazon S3 \(s3\) on every resource\.$/);
  assert.deepEqual(explain([{ Effect: 'Deny', Action: '*', Resource: '*' }]), ['Denies every action of every service on every resource.']);
  assert.match(
    explain([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }])[0],
    /^Allows every action except those of AWS Identity and Access Management \(IAM\) \(iam\) \(NotAction\) on every resource\.$/,
  );
  assert.match(explain([{ Effect: 'Allow', Action: 's3:GetObjekt', Resource: '*' }])[0], /"s3:GetObjekt" \(not in the IAM data\)/);
});

test('principals, NotResource and conditions in words', () => {
  const [text] = explain(
    [
      {
        Effect: 'Allow',
        Principal: { AWS: '111122223333', Service: 'ec2.amazonaws.com' },
        Action: 's3:GetObject',
        NotResource: 'arn:aws:s3:::secret/*',
        Condition: {
          StringEquals: { 'aws:SourceVpc': ['vpc-1', 'vpc-2'] },
          StringNotEquals: { 'aws:PrincipalTag/team': ['a', 'b'] },
          Null: { 'aws:MultiFactorAuthPresent': 'false' },
          'ForAllValues:StringLike': { 'aws:TagKeys': 'team*' },
          NumericLessThanEquals: { 's3:max-keys': '10' },
          DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' },
          IpAddressIfExists: { 'aws:SourceIp': '10.0.0.0/8' },
        },
      },
    ],
    'resource',
  );
  assert.equal(
    text,
    'Allows s3:GetObject on every resource except arn:aws:s3:::secret/* to AWS account 111122223333, the service ec2.amazonaws.com' +
      ' when aws:SourceVpc is "vpc-1" or "vpc-2" and aws:PrincipalTag/team is not "a" nor "b" and aws:MultiFactorAuthPresent is present' +
      ' and every value of aws:TagKeys matches "team*" and s3:max-keys is at most "10" and aws:CurrentTime is after "2020-01-01T00:00:00Z"' +
      ' and aws:SourceIp is in "10.0.0.0/8" (if present).',
  );
  assert.deepEqual(explain([{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }], 'trust'), [
    'Allows sts:AssumeRole on this role to everyone (anonymous callers included).',
  ]);
  assert.match(explain([{ Effect: 'Maybe', Action: 's3:GetObject', Resource: '*' }])[0], /^Never applies/);
});
