// `npm run bench`: runs every benchmark and prints one table (metric, median, p95, budget, OK/MISS)
// against bench/budgets.json. A miss is printed clearly; it fails the run only with --strict
// (benchmarks hold timing targets; unit tests never do, so `npm test` never runs this).
import { readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { catalogBench } from './catalog';
import { cliBench } from './cli';
import { diagnosticsBench } from './diagnostics';
import { serverBench } from './server';
import { simulatorBench } from './simulator';
import { largestPolicy } from './policies';
import { readmeTable } from './readmeTable';
import { templateCpuBench } from './templateCpu';
import { templateBench } from './templates';
import { printTable, type Measurement } from './stats';
import { corpusFiles } from '../test/helpers/corpus';

const DIAGNOSTICS_CPU_IDS = ['diagnostics-cpu-20kb', 'diagnostics-cpu-largest'];

function vsixSize(): Measurement[] {
  const dist = join(__dirname, '..', 'dist');
  const vsix = readdirSync(dist).find(name => name.endsWith('.vsix'));
  if (!vsix) {
    console.log('(no dist/*.vsix: run `npm run package` to measure its size)');
    return [];
  }
  return [{ id: 'vsix-size', label: `.vsix size (${vsix})`, samples: [statSync(join(dist, vsix)).size / 1024 / 1024] }];
}

async function main(): Promise<void> {
  const run = { date: new Date(), load: loadavg()[0] };
  const step = async (name: string, run: () => Measurement[] | Promise<Measurement[]>) => {
    process.stderr.write(`bench: ${name}...\n`);
    return run();
  };
  const measurements = [
    ...(await step('server over stdio', serverBench)),
    ...(await step('catalog', catalogBench)),
    ...(await step('diagnostics in-process (CPU time)', () =>
      diagnosticsBench().map((result, i) => ({ id: DIAGNOSTICS_CPU_IDS[i], label: `${result.name} [CPU]`, samples: [result.ms] })),
    )),
    ...(await step('simulator', simulatorBench)),
    ...(await step('templates over stdio', templateBench)),
    ...(await step('templates in-process (CPU time)', templateCpuBench)),
    ...(await step('CLI', cliBench)),
    ...vsixSize(),
  ];
  console.log('');
  const missed = printTable(measurements, line => console.log(line));
  console.log(missed.length ? `\nMISSED ${missed.length} budget(s): ${missed.join(', ')}` : '\nEvery budget met.');
  const corpus = { files: corpusFiles().length, largestKb: Math.round(largestPolicy().text.length / 1024) };
  console.log(`\nFor README.md (Performance):\n\n${readmeTable(measurements, corpus, run).join('\n')}`);
  if (process.argv.includes('--strict') && missed.length) process.exitCode = 1;
}

main().catch(error => {
  console.error(error);
  process.exitCode = 2;
});
