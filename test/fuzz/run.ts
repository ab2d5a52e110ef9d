// The robustness harness: mutates corpus policies and runs every feature on each.
//   npm run fuzz -- [--seed N] [--cases N] [--case N] [--max-size BYTES] [--out FILE]
// A failure prints its seed and case number; `--case` re-runs that one case alone, and `--out`
// writes the text of a failing case (or of the one --case, slow or not) to a file.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { withDefaults } from '../../server/src/protocol';
import { corpusFiles, type CorpusFile } from '../helpers/corpus';
import { checkText } from './check';
import { caseRandom, mutate, pick } from './mutate';

export interface FuzzCase {
  index: number;
  base: string;
  applied: string[];
  text: string;
  failures: string[];
  ms: number;
}

export interface FuzzOptions {
  seed: number;
  cases: number;
  maxSize: number;
  first?: number;
}

export function* fuzzCases(options: FuzzOptions): Generator<FuzzCase> {
  const catalog = getCatalog();
  const settings = withDefaults(undefined);
  const bases: CorpusFile[] = corpusFiles().filter(f => f.text.length <= options.maxSize);
  const first = options.first ?? 0;
  for (let index = first; index < first + options.cases; index++) {
    const random = caseRandom(options.seed, index);
    const base = pick(random, bases);
    const { text, applied } = mutate(base.text, random);
    const started = performance.now();
    const failures = checkText(text, catalog, settings, random);
    yield { index, base: base.name, applied, text, failures, ms: performance.now() - started };
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: String(Date.now() % 1_000_000) },
      cases: { type: 'string', default: '50000' },
      case: { type: 'string' },
      'max-size': { type: 'string', default: '300000' },
      out: { type: 'string' },
    },
  });
  const seed = Number(values.seed);
  const single = values.case !== undefined ? Number(values.case) : undefined;
  const options = { seed, cases: single !== undefined ? 1 : Number(values.cases), maxSize: Number(values['max-size']), first: single };
  if (![seed, options.cases, options.maxSize].every(Number.isFinite)) throw new Error('--seed, --cases, --case and --max-size take numbers');
  console.log(`fuzz: seed ${seed}, ${options.cases} case(s)`);
  let failed = 0;
  let slowest = { ms: 0, index: -1 };
  for (const result of fuzzCases(options)) {
    if (result.ms > slowest.ms) slowest = { ms: result.ms, index: result.index };
    if (result.failures.length) {
      failed++;
      console.log(
        `\nFAIL case ${result.index} (npm run fuzz -- --seed ${seed} --case ${result.index}): ${result.base}, mutations: ${result.applied.join(', ')}`,
      );
      for (const failure of result.failures.slice(0, 5)) console.log(`  ${failure.replace(/\n/g, '\n    ')}`);
    }
    if (values.out && (result.failures.length || single !== undefined)) writeFileSync(values.out, result.text);
    if ((result.index + 1) % 1000 === 0) console.log(`  ${result.index + 1} cases, ${failed} failed`);
  }
  console.log(`fuzz: ${failed} failed of ${options.cases}; slowest case ${slowest.index}: ${slowest.ms.toFixed(1)} ms`);
  process.exitCode = failed ? 1 : 0;
}

if (require.main === module) main();
