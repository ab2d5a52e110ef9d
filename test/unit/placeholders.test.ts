// Template placeholders (policy/placeholders.ts): what counts as one, and IAM090 pointing at it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { collectFindings } from '../../server/src/features/diagnostics';
import { firstPlaceholder, hasPlaceholder } from '../../server/src/policy/placeholders';
import { withDefaults } from '../../server/src/protocol';
import { parse } from '../helpers/cursor';

test('<Name> and {Name} are placeholders; policy variables and regular-expression counts are not', () => {
  assert.equal(firstPlaceholder('arn:aws:iam::<ACCOUNT_ID>:root'), '<ACCOUNT_ID>');
  assert.equal(firstPlaceholder('arn:aws:iam::{AftManagementAccount}:assumed-role/r/s'), '{AftManagementAccount}');
  assert.equal(firstPlaceholder('{example-region-1}'), '{example-region-1}');
  for (const text of ['arn:aws:s3:::b/${aws:username}/*', '^[0-9a-f]{8}-[0-9a-f]{4}$', 'a < b', 'plain', '{}']) {
    assert.equal(hasPlaceholder(text), false, text);
  }
});

test('IAM090 points at a {Name} placeholder, and the value-form rules leave it alone', () => {
  const text =
    '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["{example-region-1}","us-east-1"]}}}]}';
  const codes = collectFindings(parse(text, 'file:///test/policy.json', { languageId: 'iam-policy' }), getCatalog(), withDefaults(undefined), e => {
    throw e;
  })
    .map(f => f.code)
    .filter(c => c === 'IAM090' || c === 'IAM334');
  assert.deepEqual(codes, ['IAM090']);
});

test('IAM090 in values only, not in keys', () => {
  const placeholders = (text: string) =>
    collectFindings(parse(text, 'file:///test/policy.json', { languageId: 'iam-policy' }), getCatalog(), withDefaults(undefined), e => {
      throw e;
    })
      .filter(f => f.code === 'IAM090')
      .map(f => text.slice(f.offset, f.offset + f.length));
  const inKey =
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/<TAG>":"a"}}}]}';
  assert.deepEqual(placeholders(inKey), [], 'a key is not a value');
});
