import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { collectSemanticTokens, provideSemanticTokens } from '../../server/src/features/semanticTokens';
import { parse } from '../helpers/cursor';

const text = `{
  "Version": "2012-10-17",
  "Statement": [ {
    "Effect": "Allow",
    "Action": ["s3:GetObject", "s3:GetObjekt", "ec2:Describe*"],
    "Resource": "arn:aws:s3:::b/\${aws:username}/*",
    "Condition": { "Bool": { "aws:SecureTransport": "true", "nope:Key": "x" } }
  } ]
}`;

test('known actions, known keys and variables get tokens; unknown names do not', () => {
  const doc = parse(text);
  const tokens = collectSemanticTokens(doc, getCatalog()).map(t => [doc.text.slice(t.offset, t.offset + t.length), t.type]);
  assert.deepEqual(tokens, [
    ['s3', 'namespace'],
    ['GetObject', 'function'],
    ['ec2', 'namespace'],
    ['Describe*', 'function'],
    ['${aws:username}', 'variable'],
    ['aws:SecureTransport', 'property'],
  ]);
});

test('tokens are encoded relative to each other', () => {
  const { data } = provideSemanticTokens(parse(text), getCatalog());
  assert.equal(data.length, 6 * 5);
  assert.deepEqual(data.slice(0, 10), [4, 16, 2, 0, 0, 0, 3, 9, 1, 0]);
});
