// What a benchmark measures, the statistics over repeated samples, and the table that compares
// them with bench/budgets.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Measurement {
  id: string;
  /** what was measured, for the table */
  label: string;
  samples: number[];
}

interface Budget {
  budget?: number;
  unit: string;
  stat: 'median' | 'p95' | 'value';
  better: 'lower' | 'higher';
}

export const BUDGETS: Record<string, Budget> = JSON.parse(readFileSync(join(__dirname, 'budgets.json'), 'utf8'));

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** Milliseconds of `run`, `times` times. */
export async function timeEach(times: number, run: (i: number) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

const format = (n: number | undefined) => (n === undefined ? '-' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/** Prints the table; returns the ids of the budgets missed. */
export function printTable(measurements: readonly Measurement[], print: (line: string) => void): string[] {
  const rows = [['metric', 'median', 'p95', 'budget', 'unit', '']];
  const missed: string[] = [];
  for (const m of measurements) {
    const budget = BUDGETS[m.id];
    if (!budget) throw new Error(`no entry for "${m.id}" in bench/budgets.json`);
    const med = median(m.samples);
    const p95 = m.samples.length > 1 ? percentile(m.samples, 95) : undefined;
    const compared = budget.stat === 'p95' ? (p95 ?? med) : med;
    let verdict = '';
    if (budget.budget !== undefined) {
      const ok = budget.better === 'lower' ? compared <= budget.budget : compared >= budget.budget;
      verdict = ok ? 'OK' : 'MISS';
      if (!ok) missed.push(m.id);
    }
    rows.push([
      m.label,
      format(med),
      format(p95),
      budget.budget === undefined ? '-' : `${budget.better === 'lower' ? '<=' : '>='} ${budget.budget}${budget.stat === 'p95' ? ' (p95)' : ''}`,
      budget.unit,
      verdict,
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].length)));
  for (const [i, row] of rows.entries()) {
    print(
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join('  ')
        .trimEnd(),
    );
    if (i === 0) print(widths.map(w => '-'.repeat(w)).join('  '));
  }
  return missed;
}
