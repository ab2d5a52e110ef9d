// Access Analyzer's checks of principals, role trust policies and RCPs (issue 18, part A): each code
// triggered and its near miss silent; each fix applied and the result parsed again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import type { Catalog } from '../../server/src/catalog/types';
import { collectFindings } from '../../server/src/features/diagnostics';
import { withDefaults } from '../../server/src/protocol';
import { parse } from '../helpers/cursor';
import { codesOf, findingsOf, policyOf, rethrow, stmt } from '../helpers/findings';
import { codes, fixed } from '../helpers/fixes';

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

test('IAM043-IAM045 near misses: principals that are not all "*", values of the wrong type, names IAM100 reports, placeholders', () => {
  const rcp = (elements: Record<string, unknown>) =>
    codesOf(policyOf(stmt({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', ...elements })), only('IAM016', 'IAM043', 'IAM045', 'IAM100'), {
      kind: 'rcp',
    });
  for (const principal of [{}, { AWS: [] }, { AWS: ['*', '111122223333'] }, { AWS: '*', Service: 's3.amazonaws.com' }]) {
    assert.deepEqual(rcp({ Principal: principal }), ['IAM043'], JSON.stringify(principal));
  }
  assert.deepEqual(rcp({ Principal: 'arn:aws:iam::111122223333:root' }), ['IAM016'], 'a string other than "*" is IAM016\'s');
  for (const action of ['GetObject', ':GetObject', 's*:GetObject']) assert.deepEqual(rcp({ Action: action }), ['IAM100'], action);
  assert.deepEqual(rcp({ Action: '<service>:*' }), [], 'a placeholder');
  assert.deepEqual(rcp({ Effect: undefined }), [], 'no Effect (IAM017): not RCPFullAWSAccess, and no crash');
  const brokenEffect = '{"Version":"2012-10-17","Statement":[{"Effect":,"Principal":"*","Action":"s3:*","Resource":"*"}]}';
  assert.deepEqual(codesOf(brokenEffect, /^IAM/, { kind: 'rcp' }), ['IAM001']);
});

test("IAM045 needs the catalog's list of the services that support RCPs: without one, no service is called unsupported", () => {
  const withoutList = Object.assign(Object.create(getCatalog()), { rcpServices: () => new Set<string>() });
  const doc = parse(policyOf(stmt({ Effect: 'Deny', Principal: '*', Action: ['ec2:RunInstances', '*'], Resource: '*' })), 'file:///test/policy.json', {
    languageId: 'iam-policy',
    kind: 'rcp',
  });
  const codes = (catalog: Catalog) =>
    collectFindings(doc, catalog, withDefaults(undefined), rethrow)
      .filter(f => f.code === 'IAM045')
      .map(f => doc.text.slice(f.offset, f.offset + f.length));
  assert.deepEqual(codes(getCatalog()), ['"ec2:RunInstances"', '"*"']);
  assert.deepEqual(codes(withoutList), ['"*"'], '"*" is never allowed');
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
  const identity = policyOf(stmt({ Principal: { Federated: 'accounts.google.com' }, Action: 's3:GetObject', Resource: '*' }));
  assert.deepEqual(codesOf(identity, only('IAM024', 'IAM046'), { kind: 'identity' }), ['IAM024'], 'no Principal at all in an identity policy: IAM024');
  assert.deepEqual(codesOf(identity, only('IAM024', 'IAM046'), { kind: 'scp' }), ['IAM024']);
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

test('IAM048: a faded hint, with the role as related; a role under another type than "AWS" does not count', () => {
  const role = 'arn:aws:iam::111122223333:role/deployer';
  const session = 'arn:aws:sts::111122223333:assumed-role/deployer/ci';
  const text = policyOf(stmt({ Principal: { AWS: [role, session] }, Action: 'sts:AssumeRole' }));
  const [finding] = findingsOf(text, { kind: 'trust' }).filter(f => f.code === 'IAM048');
  assert.deepEqual(
    [finding.unnecessary, finding.data, text.slice(finding.offset, finding.offset + finding.length)],
    [true, undefined, JSON.stringify(session)],
  );
  assert.deepEqual(
    finding.related?.map(r => text.slice(r.offset, r.offset + r.length)),
    [JSON.stringify(role)],
  );
  const elsewhere = policyOf(stmt({ Principal: { Federated: role, AWS: session }, Action: 'sts:AssumeRole' }));
  assert.deepEqual(codesOf(elsewhere, only('IAM048'), { kind: 'trust' }), []);
});

test('IAM049: Roles Anywhere without sts:SetSourceIdentity and sts:TagSession; the fix adds them', () => {
  const text = policyOf(stmt({ Principal: { Service: 'rolesanywhere.amazonaws.com' }, Action: 'sts:AssumeRole' }));
  assert.deepEqual(codesOf(text, only('IAM049'), { kind: 'trust' }), ['IAM049']);
  const complete = policyOf(
    stmt({ Principal: { Service: 'rolesanywhere.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:SetSourceIdentity', 'sts:TagSession'] }),
  );
  assert.deepEqual(codesOf(complete, only('IAM049'), { kind: 'trust' }), []);
  const split = policyOf(
    stmt({ Principal: { Service: 'rolesanywhere.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:SetSourceIdentity', 'sts:TagSession'] }),
    stmt({
      Principal: { Service: 'rolesanywhere.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
    }),
  );
  assert.deepEqual(codesOf(split, only('IAM049'), { kind: 'trust' }), [], 'another statement allows the other two');
  const notService = policyOf(stmt({ Principal: { AWS: 'rolesanywhere.amazonaws.com' }, Action: 'sts:AssumeRole' }));
  assert.deepEqual(codesOf(notService, only('IAM049'), { kind: 'trust' }), []);
  const second = policyOf(stmt({ Principal: { Service: ['ec2.amazonaws.com', 'rolesanywhere.amazonaws.com'] }, Action: 'sts:AssumeRole' }));
  const [finding] = findingsOf(second, { kind: 'trust' }).filter(f => f.code === 'IAM049');
  assert.equal(second.slice(finding.offset, finding.offset + finding.length), '"rolesanywhere.amazonaws.com"');
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
  const twoKeys = text.replace('"sts:TransitiveTagKeys"', '"aws:PrincipalTag/Project":["a"],"sts:TransitiveTagKeys"');
  assert.deepEqual(codesOf(twoKeys, only('IAM050'), { kind: 'trust' }), ['IAM050'], 'on that key only');
  assert.deepEqual(codesOf(withTag, only('IAM050'), { kind: 'trust' }), []);
  const after = repaired(text, 'IAM050', /Add sts:TagSession/);
  assert.match(after, /"Action":\["sts:AssumeRole","sts:TagSession"\]/);
});

/** An RCP Deny of the services RCPs support, with the condition given. */
const rcpDeny = (condition: Record<string, unknown>) =>
  policyOf(stmt({ Effect: 'Deny', Principal: '*', Action: ['s3:*', 'sqs:*', 'kms:*'], Resource: '*', Condition: condition }));
const RCP_URI = 'file:///test/perimeter.rcp.json';
const ORG = 'o-a1b2c3d4e5';

function rcpRepaired(text: string, code: string): string {
  const after = fixed(text, code, undefined, RCP_URI);
  assert.ok(!codes(after, RCP_URI).includes(code), `${code} still there after the fix:\n${after}`);
  return after;
}

test("IAM324: an RCP Deny on the caller's organization or account that does not exempt AWS services; the fix exempts them", () => {
  const rcp = (condition: Record<string, unknown>) => codesOf(rcpDeny(condition), only('IAM324', 'IAM325', 'IAM326'), { kind: 'rcp' });
  assert.deepEqual(rcp({ StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG } }), ['IAM324']);
  assert.deepEqual(rcp({ StringNotEquals: { 'aws:PrincipalAccount': '111122223333' } }), ['IAM324']);
  assert.deepEqual(rcp({ Null: { 'aws:PrincipalOrgID': 'true' } }), ['IAM324']);
  assert.deepEqual(
    rcp({ StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG, 'aws:ResourceTag/dp:exclude': 'true' } }),
    ['IAM324'],
    'a resource tag does not exempt services',
  );
  assert.deepEqual(
    rcp({ StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } }),
    [],
    "AWS's identity perimeter",
  );
  assert.deepEqual(
    rcp({ StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG }, StringEquals: { 'aws:PrincipalTag/team': 'web' } }),
    [],
    'a principal tag: services carry none',
  );
  assert.deepEqual(codesOf(rcpDeny({ StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG } }), only('IAM324'), { kind: 'scp' }), [], 'an SCP');
  const after = rcpRepaired(rcpDeny({ StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG } }), 'IAM324');
  assert.match(
    after,
    /"Condition":\{"StringNotEqualsIfExists":\{"aws:PrincipalOrgID":"o-a1b2c3d4e5"\},"BoolIfExists":\{"aws:PrincipalIsAWSService":"false"\}\}/,
  );
});

