// The README's performance table, printed by `npm run bench` after its own table so that anyone can
// regenerate it: the rows the README shows, the machine and the date. test/unit/readme.test.ts
// keeps the README's rows, budgets and corpus figures in step with this.
import { cpus, totalmem } from 'node:os';
import { BUDGETS, median, percentile, type Measurement } from './stats';

export interface ReadmeRow {
  label: string;
  /** the measurements shown in the row, "a / b" */
  ids: string[];
}

export const README_ROWS: readonly ReadmeRow[] = [
  { label: 'spawn to first diagnostics', ids: ['spawn-to-first-diagnostics'] },
  { label: 'completion / hover on a 20 KB policy (p95)', ids: ['completion-20kb', 'hover-20kb'] },
  { label: 'new diagnostics after an edit, 20 KB / largest corpus policy', ids: ['diagnostics-after-edit-20kb', 'diagnostics-after-edit-largest'] },
  { label: 'largest corpus policy diagnosed after open', ids: ['diagnostics-on-open-largest'] },
  { label: 'corpus opened one document after another in one server', ids: ['corpus-in-one-server'] },
  { label: 'server RSS after the corpus', ids: ['server-rss-after-corpus'] },
  { label: '`iam-policy-lint` over the corpus, against reading and `JSON.parse` alone', ids: ['cli-vs-json-parse'] },
  { label: 'request simulation, largest policy', ids: ['simulate-largest'] },
  { label: "`.vsix` (with the README's pictures inline and the HCL parser's WebAssembly)", ids: ['vsix-size'] },
];

const format = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/** The budget cell of a row: the budgets, "a / b unit", or "-" where none is set. */
export function budgetCell(row: ReadmeRow): string {
  const budgets = row.ids.map(id => BUDGETS[id]);
  if (budgets.some(b => b?.budget === undefined)) return '-';
  return `${budgets.map(b => `${b.budget}`).join(' / ')} ${budgets[0].unit}`;
}

/** The measured cell: the number each budget compares (p95 or median), and MISSED in bold when one misses. */
function measuredCell(row: ReadmeRow, measurements: ReadonlyMap<string, Measurement>): string {
  let missed = false;
  const values = row.ids.map(id => {
    const samples = measurements.get(id)?.samples;
    const budget = BUDGETS[id];
    if (!samples?.length) return '?';
    const value = budget.stat === 'p95' ? percentile(samples, 95) : median(samples);
    if (budget.budget !== undefined && (budget.better === 'lower' ? value > budget.budget : value < budget.budget)) missed = true;
    return format(value);
  });
  return `${values.join(' / ')} ${BUDGETS[row.ids[0]].unit}${missed ? ' **(missed)**' : ''}`;
}

/** The machine, as the table's caption names it. */
export function machine(): string {
  const [cpu] = cpus();
  return `${cpus().length} cores (${cpu?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}`;
}

/** The README's table of these measurements, with its caption. */
export function readmeTable(measurements: readonly Measurement[], corpus: { files: number; largestKb: number }, run: { date: Date; load: number }): string[] {
  const byId = new Map(measurements.map(m => [m.id, m]));
  return [
    `Measured on ${run.date.toISOString().slice(0, 10)} on ${machine()}, load average ${run.load.toFixed(1)} at the start; ` +
      `corpus of ${corpus.files.toLocaleString('en-US')} policies, the largest ${corpus.largestKb} KB (medians unless p95):`,
    '',
    '| | measured | budget |',
    '| --- | --- | --- |',
    ...README_ROWS.map(row => `| ${row.label} | ${measuredCell(row, byId)} | ${budgetCell(row)} |`),
  ];
}
