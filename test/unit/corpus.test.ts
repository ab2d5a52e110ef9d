// Every real AWS policy in the shared corpus is valid in AWS: zero error diagnostics, except the
// three files broken upstream, which get a syntax error and nothing else that is an error.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { collectFindings, severityOf } from '../../server/src/features/diagnostics';
import { policyFromText } from '../../server/src/documents/policyDocuments';
import { withDefaults } from '../../server/src/protocol';
import { BROKEN_UPSTREAM, corpusFiles } from '../helpers/corpus';

const SYNTAX_CODES = new Set(['IAM001', 'IAM002', 'IAM003', 'IAM004']);

test('the corpus has zero errors, and the broken files only syntax errors', () => {
  const settings = withDefaults(undefined);
  const catalog = getCatalog();
  const files = corpusFiles();
  assert.ok(files.length > 1900, `corpus found (${files.length} files)`);
  const unexpected: string[] = [];
  const notPolicies: string[] = [];
  for (const file of files) {
    const doc = policyFromText(pathToFileURL(file.path).href, 'iam-policy', file.text, settings);
    if (!doc) {
      notPolicies.push(file.name);
      continue;
    }
    const errors = collectFindings(doc, catalog, settings, e => {
      throw e;
    }).filter(f => severityOf(f.code, settings) === 'error');
    const broken = BROKEN_UPSTREAM.get(file.name);
    if (broken) {
      const atSpot = errors.some(e => e.code === broken.code && doc.textDocument.positionAt(e.offset).line + 1 === broken.line);
      if (!atSpot || errors.some(e => !SYNTAX_CODES.has(e.code))) unexpected.push(`${file.name}: ${errors.map(e => e.code).join(', ') || 'no syntax error'}`);
    } else {
      for (const e of errors) {
        const { line, character } = doc.textDocument.positionAt(e.offset);
        unexpected.push(`${file.name}:${line + 1}:${character + 1} ${e.code} ${e.message}`);
      }
    }
  }
  assert.deepEqual(unexpected, []);
  // `aws iam get-role` output with the trust policy nested inside: not a policy document itself.
  assert.deepEqual(notPolicies, ['resource/kms-devguide__policy-evaluation__03.json']);
});
