// Parallel runs of the checker (cli/threads.ts): the same report, problems and exit code as on one
// thread, in every format, with --fix; a worker that cannot start leaves its work to the main thread.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { threadCount } from '../../server/src/cli/threads';
import { CLI_PATH, folderWith } from '../helpers/cliRunner';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

/** 240 policies (the examples, renamed), with a broken file and a file that is no policy among them. */
function manyPolicies(): string {
  const examples = readdirSync(EXAMPLES).filter(name => name.endsWith('.json'));
  const files: Record<string, string> = { 'z/broken.json': '{ "Statement": [ { "Effect": "Allow", } ] }', 'z/package.json': '{ "name": "x" }' };
  for (let i = 0; i < 240; i++) {
    const name = examples[i % examples.length];
    files[`p${String(i).padStart(3, '0')}/${name}`] = readFileSync(join(EXAMPLES, name), 'utf8');
  }
  return folderWith(files);
}

async function run(args: string[], cwd: string, workerScript?: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: text => { stdout += text; }, stderr: text => { stderr += text; }, readStdin: () => '', cwd, color: false, workerScript,
  });
  return { code, stdout, stderr };
}

test('threads: half the cores, at most 8, never fewer than 100 files each, --jobs wins', () => {
  assert.equal(threadCount(150, 4), 1);
  assert.equal(threadCount(250, 4), 2);
  assert.equal(threadCount(10_000, 3), 3);
  assert.equal(threadCount(10_000, undefined, 2), 1);
  assert.equal(threadCount(10_000, undefined, 8), 4);
  assert.equal(threadCount(10_000, undefined, 64), 8);
});

test('a parallel run reports exactly what one thread reports, in every format', async () => {
  const dir = manyPolicies();
  for (const format of ['text', 'json', 'sarif', 'github']) {
    const alone = await run(['.', '-f', format, '-j', '1'], dir, CLI_PATH);
    const parallel = await run(['.', '-f', format, '-j', '3'], dir, CLI_PATH);
    assert.deepEqual(parallel, alone, format);
    assert.equal(alone.code, 1, alone.stderr);   // the broken file's syntax error
  }
});

test('a worker that cannot start leaves its batches to the main thread', async () => {
  const dir = manyPolicies();
  const alone = await run(['.', '-f', 'json', '-j', '1'], dir, CLI_PATH);
  const withoutWorkers = await run(['.', '-f', 'json', '-j', '3'], dir, join(dir, 'no-such-script.js'));
  assert.deepEqual(withoutWorkers, alone);
});

test('--fix on threads writes the same files and report as on one thread', async () => {
  const [one, many] = [manyPolicies(), manyPolicies()];
  const alone = await run(['.', '--fix', '-f', 'json', '-j', '1'], one, CLI_PATH);
  const parallel = await run(['.', '--fix', '-f', 'json', '-j', '2'], many, CLI_PATH);
  assert.deepEqual(parallel, alone);
  assert.ok((JSON.parse(alone.stdout) as { files: Array<{ fixed: number }> }).files.some(f => f.fixed > 0));
  for (const name of ['z/broken.json', 'p000/' + readdirSync(join(one, 'p000'))[0]]) {
    assert.equal(readFileSync(join(many, name), 'utf8'), readFileSync(join(one, name), 'utf8'), name);
  }
});
