// Example policies from the AWS documentation (test/fixtures/aws-docs, SOURCES.md there): AWS accepts
// them, so they get zero error diagnostics, and each is served as the kind its folder names.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { collectFindings, severityOf } from '../../server/src/features/diagnostics';
import type { PolicyKind } from '../../server/src/policy/model';
import { policyFromText } from '../../server/src/policyDocuments';
import { withDefaults } from '../../server/src/protocol';

const DIR = join(__dirname, '..', 'fixtures', 'aws-docs');

/** Each folder and the kind its name tells the kind detection. */
const FOLDER_KINDS: Record<string, PolicyKind> = {
  'identity-based-policies': 'identity',
  'resource-based-policies': 'resource',
  trust: 'trust',
  scp: 'scp',
  rcp: 'rcp',
  'permissions-boundary': 'boundary',
  'vpc-endpoint-policies': 'endpoint',
};

function examples(): Array<{ name: string; path: string; kind: PolicyKind }> {
  return readdirSync(DIR, { withFileTypes: true }).filter(e => e.isDirectory()).flatMap(folder => {
    const kind = FOLDER_KINDS[folder.name];
    assert.ok(kind, `folder ${folder.name} has a kind`);
    return readdirSync(join(DIR, folder.name)).filter(n => n.endsWith('.json'))
      .map(n => ({ name: `${folder.name}/${n}`, path: join(DIR, folder.name, n), kind }));
  });
}

test('AWS documentation examples: zero errors, each served as its folder\'s kind', () => {
  const settings = withDefaults(undefined);
  const catalog = getCatalog();
  const files = examples();
  assert.ok(files.length >= 60, `examples found (${files.length} files)`);
  const problems: string[] = [];
  for (const file of files) {
    const doc = policyFromText(pathToFileURL(file.path).href, 'iam-policy', readFileSync(file.path, 'utf8'), settings);
    if (!doc) {
      problems.push(`${file.name}: not served as a policy`);
      continue;
    }
    if (doc.kind !== file.kind) problems.push(`${file.name}: kind ${doc.kind} (${doc.kindSource}), expected ${file.kind}`);
    for (const e of collectFindings(doc, catalog, settings, err => { throw err; })) {
      if (severityOf(e.code, settings) !== 'error') continue;
      const { line, character } = doc.textDocument.positionAt(e.offset);
      problems.push(`${file.name}:${line + 1}:${character + 1} ${e.code} ${e.message}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('every AWS documentation example is listed in SOURCES.md', () => {
  const sources = readFileSync(join(DIR, 'SOURCES.md'), 'utf8');
  assert.deepEqual(examples().filter(f => !sources.includes(`\`${f.name}\``)).map(f => f.name), []);
});
