// The robustness harness, short run: a few thousand mutated corpus policies through every feature
// (diagnostics, code actions on each diagnostic, completion and hover at random offsets, code
// lenses, the access summary): no exception, every range inside its document. The long run with a
// chosen seed: npm run fuzz -- --seed N (see test/fuzz/run.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fuzzCases } from '../fuzz/run';

const SEED = 20261124;
const CASES = 2000;
/** small bases keep the run within seconds; the long run uses the whole corpus */
const MAX_BASE_SIZE = 4000;

test(`${CASES} mutated policies: no exception, every range inside the document`, { timeout: 180_000 }, t => {
  const failures: string[] = [];
  let slowest = { ms: 0, index: -1 };
  const started = performance.now();
  for (const result of fuzzCases({ seed: SEED, cases: CASES, maxSize: MAX_BASE_SIZE })) {
    if (result.ms > slowest.ms) slowest = { ms: result.ms, index: result.index };
    if (result.failures.length) {
      failures.push(
        `case ${result.index} (npm run fuzz -- --seed ${SEED} --case ${result.index} --max-size ${MAX_BASE_SIZE}), ` +
          `${result.base} + ${result.applied.join(', ')}:\n  ${result.failures.slice(0, 3).join('\n  ')}`,
      );
    }
  }
  t.diagnostic(`${CASES} cases in ${((performance.now() - started) / 1000).toFixed(1)} s; slowest: case ${slowest.index}, ${slowest.ms.toFixed(0)} ms`);
  assert.deepEqual(failures.slice(0, 10), []);
});
