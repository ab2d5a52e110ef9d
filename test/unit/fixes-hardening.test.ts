// Hardening fixes for resource and trust policies: the conditions (and the statement) the security
// findings recommend, merged into what the statement already has.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InsertSnippetArgs } from '../../server/src/protocol/snippet';
import { applyFix, codes, diagnose, fixed, fixesFor, fixesOf, snippetProblem } from '../helpers/fixes';

const bucketPolicy = (statement: string) => `{
  "Version": "2012-10-17",
  "Statement": [
    ${statement}
  ]
}`;

test('IAM424: a bucket policy gets a Deny of plain HTTP on its buckets and their objects', () => {
  const text = bucketPolicy(
    '{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*" }',
  );
  const after = fixed(text, 'IAM424');
  const added = (JSON.parse(after) as { Statement: unknown[] }).Statement[1];
  assert.deepEqual(added, {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: ['arn:aws:s3:::site', 'arn:aws:s3:::site/*'],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  });
  assert.match(after, /\},\n {4}\{ "Sid": "DenyInsecureTransport", "Effect": "Deny", /, 'one line, like the statement before it');
  assert.ok(!codes(after).includes('IAM424'));
  const multiline = text.replace('{ "Effect": "Allow",', '{\n      "Effect": "Allow",').replace('site/*" }', 'site/*"\n    }');
  assert.match(fixed(multiline, 'IAM424'), /\n {4}\},\n {4}\{\n {6}"Sid": "DenyInsecureTransport",\n {6}"Effect": "Deny",/);
});

test('IAM420: a public principal gets aws:PrincipalOrgID or aws:PrincipalAccount; preferred only when the policy gives the value', () => {
  const text = bucketPolicy('{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*" }');
  const { fixes } = fixesOf(text, 'IAM420');
  assert.deepEqual(
    fixes.map(f => [f.title, f.isPreferred]),
    [
      ['Add a condition on aws:PrincipalOrgID', false],
      ['Add a condition on aws:PrincipalAccount', false],
    ],
    'a placeholder to fill in: not for accepting blind',
  );
  const withOrg = bucketPolicy(
    '{ "Effect": "Allow", "Principal": "*", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::site/*", "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }, ' +
      '{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*" }',
  );
  assert.match(
    fixed(withOrg, 'IAM420'),
    /"s3:GetObject", "Resource": "arn:aws:s3:::site\/\*", "Condition": \{ "StringEquals": \{ "aws:PrincipalOrgID": "o-a1b2c3d4e5" \} \} \}\n/,
  );
  const after = fixed(text, 'IAM420', /PrincipalOrgID/);
  assert.match(after, /"Resource": "arn:aws:s3:::site\/\*", "Condition": \{ "StringEquals": \{ "aws:PrincipalOrgID": "<org-id>" \} \} \}/);
  assert.ok(!codes(after).includes('IAM420'));
});

test('IAM423: a service principal gets aws:SourceAccount, with the account the policy names, into the existing block', () => {
  const text = bucketPolicy(
    '{ "Effect": "Allow", "Principal": { "Service": "sns.amazonaws.com" }, "Action": "sqs:SendMessage", ' +
      '"Resource": "arn:aws:sqs:us-east-1:111122223333:queue", "Condition": { "StringEquals": { "aws:SourceVpc": "vpc-1" } } }',
  );
  const after = fixed(text, 'IAM423');
  assert.match(after, /"Condition": \{ "StringEquals": \{ "aws:SourceVpc": "vpc-1", "aws:SourceAccount": "111122223333" \} \}/);
  assert.match(fixed(text, 'IAM423', /SourceArn/), /"ArnLike": \{ "aws:SourceArn": "<source-arn>" \}/);
});

test('IAM422: a trusted account gets sts:ExternalId, or aws:PrincipalArn in that account', () => {
  const text = bucketPolicy('{ "Effect": "Allow", "Principal": { "AWS": "444455556666" }, "Action": "sts:AssumeRole" }');
  assert.match(fixed(text, 'IAM422', /ExternalId/), /"Condition": \{ "StringEquals": \{ "sts:ExternalId": "<external-id>" \} \}/);
  assert.match(fixed(text, 'IAM422', /PrincipalArn/), /"aws:PrincipalArn": "arn:aws:iam::444455556666:role\/<role-name>"/);
});

