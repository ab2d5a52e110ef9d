// Condition operators, keys and values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { resolveCompletion } from '../../server/src/features/completion';
import { applyItem, complete, inStatement, jsonErrors, newText } from '../helpers/completion';

const catalog = getCatalog();
const withCondition = (condition: string, action = 's3:GetObject') =>
  inStatement(`"Effect": "Allow", "Action": "${action}", "Resource": "*", "Condition": ${condition}`);

test('conditions: every operator, its IfExists form and its set forms; Null has neither', () => {
  const c = complete(withCondition('{ | }'));
  const ifExists = catalog.operators().filter(op => op.ifExistsAllowed).length;
  const plain = catalog.operators().length + ifExists;
  const withoutNull = plain - catalog.operators().filter(op => op.family === 'Null').length;
  assert.equal(c.items.length, plain + 2 * withoutNull);
  for (const label of ['StringEquals', 'StringLikeIfExists', 'ForAllValues:StringEquals', 'ForAnyValue:StringLike', 'ArnLike', 'Bool', 'Null']) {
    assert.ok(c.labels.includes(label), label);
  }
  assert.ok(!c.labels.includes('NullIfExists') && !c.labels.includes('ForAllValues:Null'));
  assert.equal(newText(c.item('StringEquals')), '"StringEquals": { "$1": "$2" }');
  assert.ok(c.item('StringEquals').sortText! < c.item('StringEqualsIfExists').sortText!);
  assert.ok(c.item('StringEqualsIfExists').sortText! < c.item('ForAnyValue:StringEquals').sortText!);
});

test('conditions: operators already used are left out', () => {
  const c = complete(withCondition('{ "Bool": { "aws:SecureTransport": "true" }, | }'));
  assert.ok(!c.labels.includes('Bool') && c.labels.includes('BoolIfExists'));
});

test('conditions: changing an operator ranks first those that accept the keys under it', () => {
  const bool = complete(withCondition('{ "|StringEquals": { "aws:SecureTransport": "true" } }'));
  assert.equal(bool.items.sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0].label, 'Bool');
  assert.equal(newText(bool.item('Bool')), '"Bool"', 'the key alone: its value is already there');
  const multi = complete(withCondition('{ "|StringEquals": { "aws:TagKeys": [ "Project" ] } }'));
  const first = multi.items.sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0].label;
  assert.match(first, /^For(All|Any)Value[s]?:String/, 'set operators for a multivalued key');
});

test("conditions: operators of the key's own type come first, for every type of key", () => {
  const example = new Map<string, string>();
  for (const service of catalog.services()) {
    for (const key of service.conditionKeys) if (!key.multiValued && !example.has(key.type)) example.set(key.type, key.key);
  }
  for (const key of [
    'aws:CurrentTime',
    'aws:EpochTime',
    'aws:MultiFactorAuthAge',
    'aws:SourceIp',
    'aws:SecureTransport',
    'aws:PrincipalArn',
    'aws:PrincipalOrgID',
  ]) {
    example.set(catalog.conditionKey(key)!.type, key);
  }
  example.set('Date', 'aws:CurrentTime');
  assert.ok(example.size >= 6, [...example.keys()].join()); // no key of the catalog is Binary
  const familyOf = (label: string) => catalog.parseOperator(label).base!.family;
  for (const [type, key] of example) {
    const c = complete(withCondition(`{ "|Null": { "${key}": "x" } }`, '*'));
    const sorted = c.items.sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map(i => i.label);
    assert.equal(familyOf(sorted[0]), type, `${key} (${type}): ${sorted.slice(0, 8).join(', ')}`);
    const plainOwn = sorted.filter(label => !label.includes(':') && !label.endsWith('IfExists') && familyOf(label) === type);
    const firstOther = sorted.findIndex(label => familyOf(label) !== type);
    assert.ok(
      plainOwn.every(label => sorted.indexOf(label) < firstOther),
      `${key}: every ${type} operator before any other (${sorted.slice(0, 12).join(', ')})`,
    );
  }
});

test("conditions: keys of the statement's actions first, then global keys, with their types", () => {
  const c = complete(withCondition('{ "StringEquals": { | } }'));
  const sorted = c.items.sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map(i => i.label);
  const s3Key = sorted.indexOf('s3:ExistingObjectTag/${key}');
  const global = sorted.indexOf('aws:PrincipalOrgID');
  assert.ok(s3Key >= 0 && global >= 0 && s3Key < global, `${s3Key} < ${global}`);
  assert.match(c.item('aws:PrincipalOrgID').detail!, /^String/);
  assert.match(c.item('aws:TagKeys').detail!, /ArrayOfString \(multivalued\)/);
  assert.ok(!c.labels.includes('ec2:Region'), 'keys of other services only when their prefix is typed');
  assert.ok(complete(withCondition('{ "StringEquals": { "ec2:|" } }')).labels.includes('ec2:Region'));
});