test('IAM326: only a Bool "true" on aws:PrincipalIsAWSService confines the Deny to services; Deny statements only; resource keys confine nothing', () => {
  const rcp = (condition: Record<string, unknown>, elements: Record<string, unknown> = {}) =>
    codesOf(
      policyOf(stmt({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: condition, ...elements })),
      only('IAM324', 'IAM325', 'IAM326'),
      { kind: 'rcp' },
    );
  const source = { StringNotEqualsIfExists: { 'aws:SourceOrgID': ORG } };
  const isService = (value: unknown, operator = 'Bool') => ({ ...source, [operator]: { 'aws:PrincipalIsAWSService': value } });
  assert.deepEqual(rcp(isService('true')), ['IAM326']);
  assert.deepEqual(rcp(isService('TRUE', 'BoolIfExists')), ['IAM326'], 'any letter case, IfExists too');
  assert.deepEqual(rcp(isService('false')), [], 'not services: a condition on services, which may confine the Deny');
  assert.deepEqual(rcp(isService(['true', 'false'])), [], 'true or false: every caller');
  assert.deepEqual(rcp(isService([])), [], 'no value');
  assert.deepEqual(rcp(isService('true', 'StringEquals')), [], 'not a Bool operator');
  assert.deepEqual(rcp({ ...source, StringEquals: { 'aws:PrincipalServiceName': 'true' } }), [], 'another service key');
  assert.deepEqual(
    rcp({ ...isService('true'), StringEquals: { 'aws:ResourceAccount': '111122223333' } }),
    ['IAM326'],
    "the resource's account confines no caller",
  );
  assert.deepEqual(
    rcp({ ...isService('true'), StringNotLikeIfExists: { 'aws:RequestedRegion': 'us-east-1' } }),
    ['IAM326'],
    'a condition true when its key is absent',
  );
  assert.deepEqual(rcp({ ...isService('true'), StringEquals: { 'aws:RequestedRegion': 'us-east-1' } }), [], 'a condition that may confine it');
  assert.deepEqual(rcp(source, { Effect: 'Allow' }), [], 'an Allow');
  assert.deepEqual(rcp(source, { Effect: undefined }), [], 'no Effect (IAM017)');
});

