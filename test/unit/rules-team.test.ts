// A team's own rules (IAM650-IAM652) from iamPolicy.requiredConditions, sensitiveActions and
// sensitiveResources; the IAM650 fix applied and the result checked again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PolicyKind } from '../../server/src/policy/model';
import { withDefaults, type IamPolicySettings } from '../../server/src/protocol';
import { findingsOf, policyOf, stmt } from '../helpers/findings';
import { applyFix, diagnose, fixesFor } from '../helpers/fixes';

const TEAM = /^IAM65\d$/;
const PASSED_TO_SERVICE: Partial<IamPolicySettings> = { requiredConditions: [{ actions: 'iam:PassRole', allOf: ['iam:PassedToService'] }] };
const ENCRYPTED: Partial<IamPolicySettings> = {
  requiredConditions: [
    { actions: ['s3:PutObject'], allOf: [{ key: 's3:x-amz-server-side-encryption', values: ['aws:kms'] }], reason: 'data at rest is encrypted with KMS' },
  ],
};
const COST_CENTER: Partial<IamPolicySettings> = {
  requiredConditions: [{ actions: 'ec2:RunInstances', anyOf: ['aws:RequestTag/CostCenter', 'aws:RequestTag/Project'] }],
};

function codes(settings: Partial<IamPolicySettings>, kind: PolicyKind, ...statements: Array<Record<string, unknown>>): string[] {
  return findingsOf(policyOf(...statements.map(stmt)), { kind, settings })
    .map(f => f.code)
    .filter(c => TEAM.test(c));
}

test('IAM650: an action the team requires a condition for, granted without it', () => {
  assert.deepEqual(codes(PASSED_TO_SERVICE, 'identity', { Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app' }), ['IAM650']);
  assert.deepEqual(
    codes(PASSED_TO_SERVICE, 'identity', { Action: 'iam:Pass*', Resource: 'arn:aws:iam::111122223333:role/app' }),
    ['IAM650'],
    'through a wildcard',
  );
  assert.deepEqual(codes(PASSED_TO_SERVICE, 'identity', { NotAction: 's3:*', Resource: '*' }), ['IAM650'], 'through NotAction');
  assert.deepEqual(
    codes(ENCRYPTED, 'identity', {
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringEquals: { 's3:x-amz-server-side-encryption': 'AES256' } },
    }),
    ['IAM650'],
    'a value the team does not allow',
  );
  assert.deepEqual(
    codes(COST_CENTER, 'identity', { Action: 'ec2:RunInstances', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/Owner': 'me' } } }),
    ['IAM650'],
  );
  const [finding] = findingsOf(policyOf(stmt({ Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*' })), { settings: ENCRYPTED }).filter(
    f => f.code === 'IAM650',
  );
  assert.match(
    finding.message,
    /data at rest is encrypted with KMS.*"s3:PutObject" must be allowed only with a condition on s3:x-amz-server-side-encryption \("aws:kms"\)/,
  );
});

test('IAM650 near misses: the condition is there (all of, any of, values), a Deny enforces it, other actions, Deny statements, SCPs', () => {
  assert.deepEqual(
    codes(PASSED_TO_SERVICE, 'identity', {
      Action: 'iam:PassRole',
      Resource: '*',
      Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
    }),
    [],
  );
  assert.deepEqual(
    codes(ENCRYPTED, 'identity', {
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
    }),
    [],
  );
  assert.deepEqual(
    codes(COST_CENTER, 'identity', { Action: 'ec2:RunInstances', Resource: '*', Condition: { Null: { 'aws:RequestTag/Project': 'false' } } }),
    [],
  );
  assert.deepEqual(
    codes(
      ENCRYPTED,
      'resource',
      { Principal: { AWS: 'arn:aws:iam::111122223333:role/writer' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*' },
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: '*',
        Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
      },
    ),
    [],
    'the bucket policy denies other encryption',
  );
  assert.deepEqual(
    codes(PASSED_TO_SERVICE, 'identity', {
      Action: 'iam:PassRole',
      Resource: '*',
      Condition: { StringNotEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
    }),
    ['IAM650'],
    'a negated operator matches when the key is absent',
  );
  assert.deepEqual(codes(PASSED_TO_SERVICE, 'identity', { Action: 'iam:GetRole', Resource: '*' }), []);
  assert.deepEqual(codes(PASSED_TO_SERVICE, 'identity', { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' }), []);
  assert.deepEqual(codes(PASSED_TO_SERVICE, 'scp', { Action: 'iam:PassRole', Resource: '*' }), []);
  assert.deepEqual(codes({}, 'identity', { Action: 'iam:PassRole', Resource: '*' }), [], 'no team rules, no findings');
});

test('IAM650 fix: the required condition is added (preferred when certain), and the finding goes', () => {
  const settings = withDefaults(ENCRYPTED);
  const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*"}]}';
  const { doc, diagnostics } = diagnose(text, undefined, settings);
  const [fix] = fixesFor(
    doc,
    diagnostics.find(d => d.code === 'IAM650')!,
    settings,
  );
  assert.equal(fix.isPreferred, true);
  const after = applyFix(doc, fix);
  assert.match(after, /"Condition":\{"StringEquals":\{"s3:x-amz-server-side-encryption":"aws:kms"\}\}/);
  assert.deepEqual(
    diagnose(after, undefined, settings).diagnostics.filter(d => TEAM.test(String(d.code))),
    [],
  );
  const anyOf = withDefaults(COST_CENTER);
  const run = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:RunInstances","Resource":"*"}]}';
  const ran = diagnose(run, undefined, anyOf);
  const choices = fixesFor(
    ran.doc,
    ran.diagnostics.find(d => d.code === 'IAM650')!,
    anyOf,
  );
  assert.deepEqual(
    choices.map(f => [f.title, f.isPreferred ?? false]),
    [
      ["Add the condition on aws:RequestTag/CostCenter that the team's rule requires", false],
      ["Add the condition on aws:RequestTag/Project that the team's rule requires", false],
    ],
  );
  assert.match(applyFix(ran.doc, choices[0]), /"aws:RequestTag\/CostCenter":"<value>"/);
});

test('IAM651: an action the team marks sensitive', () => {
  const settings = { sensitiveActions: ['s3:DeleteBucket', 'kms:ScheduleKeyDeletion'] };
  assert.deepEqual(codes(settings, 'identity', { Action: ['s3:Delete*', 's3:GetObject'], Resource: 'arn:aws:s3:::b' }), ['IAM651']);
  assert.deepEqual(codes(settings, 'resource', { Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }), ['IAM651']);
  assert.deepEqual(codes(settings, 'identity', { Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }), []);
  assert.deepEqual(codes(settings, 'identity', { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }), []);
});

test('IAM652: a grant that reaches a resource the team marks sensitive, with an action that acts on it', () => {
  const settings = { sensitiveResources: ['arn:aws:s3:::payroll-*'] };
  assert.deepEqual(codes(settings, 'identity', { Action: 's3:GetObject', Resource: 'arn:aws:s3:::payroll-2024/*' }), ['IAM652']);
  assert.deepEqual(codes(settings, 'identity', { Action: 's3:ListBucket', Resource: '*' }), ['IAM652'], '"*" reaches it');
  assert.deepEqual(codes(settings, 'identity', { Action: 'ec2:TerminateInstances', Resource: '*' }), [], 'no action acts on a bucket');
  assert.deepEqual(codes(settings, 'identity', { Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }), []);
});
