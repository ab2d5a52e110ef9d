// Fixes in Condition blocks: the operator that fits the key's type, set qualifiers, the Null check
// of ForAllValues:; a key moves with its values, into the block of its new operator if there is one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codes, fixed, fixesOf } from '../helpers/fixes';

const ONE = (statement: string) => `{ "Version": "2012-10-17", "Statement": [ ${statement} ] }`;
const withCondition = (condition: string, effect = 'Allow') =>
  ONE(`{ "Effect": "${effect}", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": ${condition} }`);

test("an operator that does not fit the key's type: renamed when the key is alone in it", () => {
  const text = ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringNotEquals": { "aws:SourceIp": "10.0.0.0/8" } } }');
  assert.match(fixed(text, 'IAM320'), /"Condition": \{ "NotIpAddress": \{ "aws:SourceIp": "10.0.0.0\/8" \} \}/);
  const bool = ONE('{ "Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": { "StringEqualsIfExists": { "aws:SecureTransport": "false" } } }');
  assert.match(fixed(bool, 'IAM321'), /"BoolIfExists": \{ "aws:SecureTransport": "false" \}/);
  const age = ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "DateGreaterThan": { "aws:MultiFactorAuthAge": "3600" } } }');
  assert.match(fixed(age, 'IAM320'), /"NumericGreaterThan": \{ "aws:MultiFactorAuthAge"/);
});

test('an operator that does not fit: the key moves out of a shared block, into the right one if there is one', () => {
  const shared = ONE(
    '{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "aws:SourceIp": "10.0.0.0/8", "aws:username": "bob" } } }',
  );
  assert.match(fixed(shared, 'IAM320'), /"Condition": \{ "StringEquals": \{ "aws:username": "bob" \}, "IpAddress": \{ "aws:SourceIp": "10.0.0.0\/8" \} \}/);
  const existing = ONE(
    '{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "IpAddress": { "aws:VpcSourceIp": "10.1.0.0/16" }, "StringEquals": { "aws:SourceIp": "10.0.0.0/8" } } }',
  );
  assert.match(fixed(existing, 'IAM320'), /"Condition": \{ "IpAddress": \{ "aws:VpcSourceIp": "10.1.0.0\/16", "aws:SourceIp": "10.0.0.0\/8" \} \}/);
});

test('no operator fix where no operator keeps the meaning (StringLike on a date)', () => {
  const text = ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringLike": { "aws:CurrentTime": "2030-*" } } }');
  assert.deepEqual(
    fixesOf(text, 'IAM321').fixes.map(f => f.title),
    [],
  );
});

test('IAM330: a Numeric operator on a date key with an ISO date gets the matching Date operator', () => {
  const text = ONE(
    '{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "NumericGreaterThanIfExists": { "aws:CurrentTime": "2030-01-01T00:00:00Z" } } }',
  );
  const { fixes } = fixesOf(text, 'IAM330');
  assert.deepEqual(
    fixes.map(f => [f.title, f.isPreferred]),
    [['Use DateGreaterThanIfExists for "aws:CurrentTime"', true]],
  );
  const after = fixed(text, 'IAM330');
  assert.match(after, /"DateGreaterThanIfExists": \{ "aws:CurrentTime": "2030-01-01T00:00:00Z" \}/);
  assert.deepEqual(codes(after), []);
  const epoch = ONE('{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "NumericLessThan": { "aws:EpochTime": "2030-01-01" } } }');
  assert.match(fixed(epoch, 'IAM330'), /"DateLessThan": \{ "aws:EpochTime": "2030-01-01" \}/);
});

test('IAM330: no Date operator for a value that is no date, or a key that is no date', () => {
  const notDate = ONE('{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "NumericLessThan": { "aws:CurrentTime": "tomorrow" } } }');
  assert.deepEqual(
    fixesOf(notDate, 'IAM330').fixes.map(f => f.title),
    [],
  );
  const age = ONE('{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "NumericLessThan": { "aws:MultiFactorAuthAge": "2030-01-01" } } }');
  assert.deepEqual(
    fixesOf(age, 'IAM330').fixes.map(f => f.title),
    [],
  );
});

test('IAM340: a set qualifier on a single-valued key goes', () => {
  const text = withCondition('{ "ForAnyValue:StringEquals": { "aws:username": "bob" } }');
  const after = fixed(text, 'IAM340');
  assert.match(after, /"Condition": \{ "StringEquals": \{ "aws:username": "bob" \} \}/);
  assert.ok(!codes(after).includes('IAM340'));
});

test('IAM341: a multivalued key gets ForAnyValue: or ForAllValues:, a choice', () => {
  const text = withCondition('{ "StringEquals": { "aws:TagKeys": ["team"] } }');
  const { fixes } = fixesOf(text, 'IAM341');
  assert.deepEqual(
    fixes.map(f => [f.title, f.isPreferred]),
    [
      ['Use ForAnyValue:StringEquals', false],
      ['Use ForAllValues:StringEquals', false],
    ],
  );
  assert.match(fixed(text, 'IAM341', /ForAnyValue/), /"ForAnyValue:StringEquals": \{ "aws:TagKeys": \["team"\] \}/);
});

test('IAM342: ForAllValues: in an Allow gets the Null check of its key', () => {
  const text = withCondition('{ "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] } }');
  const after = fixed(text, 'IAM342');
  assert.match(after, /"ForAllValues:StringEquals": \{ "aws:TagKeys": \["team"\] \}, "Null": \{ "aws:TagKeys": "false" \}/);
  assert.ok(!codes(after).includes('IAM342'));
});
