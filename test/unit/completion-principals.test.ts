// Principal values: AWS principals, service principals, federated providers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyItem, complete, inStatement, jsonErrors, newText } from '../helpers/completion';

const trust = (principal: string) => inStatement(`"Effect": "Allow", "Principal": ${principal}, "Action": "sts:AssumeRole"`);

test('principals: service principals under "Service"', () => {
  const c = complete(trust('{ "Service": "|" }'));
  for (const name of ['lambda.amazonaws.com', 'ec2.amazonaws.com', 'ecs-tasks.amazonaws.com']) assert.ok(c.labels.includes(name), name);
  assert.ok(applyItem(c.doc, c.item('lambda.amazonaws.com')).includes('"Service": "lambda.amazonaws.com"'));
});

test('principals: services already listed are left out', () => {
  const c = complete(trust('{ "Service": [ "lambda.amazonaws.com", | ] }'));
  assert.ok(!c.labels.includes('lambda.amazonaws.com') && c.labels.includes('ec2.amazonaws.com'));
});

test('principals: "AWS" offers the root ARNs of accounts in the document, role and user ARN snippets, "*"', () => {
  const c = complete(`{ "Statement": [
    { "Effect": "Allow", "Principal": { "AWS": [ "arn:aws:iam::123456789012:role/Deployer", | ] }, "Action": "sts:AssumeRole",
      "Condition": { "StringEquals": { "sts:ExternalId": "x" } } } ] }`);
  assert.equal(c.items[0].label, 'arn:aws:iam::123456789012:root');
  const role = c.items.find(i => i.labelDetails?.description === 'IAM role')!;
  assert.equal(newText(role), '"arn:${1:aws}:iam::${2:123456789012}:role/${3:Deployer}"', 'names from the document');
  assert.ok(c.labels.includes('*'));
  const listed = complete(trust('{ "AWS": [ "arn:aws:iam::123456789012:root", | ] }'));
  assert.ok(!listed.items.some(i => i.label === 'arn:aws:iam::123456789012:root' && i.labelDetails?.description === 'account'), 'not listed twice');
  for (const item of c.items) assert.deepEqual(jsonErrors(applyItem(c.doc, item)), [], item.label);
});

test('principals: "Federated" offers web identity providers and SAML / OIDC provider ARNs', () => {
  const c = complete(inStatement('"Effect": "Allow", "Principal": { "Federated": "|" }, "Action": "sts:AssumeRoleWithWebIdentity"'));
  for (const name of [
    'cognito-identity.amazonaws.com',
    'accounts.google.com',
    'graph.facebook.com',
    'www.amazon.com',
    'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
    'arn:aws:iam::111122223333:saml-provider/provider-name',
  ]) {
    assert.ok(c.labels.includes(name), name);
  }
});

test('principals: an ARN typed under "AWS" completes segment by segment', () => {
  const c = complete(trust('{ "AWS": "arn:aws:iam:|" }'));
  assert.equal(c.items[0].label, '(no Region)');
});

test('principals: nothing to offer for CanonicalUser, and no principal values outside Principal', () => {
  assert.deepEqual(complete(trust('{ "CanonicalUser": "|" }')).items, []);
  assert.deepEqual(complete(inStatement('"Sid": "|"')).items, []);
});