test('conditions: tag keys are snippets; value skeletons follow the key type', () => {
  const c = complete(withCondition('{ "StringEquals": { | } }', 'ec2:StartInstances'));
  assert.equal(newText(c.item('aws:ResourceTag/${TagKey}')), '"aws:ResourceTag/${1:TagKey}": "$2"');
  assert.equal(newText(c.item('aws:TagKeys')), '"aws:TagKeys": [ "$1" ]');
  const bool = complete(withCondition('{ "Bool": { | } }'));
  assert.equal(newText(bool.item('aws:SecureTransport')), '"aws:SecureTransport": "${1|true,false|}"');
  const sorted = bool.items.sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  assert.match(sorted[0].detail!, /^Bool/, 'keys the operator accepts first');
});

test('conditions: operators and keys get their documentation on resolve', () => {
  const operator = resolveCompletion(complete(withCondition('{ | }')).item('ForAnyValue:StringLike'), catalog);
  assert.match((operator.documentation as { value: string }).value, /ForAnyValue/);
  const key = resolveCompletion(complete(withCondition('{ "StringEquals": { | } }')).item('aws:PrincipalOrgID'), catalog);
  assert.ok((key.documentation as { value: string }).value.includes(catalog.conditionKey('aws:PrincipalOrgID')!.description));
  const plain = complete(withCondition('{ "Bool": { "aws:SecureTransport": "|" } }')).item('true');
  assert.equal(resolveCompletion(plain, catalog), plain, 'other items come back as they are');
});

test('conditions: keys already under the operator are left out', () => {
  const c = complete(withCondition('{ "StringEquals": { "aws:PrincipalOrgID": "o-abc", | } }'));
  assert.ok(!c.labels.includes('aws:PrincipalOrgID') && c.labels.includes('aws:PrincipalAccount'));
});

test('conditions: values where the set is known', () => {
  assert.deepEqual(complete(withCondition('{ "Bool": { "aws:SecureTransport": "|" } }')).labels, ['true', 'false']);
  assert.deepEqual(complete(withCondition('{ "Null": { "aws:ResourceTag/Owner": | } }')).labels, ['true', 'false']);
  assert.deepEqual(complete(withCondition('{ "StringEquals": { "aws:PrincipalType": [ | ] } }')).labels, [
    'Account',
    'User',
    'FederatedUser',
    'AssumedRole',
    'Anonymous',
  ]);
  const regions = complete(withCondition('{ "StringEquals": { "aws:RequestedRegion": [ "eu-west-1", | ] } }'));
  assert.ok(regions.labels.includes('us-east-1') && !regions.labels.includes('eu-west-1'));
  const services = complete(withCondition('{ "StringEquals": { "aws:PrincipalServiceName": "|" } }'));
  assert.ok(services.labels.includes('lambda.amazonaws.com') && services.labels.includes('cloudtrail.amazonaws.com'));
  assert.ok(complete(withCondition('{ "StringEquals": { "iam:PassedToService": "|" } }', 'iam:PassRole')).labels.includes('ec2.amazonaws.com'));
});

test('conditions: account and organization IDs used in the document', () => {
  const c = complete(`{ "Statement": [
    { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:root" }, "Action": "s3:GetObject", "Resource": "*",
      "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5", "aws:SourceAccount": "|" } } } ] }`);
  assert.deepEqual(c.labels, ['123456789012']);
  const org = complete(`{ "Statement": [ { "Effect": "Deny", "Action": "*", "Resource": "*",
      "Condition": { "StringNotEquals": { "aws:ResourceOrgID": "o-a1b2c3d4e5", "aws:PrincipalOrgID": "|" } } } ] }`);
  assert.deepEqual(org.labels, ['o-a1b2c3d4e5']);
});

test('conditions: ARN values segment by segment, policy variables after ${', () => {
  const start = complete(withCondition('{ "ArnLike": { "aws:SourceArn": "|" } }'));
  assert.equal(newText(start.item('arn:')), '"arn:$0"');
  assert.ok(complete(withCondition('{ "ArnLike": { "aws:SourceArn": "arn:|" } }')).labels.includes('aws'));
  const variables = complete(withCondition('{ "StringEquals": { "aws:userid": "AIDA:${|" } }'));
  assert.ok(variables.labels.includes('${aws:username}'));
  assert.ok(applyItem(variables.doc, variables.item('${aws:username}')).includes('"AIDA:${aws:username}"'));
});

test('conditions: every item leaves valid JSON', () => {
  const positions = [
    '{ | }',
    '{ "Bool": { "aws:SecureTransport": "true" } | }',
    '{ "StringEquals": { | } }',
    '{ "StringEquals": { "aws:PrincipalType": | } }',
    '{ "Str|": { "aws:SecureTransport": "true" } }',
  ];
  for (const marked of positions) {
    const c = complete(withCondition(marked));
    assert.ok(c.items.length > 0, marked);
    for (const item of c.items) assert.deepEqual(jsonErrors(applyItem(c.doc, item)), [], `${marked} ${item.label}`);
  }
});
