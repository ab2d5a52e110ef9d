// Access Analyzer's checks of principals, role trust policies and RCPs (issue 18, part A): each code
// triggered and its near miss silent; each fix applied and the result parsed again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codesOf, policyOf, stmt } from '../helpers/findings';
import { fixed } from '../helpers/fixes';

const only = (...codes: string[]) => new RegExp(`^(${codes.join('|')})$`);

function repaired(text: string, code: string, title: RegExp): string {
  const after = fixed(text, code, title);
  assert.ok(!codesOf(after, /^IAM/).includes(code), `${code} still there after the fix:\n${after}`);
  return after;
}

test('IAM043, IAM044, IAM045: an RCP names "*" only, has no NotAction, and acts on services that support RCPs', () => {
  const rcp = (elements: Record<string, unknown>) =>
    codesOf(policyOf(stmt({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', ...elements })), only('IAM043', 'IAM044', 'IAM045'), {
      kind: 'rcp',
    });
  assert.deepEqual(rcp({ Principal: { AWS: '111122223333' } }), ['IAM043']);
  assert.deepEqual(rcp({ Principal: { AWS: '*' } }), [], '{"AWS": "*"} is everyone too');
  assert.deepEqual(rcp({ Action: undefined, NotAction: 's3:GetObject' }), ['IAM044']);
  assert.deepEqual(rcp({ Action: ['s3:GetObject', 'ec2:RunInstances'] }), ['IAM045'], 'EC2 does not support RCPs');
  assert.deepEqual(rcp({ Action: '*' }), ['IAM045']);
  assert.deepEqual(rcp({ Action: ['s3:GetObject', 'sts:AssumeRole', 'kms:Decrypt', 'secretsmanager:*', 'sqs:*'] }), []);
  assert.deepEqual(codesOf(policyOf(stmt({ Principal: '*', Action: '*', Resource: '*' })), only('IAM045'), { kind: 'rcp' }), [], 'RCPFullAWSAccess');
  assert.deepEqual(codesOf(policyOf(stmt({ Effect: 'Deny', Action: 'ec2:*', Resource: '*' })), only('IAM045'), { kind: 'scp' }), [], 'an SCP');
});

test('IAM046: a Federated principal outside a role trust policy', () => {
  const resource = (principal: unknown, kind: 'resource' | 'trust') =>
    codesOf(policyOf(stmt({ Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })), only('IAM046'), { kind });
  assert.deepEqual(resource({ Federated: 'arn:aws:iam::111122223333:saml-provider/idp' }, 'resource'), ['IAM046']);
  assert.deepEqual(resource({ AWS: 'arn:aws:iam::111122223333:role/r' }, 'resource'), []);
  assert.deepEqual(
    codesOf(policyOf(stmt({ Principal: { Federated: 'accounts.google.com' }, Action: 'sts:AssumeRoleWithWebIdentity' })), only('IAM046'), { kind: 'trust' }),
    [],
  );
});

test('IAM047: a unique ID where the ARN belongs', () => {
  const principal = (value: string) =>
    codesOf(policyOf(stmt({ Principal: { AWS: value }, Action: 'sts:AssumeRole' })), only('IAM035', 'IAM047'), { kind: 'trust' });
  assert.deepEqual(principal('AROA1234567890EXAMPLE'), ['IAM047']);
  assert.deepEqual(principal('AIDA1234567890EXAMPLE'), ['IAM047']);
  assert.deepEqual(principal('arn:aws:iam::111122223333:role/r'), []);
});

test('IAM048: a role session beside its own role; the fix removes the session', () => {
  const text = policyOf(
    stmt({
      Principal: { AWS: ['arn:aws:iam::111122223333:role/path/deployer', 'arn:aws:sts::111122223333:assumed-role/deployer/ci'] },
      Action: 'sts:AssumeRole',
    }),
  );
  assert.deepEqual(codesOf(text, only('IAM048'), { kind: 'trust' }), ['IAM048']);
  const other = policyOf(
    stmt({ Principal: { AWS: ['arn:aws:iam::111122223333:role/deployer', 'arn:aws:sts::444455556666:assumed-role/deployer/ci'] }, Action: 'sts:AssumeRole' }),
  );
  assert.deepEqual(codesOf(other, only('IAM048'), { kind: 'trust' }), [], "another account's role");
  const after = repaired(text, 'IAM048', /Remove/);
  assert.doesNotMatch(after, /assumed-role/);
});

test('IAM049: Roles Anywhere without sts:SetSourceIdentity and sts:TagSession; the fix adds them', () => {
  const text = policyOf(stmt({ Principal: { Service: 'rolesanywhere.amazonaws.com' }, Action: 'sts:AssumeRole' }));
  assert.deepEqual(codesOf(text, only('IAM049'), { kind: 'trust' }), ['IAM049']);
  const complete = policyOf(
    stmt({ Principal: { Service: 'rolesanywhere.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:SetSourceIdentity', 'sts:TagSession'] }),
  );
  assert.deepEqual(codesOf(complete, only('IAM049'), { kind: 'trust' }), []);
  const after = repaired(text, 'IAM049', /Add sts:SetSourceIdentity and sts:TagSession/);
  assert.match(after, /"Action":\[ ?"sts:AssumeRole","sts:SetSourceIdentity","sts:TagSession" ?\]/);
});

test('IAM050: sts:TransitiveTagKeys without sts:TagSession; the fix adds it', () => {
  const text = policyOf(
    stmt({
      Principal: { AWS: 'arn:aws:iam::111122223333:role/r' },
      Action: 'sts:AssumeRole',
      Condition: { 'ForAllValues:StringEquals': { 'sts:TransitiveTagKeys': ['Project'] } },
    }),
  );
  assert.deepEqual(codesOf(text, only('IAM050'), { kind: 'trust' }), ['IAM050']);
  const withTag = text.replace('"Action":"sts:AssumeRole"', '"Action":["sts:AssumeRole","sts:TagSession"]');
  assert.deepEqual(codesOf(withTag, only('IAM050'), { kind: 'trust' }), []);
  const after = repaired(text, 'IAM050', /Add sts:TagSession/);
  assert.match(after, /"Action":\["sts:AssumeRole","sts:TagSession"\]/);
});
