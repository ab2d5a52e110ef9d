// Condition rules IAM300-IAM352: each one triggered, and the near misses that must stay silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { collectFindings } from '../../server/src/features/diagnostics';
import type { PolicyKind } from '../../server/src/policy/model';
import { withDefaults } from '../../server/src/protocol';
import { suggestOperators } from '../../server/src/rules/conditionsOperators';
import { isCidr } from '../../server/src/rules/conditionsValues';
import { variablesIn } from '../../server/src/rules/conditionsVariables';
import { parse } from '../helpers/cursor';
import { codesOf, findingsOf, policyOf, stmt } from '../helpers/findings';
import { fixed } from '../helpers/fixes';

/** The IAM3xx codes a statement gets (Allow unless given), with the given condition block. */
function codes(condition: string, options: { action?: string; effect?: string; version?: string | null; kind?: PolicyKind; resource?: string } = {}): string[] {
  const version = options.version === null ? '' : `"Version":"${options.version ?? '2012-10-17'}",`;
  const text = `{${version}"Statement":[{"Effect":"${options.effect ?? 'Allow'}","Action":${options.action ?? '"s3:GetObject"'},"Resource":${options.resource ?? '"*"'},"Condition":${condition}}]}`;
  const doc = parse(text, 'file:///test/policy.json', { languageId: 'iam-policy', kind: options.kind });
  return collectFindings(doc, getCatalog(), withDefaults(undefined), e => {
    throw e;
  })
    .map(f => f.code)
    .filter(c => c.startsWith('IAM3'));
}

