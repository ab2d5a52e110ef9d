// Benchmark of the command-line checker over the whole corpus, against the time node needs just to
// read and JSON.parse the same files (both in a new process, so both pay node's start-up), and its
// peak memory.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI_PATH } from '../test/helpers/cliRunner';
import { CORPUS_DIR, corpusFiles } from '../test/helpers/corpus';
import { median, type Measurement } from './stats';

const RUNS = 5;
const USAGE = join(__dirname, 'usage.cjs');

const READ_AND_PARSE = `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const walk = dir => readdirSync(dir, { withFileTypes: true }).flatMap(e =>
  e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []);
let parsed = 0;
for (const file of walk(process.argv[1])) { try { JSON.parse(readFileSync(file, 'utf8')); parsed++; } catch {} }
if (parsed === 0) process.exit(1);
`;

export interface TimedRun {
  ms: number;
  /** user + system CPU time of the process, every thread */
  cpuMs: number;
  maxRssMb: number;
  stdout: string;
}

/** Runs node with `args` in a new process: its wall time, CPU time and peak memory. */
export function timedRun(args: string[]): TimedRun {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['-r', USAGE, ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  const reported = (name: string) => Number(new RegExp(`bench-${name}=(\\d+)`).exec(result.stderr)?.[1] ?? NaN);
  return { ms, cpuMs: reported('cpu-us') / 1000, maxRssMb: reported('max-rss-kb') / 1024, stdout: result.stdout };
}

export function cliBench(): Measurement[] {
  const files = corpusFiles().length;
  const baseline: number[] = [];
  const cli: number[] = [];
  const rss: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    baseline.push(timedRun(['-e', READ_AND_PARSE, CORPUS_DIR]).ms);
    const run = timedRun([CLI_PATH, CORPUS_DIR]);
    cli.push(run.ms);
    cpu.push(run.cpuMs);
    rss.push(run.maxRssMb);
  }
  return [
    {
      id: 'cli-corpus',
      label: `CLI over the corpus (${files} files; ${median(cli).toFixed(0)} ms vs ${median(baseline).toFixed(0)} ms to read + JSON.parse)`,
      samples: cli.map(ms => files / (ms / 1000)),
    },
    { id: 'cli-corpus-cpu', label: 'CLI over the corpus, per second of its CPU time (user + system)', samples: cpu.map(ms => files / (ms / 1000)) },
    { id: 'cli-vs-json-parse', label: 'CLI time / read + JSON.parse time (medians)', samples: [median(cli) / median(baseline)] },
    { id: 'cli-peak-rss', label: 'CLI peak RSS over the corpus', samples: rss },
  ];
}
