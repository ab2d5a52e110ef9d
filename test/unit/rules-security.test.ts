// Security rules IAM400-IAM424: each triggered, and the near misses that must stay silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PolicyKind } from '../../server/src/policy/model';
import { withDefaults } from '../../server/src/protocol';
import { severityOf } from '../../server/src/features/diagnostics';
import type { FoldedFinding } from '../../server/src/rules/types';
import { codesOf, findingsOf, policyOf, stmt } from '../helpers/findings';

const SECURITY = /^IAM4\d\d$/;
const codes = (kind: PolicyKind, ...statements: Array<Record<string, unknown>>) => codesOf(policyOf(...statements.map(stmt)), SECURITY, { kind });
const only = (code: string, kind: PolicyKind, ...statements: Array<Record<string, unknown>>) => codes(kind, ...statements).filter(c => c === code);

test('security rules are off with securityRules: false', () => {
  assert.equal(severityOf('IAM402', withDefaults({ securityRules: false })), undefined);
  assert.equal(severityOf('IAM402', withDefaults(undefined)), 'warning');
});

test('IAM400: Allow of "*" on "*" in an identity policy', () => {
  assert.deepEqual(codes('identity', { Action: '*', Resource: '*' }), ['IAM400']);
  assert.deepEqual(codes('identity', { Action: ['s3:HeadBucket', '*'], Resource: ['arn:aws:s3:::b', '*'] }), ['IAM400']);
  assert.deepEqual(codes('identity', { Effect: 'Deny', Action: '*', Resource: '*' }), []);
  assert.deepEqual(codes('identity', { Action: '*', Resource: 'arn:aws:s3:::b/*' }), []);
  for (const kind of ['scp', 'rcp', 'boundary', 'endpoint'] as const) {
    assert.deepEqual(only('IAM400', kind, { Action: '*', Resource: '*', ...(kind === 'rcp' || kind === 'endpoint' ? { Principal: '*' } : {}) }), [], kind);
  }
});

test('IAM401: a whole service in an identity policy', () => {
  assert.deepEqual(only('IAM401', 'identity', { Action: ['s3:*', 'ec2:Describe*'], Resource: 'arn:aws:s3:::b/*' }), ['IAM401']);
  assert.deepEqual(only('IAM401', 'identity', { Action: 's3:Get*', Resource: '*' }), []);
  assert.deepEqual(only('IAM401', 'scp', { Effect: 'Deny', Action: 's3:*', Resource: '*' }), []);
  assert.deepEqual(
    only('IAM401', 'resource', { Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }),
    [],
    'the default KMS key policy',
  );
});

test('IAM402: "Resource": "*" for actions with resource-level permissions', () => {
  assert.deepEqual(only('IAM402', 'identity', { Action: 'ec2:TerminateInstances', Resource: '*' }), ['IAM402']);
  assert.deepEqual(only('IAM402', 'identity', { Action: ['s3:ListAllMyBuckets', 's3:PutObjectTagging'], Resource: '*' }), ['IAM402'], 'Tagging');
});

