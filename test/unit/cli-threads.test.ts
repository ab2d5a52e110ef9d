// Parallel runs of the checker (cli/threads.ts): the same report, problems and exit code as on one
// thread, in every format, with --fix; a worker that cannot start leaves its work to the main thread.
// A worker needs a few hundred milliseconds to start, in which the main thread checks most of these
// files: so the runs that compare the workers' reports leave every batch to the workers (the
// mainThreadChecks hook), and every run counts who checked how many batches.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { threadCount } from '../../server/src/cli/threads';
import { CLI_PATH, folderWith } from '../helpers/cliRunner';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

const POLICIES = 300;
/** The 16-file batches of a run over manyPolicies() (cli/threads.ts BATCH_SIZE). */
const BATCHES = Math.ceil((POLICIES + 2) / 16);

/** 300 policies (the examples, renamed), with a broken file and a file that is no policy among them: 3 threads' worth. */
function manyPolicies(): string {
  const examples = readdirSync(EXAMPLES)
    .filter(name => name.endsWith('.json'))
    .sort();
  const files: Record<string, string> = { 'z/broken.json': '{ "Statement": [ { "Effect": "Allow", } ] }', 'z/package.json': '{ "name": "x" }' };
  for (let i = 0; i < POLICIES; i++) {
    const name = examples[i % examples.length];
    files[`p${String(i).padStart(3, '0')}/${name}`] = readFileSync(join(EXAMPLES, name), 'utf8');
  }
  return folderWith(files);
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  batches: number[];
}

/** A run in-process; `workersOnly`: the main thread leaves the batches to the workers. */
async function run(args: string[], cwd: string, workerScript?: string, workersOnly = false): Promise<Run> {
  let stdout = '';
  let stderr = '';
  let batches: number[] = [];
  const code = await runCli(args, {
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
    readStdin: () => '',
    cwd,
    color: false,
    workerScript,
    threads: {
      mainThreadChecks: !workersOnly,
      onBatches: perThread => {
        batches = perThread;
      },
    },
  });
  return { code, stdout, stderr, batches };
}

const report = ({ code, stdout, stderr }: Run) => ({ code, stdout, stderr });
const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

test('threads: half the cores, at most 8, never fewer than 100 files each, --jobs wins', () => {
  assert.equal(threadCount(150, 4), 1);
  assert.equal(threadCount(250, 4), 2);
  assert.equal(threadCount(10_000, 3), 3);
  assert.equal(threadCount(10_000, undefined, 2), 1);
  assert.equal(threadCount(10_000, undefined, 8), 4);
  assert.equal(threadCount(10_000, undefined, 64), 8);
});

test('the workers report exactly what one thread reports, in every format', async () => {
  const dir = manyPolicies();
  for (const format of ['text', 'json', 'sarif', 'github']) {
    const alone = await run(['.', '-f', format, '-j', '1'], dir, CLI_PATH);
    const parallel = await run(['.', '-f', format, '-j', '3'], dir, CLI_PATH, true);
    assert.deepEqual(report(parallel), report(alone), format);
    assert.equal(alone.code, 1, alone.stderr); // the broken file's syntax error
    assert.deepEqual(alone.batches, [], 'one thread: no batches');
    assert.equal(parallel.batches.length, 3, 'the main thread and two workers');
    assert.equal(parallel.batches[0], 0, 'the main thread checked nothing');
    assert.equal(sum(parallel.batches), BATCHES);
  }
});

test('the main thread and the workers together report what one thread reports', async () => {
  const dir = manyPolicies();
  const alone = await run(['.', '-f', 'json', '-j', '1'], dir, CLI_PATH);
  const parallel = await run(['.', '-f', 'json', '-j', '3'], dir, CLI_PATH);
  assert.deepEqual(report(parallel), report(alone));
  assert.equal(parallel.batches.length, 3);
  assert.equal(sum(parallel.batches), BATCHES, `${parallel.batches.join(' + ')} batches`);
});

test('a worker that cannot start leaves its batches to the main thread', async () => {
  const dir = manyPolicies();
  const alone = await run(['.', '-f', 'json', '-j', '1'], dir, CLI_PATH);
  for (const workersOnly of [false, true]) {
    const withoutWorkers = await run(['.', '-f', 'json', '-j', '3'], dir, join(dir, 'no-such-script.js'), workersOnly);
    assert.deepEqual(report(withoutWorkers), report(alone));
    assert.deepEqual(withoutWorkers.batches, [BATCHES, 0, 0]);
  }
});

test('--fix on worker threads writes the same files and report as on one thread', async () => {
  const [one, many] = [manyPolicies(), manyPolicies()];
  const alone = await run(['.', '--fix', '-f', 'json', '-j', '1'], one, CLI_PATH);
  const parallel = await run(['.', '--fix', '-f', 'json', '-j', '2'], many, CLI_PATH, true);
  assert.deepEqual(report(parallel), report(alone));
  assert.deepEqual(parallel.batches, [0, BATCHES], 'the worker fixed every file');
  assert.ok((JSON.parse(alone.stdout) as { files: Array<{ fixed: number }> }).files.some(f => f.fixed > 0));
  // p004 and p299 hold the seed policy (examples are taken in turn), which --fix changes
  for (const name of ['z/broken.json', 'p000/bucket-policy.json', 'p004/seed-policy.iam.json', 'p299/seed-policy.iam.json']) {
    assert.equal(readFileSync(join(many, name), 'utf8'), readFileSync(join(one, name), 'utf8'), name);
  }
  assert.notEqual(readFileSync(join(many, 'p299/seed-policy.iam.json'), 'utf8'), readFileSync(join(EXAMPLES, 'seed-policy.iam.json'), 'utf8'), 'fixed');
});