test('IAM300: unknown operator, with suggestions', () => {
  assert.deepEqual(codes('{"StringEqual":{"aws:username":"a"}}'), ['IAM300']);
  assert.deepEqual(codes('{"ForAllValue:StringEquals":{"aws:TagKeys":"a"}}'), ['IAM300']);
  assert.deepEqual(suggestOperators('StringEqual', getCatalog())[0], 'StringEquals');
  assert.deepEqual(suggestOperators('ForAllValue:StringEqual', getCatalog())[0], 'ForAllValues:StringEquals');
  // the closest operator as a fix, and the fixed policy is clean
  const text =
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEqual":{"aws:username":"a"}}}]}';
  const repaired = fixed(text, 'IAM300', /StringEquals"$/);
  assert.match(repaired, /"StringEquals":\{"aws:username"/);
  assert.deepEqual(codesOf(repaired, /^IAM3/), []);
  assert.deepEqual(codes('{"StringEqualsIgnoreCase":{"aws:username":"a"},"ArnNotLikeIfExists":{"aws:PrincipalArn":"arn:aws:iam::*:role/x"}}'), []);
});

/** The IAM300-IAM302 findings of a condition block: code, the text they point at, and their replacements. */
function operatorFindings(condition: Record<string, unknown>): Array<[string, string, unknown]> {
  const text = policyOf(stmt({ Action: 's3:GetObject', Resource: '*', Condition: condition }));
  return findingsOf(text)
    .filter(f => /^IAM30[0-2]$/.test(f.code))
    .map(f => [f.code, text.slice(f.offset, f.offset + f.length), f.data?.replacements]);
}

test('IAM300: the suggestions mend the qualifier and the operator apart, with and without IfExists', () => {
  const block = { 'aws:username': 'a' };
  assert.deepEqual(operatorFindings({ StringEqualsIfExist: block }), [
    ['IAM300', '"StringEqualsIfExist"', ['"StringEqualsIfExists"', '"StringEquals"', '"StringNotEqualsIfExists"']],
  ]);
  assert.deepEqual(operatorFindings({ Nul: block }), [['IAM300', '"Nul"', ['"Null"']]], 'Null, which takes no IfExists, is a candidate too');
  assert.deepEqual(suggestOperators('ForAnyValue:Bol', getCatalog()), ['ForAnyValue:Bool'], 'the operator is read after the colon');
  assert.deepEqual(operatorFindings({ 'Foo:StringEquals': block }), [['IAM300', '"Foo:StringEquals"', []]], 'no qualifier close to "Foo": nothing to suggest');
  assert.deepEqual(suggestOperators(':StringEquals', getCatalog()), [], 'an empty qualifier is no qualifier to mend');
});

test('IAM301: an operator in another letter case is information', () => {
  assert.deepEqual(
    operatorFindings({ 'forallvalues:stringequalsifexists': { 'aws:TagKeys': 'a' } }),
    [['IAM301', '"forallvalues:stringequalsifexists"', ['"ForAllValues:StringEqualsIfExists"']]],
    'the qualifier, the operator and IfExists as AWS writes them',
  );
  assert.deepEqual(operatorFindings({ stringequals: { 'aws:username': 'a' } }), [['IAM301', '"stringequals"', ['"StringEquals"']]]);
  assert.deepEqual(codes('{"ForAnyValue:Stringlike":{"aws:TagKeys":"a*"}}'), ['IAM301']);
  assert.deepEqual(codes('{"ForAnyValue:StringLike":{"aws:TagKeys":"a*"}}'), []);
});

test('IAM302: Null with IfExists', () => {
  assert.deepEqual(codes('{"NullIfExists":{"aws:TokenIssueTime":"true"}}'), ['IAM302']);
  assert.deepEqual(
    operatorFindings({ nullifexists: { 'aws:TokenIssueTime': 'true' } }),
    [['IAM302', '"nullifexists"', ['"null"']]],
    'IfExists dropped, in any letter case',
  );
  assert.deepEqual(operatorFindings({ 'ForAnyValue:NullIfExists': { 'aws:TagKeys': 'true' } }), [
    ['IAM302', '"ForAnyValue:NullIfExists"', ['"ForAnyValue:Null"']],
  ]);
  assert.deepEqual(codes('{"Null":{"aws:TokenIssueTime":"true"},"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}'), []);
});

test('IAM310: unknown condition keys; tag keys, variable parts, IdP claims and case differences are known', () => {
  assert.deepEqual(codes('{"StringEquals":{"aws:SourceIpp":"1.2.3.4"}}'), ['IAM310']);
  assert.deepEqual(codes('{"StringEquals":{"s3:nosuchkey":"a"}}'), ['IAM310']);
  assert.deepEqual(codes('{"Null":{"accounts.google.com":"false"}}'), ['IAM310']);
  assert.deepEqual(codes('{"StringEquals":{"<PROVIDER>:sub":"x"}}', { action: '"sts:AssumeRoleWithWebIdentity"' }), ['IAM310']);
  assert.deepEqual(
    codes(
      '{"StringEquals":{"aws:ResourceTag/Team":"a","AWS:PRINCIPALTAG/x":"b","s3:ExistingObjectTag/k":"v","oidc.eks.us-east-1.amazonaws.com/id/ABC:sub":"system:serviceaccount:ns:sa"}}',
    ),
    [],
  );
});

/** The IAM310-IAM316 findings of a statement (Allow s3:GetObject unless given) with the condition: code, the text they point at, data. */
function keyFindings(condition: string, elements: Record<string, unknown> = {}): Array<[string, string, unknown]> {
  const statement = stmt({ Action: 's3:GetObject', Resource: '*', ...elements }).replace(/\}$/, `,"Condition":${condition}}`);
  const text = policyOf(statement);
  return findingsOf(text)
    .filter(f => /^IAM31[0-6]$/.test(f.code))
    .map(f => [f.code, text.slice(f.offset, f.offset + f.length), f.data]);
}

test('IAM310: the replacements are the closest global keys, or keys of the same service, without variable parts', () => {
  const unknown = (key: string) => keyFindings(`{"StringEquals":{"${key}":"x"}}`);
  const sourceIp = ['"aws:SourceIp"', '"aws:SourceVpc"', '"aws:SourceArn"'];
  assert.deepEqual(unknown('aws:SourceIpp'), [['IAM310', '"aws:SourceIpp"', { replacements: sourceIp }]]);
  assert.deepEqual(unknown('AWS:SourceIpp'), [['IAM310', '"AWS:SourceIpp"', { replacements: sourceIp }]], 'the prefix in any letter case');
  assert.deepEqual(unknown('s3:x-amz-aclx'), [['IAM310', '"s3:x-amz-aclx"', { replacements: ['"s3:x-amz-acl"'] }]]);
  assert.deepEqual(unknown('aws:ResourceTag'), [['IAM310', '"aws:ResourceTag"', { replacements: ['"aws:ResourceOrgID"'] }]], 'not aws:ResourceTag/${TagKey}');
  assert.deepEqual(unknown('nosuch:Key'), [['IAM310', '"nosuch:Key"', { replacements: [] }]], 'a service the catalog does not know');
});

test('IAM310: a placeholder or a name without a colon gets no replacement', () => {
  const unknown = (key: string) => keyFindings(`{"StringEquals":{"${key}":"x"}}`);
  assert.deepEqual(unknown('aws:SourceIp<X>'), [['IAM310', '"aws:SourceIp<X>"', undefined]]);
  assert.deepEqual(unknown('SourceIp'), [['IAM310', '"SourceIp"', undefined]]);
});

test('IAM311: a key of another service that none of the actions lists', () => {
  assert.deepEqual(codes('{"StringEquals":{"kms:ViaService":"s3.us-east-1.amazonaws.com"}}'), ['IAM311']);
  assert.deepEqual(
    codes('{"StringEquals":{"kms:ViaService":"s3.us-east-1.amazonaws.com"}}', { action: '["s3:GetObject","kms:Decrypt"]' }),
    ['IAM314'],
    'a kms action is present: not IAM311, but the key is absent for s3:GetObject (IAM314)',
  );
  assert.deepEqual(codes('{"StringEquals":{"iam:ResourceTag/Project":"x"}}', { action: '"sts:AssumeRole"' }), [], 'sts:AssumeRole lists iam:ResourceTag');
  assert.deepEqual(codes('{"StringEquals":{"kms:ViaService":"x"}}', { action: '"*"' }), [], 'silent with *');
  assert.deepEqual(codes('{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}'), [], 'global keys apply everywhere');
});

test('IAM311: silent when the actions cannot all be known', () => {
  const viaService = (action: string) => codes('{"StringEquals":{"kms:ViaService":"x"}}', { action });
  assert.deepEqual(viaService('["s3:GetObject",5]'), [], 'an entry that is not a string');
  assert.deepEqual(viaService('["*","s3:GetObject","kms:Decrypt"]'), [], '"*" beside named actions');
  assert.deepEqual(viaService('["s3:GetObject","nosuch:Thing"]'), [], 'an unknown action');
  assert.deepEqual(viaService('[]'), [], 'no action');
});

test('IAM313: a key of the same service that the reference attaches to other actions only (information)', () => {
  assert.deepEqual(codes('{"StringEquals":{"s3:x-amz-storage-class":"STANDARD"}}', { action: '"s3:ListBucket"' }), ['IAM313']);
  assert.deepEqual(codes('{"StringEquals":{"s3:x-amz-storage-class":"STANDARD"}}', { action: '"s3:PutObject"' }), []);
  assert.deepEqual(
    codes('{"StringEquals":{"states:HTTPEndpoint":"https://x"}}', { action: '"states:InvokeHTTPEndpoint"' }),
    [],
    'a key no action lists: the reference is incomplete',
  );
  assert.deepEqual(
    codes('{"ForAnyValue:StringEquals":{"kms:GrantOperations":"Decrypt"}}', { action: '["s3:GetObject","kms:Decrypt"]' }),
    ['IAM313'],
    'beside actions of another service',
  );
  assert.deepEqual(
    codes('{"StringEquals":{"kms:KeySpec":"x"}}', { action: '"kms:CancelKeyDeletion"' }),
    [],
    "listed by the action's resource type in the catalog",
  );
});

test('IAM312: the same key twice in different case', () => {
  assert.deepEqual(codes('{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d","aws:sourcevpce":"vpce-5e6f7a8b"}}'), ['IAM312']);
  assert.deepEqual(codes('{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"},"StringLike":{"aws:sourcevpce":"vpce-*"}}'), []);
  assert.deepEqual(codes('{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d","aws:SourceVpce":"vpce-5e6f7a8b"}}'), [], 'the same spelling twice is IAM031');
  const text = policyOf(
    stmt({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d', 'aws:sourcevpce': 'v' } } }),
  );
  const finding = findingsOf(text).find(f => f.code === 'IAM312');
  assert.deepEqual(
    [finding, finding?.related?.[0]].map(at => text.slice(at?.offset, (at?.offset ?? 0) + (at?.length ?? 0))),
    ['"aws:sourcevpce"', '"aws:SourceVpce"'],
    'the second spelling, related to the first',
  );
});

test('IAM320, IAM321: operator type against key type', () => {
  assert.deepEqual(codes('{"StringEquals":{"aws:SourceIp":"203.0.113.0/24"}}'), ['IAM320']);
  assert.deepEqual(codes('{"Bool":{"aws:CurrentTime":"true"}}'), ['IAM320']);
  assert.deepEqual(codes('{"DateGreaterThan":{"aws:MultiFactorAuthAge":"2020-01-01"}}'), ['IAM320']);
  assert.deepEqual(codes('{"StringEquals":{"aws:SecureTransport":"true"}}'), ['IAM321']);
  // a Numeric operator on a key the Service Authorization Reference types String parses its value (AWS's Glacier vault lock example)
  assert.deepEqual(codes('{"NumericLessThan":{"glacier:ArchiveAgeInDays":"365"}}', { action: '"glacier:DeleteArchive"' }), []);
  // near misses AWS documents: string operators on ARN keys (with a wildcard, IAM322), ARN operators on string keys, numeric on aws:EpochTime
  assert.deepEqual(
    codes(
      '{"StringEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/x"},"ArnLike":{"aws:RequestTag/origin":"arn:aws:s3:::*"},"ArnLike":{"aws:SourceVpcArn":"arn:aws:ec2:*:*:vpc/*"},"NumericLessThan":{"aws:EpochTime":"1700000000"},"Null":{"aws:SourceIp":"false"}}',
    ),
    [],
  );
});

test('IAM330: values that do not parse for the operator; policy variables only with String, ARN and Bool', () => {
  assert.deepEqual(codes('{"IpAddress":{"aws:SourceIp":"203.0.113.0/33"}}'), ['IAM330']);
  assert.deepEqual(codes('{"IpAddress":{"aws:SourceIp":["11.0.0.0/8","2001:db8::/32","198.51.100.7","bad"]}}'), ['IAM330']);
  assert.deepEqual(codes('{"Bool":{"aws:SecureTransport":"yes"}}'), ['IAM330']);
  assert.deepEqual(codes('{"NumericLessThan":{"s3:max-keys":"ten"}}', { action: '"s3:ListBucket"' }), ['IAM330']);
  assert.deepEqual(codes('{"NumericLessThan":{"s3:max-keys":"${aws:PrincipalTag/max}"}}', { action: '"s3:ListBucket"' }), ['IAM330']);
  assert.deepEqual(codes('{"DateLessThan":{"aws:CurrentTime":"31/12/2025"}}'), ['IAM330']);
  assert.deepEqual(codes('{"ArnLike":{"aws:SourceArn":"arn:aws:sns:topic"}}'), ['IAM330']);
  assert.deepEqual(codes('{"ArnLike":{"aws:SourceArn":"my-topic"}}'), ['IAM330']);
  // near misses
  // (two Booleans, epoch seconds: other rules' findings, IAM336 and IAM337)
  assert.deepEqual(
    codes(
      '{"Bool":{"aws:SecureTransport":[true,"False"]},"NumericLessThan":{"aws:MultiFactorAuthAge":3600},"DateGreaterThan":{"aws:CurrentTime":["2025","2025-01-31","2025-01-31T12:00Z","2025-01-31T12:00:00.5+02:00","1700000000"]}}',
    ).filter(c => c === 'IAM330'),
    [],
  );
  assert.deepEqual(
    codes(
      '{"ArnLike":{"aws:SourceArn":["arn:aws:sns:*:111122223333:*","arn:aws:s3:::${aws:username}/*","*"]},"Bool":{"aws:SecureTransport":"${aws:SecureTransport}"}}',
    ).filter(c => c === 'IAM330'),
    [],
  );
  assert.deepEqual(codes('{"ArnLike":{"aws:SourceArn":"arn:aws:sns:<REGION>:<ACCOUNT_ID>:topic"}}'), [], 'placeholders are IAM090');
  assert.ok(isCidr('::1/128') && isCidr('0.0.0.0/0') && !isCidr('10.0.0.0/8/1') && !isCidr('256.0.0.1'));
});

test('IAM330: the whole value is read; one that only contains a good value is not good', () => {
  for (const prefix of ['+8', '1e1', '8 ']) assert.equal(isCidr(`10.0.0.0/${prefix}`), false, prefix);
  for (const value of ['truex', 'not true']) assert.deepEqual(codes(`{"Bool":{"aws:SecureTransport":"${value}"}}`), ['IAM330'], value);
  assert.deepEqual(codes('{"ArnLike":{"aws:SourceArn":"urn:aws:sns:us-east-1:111122223333:t"}}'), ['IAM330'], 'no "arn:"');
  assert.deepEqual(codes('{"NumericLessThan":{"aws:MultiFactorAuthAge":" 3600"}}'), [], 'white space around a number');
  assert.deepEqual(codes('{"NumericEquals":{"aws:MultiFactorAuthAge":"36*"}}'), ['IAM330'], 'not IAM338: no String operator');
});

test('IAM330 near misses: a placeholder (IAM090), a value of another JSON type (IAM016)', () => {
  assert.deepEqual(codes('{"NumericLessThan":{"aws:MultiFactorAuthAge":"<MAX_AGE>"}}'), []);
  assert.deepEqual(codes('{"NumericLessThan":{"aws:MultiFactorAuthAge":[{"Max":3600}]}}'), []);
});

test('IAM331: Null takes true or false', () => {
  assert.deepEqual(codes('{"Null":{"aws:TokenIssueTime":"yes"}}'), ['IAM331']);
  assert.deepEqual(codes('{"Null":{"aws:TokenIssueTime":true,"aws:SourceIp":"FALSE"}}'), []);
  for (const value of ['truex', 'not false']) assert.deepEqual(codes(`{"Null":{"aws:TokenIssueTime":"${value}"}}`), ['IAM331'], value);
  const text = policyOf(stmt({ Action: 's3:GetObject', Resource: '*', Condition: { Null: { 'aws:TokenIssueTime': 'yes' } } }));
  assert.deepEqual(findingsOf(text).find(f => f.code === 'IAM331')?.data, { replacements: ['"true"', '"false"'] });
});

test('IAM332: a key with an empty list of values', () => {
  assert.deepEqual(codes('{"StringEquals":{"aws:username":[]}}'), ['IAM332']);
  assert.deepEqual(codes('{"StringEquals":{"aws:username":[""]}}'), []);
  const text = policyOf(stmt({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:username': [] } } }));
  const finding = findingsOf(text).find(f => f.code === 'IAM332')!;
  assert.equal(text.slice(finding.offset, finding.offset + finding.length), '[]', 'on the empty list');
});

test('IAM333: Bool aws:MultiFactorAuthPresent "false" misses long-term access keys', () => {
  assert.deepEqual(codes('{"Bool":{"aws:MultiFactorAuthPresent":"false"}}', { effect: 'Deny', action: '"*"' }), ['IAM333']);
  assert.deepEqual(codes('{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}', { effect: 'Deny', action: '"*"' }), []);
  assert.deepEqual(codes('{"Bool":{"aws:MultiFactorAuthPresent":"true"}}'), []);
  assert.deepEqual(
    codes('{"StringEquals":{"aws:MultiFactorAuthPresent":"false"}}', { effect: 'Deny', action: '"*"' }).filter(c => c === 'IAM333'),
    [],
    'only Bool',
  );
});

test('IAM340, IAM341: set qualifiers and multivalued keys', () => {
  assert.deepEqual(codes('{"ForAnyValue:StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}'), ['IAM340']);
  assert.deepEqual(codes('{"StringEquals":{"aws:TagKeys":"Project"}}', { action: '"ec2:CreateTags"' }), ['IAM341']);
  assert.deepEqual(
    codes('{"ForAnyValue:StringEquals":{"aws:TagKeys":"Project"},"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"},"Null":{"aws:TagKeys":"false"}}', {
      action: '"ec2:CreateTags"',
    }),
    [],
  );
});

test('IAM342: ForAllValues in an Allow without a Null guard', () => {
  assert.deepEqual(codes('{"ForAllValues:StringEquals":{"aws:TagKeys":["Project"]}}', { action: '"ec2:CreateTags"' }), ['IAM342']);
  assert.deepEqual(codes('{"ForAllValues:StringEquals":{"aws:TagKeys":["Project"]},"Null":{"aws:TagKeys":"false"}}', { action: '"ec2:CreateTags"' }), []);
  assert.deepEqual(
    codes('{"ForAllValues:StringEquals":{"aws:TagKeys":["Project"]},"ForAnyValue:StringLike":{"aws:TagKeys":"*"}}', { action: '"ec2:CreateTags"' }),
    [],
    'another condition needs the key',
  );
  assert.deepEqual(codes('{"ForAllValues:StringNotEquals":{"aws:TagKeys":["Project"]}}', { action: '"ec2:CreateTags"', effect: 'Deny' }), [], 'Deny');
});

test('IAM342: only a condition of the same statement guards, on the same key, in any letter case', () => {
  const tags = (condition: Record<string, unknown>) => stmt({ Action: 'ec2:CreateTags', Resource: '*', Condition: condition });
  const forAll = tags({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Project'] } });
  const where = (text: string) =>
    findingsOf(text)
      .filter(f => f.code === 'IAM342')
      .map(f => text.slice(f.offset, f.offset + f.length));
  assert.deepEqual(where(policyOf(forAll, tags({ Null: { 'aws:TagKeys': 'false' } }))), ['"aws:TagKeys"'], 'a Null guard in another statement');
  assert.deepEqual(where(policyOf(tags({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Project'] }, Null: { 'aws:tagkeys': 'false' } }))), []);
  assert.deepEqual(
    where(policyOf(tags({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Project'] }, Null: { 'aws:TagKeys': 'true' } }))),
    ['"aws:TagKeys"'],
    'Null "true" lets the key be absent',
  );
  assert.deepEqual(
    where(policyOf(tags({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Project'] }, Null: { 'aws:RequestTag/Project': 'false' } }))),
    ['"aws:TagKeys"'],
    'a guard on another key',
  );
  assert.deepEqual(
    where(policyOf(tags({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Project'] }, 'ForAllValues:StringLike': { 'aws:TagKeys': ['P*'] } }))),
    ['"aws:TagKeys"', '"aws:TagKeys"'],
    'two ForAllValues: neither needs the key',
  );
  assert.deepEqual(
    where(policyOf(tags({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Project'] }, 'StringEqualsIfExists': { 'aws:TagKeys': 'Project' } }))),
    ['"aws:TagKeys"'],
    '...IfExists does not need it',
  );
});

test('IAM350: policy variables need Version 2012-10-17', () => {
  const condition = '{"StringLike":{"s3:prefix":"home/${aws:username}/*"}}';
  assert.deepEqual(codes(condition, { action: '"s3:ListBucket"', version: '2008-10-17' }), ['IAM350']);
  assert.deepEqual(codes(condition, { action: '"s3:ListBucket"', version: null }), ['IAM350']);
  assert.deepEqual(codes('{}', { resource: '"arn:aws:s3:::b/${aws:username}/*"', version: null }), ['IAM350']);
  assert.deepEqual(codes(condition, { action: '"s3:ListBucket"' }), []);
  assert.deepEqual(codes('{"StringLike":{"s3:prefix":"home/*"}}', { action: '"s3:ListBucket"', version: '2008-10-17' }), []);
  assert.deepEqual(
    codes('{"StringEquals":{"aws:RequestedRegion":"${HOME_REGION}"}}', { version: null }),
    ['IAM351'],
    "a template placeholder is IAM351's, not a variable that needs the Version",
  );
});

test('IAM351: unknown or unterminated policy variables', () => {
  assert.deepEqual(codes('{}', { resource: '"arn:aws:s3:::b/${aws:usrname}/*"' }), ['IAM351']);
  assert.deepEqual(codes('{}', { resource: '"arn:aws:iam::${Account}:role/x"' }), ['IAM351']);
  assert.deepEqual(codes('{}', { resource: '"arn:aws:s3:::b/${aws:username"' }), ['IAM352'], 'no closing brace: IAM352');
  assert.deepEqual(
    codes('{"StringEquals":{"aws:ResourceTag/team":"${aws:PrincipalTag/team}"}}', {
      resource: '["arn:aws:s3:::b/${aws:username, \'anon\'}/*","arn:aws:s3:::b/${*}${?}${$}"]',
    }),
    [],
  );
  const uses = variablesIn('a${aws:username}b${x', 10);
  assert.deepEqual(uses, [
    { name: 'aws:username', raw: 'aws:username', offset: 11, length: 15 },
    { name: undefined, raw: 'x', offset: 27, length: 3 },
  ]);
});

test('condition rules never throw on odd input', () => {
  for (const condition of [
    '{"":{"":""}}',
    '{"ForAllValues:":{"a":[]}}',
    '{"StringEquals":{"a":[1,true,null,{}]}}',
    '{"Null":{"${":"${"}}',
    '{"IfExists":{}}',
  ]) {
    assert.doesNotThrow(() => codes(condition));
  }
});

test('IAM334: a Region, account ID or organization ID that cannot be one', () => {
  assert.deepEqual(codes('{"StringEquals":{"aws:RequestedRegion":["us-east1","eu-west-1"]}}'), ['IAM334']);
  assert.deepEqual(codes('{"StringNotEquals":{"aws:PrincipalOrgID":"123456789012"}}', { effect: 'Deny' }), ['IAM334']);
  assert.deepEqual(codes('{"StringEquals":{"aws:ResourceAccount":"12345"}}'), ['IAM334']);
  assert.deepEqual(codes('{"StringEquals":{"aws:SourceVpce":"vpc-1a2b3c4d"}}'), ['IAM334'], 'a VPC where the endpoint goes');
  assert.deepEqual(codes('{"StringEquals":{"aws:SourceVpc":"vpce-1a2b3c4d"}}'), ['IAM334']);
  for (const fine of [
    '{"StringEquals":{"aws:RequestedRegion":["us-east-1","eu-central-2","ap-southeast-7","us-gov-west-1","cn-north-1"]}}',
    '{"StringLike":{"aws:RequestedRegion":"eu-*"}}',
    '{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5","aws:SourceAccount":"111122223333"}}',
    '{"StringEquals":{"aws:SourceVpc":"vpc-1a2b3c4d","aws:SourceVpce":"vpce-1234abcdf5678c90a"}}',
    '{"StringEquals":{"aws:PrincipalAccount":"${aws:ResourceAccount}","aws:ResourceOrgID":"<my-org-id>"}}',
    '{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::b"},"StringEquals":{"aws:username":"us-east1"}}',
  ])
    assert.deepEqual(codes(fine), [], fine);
});

test('IAM334: the replacements are the closest Regions; other forms have none', () => {
  const data = (condition: unknown) =>
    findingsOf(policyOf(stmt({ Action: 's3:GetObject', Resource: '*', Condition: condition })))
      .filter(f => f.code === 'IAM334')
      .map(f => f.data);
  assert.deepEqual(data({ StringEquals: { 'aws:RequestedRegion': 'us-east1' } }), [{ replacements: ['"us-east-1"', '"us-east-2"'] }]);
  assert.deepEqual(data({ StringEquals: { 'aws:ResourceAccount': '12345' } }), [{ replacements: [] }]);
});

test('IAM334: only the string values of String operators are judged', () => {
  assert.deepEqual(codes('{"Null":{"aws:RequestedRegion":"true"}}'), []);
  assert.deepEqual(codes('{"StringEquals":{"aws:SourceAccount":111122223333}}'), [], 'an account ID written as a JSON number');
});
