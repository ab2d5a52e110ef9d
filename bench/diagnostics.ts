// Benchmark: diagnostics for a 20 KB policy (parse + every rule) within 10 ms, as the server computes
// them after an edit. The policies are the corpus's AWS managed policies of 15-25 KB; each is edited
// (a fresh text) and diagnosed several times after a warm-up pass over the whole corpus, as in a
// running server; the budget holds for the median of each policy. Time is the process's CPU time
// (user + system), so that other work on a shared machine does not count.
import { getCatalog } from '../server/src/catalog/loadCatalog';
import { computeDiagnostics } from '../server/src/features/diagnostics';
import { parsePolicy } from '../server/src/policy/parse';
import { withDefaults } from '../server/src/protocol';
import { corpusFiles } from '../test/helpers/corpus';
import { rethrow } from '../test/helpers/findings';
import type { BenchResult } from './types';

const BUDGET_MS = 10;
const RUNS = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function diagnosticsBench(): BenchResult[] {
  const settings = withDefaults(undefined);
  const catalog = getCatalog();
  const files = corpusFiles();
  for (const file of files) computeDiagnostics(parsePolicy(file.text, `file:///warm/${file.name}`), catalog, settings, rethrow);
  const sized = files.filter(f => f.text.length >= 15_000 && f.text.length <= 25_000);
  const timeOf = (text: string, name: string) => {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const edited = text.replace('{', `{${' '.repeat(run % 4)}`);
      const start = process.cpuUsage();
      computeDiagnostics(parsePolicy(edited, `file:///bench/${name}`), catalog, settings, rethrow);
      const used = process.cpuUsage(start);
      times.push((used.user + used.system) / 1000);
    }
    return median(times);
  };
  const medians = sized.map(f => ({ name: f.name, ms: timeOf(f.text, f.name) })).sort((a, b) => b.ms - a.ms);
  const largest = [...files].sort((a, b) => b.text.length - a.text.length)[0];
  return [
    { name: `diagnostics, 20 KB policy (slowest of ${medians.length}: ${medians[0].name})`, ms: medians[0].ms, budgetMs: BUDGET_MS },
    { name: `diagnostics, largest policy (${largest.name}, ${Math.round(largest.text.length / 1024)} KB)`, ms: timeOf(largest.text, largest.name) },
  ];
}