test('IAM402 / IAM407: graded by access level, the message names the levels and counts', () => {
  assert.deepEqual(codes('identity', { Action: ['s3:ListAllMyBuckets', 's3:GetObject'], Resource: '*' }), ['IAM407']);
  assert.deepEqual(codes('identity', { Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' }), ['IAM402']);
  const [graded] = findingsOf(policyOf(stmt({ Action: ['s3:GetObject', 's3:ListBucket', 's3:PutObject', 's3:PutBucketPolicy'], Resource: '*' }))).filter(
    f => f.code === 'IAM402',
  );
  assert.deepEqual(graded.data?.levels, { 'Permissions management': 1, Write: 1, Read: 1, List: 1 });
  assert.match(
    graded.message,
    /4 actions \(1 Permissions management, 1 Write, 1 Read, 1 List: "s3:PutBucketPolicy", "s3:PutObject", "s3:GetObject", \.\.\.\) on every resource/,
  );
  assert.match(graded.message, /"s3:GetObject" reads the data itself/, 'the data-access actions of the sensitive-action catalogue');
});

test('IAM402 near misses: "*"-only actions, tag conditions, Deny, resource policies', () => {
  assert.deepEqual(only('IAM402', 'identity', { Action: ['s3:ListAllMyBuckets', 'ec2:DescribeInstances'], Resource: '*' }), []);
  assert.deepEqual(
    only('IAM402', 'identity', { Action: 'ec2:TerminateInstances', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'a' } } }),
    [],
  );
  assert.deepEqual(
    only('IAM402', 'identity', { Action: 'ec2:TerminateInstances', Resource: '*', Condition: { StringEquals: { 'ec2:ResourceTag/team': 'a' } } }),
    [],
  );
  assert.deepEqual(only('IAM402', 'identity', { Effect: 'Deny', Action: 'ec2:TerminateInstances', Resource: '*' }), []);
  assert.deepEqual(
    only('IAM402', 'resource', { Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:Decrypt', Resource: '*' }),
    [],
    'in a key policy "*" is the key',
  );
  assert.deepEqual(only('IAM402', 'scp', { Effect: 'Deny', Action: 'ec2:TerminateInstances', Resource: '*' }), []);
});

test('IAM402: iam:CreateServiceLinkedRole on "*" confined to named services by iam:AWSServiceName; not the other actions', () => {
  const slr = 'iam:CreateServiceLinkedRole';
  const named = { StringEquals: { 'iam:AWSServiceName': 'ecs.amazonaws.com' } };
  const findingsOn = (statement: Record<string, unknown>) =>
    findingsOf(policyOf(stmt(statement)), { kind: 'identity' })
      .filter(f => f.code === 'IAM402' || f.code === 'IAM414')
      .map(f => [f.code, (f.data as { actions?: string[] } | undefined)?.actions]);
  assert.deepEqual(findingsOn({ Action: slr, Resource: '*', Condition: named }), []);
  assert.deepEqual(findingsOn({ Action: [slr, 'ec2:TerminateInstances'], Resource: '*', Condition: named }), [['IAM402', ['ec2:TerminateInstances']]]);
  assert.deepEqual(
    findingsOn({ Action: slr, Resource: '*', Condition: { StringLike: { 'iam:AWSServiceName': '*.amazonaws.com' } } }).map(([code]) => code),
    ['IAM414'],
    'every service: IAM414, IAM402 folded into it',
  );
  assert.deepEqual(
    findingsOn({ Action: slr, Resource: '*', Condition: { StringNotEquals: { 'iam:AWSServiceName': 'ecs.amazonaws.com' } } }).map(([code]) => code),
    ['IAM414'],
  );
});

test('IAM403: an ARN that matches every resource of its type everywhere', () => {
  assert.deepEqual(only('IAM403', 'identity', { Action: 'cloudtrail:GetEventSelectors', Resource: 'arn:*:cloudtrail:*:*:trail/*' }), ['IAM403']);
  assert.deepEqual(only('IAM403', 'identity', { Action: 's3:ListBucket', Resource: 'arn:aws:s3:::*' }), ['IAM403']);
  assert.deepEqual(only('IAM403', 'identity', { Action: 'cloudtrail:GetEventSelectors', Resource: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/*' }), []);
  assert.deepEqual(only('IAM403', 'identity', { Action: 's3:ListBucket', Resource: 'arn:aws:s3:::logs-*' }), []);
  assert.deepEqual(only('IAM403', 'identity', { Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }), []);
});

test('IAM403 near misses: a confining condition, a placeholder or a policy variable in the ARN', () => {
  const trails = (Resource: string, Condition?: Record<string, unknown>) =>
    only('IAM403', 'identity', { Action: 'iam:GetRole', Resource, ...(Condition ? { Condition } : {}) });
  assert.deepEqual(trails('arn:aws:iam::*:role/*'), ['IAM403']);
  assert.deepEqual(trails('arn:aws:iam::*:role/*', { StringEquals: { 'aws:ResourceAccount': '111122223333' } }), []);
  assert.deepEqual(trails('arn:<partition>:iam::*:role/*'), [], 'IAM090');
  assert.deepEqual(trails('arn:${aws:partition}:iam::*:role/*'), []);
});

test('IAM401, IAM402 data: the count of actions; at most 50 named', () => {
  const [unknown] = findingsOf(policyOf(stmt({ Action: 'notaservice:*', Resource: '*' })))
    .flatMap(f => (f.data?.folded ?? []) as FoldedFinding[])
    .filter(f => f.code === 'IAM401');
  assert.deepEqual(unknown.data, { actionCount: 0 }, 'folded into IAM101');
  const [s3] = findingsOf(policyOf(stmt({ Action: 's3:*', Resource: 'arn:aws:s3:::b' }))).filter(f => f.code === 'IAM401');
  assert.ok((s3.data!.actionCount as number) > 100);
  const [star] = findingsOf(policyOf(stmt({ Action: ['s3:Get*', 's3:Put*'], Resource: '*' }))).filter(f => f.code === 'IAM402');
  assert.equal((star.data!.actions as string[]).length, 50);
  assert.ok((star.data!.actionCount as number) > 50);
});

test('IAM404-IAM406: Allow with NotAction, NotResource, NotPrincipal', () => {
  assert.deepEqual(only('IAM404', 'identity', { NotAction: 'iam:*', Resource: '*' }), ['IAM404']);
  assert.deepEqual(only('IAM405', 'identity', { Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' }), ['IAM405']);
  assert.deepEqual(
    only('IAM406', 'resource', { NotPrincipal: { AWS: 'arn:aws:iam::444455556666:user/Bob' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    ['IAM406'],
  );
  assert.deepEqual(codes('identity', { Effect: 'Deny', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::b/*' }), []);
  assert.deepEqual(
    only('IAM406', 'resource', { Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }),
    [],
  );
  assert.deepEqual(only('IAM404', 'scp', { NotAction: 'iam:*', Resource: '*' }), [], 'an SCP allow-list sets a limit');
});

test('IAM410: iam:PassRole on every role', () => {
  assert.deepEqual(only('IAM410', 'identity', { Action: 'iam:PassRole', Resource: '*' }), ['IAM410']);
  assert.deepEqual(only('IAM410', 'identity', { Action: 'iam:Pass*', Resource: 'arn:aws:iam::*:role/*' }), ['IAM410']);
  assert.deepEqual(only('IAM410', 'identity', { NotAction: 's3:*', Resource: '*' }), ['IAM410']);
  assert.deepEqual(only('IAM410', 'identity', { Action: 'iam:PassRole', NotResource: 'arn:aws:iam::123456789012:role/admin' }), ['IAM410']);
});

test('IAM410 near misses: named roles, roles by tag, NotAction without it', () => {
  assert.deepEqual(only('IAM410', 'identity', { Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/app-*' }), []);
  assert.deepEqual(only('IAM410', 'identity', { Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:ResourceTag/team': 'web' } } }), []);
  assert.deepEqual(only('IAM410', 'identity', { NotAction: ['iam:*'], Resource: '*' }), []);
  assert.deepEqual(only('IAM410', 'identity', { Action: '*', Resource: '*' }), [], 'IAM400 says it');
});

test('IAM414: iam:CreateServiceLinkedRole for every service: "*", every role, NotResource, NotAction', () => {
  const slr = 'iam:CreateServiceLinkedRole';
  assert.deepEqual(only('IAM414', 'identity', { Action: slr, Resource: '*' }), ['IAM414']);
  assert.deepEqual(only('IAM414', 'identity', { Action: slr, Resource: 'arn:aws:iam::*:role/aws-service-role/*' }), ['IAM414']);
  assert.deepEqual(only('IAM414', 'identity', { Action: slr, Resource: 'arn:aws:iam::123456789012:role/*' }), ['IAM414'], 'one account: its own');
  assert.deepEqual(only('IAM414', 'identity', { Action: slr, Resource: 'arn:aws:iam::*:role/aws-service-role/*.amazonaws.com/*' }), ['IAM414']);
  assert.deepEqual(only('IAM414', 'identity', { Action: 'iam:Create*', Resource: 'arn:aws:iam::*:role/*' }), ['IAM414']);
  assert.deepEqual(only('IAM414', 'identity', { Action: slr, NotResource: 'arn:aws:iam::*:role/aws-service-role/ecs.amazonaws.com/*' }), ['IAM414']);
  assert.deepEqual(only('IAM414', 'identity', { NotAction: 's3:*', Resource: '*' }), ['IAM414']);
  const wildcardService = { StringLike: { 'iam:AWSServiceName': '*.amazonaws.com' } };
  assert.deepEqual(only('IAM414', 'identity', { Action: slr, Resource: '*', Condition: wildcardService }), ['IAM414']);
});

test('IAM414 near misses: one service by path or iam:AWSServiceName, NotAction or NotResource without it, a Deny, "*", other kinds', () => {
  const slr = 'iam:CreateServiceLinkedRole';
  assert.deepEqual(only('IAM414', 'identity', { Action: slr, Resource: 'arn:aws:iam::*:role/aws-service-role/ecs.amazonaws.com/*' }), []);
  assert.deepEqual(
    only('IAM414', 'identity', {
      Action: slr,
      Resource: '*',
      Condition: { StringEquals: { 'iam:AWSServiceName': ['ecs.amazonaws.com', 'rds.amazonaws.com'] } },
    }),
    [],
  );
  assert.deepEqual(only('IAM414', 'identity', { NotAction: 'iam:CreateServiceLinkedRole', Resource: '*' }), []);
  assert.deepEqual(only('IAM414', 'identity', { Action: slr, NotResource: 'arn:aws:iam::*:role/aws-service-role/*' }), []);
  assert.deepEqual(only('IAM414', 'identity', { Effect: 'Deny', Action: slr, Resource: '*' }), []);
  assert.deepEqual(only('IAM414', 'identity', { Action: '*', Resource: '*' }), [], 'IAM400 says it');
  assert.deepEqual(only('IAM414', 'boundary', { Action: slr, Resource: '*' }), [], 'a boundary sets a limit');
  assert.deepEqual(only('IAM414', 'identity', { Action: 'iam:CreateRole', Resource: '*' }), []);
});

test('IAM414: the values and conditions that decide it', () => {
  const slr = 'iam:CreateServiceLinkedRole';
  const ecs = 'arn:aws:iam::*:role/aws-service-role/ecs.amazonaws.com/*';
  const iam414 = (elements: Record<string, unknown>) => only('IAM414', 'identity', { Action: slr, ...elements });
  assert.deepEqual(iam414({ Resource: 'role/*' }), [], 'a value that is no ARN names no role');
  assert.deepEqual(iam414({}), [], 'neither Resource nor NotResource');
  assert.deepEqual(iam414({ NotResource: [] }), [], 'an empty NotResource (IAM014 territory) names nothing');
  assert.deepEqual(iam414({ NotResource: ['arn:aws:iam::*:role/*', 'arn:aws:s3:::b'] }), [], 'one NotResource value takes every role out');
  assert.deepEqual(iam414({ Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } }), ['IAM414'], 'a condition on another key');
  assert.deepEqual(
    iam414({ Resource: '*', Condition: { StringNotEquals: { 'iam:AWSServiceName': 'ecs.amazonaws.com' } } }),
    ['IAM414'],
    'a negated operator names no service',
  );
  assert.deepEqual(
    iam414({ Resource: '*', Condition: { StringLike: { 'iam:AWSServiceName': ['ecs.amazonaws.com', '*.amazonaws.com'] } } }),
    ['IAM414'],
    'one value of every service',
  );
  const [finding] = findingsOf(policyOf(stmt({ Action: slr, Resource: [ecs, 'arn:aws:iam::*:role/*'] })), { kind: 'identity' }).filter(
    f => f.code === 'IAM414',
  );
  assert.deepEqual(finding.data, { resource: 'arn:aws:iam::*:role/*' }, 'the value that names every role');
});

test('IAM411: privilege escalation on "*", wildcards included, across statements', () => {
  assert.deepEqual(only('IAM411', 'identity', { Action: 'iam:CreatePolicyVersion', Resource: '*' }), ['IAM411']);
  assert.deepEqual(only('IAM411', 'identity', { Action: 'iam:Put*', Resource: '*' }), ['IAM411']);
  assert.deepEqual(only('IAM411', 'identity', { Action: 'iam:PassRole', Resource: '*' }, { Action: 'ec2:RunInstances', Resource: '*' }), ['IAM411']);
  assert.deepEqual(only('IAM411', 'identity', { Action: ['glue:updatedevendpoint', 'lambda:updatefunctioncode'], Resource: '*' }), ['IAM411', 'IAM411']);
});

test('IAM411 near misses: named resources, half a method, conditions, a Deny, "*"', () => {
  assert.deepEqual(only('IAM411', 'identity', { Action: 'iam:CreateAccessKey', Resource: 'arn:aws:iam::*:user/${aws:username}' }), []);
  assert.deepEqual(only('IAM411', 'identity', { Action: 'ec2:RunInstances', Resource: '*' }), []);
  assert.deepEqual(
    only('IAM411', 'identity', {
      Action: 'iam:AttachRolePolicy',
      Resource: '*',
      Condition: { ArnEquals: { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/ReadOnlyAccess' } },
    }),
    [],
  );
  assert.deepEqual(only('IAM411', 'identity', { Action: 'iam:*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:*', Resource: '*' }), []);
  assert.deepEqual(only('IAM411', 'identity', { Action: '*', Resource: '*' }), []);
});

test('IAM412: permissions-management actions, unless a Deny takes them back', () => {
  assert.deepEqual(only('IAM412', 'identity', { Action: 's3:PutBucketPolicy', Resource: 'arn:aws:s3:::b' }), ['IAM412']);
  assert.deepEqual(only('IAM412', 'identity', { Action: 's3:*', Resource: 'arn:aws:s3:::b' }), ['IAM412']);
  assert.deepEqual(
    only('IAM412', 'resource', { Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:PutBucketAcl', Resource: 'arn:aws:s3:::b' }),
    ['IAM412'],
  );
  assert.deepEqual(only('IAM412', 'identity', { Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }), []);
  assert.deepEqual(
    only('IAM412', 'identity', { Action: 's3:PutBucketPolicy', Resource: 'arn:aws:s3:::b' }, { Effect: 'Deny', Action: '*', Resource: '*' }),
    [],
  );
});

test('IAM413: actions that return credentials', () => {
  assert.deepEqual(only('IAM413', 'identity', { Action: 'ecr:GetAuthorizationToken', Resource: '*' }), ['IAM413']);
  assert.deepEqual(only('IAM413', 'identity', { Action: 'ecr:Get*', Resource: '*' }), ['IAM413']);
  assert.deepEqual(
    only('IAM413', 'identity', { Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::123456789012:role/x' }),
    [],
    'assuming a role is its purpose',
  );
  assert.deepEqual(only('IAM413', 'identity', { Action: 'ecr:BatchGetImage', Resource: '*' }), []);
});

const BUCKET = 'arn:aws:s3:::b/*';

test('IAM420: a public principal in a resource policy without a confining condition', () => {
  assert.deepEqual(only('IAM420', 'resource', { Principal: '*', Action: 's3:GetObject', Resource: BUCKET }), ['IAM420']);
  assert.deepEqual(only('IAM420', 'resource', { Principal: { AWS: ['*'] }, Action: 's3:GetObject', Resource: BUCKET }), ['IAM420']);
  assert.deepEqual(
    only('IAM420', 'resource', {
      Principal: '*',
      Action: 's3:GetObject',
      Resource: BUCKET,
      Condition: { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-123' } },
    }),
    ['IAM420'],
    '...IfExists matches when the key is missing',
  );
  assert.deepEqual(
    only('IAM420', 'resource', { Principal: '*', Action: 's3:GetObject', Resource: BUCKET, Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-123' } } }),
    ['IAM420'],
    'a negated operator in an Allow lets everyone else in',
  );
});

test('IAM420 near misses: confining conditions, a fencing Deny, named principals, endpoint policies', () => {
  assert.deepEqual(
    only('IAM420', 'resource', { Principal: '*', Action: 's3:GetObject', Resource: BUCKET, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-123' } } }),
    [],
  );
  assert.deepEqual(
    only('IAM420', 'resource', { Principal: '*', Action: 's3:GetObject', Resource: BUCKET, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }),
    [],
  );
  assert.deepEqual(
    only(
      'IAM420',
      'resource',
      { Principal: '*', Action: 's3:GetObject', Resource: BUCKET },
      { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: BUCKET, Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } },
    ),
    [],
  );
  assert.deepEqual(only('IAM420', 'resource', { Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: BUCKET }), []);
  assert.deepEqual(only('IAM420', 'endpoint', { Principal: '*', Action: 's3:GetObject', Resource: BUCKET }), []);
  assert.deepEqual(only('IAM420', 'resource', { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: BUCKET }), []);
});

test('IAM421: a trust policy anyone can use', () => {
  assert.deepEqual(only('IAM421', 'trust', { Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }), ['IAM421']);
  const github = { Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' };
  assert.deepEqual(
    only('IAM421', 'trust', {
      Principal: github,
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
    }),
    ['IAM421'],
  );
  assert.deepEqual(
    only('IAM421', 'trust', {
      Principal: github,
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': '*' } },
    }),
    ['IAM421'],
    'a sub of "*" names no one',
  );
  assert.deepEqual(only('IAM421', 'trust', { Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }), [
    'IAM421',
  ]);
});

test('IAM421 near misses: named claims, confined public principals, other providers', () => {
  assert.deepEqual(
    only('IAM421', 'trust', {
      Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:my-org/my-repo:*' } },
    }),
    [],
  );
  assert.deepEqual(
    only('IAM421', 'trust', {
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:12345678-abcd' } },
    }),
    [],
  );
  assert.deepEqual(
    only('IAM421', 'trust', { Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-123' } } }),
    [],
  );
  assert.deepEqual(only('IAM421', 'trust', { Principal: { Federated: 'arn:aws:iam::123456789012:saml-provider/corp' }, Action: 'sts:AssumeRoleWithSAML' }), []);
});

test('IAM422: a whole account trusted without sts:ExternalId (information)', () => {
  assert.deepEqual(only('IAM422', 'trust', { Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' }), ['IAM422']);
  assert.deepEqual(only('IAM422', 'trust', { Principal: { AWS: '444455556666' }, Action: 'sts:AssumeRole' }), ['IAM422']);
  assert.equal(severityOf('IAM422', withDefaults(undefined)), 'information');
  assert.deepEqual(
    only('IAM422', 'trust', { Principal: { AWS: '444455556666' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'x1' } } }),
    [],
  );
  assert.deepEqual(only('IAM422', 'trust', { Principal: { AWS: 'arn:aws:iam::444455556666:role/deployer' }, Action: 'sts:AssumeRole' }), []);
  assert.deepEqual(only('IAM422', 'trust', { Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), []);
});

test('IAM422: only with sts:AssumeRole among the actions, on an AWS principal', () => {
  const account = (elements: Record<string, unknown>) => only('IAM422', 'trust', { Principal: { AWS: '444455556666' }, ...elements });
  assert.deepEqual(account({ Action: 'sts:*' }), ['IAM422']);
  assert.deepEqual(account({ Action: ['sts:TagSession', 'sts:AssumeRole'] }), ['IAM422']);
  assert.deepEqual(account({ Action: 'sts:TagSession' }), []);
  assert.deepEqual(account({ Action: 'sts:AssumeRoleWithSAML' }), []);
  assert.deepEqual(only('IAM422', 'trust', { Principal: { Federated: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' }), []);
});

test('IAM423: a service principal in a resource policy without a source condition', () => {
  const sqs = 'arn:aws:sqs:us-east-1:123456789012:q';
  assert.deepEqual(only('IAM423', 'resource', { Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: sqs }), ['IAM423']);
  assert.deepEqual(
    only('IAM423', 'resource', {
      Principal: { Service: 'sns.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: sqs,
      Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:t' } },
    }),
    [],
  );
  assert.deepEqual(
    only('IAM423', 'resource', {
      Principal: { Service: 'logs.us-east-1.amazonaws.com' },
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:us-east-1:123456789012:*' } },
    }),
    [],
  );
  assert.deepEqual(only('IAM423', 'trust', { Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }), [], 'not in trust policies');
  assert.deepEqual(
    only('IAM423', 'resource', { Effect: 'Deny', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: sqs }),
    [],
    'a Deny',
  );
});

test('IAM424: an S3 bucket policy without a deny of plain HTTP (information)', () => {
  const read = { Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: BUCKET };
  assert.deepEqual(only('IAM424', 'resource', read), ['IAM424']);
  assert.deepEqual(
    only('IAM424', 'resource', read, {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::b', BUCKET],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    }),
    [],
  );
  assert.deepEqual(
    only('IAM424', 'resource', {
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: 'sqs:SendMessage',
      Resource: 'arn:aws:sqs:us-east-1:123456789012:q',
    }),
    [],
    'not a bucket policy',
  );
  assert.deepEqual(
    only('IAM424', 'resource', {
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:us-east-1:123456789012:accesspoint/ap/object/*',
    }),
    [],
    'an access point policy',
  );
  assert.deepEqual(only('IAM424', 'resource', { ...read, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }), ['IAM424'], 'another condition');
  assert.deepEqual(codesOf('{"Version":"2012-10-17"}', SECURITY, { kind: 'resource' }), [], 'no Statement');
  const text = policyOf(stmt(read));
  const [finding] = findingsOf(text, { kind: 'resource' }).filter(f => f.code === 'IAM424');
  assert.equal(text.slice(finding.offset, finding.offset + finding.length), '"Statement"');
});

test("IAM412 / IAM413's data: the actions and their count", () => {
  const [one] = findingsOf(policyOf(stmt({ Action: 's3:PutBucketPolicy', Resource: 'arn:aws:s3:::b' }))).filter(f => f.code === 'IAM412');
  assert.deepEqual(one.data, { actions: ['s3:PutBucketPolicy'], actionCount: 1 });
  const [token] = findingsOf(policyOf(stmt({ Action: 'ecr:GetAuthorizationToken', Resource: '*' }))).filter(f => f.code === 'IAM413');
  assert.deepEqual(token.data, { actions: ['ecr:GetAuthorizationToken'] });
});

test('IAM410-IAM413 near misses: Deny statements, other kinds; in resource policies IAM412 alone', () => {
  assert.deepEqual(codes('identity', { Effect: 'Deny', Action: 'iam:PutRolePolicy', Resource: 'arn:aws:iam::123456789012:role/admin' }), []);
  assert.deepEqual(
    codes('scp', { Action: 'iam:PutRolePolicy', Resource: '*' }).filter(c => /^IAM41[0-3]$/.test(c)),
    [],
  );
  const account = { AWS: 'arn:aws:iam::111122223333:root' };
  assert.deepEqual(
    codes('resource', { Principal: account, Action: ['iam:PassRole', 'iam:CreatePolicyVersion', 'ecr:GetAuthorizationToken'], Resource: '*' }).filter(c =>
      /^IAM41[0-3]$/.test(c),
    ),
    ['IAM412'],
  );
});
