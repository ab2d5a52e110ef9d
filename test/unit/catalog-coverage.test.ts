// The catalog's coverage check: the actions named in the AWS managed policies of the shared corpus
// resolve, but for those that ../shared/corpus/SOURCES.md lists as unknown to the policies' dataset
// and a few that a data refresh may add or drop (a property of the data, not a list that every
// version bump would have to edit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCatalogPath, loadCatalog } from '../../server/src/catalog/loadCatalog';
import { CORPUS_DIR } from '../helpers/corpus';

const corpus = CORPUS_DIR;
const catalog = loadCatalog(defaultCatalogPath());

/** Actions of the managed policies, beyond SOURCES.md's list, that the data may not know: one in 5,000. */
const UNRESOLVED_SHARE = 1 / 5000;

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
  assert.ok(unresolved.length <= checked * UNRESOLVED_SHARE, `${unresolved.length} of ${checked} unresolved: ${unresolved.slice(0, 20).join(', ')}`);
  for (const name of unresolved) assert.match(name, /^\S+: [a-z0-9-]+:[A-Za-z0-9*?]+$/, 'a well-formed name the data does not have yet');
});