test('IAM421: a GitHub OIDC trust gets the sub claim of a repository', () => {
  const text = bucketPolicy(
    '{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }, ' +
      '"Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } } }',
  );
  const after = fixed(text, 'IAM421', /sub/);
  assert.match(after, /"StringLike": \{ "token.actions.githubusercontent.com:sub": "repo:<owner>\/<repository>:\*" \}/);
  assert.ok(!codes(after).includes('IAM421'));
});

test('IAM410: iam:PassRole alone gets a named role in place of every role; not when other actions need the resource', () => {
  const alone =
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*",' +
    '"Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}]}';
  const after = fixed(alone, 'IAM410', /^Name the role/);
  assert.match(after, /"Resource":"arn:aws:iam::<account-id>:role\/<role-name>"/);
  assert.ok(!codes(after).includes('IAM410'));
  const roles = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":["arn:aws-cn:iam::111122223333:role/*"]}]}';
  assert.match(fixed(roles, 'IAM410', /^Name the role/), /"Resource":\["arn:aws-cn:iam::111122223333:role\/<role-name>"\]/);
  const mixed = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:PassRole","ec2:RunInstances"],"Resource":"*"}]}';
  assert.deepEqual(
    fixesOf(mixed, 'IAM410').fixes.filter(f => /PassedToService/.test(f.title)),
    [],
  );
});

test("IAM414: iam:CreateServiceLinkedRole alone gets one service's role path in place of every service's; not beside other actions", () => {
  const alone = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"*"}]}';
  const after = fixed(alone, 'IAM414', /^Name the service/);
  assert.match(after, /"Resource":"arn:aws:iam::\*:role\/aws-service-role\/<service-name>\.amazonaws\.com\/\*"/);
  assert.ok(!codes(after).includes('IAM414'));
  const path =
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:CreateServiceLinkedRole"],"Resource":["arn:aws-us-gov:iam::*:role/aws-service-role/*","arn:aws-us-gov:s3:::b"]}]}';
  assert.match(
    fixed(path, 'IAM414', /^Name the service/),
    /"Resource":\["arn:aws-us-gov:iam::\*:role\/aws-service-role\/<service-name>\.amazonaws\.com\/\*","arn:aws-us-gov:s3:::b"\]/,
  );
  const mixed = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:CreateServiceLinkedRole","iam:GetRole"],"Resource":"*"}]}';
  assert.deepEqual(
    fixesOf(mixed, 'IAM414').fixes.filter(f => /^Name the service/.test(f.title)),
    [],
  );
});

/** Every fix of the first `code` finding as [title, preferred, text after it]. */
function offered(text: string, code: string): Array<[string, boolean | undefined, string]> {
  const { doc, fixes } = fixesOf(text, code);
  return fixes.map(f => [f.title, f.isPreferred, applyFix(doc, f)]);
}

test('IAM420: with both values in the policy, only the first choice is preferred', () => {
  const known =
    '{ "Effect": "Allow", "Principal": "*", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::site/*", "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5", "aws:PrincipalAccount": "111122223333" } } }';
  const open = (condition = '') => `{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*"${condition} }`;
  assert.deepEqual(offered(bucketPolicy(`${known}, ${open()}`), 'IAM420'), [
    [
      'Add a condition on aws:PrincipalOrgID',
      true,
      bucketPolicy(`${known}, ${open(', "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }')}`),
    ],
    [
      'Add a condition on aws:PrincipalAccount',
      false,
      bucketPolicy(`${known}, ${open(', "Condition": { "StringEquals": { "aws:PrincipalAccount": "111122223333" } }')}`),
    ],
  ]);
});

test('IAM422: the account comes from the principal, not from elsewhere in the text', () => {
  const text = bucketPolicy('{ "Sid": "A111122223333", "Effect": "Allow", "Principal": { "AWS": "444455556666" }, "Action": "sts:AssumeRole" }');
  assert.deepEqual(
    offered(text, 'IAM422').map(([title, preferred]) => [title, preferred]),
    [
      ['Add a condition on sts:ExternalId', false],
      ['Add a condition on aws:PrincipalArn', false],
    ],
  );
  assert.match(fixed(text, 'IAM422', /PrincipalArn/), /"ArnEquals": \{ "aws:PrincipalArn": "arn:aws:iam::444455556666:role\/<role-name>" \}/);
});

test('IAM426: the narrower subjects replace the value exactly, each <part> a tab stop', () => {
  const GH =
    '{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }, "Action": "sts:AssumeRoleWithWebIdentity", ' +
    '"Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" }, "StringLike": { "token.actions.githubusercontent.com:sub": "repo:my-org/*" } } }';
  const text = bucketPolicy(GH);
  const { doc, fixes } = fixesOf(text, 'IAM426', { snippets: true });
  assert.deepEqual(
    fixes.map(f => [f.title, f.isPreferred, applyFix(doc, f)]),
    [
      ['Narrow to repo:my-org/<repository>:ref:refs/heads/<branch>', false, text.replace('repo:my-org/*', 'repo:my-org/<repository>:ref:refs/heads/<branch>')],
      ['Narrow to repo:my-org/<repository>:*', false, text.replace('repo:my-org/*', 'repo:my-org/<repository>:*')],
    ],
  );
  const snippet = (fixes[0].command?.arguments?.[0] as InsertSnippetArgs).snippet;
  assert.match(snippet, /"repo:my-org\/\$\{1:<repository>\}:ref:refs\/heads\/\$\{2:<branch>\}$/);
  for (const fix of fixes) assert.equal(snippetProblem(doc, fix), undefined);
});

test('IAM421/IAM425: the claim condition needs its key, operator and value from the finding', () => {
  const text = bucketPolicy(
    '{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }, ' +
      '"Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } } }',
  );
  const { doc, diagnostics } = diagnose(text);
  const finding = diagnostics.find(d => d.code === 'IAM421')!;
  const data = finding.data as Record<string, unknown>;
  assert.ok(fixesFor(doc, finding).length > 0);
  for (const missing of ['conditionKey', 'conditionOperator', 'conditionValue']) {
    const rest = { ...data, [missing]: undefined };
    assert.deepEqual(fixesFor(doc, { ...finding, code: 'IAM425', data: rest }), [], missing);
  }
});

test('IAM424: a Sid taken gets a number; no statement added to a Statement that is no array', () => {
  const allow =
    '{ "Sid": "DenyInsecureTransport", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*" }';
  const put = '{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::site/in/*" }';
  const [[title, preferred, after]] = offered(bucketPolicy(`${allow}, ${put}`), 'IAM424');
  assert.equal(title, 'Add a statement that denies requests over plain HTTP (aws:SecureTransport)');
  assert.equal(preferred, true);
  assert.deepEqual((JSON.parse(after) as { Statement: unknown[] }).Statement[2], {
    Sid: 'DenyInsecureTransport2',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: ['arn:aws:s3:::site', 'arn:aws:s3:::site/*'],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  });
  // the finding of a Statement array, the text now a single statement (not reported then: a stale finding)
  const finding = diagnose(bucketPolicy(allow)).diagnostics.find(d => d.code === 'IAM424')!;
  assert.deepEqual(fixesFor(diagnose(`{\n  "Version": "2012-10-17",\n  "Statement": ${allow}\n}`).doc, finding), []);
});

test('IAM410: the partition of the document when the value is "*"; nothing when two values name every role', () => {
  const text =
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"},{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws-cn:s3:::b/*"}]}';
  assert.equal(fixed(text, 'IAM410', /^Name the role/), text.replace('"Resource":"*"', '"Resource":"arn:aws-cn:iam::<account-id>:role/<role-name>"'));
  const beside = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":["arn:aws:iam::111122223333:role/x","*"]}]}';
  assert.equal(fixed(beside, 'IAM410', /^Name the role/), beside.replace(',"*"]', ',"arn:aws:iam::111122223333:role/<role-name>"]'));
  const two = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":["arn:aws:iam::*:*","*"]}]}';
  assert.deepEqual(
    fixesOf(two, 'IAM410').fixes.filter(f => f.title.startsWith('Name the role')),
    [],
  );
});

test('IAM414: no fix without the value the finding names, or on a stale finding', () => {
  const alone = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"*"}]}';
  const { doc, diagnostics } = diagnose(alone);
  const finding = diagnostics.find(d => d.code === 'IAM414')!;
  const named = (fixes: ReturnType<typeof fixesFor>) => fixes.filter(f => f.title.startsWith('Name the service'));
  assert.equal(named(fixesFor(doc, finding)).length, 1);
  assert.deepEqual(named(fixesFor(doc, { ...finding, data: undefined })), []);
  assert.deepEqual(fixesFor(diagnose(`{${' '.repeat(alone.length - 2)}}`).doc, finding), []);
});
