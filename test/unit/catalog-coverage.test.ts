// The catalog's coverage check: every action named in the AWS managed policies of the shared corpus
// resolves, except those that ../shared/corpus/SOURCES.md lists as unknown to the policies' dataset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCatalogPath, loadCatalog } from '../../server/src/catalog/loadCatalog';
import { CORPUS_DIR } from '../helpers/corpus';

const corpus = CORPUS_DIR;
const catalog = loadCatalog(defaultCatalogPath());

// Also unknown to iam-data 0.21.202609261 but missing from SOURCES.md's list (whose source is noisy):
// the deepracer service is absent from the package, and these two qapps actions are newer than it.
// The assertion is exact, so a data update that adds them makes this list fail and shrink.
const ALSO_UNKNOWN = [
  'AWSDeepRacerDefaultMultiUserAccess: deepracer:Admin*',
  'AWSIAMIdentityCenterAllowListForIdentityContext: qapps:ImportDocumentToQApp',
  'AWSIAMIdentityCenterAllowListForIdentityContext: qapps:ImportDocumentToQAppSession',
];

/** SOURCES.md: "- PolicyName: service:Action, service:Other*" lines under the unknown-actions heading. */
function knownUnknowns(): Map<string, Set<string>> {
  const text = readFileSync(join(corpus, 'SOURCES.md'), 'utf8');
  const section = text.slice(text.indexOf('## Actions the dataset could not find'));
  const body = section.slice(0, section.indexOf('\n## ', 4));
  const unknown = new Map<string, Set<string>>();
  for (const [, policy, actions] of body.matchAll(/^- (\S+): (.+)$/gm)) {
    unknown.set(policy, new Set(actions.split(',').map(a => a.trim())));
  }
  return unknown;
}

function actionsOf(document: unknown): string[] {
  const statements = (document as { Statement?: unknown }).Statement;
  return [statements].flat().flatMap(statement => {
    if (!statement || typeof statement !== 'object') return [];
    const { Action, NotAction } = statement as Record<string, unknown>;
    return [Action, NotAction].flat().filter((a): a is string => typeof a === 'string');
  });
}

test('every action of the AWS managed policies resolves, except the known unknowns', () => {
  const unknown = knownUnknowns();
  assert.ok(unknown.size > 10, 'SOURCES.md unknown-actions list was read');
  const dir = join(corpus, 'aws-managed');
  const unresolved: string[] = [];
  let checked = 0;
  for (const file of readdirSync(dir).filter(f => f.endsWith('.json'))) {
    const policy = file.replace(/\.json$/, '');
    const document: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    for (const action of actionsOf(document)) {
      if (unknown.get(policy)?.has(action)) continue;
      checked++;
      if (catalog.matchActions(action).length === 0) unresolved.push(`${policy}: ${action}`);
    }
  }
  assert.ok(checked > 10000, `checked ${checked} actions`);
  assert.deepEqual(unresolved, ALSO_UNKNOWN);
});
