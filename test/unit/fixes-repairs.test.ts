// Repairs: Version, names (with renames that merge), Sids, repeated and covered actions removed with their commas, missing or conflicting elements.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectIndentUnit, removeMembers } from '../../server/src/features/fixes/jsonEdits';
import { parse } from '../helpers/cursor';
import { codes, fixed, fixesOf, refactored } from '../helpers/fixes';

const ONE = (statement: string, version = '"Version": "2012-10-17", ') => `{ ${version}"Statement": [ ${statement} ] }`;

test('Version: a wrong one is set to 2012-10-17, preferred', () => {
  assert.equal(
    fixed(ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }', '"Version": "2012-10-18", '), 'IAM013'),
    ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }'),
  );
  const { fixes } = fixesOf(ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }', '"Version": "2012-10-18", '), 'IAM013');
  assert.deepEqual(
    fixes.map(f => f.title),
    ['Set "Version": "2012-10-17"'],
  );
});

test('Version: added first, on its own line, where policy variables need it', () => {
  const text = '{\n    "Statement": [\n        { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*" }\n    ]\n}';
  const after = fixed(text, 'IAM350');
  assert.ok(after.startsWith('{\n    "Version": "2012-10-17",\n    "Statement": [\n'));
  assert.ok(!codes(after).includes('IAM350'));
});

test('Version: a refactoring when it is missing', () => {
  assert.equal(
    refactored('{"Statement":[{"Effect":"Allow","Action":"s3:Get|Object","Resource":"*"}]}', /^Add "Version"/),
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    "in the file's compact style",
  );
});

test('a misspelled operator next to the one it means: the two blocks merge instead of repeating a key', () => {
  const text = ONE(
    '{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "aws:username": "bob" }, "stringequals": { "aws:PrincipalTag/team": "x" } } }',
  );
  const after = fixed(text, 'IAM301');
  assert.match(after, /"Condition": \{ "StringEquals": \{ "aws:username": "bob", "aws:PrincipalTag\/team": "x" \} \}/);
  assert.ok(!codes(after).includes('IAM031'));
  const clash = text.replace('aws:PrincipalTag/team', 'aws:username');
  assert.deepEqual(fixesOf(clash, 'IAM301').fixes, [], 'no merge when both test the same key');
});

test('an element renamed onto one that exists is not offered', () => {
  const text = ONE('{ "Effect": "Allow", "effect": "Deny", "Action": "s3:GetObject", "Resource": "*" }');
  assert.deepEqual(fixesOf(text, 'IAM011').fixes, []);
});

test('a repeated Sid gets the next free number', () => {
  const text = ONE(
    '{ "Sid": "Read1", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }, { "Sid": "Read2", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*" }, { "Sid": "Read1", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*" }',
  );
  assert.match(fixed(text, 'IAM027'), /"Sid": "Read3", "Effect": "Allow", "Action": "s3:PutObject"/);
});

test('repeated and covered actions are removed with the right comma: first, middle, last, multi-line', () => {
  const list = (items: string) => ONE(`{ "Effect": "Allow", "Action": [${items}], "Resource": "*" }`);
  assert.equal(fixed(list('"s3:GetObject", "s3:Get*"'), 'IAM105'), list('"s3:Get*"'));
  assert.equal(fixed(list('"s3:Get*", "s3:GetObject", "s3:PutObject"'), 'IAM105'), list('"s3:Get*", "s3:PutObject"'));
  assert.equal(fixed(list('"s3:PutObject", "s3:putobject"'), 'IAM104'), list('"s3:PutObject"'));
  const lines =
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [\n        "s3:PutObject",\n        "s3:GetObject",\n        "s3:PutObject"\n      ],\n      "Resource": "*"\n    }\n  ]\n}';
  assert.match(fixed(lines, 'IAM104'), /"Action": \[\n {8}"s3:PutObject",\n {8}"s3:GetObject"\n {6}\]/);
});

test("a missing Effect goes after the Sid, in the statement's layout", () => {
  const text =
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "A",\n      "Action": "s3:GetObject",\n      "Resource": "*"\n    }\n  ]\n}';
  assert.match(fixed(text, 'IAM017', /Deny/), /"Sid": "A",\n {6}"Effect": "Deny",\n {6}"Action"/);
});

test('a missing Principal: an account or a service, after the Effect', () => {
  const text =
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:GetQueueUrl","Resource":"arn:aws:sqs:us-east-1:111122223333:q"},' +
    '{"Sid":"S","Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:q"}]}';
  const { fixes } = fixesOf(text, 'IAM034');
  assert.deepEqual(
    fixes.map(f => f.title),
    ['Add a "Principal": an account', 'Add a "Principal": a service'],
  );
  assert.match(fixed(text, 'IAM034', /account/), /"Sid":"S","Effect":"Allow","Principal":\{"AWS":"arn:aws:iam::111122223333:root"\},"Action"/);
});

