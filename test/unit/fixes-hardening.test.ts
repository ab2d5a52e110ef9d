// Hardening fixes for resource and trust policies: the conditions (and the statement) the security
// findings recommend, merged into what the statement already has.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codes, fixed, fixesOf } from '../helpers/fixes';

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
