// Access Analyzer's redundancy suggestions and the size of SCPs (issue 18, part A): each code triggered
// and its near miss silent; each fix applied and the result parsed again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codesOf, policyOf, stmt } from '../helpers/findings';
import { fixed } from '../helpers/fixes';

const only = (...codes: string[]) => new RegExp(`^(${codes.join('|')})$`);

function repaired(text: string, code: string, title: RegExp): string {
  const after = fixed(text, code, title);
  assert.ok(!codesOf(after, /^IAM/).includes(code), `${code} still there after the fix:\n${after}`);
  JSON.parse(after);
  return after;
}

test('IAM051, IAM052: an empty Sid and an empty Condition; the fixes remove them', () => {
  const text = policyOf(stmt({ Sid: '', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: {} }));
  assert.deepEqual(codesOf(text, only('IAM051', 'IAM052')), ['IAM051', 'IAM052']);
  assert.deepEqual(codesOf(policyOf(stmt({ Sid: 'Read', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })), only('IAM051', 'IAM052')), []);
  assert.doesNotMatch(repaired(text, 'IAM051', /Remove "Sid"/), /"Sid"/);
  assert.doesNotMatch(repaired(text, 'IAM052', /Remove "Condition"/), /"Condition"/);
});

test('IAM053: a statement identical to another (Sid and key order aside); the fix removes it', () => {
  const a = stmt({ Sid: 'A', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' });
  const b = JSON.stringify({ Resource: 'arn:aws:s3:::b/*', Sid: 'B', Effect: 'Allow', Action: 's3:GetObject' });
  assert.deepEqual(codesOf(policyOf(a, b), only('IAM053')), ['IAM053']);
  assert.deepEqual(codesOf(policyOf(a, stmt({ Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*' })), only('IAM053')), []);
  const after = repaired(policyOf(a, b), 'IAM053', /Remove the repeated statement/);
  assert.equal((JSON.parse(after) as { Statement: unknown[] }).Statement.length, 1);
});

test("IAM208: a partial wildcard in an ARN's service part", () => {
  const resource = (arn: string) => codesOf(policyOf(stmt({ Action: '*', Resource: arn })), only('IAM208'));
  assert.deepEqual(resource('arn:aws:*code*::111122223333:*'), ['IAM208']);
  assert.deepEqual(resource('arn:aws:*:*:111122223333:*'), [], 'a whole "*" is deliberate');
  assert.deepEqual(resource('arn:aws:codebuild:*:111122223333:*'), []);
});

test('IAM209: a resource that another of the list covers, or repeats; letter case counts; the fix removes it', () => {
  const list = (arns: string[]) => codesOf(policyOf(stmt({ Action: 'iam:PassRole', Resource: arns })), only('IAM209'));
  assert.deepEqual(list(['arn:aws:iam::111122223333:role/jane-admin', 'arn:aws:iam::111122223333:role/jane*']), ['IAM209']);
  assert.deepEqual(list(['arn:aws:iam::111122223333:role/a', 'arn:aws:iam::111122223333:role/a']), ['IAM209']);
  assert.deepEqual(list(['arn:aws:iam::111122223333:role/Jane-admin', 'arn:aws:iam::111122223333:role/jane*']), [], 'names are case-sensitive');
  assert.deepEqual(list(['arn:aws:iam::111122223333:role/jane*', 'arn:aws:iam::444455556666:role/jane-admin']), [], 'another account');
  assert.deepEqual(list(['arn:aws:iam::*:role/*', '*']), ['IAM209'], '"*" covers every ARN');
  const after = repaired(
    policyOf(stmt({ Action: 'iam:PassRole', Resource: ['arn:aws:iam::111122223333:role/jane-admin', 'arn:aws:iam::111122223333:role/jane*'] })),
    'IAM209',
    /Remove/,
  );
  assert.doesNotMatch(after, /jane-admin/);
});
