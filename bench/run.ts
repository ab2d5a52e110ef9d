// `npm run bench`: runs every benchmark, prints the times against their budgets, and fails when one
// is over budget. Benchmarks hold timing targets; unit tests never do.
import { diagnosticsBench } from './diagnostics';
import type { BenchResult } from './types';

const BENCHMARKS: Array<() => BenchResult[]> = [diagnosticsBench];

let over = 0;
for (const bench of BENCHMARKS) {
  for (const result of bench()) {
    const verdict = result.budgetMs === undefined ? '' : result.ms <= result.budgetMs ? ` (budget ${result.budgetMs} ms: ok)` : ` (budget ${result.budgetMs} ms: OVER)`;
    if (result.budgetMs !== undefined && result.ms > result.budgetMs) over++;
    console.log(`${result.ms.toFixed(2).padStart(9)} ms  ${result.name}${verdict}`);
  }
}
process.exitCode = over > 0 ? 1 : 0;
