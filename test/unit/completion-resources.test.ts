// Resource / NotResource: ARN formats of the statement's resource types as snippets, ARN segments
// while typing, policy variables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InsertTextFormat } from 'vscode-languageserver-types';
import { applyItem, complete, expandSnippet, inStatement, jsonErrors, newText } from '../helpers/completion';

test("resources: ARN formats of the statement's resource types, as snippets with tab stops", () => {
  const c = complete(inStatement('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "|"'));
  const object = c.items[0];
  assert.equal(object.label, 'arn:aws:s3:::bucket-name/key');
  assert.equal(newText(object), '"arn:${1:aws}:s3:::${2:bucket-name}/${3:key}"');
  assert.equal(object.insertTextFormat, InsertTextFormat.Snippet);
  assert.equal(object.labelDetails?.description, 's3 object');
  assert.match(object.detail!, /GetObject/);
  assert.ok(c.labels.includes('*'));
});

test('resources: required resource types first, labelled with the actions that need them', () => {
  const c = complete(inStatement('"Effect": "Allow", "Action": [ "iam:PassRole", "iam:GetUser" ], "Resource": [ | ]'));
  assert.match(c.items[0].label, /^arn:aws:iam::111122223333:(role|user)\//);
  assert.match(c.items[0].detail!, /required by (PassRole|GetUser)/);
  assert.ok(
    c.items.some(i => /:user\/user-name-with-path$/.test(i.label)),
    c.labels.join(' '),
  );
});

test('resources: "*" first when an action supports no resource-level permissions', () => {
  const c = complete(inStatement('"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "|"'));
  assert.equal(c.items[0].label, '*');
});

test('resources: defaults come from values the document already uses (accounts, Regions, bucket names)', () => {
  const c = complete(`{ "Version": "2012-10-17", "Statement": [
    { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::reports-bucket" },
    { "Effect": "Allow", "Action": "ec2:StartInstances", "Resource": "arn:aws:ec2:eu-west-1:123456789012:instance/i-1" },
    { "Effect": "Allow", "Action": [ "s3:GetObject", "ec2:StopInstances" ], "Resource": [ "|" ] } ] }`);
  const object = c.items.find(i => i.labelDetails?.description === 's3 object')!;
  assert.equal(object.label, 'arn:aws:s3:::reports-bucket/key');
  const instance = c.items.find(i => i.labelDetails?.description === 'ec2 instance')!;
  assert.equal(instance.label, 'arn:aws:ec2:eu-west-1:123456789012:instance/i-1');
  assert.deepEqual(jsonErrors(applyItem(c.doc, instance)), []);
});

test('resources: several values in the document become a choice', () => {
  const c = complete(`{ "Statement": [
    { "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": ["arn:aws:sqs:us-east-1:111111111111:a", "arn:aws:sqs:us-west-2:222222222222:b", "arn:aws:sqs:us-west-2:222222222222:c"] },
    { "Effect": "Allow", "Action": "sqs:ReceiveMessage", "Resource": "|" } ] }`);
  assert.match(newText(c.items[0]), /\$\{2\|us-west-2,us-east-1\|\}:\$\{3\|222222222222,111111111111\|\}/);
});

test("resources: ARN segments: partitions, then services, the statement's first", () => {
  const partitions = complete(inStatement('"Action": "s3:GetObject", "Resource": "arn:|"'));
  const aws = partitions.item('aws');
  assert.equal(newText(aws), 'aws:');
  assert.equal(aws.command?.command, 'editor.action.triggerSuggest');
  assert.ok(partitions.labels.includes('aws-cn') && partitions.labels.includes('aws-us-gov'));
  const services = complete(inStatement('"Action": "s3:GetObject", "Resource": "arn:aws:|"'));
  const segmentItems = services.items.filter(i => newText(i).endsWith(':') && !newText(i).startsWith('"'));
  assert.equal(segmentItems[0].label, 's3');
});

test('resources: the Region segment is empty for services whose ARNs have none (IAM, S3 buckets)', () => {
  const iam = complete(inStatement('"Action": "iam:GetRole", "Resource": "arn:aws:iam:|"'));
  const none = iam.item('(no Region)');
  assert.equal(newText(none), ':');
  assert.ok(!iam.labels.includes('us-east-1'), 'IAM ARNs never have a Region');
  const sqs = complete(inStatement('"Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:|"'));
  assert.ok(sqs.labels.includes('us-east-1') && !sqs.labels.includes('(no Region)'), 'SQS queues always have one');
  const ec2 = complete(inStatement('"Action": "ec2:StartInstances", "Resource": "arn:aws:ec2:|"'));
  assert.ok(ec2.item('(no Region)').sortText! > ec2.item('us-east-1').sortText!, 'only EC2 IPAM ARNs have none');
  const s3 = complete(inStatement('"Action": "s3:GetObject", "Resource": "arn:aws:s3:|"'));
  assert.equal(s3.items[0].label, '(no Region)', 'S3 objects and buckets have no Region; access points do');
  assert.ok(s3.labels.includes('us-east-1'));
});

test('resources: account IDs used in the document, then the resource parts of the service', () => {
  const text = (marked: string) => `{ "Statement": [
    { "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:444455556666:orders" },
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::logs-bucket/*", "${marked}"] } ] }`;
  assert.ok(complete(text('arn:aws:sqs:us-east-1:|')).labels.includes('444455556666'));
  const resource = complete(text('arn:aws:s3:::|'));
  assert.equal(resource.items[0].label, 'logs-bucket/*');
  const object = resource.items.find(i => i.labelDetails?.description === 'object')!;
  assert.equal(object.label, 'logs-bucket/key');
  assert.ok(applyItem(resource.doc, object).includes('"arn:aws:s3:::logs-bucket/key"'));
});

test('resources: a segment in the middle is replaced alone, without a second colon', () => {
  const c = complete(inStatement('"Action": "ec2:StartInstances", "Resource": "arn:aws:ec2:us-e|ast-1:123456789012:instance/*"'));
  const after = applyItem(c.doc, c.item('us-west-2'));
  assert.ok(after.includes('"arn:aws:ec2:us-west-2:123456789012:instance/*"'));
});

test('resources: policy variables after ${ in the resource part of an ARN', () => {
  const c = complete(inStatement('"Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/home/${|}/*"'));
  const username = c.item('${aws:username}');
  assert.ok(applyItem(c.doc, username).includes('"arn:aws:s3:::bucket/home/${aws:username}/*"'));
  const tag = c.item('${aws:PrincipalTag/${TagKey}}');
  assert.equal(expandSnippet(newText(tag)), '${aws:PrincipalTag/TagKey}');
  assert.ok(!complete(inStatement('"Resource": "arn:aws:${|"')).labels.includes('${aws:username}'), 'not in the service segment');
});

test('resources: every item leaves valid JSON', () => {
  for (const marked of ['"Resource": |', '"Resource": [ "arn:aws:s3:::|" ]', '"Resource": [ "*" | ]', '"Resource": "arn:aws:s3:|"']) {
    const c = complete(inStatement(`"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], ${marked}`));
    assert.ok(c.items.length > 0, marked);
    for (const item of c.items) assert.deepEqual(jsonErrors(applyItem(c.doc, item)), [], `${marked} ${item.label}`);
  }
});

test('resources: the text being typed is not offered back as "used in this policy", and no label comes twice', () => {
  const c = complete(inStatement('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bu|"'));
  assert.ok(!c.items.some(i => i.detail === 'used in this policy'), c.labels.join(' | '));
  assert.ok(!c.labels.some(l => l.startsWith('my-bu')), c.labels.join(' | '));
  const other = complete(inStatement('"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::my-bucket/*", "arn:aws:s3:::my-bu|"]'));
  assert.deepEqual(
    other.items.filter(i => i.detail === 'used in this policy').map(i => i.label),
    ['my-bucket/*'],
  );
  for (const marked of [
    inStatement('"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::|"]'),
    inStatement('"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::reports", "|"]'),
    inStatement('"Effect": "Allow", "Action": ["s3:*"], "Resource": ["arn:aws:s3:::reports/*", "arn:aws:s3:::|"]'),
  ]) {
    const labels = complete(marked).labels;
    assert.deepEqual(
      labels.filter((l, i) => labels.indexOf(l) !== i),
      [],
      labels.join(' | '),
    );
  }
});
