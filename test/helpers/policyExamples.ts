// Folders of example policies that AWS accepts (test/fixtures/aws-docs, test/fixtures/real-world): each
// subfolder names a policy kind, and every file must be served as that kind with zero error diagnostics.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { collectFindings, severityOf } from '../../server/src/features/diagnostics';
import type { PolicyKind } from '../../server/src/policy/model';
import { policyFromText } from '../../server/src/documents/policyDocuments';
import { withDefaults } from '../../server/src/protocol';

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

export interface ExampleFile {
  name: string;
  path: string;
  kind: PolicyKind;
}

/** The .json files of each kind folder under `dir`, named `folder/file.json`. */
export function exampleFiles(dir: string): ExampleFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter(e => e.isDirectory())
    .flatMap(folder => {
      const kind = FOLDER_KINDS[folder.name];
      assert.ok(kind, `folder ${folder.name} has a kind`);
      return readdirSync(join(dir, folder.name))
        .filter(n => n.endsWith('.json'))
        .map(n => ({ name: `${folder.name}/${n}`, path: join(dir, folder.name, n), kind }));
    });
}

/** What is wrong with the examples: not served as a policy, served as another kind, or an error diagnostic. */
export function exampleProblems(files: readonly ExampleFile[]): string[] {
  const settings = withDefaults(undefined);
  const catalog = getCatalog();
  const problems: string[] = [];
  for (const file of files) {
    const doc = policyFromText(pathToFileURL(file.path).href, 'iam-policy', readFileSync(file.path, 'utf8'), settings);
    if (!doc) {
      problems.push(`${file.name}: not served as a policy`);
      continue;
    }
    if (doc.kind !== file.kind) problems.push(`${file.name}: kind ${doc.kind} (${doc.kindSource}), expected ${file.kind}`);
    for (const e of collectFindings(doc, catalog, settings, err => {
      throw err;
    })) {
      if (severityOf(e.code, settings) !== 'error') continue;
      const { line, character } = doc.textDocument.positionAt(e.offset);
      problems.push(`${file.name}:${line + 1}:${character + 1} ${e.code} ${e.message}`);
    }
  }
  return problems;
}

/** The examples that SOURCES.md in `dir` does not name (as `folder/file.json` in backquotes). */
export function unlistedExamples(dir: string, files: readonly ExampleFile[]): string[] {
  const sources = readFileSync(join(dir, 'SOURCES.md'), 'utf8');
  return files.filter(f => !sources.includes(`\`${f.name}\``)).map(f => f.name);
}