test('IAM325, IAM326: an RCP Deny on a source key needs Bool aws:PrincipalIsAWSService "true" and the Null check; the fixes add each', () => {
  const rcp = (condition: Record<string, unknown>) => codesOf(rcpDeny(condition), only('IAM324', 'IAM325', 'IAM326'), { kind: 'rcp' });
  const source = { StringNotEqualsIfExists: { 'aws:SourceOrgID': ORG } };
  const services = { Bool: { 'aws:PrincipalIsAWSService': 'true' } };
  const present = { Null: { 'aws:SourceAccount': 'false' } };
  assert.deepEqual(rcp(source), ['IAM325']);
  assert.deepEqual(rcp({ ArnNotLike: { 'aws:SourceArn': 'arn:aws:s3:::logs-*' } }), ['IAM325']);
  assert.deepEqual(rcp({ ...source, ...services }), ['IAM326']);
  assert.deepEqual(rcp({ ...source, ...services, ...present }), [], "AWS's confused deputy protection");
  assert.deepEqual(rcp({ ...source, ...present }), [], 'the Null check alone keeps your principals out');
  assert.deepEqual(rcp({ ...source, StringEquals: { 'aws:PrincipalServiceName': 'cloudtrail.amazonaws.com' } }), [], 'one named service');
  const withServices = rcpRepaired(rcpDeny(source), 'IAM325');
  assert.match(withServices, /"Bool":\{"aws:PrincipalIsAWSService":"true"\}/);
  const withNull = rcpRepaired(withServices, 'IAM326');
  assert.match(withNull, /"Null":\{"aws:SourceAccount":"false"\}/);
  assert.deepEqual(
    codes(withNull, RCP_URI).filter(c => /^IAM32[456]$/.test(c)),
    [],
  );
});
