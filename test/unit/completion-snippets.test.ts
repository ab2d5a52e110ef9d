// The snippets in snippets/: each expands (defaults accepted) to a policy, or to statements that make
// one, which parses as strict JSON and gets no error diagnostic; the manifest contributes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { computeDiagnostics } from '../../server/src/features/diagnostics';
import { withDefaults } from '../../server/src/protocol';
import { doComplete } from '../../server/src/features/completion';
import { SKELETON_KINDS } from '../../server/src/features/completion/skeletons';
import { POLICY_KINDS } from '../../server/src/policy/model';
import { applyItem, complete, expandSnippet, jsonErrors } from '../helpers/completion';
import { parse } from '../helpers/cursor';
import { rethrow } from '../helpers/findings';

const root = join(__dirname, '..', '..');
const FILE = 'snippets/iam-policy.code-snippets.json';
const snippets = JSON.parse(readFileSync(join(root, FILE), 'utf8')) as Record<
  string,
  { prefix: string[]; body: string[]; description: string; isFileTemplate?: boolean }
>;

test('snippets: the manifest contributes them for iam-policy and json documents', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const languages = manifest.contributes.snippets.filter((s: { path: string }) => s.path === `./${FILE}`).map((s: { language: string }) => s.language);
  assert.deepEqual(languages.sort(), ['iam-policy', 'json']);
});

test('snippets: whole policies of each kind and the common statements are there', () => {
  const prefixes = Object.values(snippets).map(s => s.prefix[0]);
  for (const prefix of [
    'iam-identity-policy',
    'iam-s3-bucket-policy',
    'iam-kms-key-policy',
    'iam-trust-service',
    'iam-trust-cross-account',
    'iam-trust-github-oidc',
    'iam-scp',
    'iam-deny-insecure-transport',
    'iam-deny-outside-regions',
    'iam-require-mfa',
    'iam-read-bucket-prefix',
  ]) {
    assert.ok(prefixes.includes(prefix), prefix);
  }
});

for (const [name, snippet] of Object.entries(snippets)) {
  test(`snippets: "${name}" expands to valid JSON without error diagnostics`, () => {
    const body = expandSnippet(snippet.body.join('\n'));
    const text = body.trimStart().startsWith('{\n\t"Version"') ? body : `{ "Version": "2012-10-17", "Statement": [\n${body}\n] }`;
    assert.deepEqual(jsonErrors(text), [], text);
    const errors = computeDiagnostics(
      parse(text, 'file:///test/policy.json', { languageId: 'iam-policy', kind: SKELETON_KINDS[name] }),
      getCatalog(),
      withDefaults(undefined),
      rethrow,
    ).filter(d => d.severity === 1);
    assert.deepEqual(
      errors.map(d => `${d.code}: ${d.message}`),
      [],
    );
  });
}

test('snippets: the whole-policy ones are file templates, one at least for every kind of policy', () => {
  const templates = Object.entries(snippets).filter(([, s]) => (s as { isFileTemplate?: boolean }).isFileTemplate);
  for (const [, snippet] of templates) assert.match(snippet.body[0], /^\{$/);
  const kinds = new Set(templates.map(([name]) => SKELETON_KINDS[name]));
  assert.deepEqual([...kinds].sort(), [...POLICY_KINDS].sort());
  assert.deepEqual(Object.keys(SKELETON_KINDS).sort(), templates.map(([name]) => name).sort());
});

test('skeletons: an empty or nearly empty document is offered a whole policy of each kind, from the server', () => {
  for (const marked of ['|', '  |  ', '{|}', '{\n  |\n}', '\n\n{ | }\n']) {
    const c = complete(marked, { languageId: 'iam-policy' });
    const templates = c.items.filter(i => i.label in SKELETON_KINDS);
    assert.equal(templates.length, Object.keys(SKELETON_KINDS).length, `${JSON.stringify(marked)}: ${c.labels.join(' | ')}`);
    for (const item of templates) {
      const text = applyItem(c.doc, item);
      assert.deepEqual(jsonErrors(text), [], `${item.label}: ${text}`);
      const kind = SKELETON_KINDS[item.label];
      const errors = computeDiagnostics(
        parse(text, 'file:///test/policy.json', { languageId: 'iam-policy', kind }),
        getCatalog(),
        withDefaults(undefined),
        rethrow,
      ).filter(d => d.severity === 1);
      assert.deepEqual(
        errors.map(d => `${item.label}: ${d.code} ${d.message}`),
        [],
      );
      assert.equal(
        item.textEdit && 'range' in item.textEdit && item.textEdit.range.start.line,
        item.textEdit && 'range' in item.textEdit && item.textEdit.range.end.line,
        'a single-line main edit, as LSP requires',
      );
    }
  }
});

test('skeletons: the kind the file name says comes first; none once the policy has a Statement', () => {
  const c = complete('|', { languageId: 'iam-policy' });
  const rcp = parse('', 'file:///p/deny-tls.rcp.json', { languageId: 'iam-policy' });
  const first = doComplete(rcp, 0, getCatalog(), withDefaults(undefined)).items.sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0];
  assert.equal(SKELETON_KINDS[first.label], 'rcp');
  assert.ok(c.items.length > 0);
  const started = complete('{ "Statement": [], | }', { languageId: 'iam-policy' });
  assert.ok(!started.items.some(i => i.label in SKELETON_KINDS), started.labels.join(' | '));
});
