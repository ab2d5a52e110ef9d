// The GitHub Action (action.yml): its shell steps (scripts/github-action.sh) run here as GitHub runs
// them, with the inputs in the environment, a fake $GITHUB_STEP_SUMMARY and the built checker. The
// upload step is github/codeql-action's; what it uploads is the SARIF tested in cli-formats.test.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Log } from 'sarif';
import { folderWith } from '../helpers/cliRunner';
import { githubIngestionProblems } from '../helpers/sarifIngestion';

const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'github-action.sh');
const ACTION = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const SEED = readFileSync(join(ROOT, 'examples', 'seed-policy.iam.json'), 'utf8');
const GOOD = '{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }] }';

function step(name: string, cwd: string, env: Record<string, string>) {
  const run = spawnSync('bash', [SCRIPT, name], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? cwd, GITHUB_ACTION_PATH: ROOT, ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('action.yml runs each step of the script with its inputs in the environment, and uploads the SARIF file', () => {
  for (const name of ['build', 'sarif', 'annotate']) assert.ok(ACTION.includes(`run: '"$GITHUB_ACTION_PATH/scripts/github-action.sh" ${name}'`), name);
  assert.doesNotMatch(ACTION, /run: .*\$\{\{/, 'no input pasted into a script');
  for (const variable of [
    'IAM_PATHS: ${{ inputs.paths }}',
    'IAM_FAIL_ON: ${{ inputs.fail-on }}',
    'IAM_SARIF_FILE: ${{ inputs.sarif-file }}',
    'IAM_CONFIG: ${{ inputs.config }}',
  ]) {
    assert.ok(ACTION.includes(variable), variable);
  }
  assert.match(ACTION, /uses: github\/codeql-action\/upload-sarif@v\d+\n\s+with:\n\s+sarif_file: \$\{\{ inputs\.sarif-file \}\}/);
});

test('the steps: build is done once, SARIF does not fail on findings, annotate fails at --fail-on and writes the job summary', () => {
  const dir = folderWith({ 'policies/seed-policy.iam.json': SEED, 'policies/ok.json': GOOD, 'other dir/ok.json': GOOD });
  const summary = join(dir, 'summary.md');
  const inputs = { IAM_PATHS: 'policies\n"other dir"/*.json', IAM_SARIF_FILE: 'out.sarif', IAM_FAIL_ON: 'error', GITHUB_STEP_SUMMARY: summary };

  const build = step('build', dir, inputs);
  assert.equal(build.status, 0, build.stderr);
  assert.match(build.stdout, /is built/);

  // the quoted path is not split by the shell (paths are separated by white space only); glob characters stay for the checker
  const sarifSplit = step('sarif', dir, inputs);
  assert.equal(sarifSplit.status, 2, 'a path that names nothing is an error');
  assert.match(sarifSplit.stderr, /"other: no such file/);

  const sarif = step('sarif', dir, { ...inputs, IAM_PATHS: 'policies  **/ok.json' });
  assert.equal(sarif.status, 0, sarif.stderr);
  const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as Log;
  assert.deepEqual(githubIngestionProblems(log), []);
  assert.ok(log.runs[0].results!.some(result => result.ruleId === 'IAM100'));

  const annotate = step('annotate', dir, { ...inputs, IAM_PATHS: 'policies' });
  assert.equal(annotate.status, 1);
  assert.match(annotate.stdout, /^::error file=policies\/seed-policy\.iam\.json,line=1,/m);
  assert.match(
    readFileSync(summary, 'utf8'),
    /^## IAM policy check\n\n8 errors in 2 policy files\.\n[\s\S]*\| error \| IAM100 malformed-action \| policies\/seed-policy\.iam\.json \| 5 \|/,
  );

  const clean = step('annotate', dir, { ...inputs, IAM_PATHS: 'policies/ok.json', IAM_FAIL_ON: 'hint' });
  assert.equal(clean.status, 0, clean.stdout);
});

test('the config input names the settings file', () => {
  const dir = folderWith({
    'p.json': SEED,
    'lint.json': '{ "minimumSeverity": "error", "rules": { "IAM100": "off", "IAM002": "off", "IAM003": "off", "IAM004": "off" } }',
  });
  const run = step('annotate', dir, { IAM_PATHS: 'p.json', IAM_CONFIG: 'lint.json', IAM_FAIL_ON: 'error' });
  assert.equal(run.status, 0, run.stdout);
  assert.ok(!existsSync(join(dir, 'iam-policy-lint.sarif')));
});