test('Action with NotAction: either goes; a duplicate key: either goes', () => {
  const both = ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "NotAction": "s3:PutObject", "Resource": "*" }');
  assert.deepEqual(
    fixesOf(both, 'IAM018').fixes.map(f => f.title),
    ['Remove "Action"', 'Remove "NotAction"'],
  );
  assert.equal(fixed(both, 'IAM018', /"NotAction"/), ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }'));
  const twice = ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::a/*", "Resource": "arn:aws:s3:::b/*" }');
  assert.equal(fixed(twice, 'IAM031', /earlier/), ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }'));
});

test('removeMembers: the commas of every arrangement', () => {
  const cases: Array<[string, number[], string]> = [
    ['[1, 2, 3]', [0], '[2, 3]'],
    ['[1, 2, 3]', [1], '[1, 3]'],
    ['[1, 2, 3]', [2], '[1, 2]'],
    ['[1, 2, 3]', [1, 2], '[1]'],
    ['[1, 2, 3]', [0, 2], '[2]'],
    ['[1, 2, 3]', [0, 1, 2], '[]'],
    ['[\n  1,\n  2\n]', [1], '[\n  1\n]'],
    ['{ "a": 1, "b": 2 }', [0], '{ "b": 2 }'],
  ];
  for (const [text, indexes, expected] of cases) {
    const root = parse(text).root!;
    const changes = removeMembers(root, new Set(indexes.map(i => root.children![i])));
    let result = text;
    for (const c of changes.sort((a, b) => b.offset - a.offset)) result = result.slice(0, c.offset) + c.text + result.slice(c.offset + c.length);
    assert.equal(result, expected, `${text} without ${indexes.join(',')}`);
  }
});

test('detectIndentUnit: tabs, two and four spaces, none', () => {
  assert.equal(detectIndentUnit('{\n\t"a": {\n\t\t"b": 1\n\t}\n}'), '\t');
  assert.equal(detectIndentUnit('{\n  "a": {\n    "b": 1\n  }\n}'), '  ');
  assert.equal(detectIndentUnit('{\n    "a": [\n        1\n    ]\n}'), '    ');
  assert.equal(detectIndentUnit('{"a": 1}'), undefined);
});

test('an "AWS" principal with white space around it is trimmed; other invalid principals get no guess', () => {
  const text = ONE('{ "Effect": "Allow", "Principal": { "AWS": " arn:aws:iam::111122223333:user/AdminUser" }, "Action": "s3:GetObject", "Resource": "*" }');
  const after = fixed(text, 'IAM035');
  assert.equal(after, text.replace('" arn:', '"arn:'));
  assert.ok(!codes(after).includes('IAM035'));
  assert.deepEqual(fixesOf(text.replace(' arn:aws:iam::111122223333:user/AdminUser', ' AccountB-ID'), 'IAM035').fixes, []);
});

test('a misspelled service principal is replaced by the closest known one', () => {
  const text = ONE('{ "Effect": "Allow", "Principal": { "Service": "lambda.amazonaws.con" }, "Action": "sts:AssumeRole" }');
  const after = fixed(text, 'IAM036');
  assert.equal(after, text.replace('amazonaws.con', 'amazonaws.com'));
  assert.ok(!codes(after).includes('IAM036'));
});

test('a missing Version is added first', () => {
  const text = '{\n  "Statement": [ { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b" } ]\n}';
  const after = fixed(text, 'IAM038');
  assert.ok(after.startsWith('{\n  "Version": "2012-10-17",\n  "Statement"'));
  assert.ok(!codes(after).includes('IAM038'));
});

test('Resource in a role trust policy is removed with its comma', () => {
  const text = ONE('{ "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole", "Resource": "*" }');
  const after = fixed(text, 'IAM039', /^Remove "Resource"/);
  assert.equal(after, ONE('{ "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" }'));
  assert.ok(!codes(after).includes('IAM039'));
});

test('a Region code with a typo gets the Region it resembles', () => {
  const text = ONE('{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "StringNotEquals": { "aws:RequestedRegion": "us-east1" } } }');
  const after = fixed(text, 'IAM334', /us-east-1/);
  assert.equal(after, text.replace('"us-east1"', '"us-east-1"'));
  assert.ok(!codes(after).includes('IAM334'));
});

test("an OIDC provider written as its host becomes its IAM identity provider ARN, with the policy's account", () => {
  const text = ONE(
    '{ "Effect": "Allow", "Principal": { "Federated": "token.actions.githubusercontent.com" }, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "StringEquals": { "aws:SourceAccount": "111122223333" } } }',
  );
  const after = fixed(text, 'IAM037', /^Name the provider by its ARN/);
  assert.ok(after.includes('"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"'), after);
  assert.ok(!codes(after).includes('IAM037'));
  assert.deepEqual(fixesOf(text.replace('token.actions.githubusercontent.com"', 'MyProvider"'), 'IAM037').fixes, [], 'no host, no guess');
});

test("a federated principal's sts:AssumeRole becomes the call it signs in with", () => {
  const text = ONE(
    '{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:saml-provider/Okta" }, "Action": ["sts:AssumeRole", "sts:TagSession"] }',
  );
  const after = fixed(text, 'IAM041');
  assert.equal(after, text.replace('"sts:AssumeRole"', '"sts:AssumeRoleWithSAML"'));
  assert.ok(!codes(after).includes('IAM041'));
});
