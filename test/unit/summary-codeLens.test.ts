import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { provideCodeLenses } from '../../server/src/features/codeLens';
import { withDefaults } from '../../server/src/protocol';
import { parse } from '../helpers/cursor';

const catalog = getCatalog();
const lensesOf = (text: string) => provideCodeLenses(parse(text), catalog, withDefaults(undefined));
const count = (pattern: string, level: string) => catalog.matchActions(pattern).filter(a => a.accessLevel === level).length;

test('one lens above the policy and one above each statement, carrying the summary command and the URI', () => {
  const text = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": ["s3:Get*", "s3:PutObject", "s3:DeleteObject"], "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]},
    {"Effect": "Allow", "Action": "iam:*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}
  ]
}`;
  const lenses = lensesOf(text);
  assert.deepEqual(
    lenses.map(l => l.range.start.line),
    [0, 3, 4],
  );
  assert.deepEqual(
    lenses.map(l => l.command!.title),
    [
      `Policy · Allow: iam: Full access ⚠; s3: ${count('s3:Get*', 'Read')} Read, 2 Write`,
      `Allow · s3: ${count('s3:Get*', 'Read')} Read, 2 Write · on 2 resources`,
      'Allow · iam: Full access ⚠ · on all resources · with conditions',
    ],
  );
  for (const lens of lenses) {
    assert.equal(lens.command!.command, 'iamPolicy.accessSummary');
    assert.deepEqual(lens.command!.arguments, ['file:///test/policy.json']);
  }
});

test('lens texts for "*", NotAction, NotResource, Deny and trust policies', () => {
  const lenses = lensesOf(`{"Statement": [
    {"Effect": "Allow", "Action": "*", "Resource": "*"},
    {"Effect": "Deny", "NotAction": "iam:Get*", "NotResource": "arn:aws:iam::*:role/admin"},
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"},
    {"Action": "s3:GetObject", "Resource": "*"}
  ]}`).map(l => l.command!.title);
  assert.deepEqual(lenses, [
    `Policy · Allow: All services: Full access · Deny: iam: ${count('iam:*', 'List') - count('iam:Get*', 'List')} List, ${count('iam:*', 'Read') - count('iam:Get*', 'Read')} Read, ${count('iam:*', 'Write')} Write, ${count('iam:*', 'Permissions management')} Permissions management, ${count('iam:*', 'Tagging')} Tagging ⚠; all other services: Full access`,
    'Allow · All services: Full access · on all resources',
    `Deny · all actions except iam: ${count('iam:Get*', 'List')} List, ${count('iam:Get*', 'Read')} Read (NotAction) · on all resources except 1`,
    'Allow · sts: 1 Write',
    'No valid Effect · s3: 1 Read · on all resources',
  ]);
});

test('no lenses for a document without statements or with hopeless syntax', () => {
  assert.deepEqual(lensesOf('{"Version": "2012-10-17"}'), []);
  assert.deepEqual(lensesOf(''), []);
  assert.deepEqual(
    lensesOf('{"Statement": []}').map(l => l.command!.title),
    ['Policy · no statements'],
  );
});
