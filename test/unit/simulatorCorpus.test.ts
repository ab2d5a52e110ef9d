// Property: the simulator never throws on any policy of the shared corpus, with random requests drawn
// from the policy's own actions, resources, principals and condition keys (seeded, so reproducible).
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { parsePolicy } from '../../server/src/policy/parse';
import type { PolicyDocument } from '../../server/src/policy/model';
import { simulate } from '../../server/src/evaluation/evaluate';
import type { ContextValue, SimulationRequest } from '../../server/src/evaluation/request';
import { corpusFiles } from '../helpers/corpus';

/** mulberry32: a small seeded PRNG. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILLERS = ['x', 'Prod', 'a/b', '', '111122223333', '10.0.0.1', '2001:db8::1', 'true', '2024-01-01T00:00:00Z', '1700000000', '*', '${aws:username}'];

function requestsFor(doc: PolicyDocument, next: () => number, count: number): SimulationRequest[] {
  const pick = <T>(items: readonly T[], fallback: T): T => (items.length ? items[Math.floor(next() * items.length)] : fallback);
  const filler = () => pick(FILLERS, 'x');
  // a pattern made concrete: each wildcard becomes a random filler (or stays, now and then)
  const concrete = (pattern: string) => (next() < 0.1 ? pattern : pattern.replace(/[*?]/g, () => filler().replace(/[*?]/g, '')));
  const statements = doc.statements;
  const actions = statements.flatMap(s => [...(s.action?.items ?? []), ...(s.notAction?.items ?? [])].map(i => i.value));
  const resources = statements.flatMap(s => [...(s.resource?.items ?? []), ...(s.notResource?.items ?? [])].map(i => i.value));
  const principals = statements.flatMap(s => [s.principal, s.notPrincipal].flatMap(p => p?.types.flatMap(t => t.values.map(v => v.value)) ?? []));
  const conditions = statements.flatMap(s => s.condition?.operators.flatMap(o => o.keys) ?? []);
  return Array.from({ length: count }, () => {
    const context: Record<string, ContextValue> = {};
    for (const key of conditions) {
      if (next() < 0.3) continue;
      const values = key.values.map(v => (v.value === null ? filler() : concrete(String(v.value))));
      context[key.entry.name] = next() < 0.3 ? [pick(values, filler()), filler()] : pick(values, filler());
    }
    return {
      action: concrete(pick(actions, 's3:GetObject')),
      resource: next() < 0.1 ? undefined : concrete(pick(resources, '*')),
      principal: next() < 0.3 ? undefined : pick([...principals, 'anonymous', 'arn:aws:sts::111122223333:assumed-role/r/s'], 'anonymous'),
      context,
    };
  });
}

test('the simulator never throws on the corpus with random requests from each policy', () => {
  const next = random(20261124);
  const files = corpusFiles();
  assert.ok(files.length > 1900);
  let simulations = 0;
  for (const file of files) {
    const doc = parsePolicy(file.text, pathToFileURL(file.path).href, { languageId: 'iam-policy' });
    for (const request of requestsFor(doc, next, 8)) {
      try {
        const result = simulate([doc], request);
        assert.ok(['Allow', 'ExplicitDeny', 'ImplicitDeny'].includes(result.decision));
        simulations++;
      } catch (error) {
        assert.fail(`${file.name} with ${JSON.stringify(request)}: ${(error as Error).stack}`);
      }
    }
  }
  assert.ok(simulations >= files.length * 8);
});
