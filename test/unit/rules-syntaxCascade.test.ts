// A syntax error is one finding (issue 19, item 8): the rules judge only the structure that parses
// soundly, the part before the first JSON error, outside the statement that holds it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf } from '../helpers/findings';

const codes = (text: string) => findingsOf(text).map(f => f.code);

const lines = (...statements: string[]) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n${statements.join(',\n')}\n  ]\n}\n`;

test('one missing "]" is one error', () => {
  const text = lines('    {\n      "Effect": "Allow",\n      "Action": ["s3:GetObject", "s3:PutObject",\n      "Resource": "arn:aws:s3:::b/*"\n    }');
  assert.deepEqual(codes(text), ['IAM001']);
});

test('one unterminated string is one error', () => {
  const text = lines('    {\n      "Effect": "Allow",\n      "Action": "s3:GetObject,\n      "Resource": "arn:aws:s3:::b/*"\n    }');
  assert.deepEqual(codes(text), ['IAM001']);
  const key = lines('    {\n      "Effect": "Allow",\n      "Action: "s3:GetObject",\n      "Resource": "arn:aws:s3:::b/*"\n    }');
  assert.equal(codes(key).length, 1, codes(key).join(' '));
});

test('a missing comma is one error', () => {
  const text = lines('    {\n      "Effect": "Allow"\n      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::b/*"\n    }');
  assert.deepEqual(codes(text), ['IAM004']);
});

test('the statements before the broken one are still checked; comments and trailing commas before it are reported', () => {
  const text = lines(
    '    { "Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "arn:aws:s3:::b/*" }',
    '    // a note\n    { "Effect": "Allow", "Action": ["s3:PutObject",], "Resource": "arn:aws:s3:::b/*" }',
    '    { "Effect": "Allow", "Action": ["s3:GetObject", "Resource": "arn:aws:s3:::b/*" }',
  );
  assert.deepEqual(codes(text), ['IAM102', 'IAM002', 'IAM003', 'IAM001']);
});
