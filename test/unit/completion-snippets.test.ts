// The snippets in snippets/: each expands (defaults accepted) to a policy, or to statements that make
// one, which parses as strict JSON and gets no error diagnostic; the manifest contributes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { computeDiagnostics } from '../../server/src/features/diagnostics';
import { withDefaults } from '../../server/src/protocol';
import { expandSnippet, jsonErrors } from '../helpers/completion';
import { parse } from '../helpers/cursor';
import { rethrow } from '../helpers/findings';

const root = join(__dirname, '..', '..');
const FILE = 'snippets/iam-policy.code-snippets.json';
const snippets = JSON.parse(readFileSync(join(root, FILE), 'utf8')) as Record<string, { prefix: string[]; body: string[]; description: string }>;

test('snippets: the manifest contributes them for iam-policy and json documents', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const languages = manifest.contributes.snippets.filter((s: { path: string }) => s.path === `./${FILE}`).map((s: { language: string }) => s.language);
  assert.deepEqual(languages.sort(), ['iam-policy', 'json']);
});

test('snippets: whole policies of each kind and the common statements are there', () => {
  const prefixes = Object.values(snippets).map(s => s.prefix[0]);
  for (const prefix of ['iam-identity-policy', 'iam-s3-bucket-policy', 'iam-kms-key-policy', 'iam-trust-service',
    'iam-trust-cross-account', 'iam-trust-github-oidc', 'iam-scp', 'iam-deny-insecure-transport',
    'iam-deny-outside-regions', 'iam-require-mfa', 'iam-read-bucket-prefix']) {
    assert.ok(prefixes.includes(prefix), prefix);
  }
});

for (const [name, snippet] of Object.entries(snippets)) {
  test(`snippets: "${name}" expands to valid JSON without error diagnostics`, () => {
    const body = expandSnippet(snippet.body.join('\n'));
    const text = body.trimStart().startsWith('{\n\t"Version"') ? body : `{ "Version": "2012-10-17", "Statement": [\n${body}\n] }`;
    assert.deepEqual(jsonErrors(text), [], text);
    const errors = computeDiagnostics(parse(text), getCatalog(), withDefaults(undefined), rethrow).filter(d => d.severity === 1);
    assert.deepEqual(errors.map(d => `${d.code}: ${d.message}`), []);
  });
}
