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

test('IAM650: conditions that do not require the key (ForAllValues, Null "true", no value, a value not allowed)', () => {
  const passRole = (Condition: Record<string, unknown>) => codes(PASSED_TO_SERVICE, 'identity', { Action: 'iam:PassRole', Resource: '*', Condition });
  const key = 'iam:PassedToService';
  assert.deepEqual(passRole({ 'ForAllValues:StringEquals': { [key]: 'ec2.amazonaws.com' } }), ['IAM650'], 'ForAllValues matches without the key');
  assert.deepEqual(passRole({ StringEqualsIfExists: { [key]: 'ec2.amazonaws.com' } }), ['IAM650']);
  assert.deepEqual(passRole({ Null: { [key]: 'true' } }), ['IAM650']);
  assert.deepEqual(passRole({ Null: { [key]: ['false', 'true'] } }), ['IAM650'], 'present or absent');
  assert.deepEqual(passRole({ Null: { [key]: [] } }), ['IAM650']);
  assert.deepEqual(passRole({ Null: { [key]: 'False' } }), []);
  assert.deepEqual(passRole({ StringEquals: { [key]: [] } }), ['IAM650']);
  const encrypted = (Condition: Record<string, unknown>, settings = ENCRYPTED) =>
    codes(settings, 'identity', { Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*', Condition });
  const sse = 's3:x-amz-server-side-encryption';
  assert.deepEqual(encrypted({ Null: { [sse]: 'false' } }), ['IAM650'], 'Null does not give the allowed value');
  assert.deepEqual(encrypted({ StringEquals: { [sse]: ['aws:kms', 'AES256'] } }), ['IAM650'], 'one value is not allowed');
  const twoAllowed = { requiredConditions: [{ actions: 's3:PutObject', allOf: [{ key: sse, values: ['aws:kms', 'aws:kms:dsse'] }] }] };
  assert.deepEqual(encrypted({ StringEquals: { [sse]: 'aws:kms' } }, twoAllowed), [], 'one of the allowed values');
});

test('IAM650: a Deny enforces the key only on "*", for every action granted, with a negated condition of allowed values', () => {
  const sse = 's3:x-amz-server-side-encryption';
  const notKms = { StringNotEquals: { [sse]: 'aws:kms' } };
  const deny = (elements: Record<string, unknown>, settings: Partial<IamPolicySettings> = ENCRYPTED, Action: unknown = 's3:PutObject') =>
    codes(
      settings,
      'identity',
      { Action, Resource: 'arn:aws:s3:::b/*' },
      { Effect: 'Deny', Action: 's3:PutObject', Resource: '*', Condition: notKms, ...elements },
    );
  assert.deepEqual(deny({}), []);
  assert.deepEqual(deny({ Resource: 'arn:aws:s3:::other/*' }), ['IAM650'], 'a Deny of another resource');
  assert.deepEqual(deny({ Action: 's3:GetObject' }), ['IAM650'], 'a Deny of another action');
  assert.deepEqual(deny({ Action: ['s3:GetObject', 'S3:putobject'] }), [], 'one of its actions, in any case');
  assert.deepEqual(deny({ Action: undefined, NotAction: 's3:GetObject' }), [], 'NotAction that leaves it in');
  assert.deepEqual(deny({ Action: undefined, NotAction: 's3:Put*' }), ['IAM650'], 'NotAction that leaves it out');
  assert.deepEqual(deny({ Action: undefined, NotAction: ['s3:GetObject', 'S3:PUTOBJECT'] }), ['IAM650'], 'one of its NotAction, in any case');
  const both = { requiredConditions: [{ actions: ['s3:PutObject', 's3:PutObjectAcl'], allOf: [{ key: sse, values: ['aws:kms'] }] }] };
  assert.deepEqual(deny({}, both, 's3:PutObject*'), ['IAM650'], 'the Deny leaves s3:PutObjectAcl');
  assert.deepEqual(deny({ Condition: { ...notKms, Bool: { 'aws:SecureTransport': 'false' } } }), [], 'among other conditions');
  assert.deepEqual(deny({ Condition: { StringEquals: { [sse]: 'aws:kms' } } }), ['IAM650'], 'not negated');
  assert.deepEqual(deny({ Condition: { StringNotEquals: { [sse]: [] } } }), ['IAM650'], 'no value');
  assert.deepEqual(deny({ Condition: { StringNotEquals: { [sse]: ['aws:kms', 'AES256'] } } }), ['IAM650'], 'a value not allowed');
  assert.deepEqual(deny({ Condition: { StringNotEqualz: { [sse]: 'aws:kms' } } }), ['IAM650'], 'an unknown operator');
  const passRole = (Condition: Record<string, unknown>) =>
    codes(PASSED_TO_SERVICE, 'identity', { Action: 'iam:PassRole', Resource: '*' }, { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*', Condition });
  assert.deepEqual(passRole({ Null: { 'iam:PassedToService': 'true' } }), [], 'any condition on a key without values');
  assert.deepEqual(passRole({ Null: { 'iam:AssociatedResourceArn': 'true' } }), ['IAM650'], 'a condition on another key');
});

test('IAM650 and IAM651 data: the actions (at most 50), the keys missing, the anyOf', () => {
  const everyS3 = { requiredConditions: [{ actions: 's3:*', allOf: ['aws:SecureTransport'] }] };
  const [all] = findingsOf(policyOf(stmt({ Action: 's3:*', Resource: '*' })), { settings: everyS3 }).filter(f => f.code === 'IAM650');
  assert.equal((all.data!.actions as string[]).length, 50);
  const [sensitive] = findingsOf(policyOf(stmt({ Action: 's3:*', Resource: '*' })), { settings: { sensitiveActions: ['s3:*'] } }).filter(
    f => f.code === 'IAM651',
  );
  assert.equal((sensitive.data!.actions as string[]).length, 50);
  const [run] = findingsOf(policyOf(stmt({ Action: 'ec2:RunInstances', Resource: '*' })), { settings: COST_CENTER }).filter(f => f.code === 'IAM650');
  assert.deepEqual(run.data, {
    actions: ['ec2:RunInstances'],
    missing: [],
    anyOf: [
      { key: 'aws:RequestTag/CostCenter', values: undefined },
      { key: 'aws:RequestTag/Project', values: undefined },
    ],
  });
});

test('IAM651 and IAM652: their span and data; with other team rules beside them', () => {
  const settings = { sensitiveActions: ['s3:DeleteBucket', 's3:DeleteObject'], sensitiveResources: ['arn:aws:s3:::payroll-*', 'arn:aws:s3:::hr-*'] };
  const text = policyOf(stmt({ Action: 's3:Delete*', Resource: ['arn:aws:s3:::b', '*'] }));
  const found = findingsOf(text, { settings })
    .filter(f => TEAM.test(f.code))
    .map(f => [f.code, text.slice(f.offset, f.offset + f.length), f.data]);
  assert.deepEqual(found, [
    ['IAM651', '"s3:Delete*"', { actions: ['s3:DeleteBucket', 's3:DeleteObject'] }],
    ['IAM652', '"*"', { resources: ['arn:aws:s3:::payroll-*', 'arn:aws:s3:::hr-*'] }],
  ]);
  const getPayroll = { Action: 's3:GetObject', Resource: 'arn:aws:s3:::payroll-1/*' };
  assert.deepEqual(codes({ sensitiveActions: ['s3:GetObject'], sensitiveResources: ['arn:aws:s3:::payroll-*'] }, 'identity', getPayroll), ['IAM651', 'IAM652']);
  assert.deepEqual(codes({ ...PASSED_TO_SERVICE, sensitiveActions: ['iam:PassRole'] }, 'identity', { Action: 'iam:PassRole', Resource: '*' }).sort(), [
    'IAM650',
    'IAM651',
  ]);
});

test('IAM652: with NotAction or "*" every action reaches it; without Resource, nothing', () => {
  const settings = { sensitiveResources: ['arn:aws:s3:::payroll-*'] };
  assert.deepEqual(codes(settings, 'identity', { NotAction: 'iam:*', Resource: '*' }), ['IAM652']);
  assert.deepEqual(codes(settings, 'identity', { Action: '*', Resource: 'arn:aws:s3:::payroll-2024' }), ['IAM652']);
  assert.deepEqual(codes(settings, 'identity', { Action: 's3:GetObject' }), []);
});
