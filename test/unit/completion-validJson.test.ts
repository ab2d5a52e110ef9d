// The quality bar of every item: accepting it leaves valid JSON (strict: no comments, no trailing
// commas), whether the cursor was in an empty string, after a partial word, in a word without quotes,
// or between two existing entries; and the editor's filter keeps what the word typed so far names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyItem, complete, editorKeeps, jsonErrors } from '../helpers/completion';

// A valid policy; each case below replaces one marked span of it with a cursor-marked typing state.
const POLICY = `{
  "Version": "2012-10-17",
  "Id": "example",
  "Statement": [
    {
      "Sid": "Read",
      "Effect": "Allow",
      "Principal": { "AWS": [ "arn:aws:iam::123456789012:root" ], "Service": "lambda.amazonaws.com" },
      "Action": [ "s3:GetObject", "s3:ListBucket" ],
      "Resource": [ "arn:aws:s3:::reports/*", "arn:aws:s3:::reports" ],
      "Condition": {
        "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5", "aws:RequestedRegion": [ "eu-west-1" ] },
        "Bool": { "aws:SecureTransport": "true" }
      }
    }
  ]
}`;

const CASES: Array<[find: string, typing: string]> = [
  ['"Version": "2012-10-17",', '"Version": "|",'],
  ['"Id": "example",', '|'],
  ['"Sid": "Read",', '"Sid": "Read", "|"'],
  ['"Effect": "Allow",', 'Eff|'],
  ['"Effect": "Allow",', '"Effect": "|",'],
  ['"Effect": "Allow",', '"Effect": |,'],
  ['"Service": "lambda.amazonaws.com"', '"Service": "lambda.amazonaws.com", |'],
  ['"Service": "lambda.amazonaws.com"', '"Service": [ "|" ]'],
  ['"Service": "lambda.amazonaws.com"', '"Federated": "|"'],
  ['[ "arn:aws:iam::123456789012:root" ]', '[ "arn:aws:iam::123456789012:root" | ]'],
  ['[ "arn:aws:iam::123456789012:root" ]', '[ | "arn:aws:iam::123456789012:root" ]'],
  ['[ "arn:aws:iam::123456789012:root" ]', '[ "arn:aws:iam:|" ]'],
  ['[ "s3:GetObject", "s3:ListBucket" ]', '[ "s3:GetObject", "|", "s3:ListBucket" ]'],
  ['[ "s3:GetObject", "s3:ListBucket" ]', '[ "s3:GetObject" | "s3:ListBucket" ]'],
  ['[ "s3:GetObject", "s3:ListBucket" ]', '[ "s3:GetObject", s3:Put| ]'],
  ['[ "s3:GetObject", "s3:ListBucket" ]', '[ "s3:GetObject", "s3:ListBucket", "s3:Get*|" ]'],
  ['[ "s3:GetObject", "s3:ListBucket" ]', '"s3:Li|"'],
  ['"Action": [ "s3:GetObject", "s3:ListBucket" ],', '"Action": |'],
  ['"Action": [ "s3:GetObject", "s3:ListBucket" ],', '"Action": "s3:Get|'],
  ['"Action": [ "s3:GetObject", "s3:ListBucket" ],', '"NotAction": [ "iam:|" ],'],
  ['"arn:aws:s3:::reports/*", ', '"arn:aws:s3:::reports/*", "|", '],
  ['"arn:aws:s3:::reports/*", ', '"arn:aws:s3:::|", '],
  ['"arn:aws:s3:::reports/*", ', '"arn:aws:s3:::reports/${|}", '],
  ['"arn:aws:s3:::reports/*", ', '"arn:|", '],
  ['"Resource": [', '"Resource": [ | '],
  ['"Condition": {', '"Condition": { |'],
  ['"Bool": {', '"Bool|": {'],
  ['"StringEquals": {', '"StringEquals": { | '],
  ['"StringEquals": {', '"StringEquals": { aws:Pri| '],
  ['"aws:SecureTransport": "true"', '"aws:SecureTransport": "|"'],
  ['"aws:SecureTransport": "true"', '"aws:SecureTransport": "true", "|"'],
  ['[ "eu-west-1" ]', '[ "eu-west-1", | ]'],
  ['"o-a1b2c3d4e5"', '"${|}"'],
  ['    }\n  ]', '    } |\n  ]'],
  ['"Statement": [', '"Statement": [ |'],
  ['"Version": "2012-10-17",', '|'],
];

test('valid JSON: the policy the cases start from is valid', () => {
  assert.deepEqual(jsonErrors(POLICY), []);
});

for (const [find, typing] of CASES) {
  test(`valid JSON after every item: ${typing}`, () => {
    assert.ok(POLICY.includes(find), find);
    const c = complete(POLICY.replace(find, typing));
    assert.ok(c.items.length > 0, 'some items');
    for (const item of c.items) {
      const after = applyItem(c.doc, item);
      assert.deepEqual(jsonErrors(after), [], `${item.label}:\n${after}`);
    }
    const typed = c.doc.text.slice(0, c.offset).match(/[A-Za-z0-9:*-]+$/)?.[0];
    if (typed && typed.length > 2) {
      assert.ok(
        c.items.some(item => editorKeeps(c, item)),
        `the editor keeps some item for "${typed}"`,
      );
    }
  });
}
