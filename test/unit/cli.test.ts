// The command-line checker end to end: the bundled dist/cli.js on folders, files, globs and stdin;
// exit codes; the settings file; --fix.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI_PATH, folderWith, runCliProcess } from '../helpers/cliRunner';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const SEED = readFileSync(join(EXAMPLES, 'seed-policy.iam.json'), 'utf8');
const GOOD = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }],
  },
  null,
  2,
);
const UNKNOWN_ACTION = GOOD.replace('s3:GetObject', 's3:GetObjekt');

interface JsonReport {
  files: Array<{
    path: string;
    kind: string;
    kindSource: string;
    fixed: number;
    findings: Array<{ code: string; severity: string; line: number; column: number }>;
  }>;
  counts: Record<string, number>;
  problems: string[];
}
const codesOf = (report: JsonReport) => report.files.flatMap(f => f.findings.map(d => d.code));

test('text output: file:line:col, severity, code and a caret line under the span; exit 1 on errors', () => {
  const dir = folderWith({ 'seed-policy.iam.json': SEED });
  const run = runCliProcess(['.'], { cwd: dir });
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, /^seed-policy\.iam\.json:5:42 - error IAM100: \S/m);
  const lines = run.stdout.split('\n');
  const at = lines.findIndex(l => l.startsWith('seed-policy.iam.json:5:42'));
  assert.match(lines[at + 2], /^ {2}5 \| {9}\{ "Effect": "Allow", "Action": \[ "s3\.ListBucket" \]/);
  assert.equal(lines[at + 3], `    | ${' '.repeat(41)}${'^'.repeat('"s3.ListBucket"'.length)}`);
  assert.match(run.stdout, /8 problems \(8 errors\) in 1 policy file\.\n$/);
});

test('folders: policies are checked, other JSON files skipped; exit 0 when clean', () => {
  const dir = folderWith({ 'a/good.json': GOOD, 'a/package.json': '{ "name": "x", // not a policy\n }', 'b/notes.txt': 'x' });
  const run = runCliProcess(['.', '--format', 'json'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as JsonReport;
  assert.deepEqual(
    report.files.map(f => f.path),
    [join('a', 'good.json')],
  );
  assert.deepEqual(report.problems, []);
});

test('a JSON file named explicitly is checked even when it is not a policy', () => {
  const dir = folderWith({ 'package.json': '{ "name": "x" }' });
  const report = JSON.parse(runCliProcess(['package.json', '--format', 'json'], { cwd: dir }).stdout) as JsonReport;
  assert.deepEqual(
    report.files.map(f => f.path),
    ['package.json'],
  );
});

test('globs name files below their base folder', () => {
  const dir = folderWith({ 'p/x/one.json': GOOD, 'p/two.json': GOOD, 'q/three.json': GOOD });
  const report = JSON.parse(runCliProcess(['p/**/*.json', '--format', 'json'], { cwd: dir }).stdout) as JsonReport;
  assert.deepEqual(report.files.map(f => f.path).sort(), [join('p', 'two.json'), join('p', 'x', 'one.json')]);
});

test('--fail-on decides which severities fail the run', () => {
  const dir = folderWith({ 'p.json': UNKNOWN_ACTION });
  assert.equal(runCliProcess(['p.json'], { cwd: dir }).status, 0);
  const failing = runCliProcess(['p.json', '--fail-on', 'warning'], { cwd: dir });
  assert.equal(failing.status, 1);
  assert.match(failing.stdout, /warning IAM102/);
});

test('usage and I/O errors exit 2 with a message', () => {
  const dir = folderWith({ 'p.json': GOOD });
  for (const args of [
    ['--format', 'xml', 'p.json'],
    ['--bogus', 'p.json'],
    [],
    ['missing.json'],
    ['--fail-on', 'fatal', 'p.json'],
    ['--kind', 'nope', 'p.json'],
  ]) {
    const run = runCliProcess(args, { cwd: dir });
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stdout}`);
    assert.match(run.stderr, /^iam-policy-lint: /, args.join(' '));
  }
  const both = runCliProcess(['p.json', 'missing.json'], { cwd: dir });
  assert.equal(both.status, 2);
  assert.match(both.stderr, /missing\.json: no such file/);
  assert.match(both.stdout, /No problems in 1 policy file/);
});

test('a missing path says so and exits 2, without a report of zero files', () => {
  const dir = folderWith({});
  const expected = { text: '', github: '::error::missing: no such file, folder or matching file\n' };
  for (const [format, stdout] of Object.entries(expected)) {
    const run = runCliProcess(['missing', '--format', format], { cwd: dir });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, stdout, format);
    assert.equal(run.stderr, 'iam-policy-lint: missing: no such file, folder or matching file\n');
  }
});

test('a folder without policies says so, and the run is clean', () => {
  const dir = folderWith({ 'empty/.keep': '', 'config/package.json': '{ "name": "x" }', 'p/good.json': GOOD });
  const run = runCliProcess(['empty', 'config', 'p'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(
    run.stderr,
    'iam-policy-lint: empty: no policy files to check: no .json file\n' +
      'iam-policy-lint: config: no policy files to check: its one .json file is not a policy (no "Statement")\n',
  );
  assert.match(run.stdout, /^No problems in 1 policy file\.\n$/);
  const alone = runCliProcess(['empty'], { cwd: dir });
  assert.equal(alone.status, 0);
  assert.equal(alone.stdout, '');
});

test('--minimum-severity reports only findings at least that severe, over the settings file', () => {
  const dir = folderWith({ 'p.json': GOOD.replace('s3:GetObject', 'S3:getobject'), '.iam-lint.json': '{ "minimumSeverity": "error" }' });
  const codes = (...args: string[]) => codesOf(JSON.parse(runCliProcess(['p.json', '--format', 'json', ...args], { cwd: dir }).stdout) as JsonReport);
  assert.deepEqual(codes(), []);
  assert.deepEqual(codes('--minimum-severity', 'hint'), ['IAM106']);
  assert.deepEqual(codes('--minimum-severity', 'warning'), []);
  assert.equal(runCliProcess(['p.json', '--minimum-severity', 'loud'], { cwd: dir }).status, 2);
});

test('--list-rules lists every rule with the severity the settings give it', () => {
  const dir = folderWith({ '.iam-lint.json': '{ "rules": { "IAM106": "off", "unknown-action": "error" } }' });
  const lines = runCliProcess(['--list-rules'], { cwd: dir }).stdout.trim().split('\n');
  assert.ok(lines.length > 90);
  assert.match(
    lines.find(l => l.startsWith('IAM106 '))!,
    /^IAM106 +action-case +off /,
  );
  assert.match(
    lines.find(l => l.startsWith('IAM102 '))!,
    /^IAM102 +unknown-action +error /,
  );
  const rows = JSON.parse(runCliProcess(['--list-rules', '-f', 'json'], { cwd: dir }).stdout) as Array<{
    code: string;
    severity: string;
    defaultSeverity: string;
  }>;
  assert.deepEqual(
    rows.find(r => r.code === 'IAM102'),
    { ...rows.find(r => r.code === 'IAM102'), severity: 'error', defaultSeverity: 'warning' },
  );
});

test('--help and --version', () => {
  const help = runCliProcess(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: iam-policy-lint/);
  assert.match(runCliProcess(['--version']).stdout, /^iam-policy-lint \d+\.\d+\.\d+ \(IAM data of \d{4}-\d{2}-\d{2}, @cloud-copilot\/iam-data \S+\)\n$/);
});

test('reads standard input with "-", named by --stdin-filename for the settings globs', () => {
  const run = runCliProcess(['-', '--format', 'json'], { input: SEED });
  assert.equal(run.status, 1);
  const report = JSON.parse(run.stdout) as JsonReport;
  assert.equal(report.files[0].path, '<stdin>');
  assert.ok(codesOf(report).includes('IAM100'));
  const dir = folderWith({ '.iam-lint.json': JSON.stringify({ policyKinds: { 'scps/**': 'scp' } }) });
  const named = JSON.parse(runCliProcess(['-', '--stdin-filename', 'scps/x.json', '--format', 'json'], { cwd: dir, input: GOOD }).stdout) as JsonReport;
  assert.equal(named.files[0].path, 'scps/x.json');
  assert.equal(named.files[0].kind, 'scp');
  assert.equal(named.files[0].kindSource, 'setting');
});

test('the settings file has the shape of the editor settings (plain, nested or VS Code flat keys)', () => {
  const shapes = [{ rules: { IAM100: 'off' } }, { iamPolicy: { rules: { IAM100: 'off' } } }, { 'iamPolicy.rules': { IAM100: 'off' }, 'editor.tabSize': 2 }];
  for (const shape of shapes) {
    const dir = folderWith({ 'p.iam.json': SEED, 'settings.json': JSON.stringify(shape) });
    const report = JSON.parse(runCliProcess(['p.iam.json', '--config', 'settings.json', '--format', 'json'], { cwd: dir }).stdout) as JsonReport;
    assert.ok(!codesOf(report).includes('IAM100'), JSON.stringify(shape));
    assert.ok(codesOf(report).includes('IAM003'));
  }
  const byDefault = folderWith({ 'p.iam.json': SEED, '.iam-lint.json': JSON.stringify({ minimumSeverity: 'error', rules: { IAM002: 'off' } }) });
  const report = JSON.parse(runCliProcess(['p.iam.json', '--format', 'json'], { cwd: byDefault }).stdout) as JsonReport;
  assert.ok(!codesOf(report).includes('IAM002'));
});

test('without --config, the nearest .iam-lint.json or .vscode/settings.json with iamPolicy settings, up to the repository root', () => {
  const policy = GOOD.replace('s3:GetObject', 'S3:putobject').replace('arn:aws:s3:::bucket/*', '*'); // a hint (IAM106) and a warning (IAM402)
  const codes = (cwd: string) => codesOf(JSON.parse(runCliProcess(['p.json', '--format', 'json'], { cwd }).stdout) as JsonReport).sort();
  const repo = folderWith({
    '.git/HEAD': '',
    '.iam-lint.json': '{ "minimumSeverity": "warning" }',
    'a/p.json': policy,
    'a/.vscode/settings.json': '{ // VS Code settings with none of ours\n "editor.tabSize": 2 }',
    'b/p.json': policy,
    'b/.vscode/settings.json': '{ "iamPolicy.minimumSeverity": "error" }',
    'b/c/p.json': policy,
    'b/c/.iam-lint.json': '{}',
  });
  assert.deepEqual(codes(join(repo, 'a')), ['IAM402']);
  assert.deepEqual(codes(join(repo, 'b')), []);
  assert.deepEqual(codes(join(repo, 'b', 'c')), ['IAM106', 'IAM402']);
  // above the repository's root nothing is read
  const outside = folderWith({ '.iam-lint.json': '{ "minimumSeverity": "error" }', 'repo/.git/HEAD': '', 'repo/p.json': policy });
  assert.deepEqual(codes(join(outside, 'repo')), ['IAM106', 'IAM402']);
});

test('an invalid or missing settings file is a usage error', () => {
  const dir = folderWith({ 'p.json': GOOD, 'bad.json': '{ "rules": { "IAM100": "loud" }, "colour": 1 }', 'broken.json': '{ "rules": ' });
  const bad = runCliProcess(['p.json', '--config', 'bad.json'], { cwd: dir });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /"rules\.IAM100" must be one of/);
  assert.match(bad.stderr, /unknown setting "colour"/);
  for (const config of ['bad.json', 'broken.json', 'absent.json']) {
    const run = runCliProcess(['p.json', '--config', config], { cwd: dir });
    assert.equal(run.status, 2, config);
    assert.match(run.stderr, /^iam-policy-lint: the settings file|^iam-policy-lint: cannot read the settings file/, config);
    assert.doesNotMatch(run.stderr, /internal error|\n\s+at /, `${config}: a message, not a stack trace`);
  }
});

test('--fix repairs the syntax and the malformed actions of the seed policy, and leaves the rest', () => {
  const dir = folderWith({ 'seed.iam.json': SEED, 'unknown.json': UNKNOWN_ACTION });
  const run = runCliProcess(['.', '--fix', '--format', 'json'], { cwd: dir });
  assert.equal(run.status, 0, run.stdout);
  const report = JSON.parse(run.stdout) as JsonReport;
  const seed = report.files.find(f => f.path === 'seed.iam.json')!;
  assert.ok(seed.fixed >= 8, `fixed ${seed.fixed}`);
  assert.deepEqual(
    seed.findings.filter(f => f.severity === 'error'),
    [],
  );
  const fixed = readFileSync(join(dir, 'seed.iam.json'), 'utf8');
  const policy = JSON.parse(fixed) as { Statement: Array<{ Action: string[] }> };
  assert.deepEqual(
    policy.Statement.map(s => s.Action),
    [['s3:ListBucket'], ['s3:GetObject', 's3:PutObject']],
  );
  assert.equal(readFileSync(join(dir, 'unknown.json'), 'utf8'), UNKNOWN_ACTION, 'a guess is not a safe fix');
});

test('--fix on standard input prints the fixed policy, and the report on standard error', () => {
  const run = runCliProcess(['-', '--fix'], { input: SEED });
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotThrow(() => JSON.parse(run.stdout));
  assert.match(run.stderr, /fixes applied/);
});

test('--output writes the report to a file', () => {
  const dir = folderWith({ 'p.json': UNKNOWN_ACTION });
  const run = runCliProcess(['p.json', '--format', 'github', '-o', 'report.txt'], { cwd: dir });
  assert.equal(run.status, 0);
  assert.equal(run.stdout, '');
  assert.match(readFileSync(join(dir, 'report.txt'), 'utf8'), /^::warning file=p\.json,line=6,col=17,endLine=6,endColumn=31,title=IAM102 unknown-action::/m);
});

test('--summary prints the access summary of each policy', () => {
  const dir = folderWith({ 'p.json': GOOD });
  const run = runCliProcess(['p.json', '--summary'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^Access summary: p\.json \(identity policy/m);
  assert.match(run.stdout, /^ {2}1\. Allow · s3: 1 Read/m);
  const report = JSON.parse(runCliProcess(['p.json', '--summary', '--format', 'json'], { cwd: dir }).stdout) as { files: Array<{ summary: string }> };
  assert.match(report.files[0].summary, /^Access summary: p\.json/);
});

test('--fix on standard input with nothing to fix prints the policy unchanged', () => {
  const run = runCliProcess(['-', '--fix'], { input: GOOD });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, GOOD);
});

test('--kind sets the kind of every policy', () => {
  const dir = folderWith({ 'p.json': GOOD });
  const report = JSON.parse(runCliProcess(['p.json', '--kind', 'boundary', '--format', 'json'], { cwd: dir }).stdout) as JsonReport;
  assert.equal(report.files[0].kind, 'boundary');
});

test('control characters of a policy never reach the terminal or the CI log', () => {
  const hostile = GOOD.replace('s3:GetObject', 's3:Get\\u001b[2J\\u001b]0;x\\u0007Object').replace('"Version"', '"Vers\u001b[31mion"');
  const dir = folderWith({ 'p.json': hostile });
  for (const format of ['text', 'github']) {
    const run = runCliProcess(['p.json', '--format', format], { cwd: dir });
    assert.ok(run.stdout.length > 0);
    assert.doesNotMatch(run.stdout, /[\u0000-\u0008\u000b-\u001f\u007f]/, format);
  }
});

test('a reader that closes the pipe early (| head) ends the run quietly, with its exit code', async () => {
  // enough findings that the report does not fit in the pipe's buffer
  const dir = folderWith(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`p${i}.json`, SEED])));
  const child = spawn(process.execPath, [CLI_PATH, '.'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', chunk => {
    stderr += chunk;
  });
  const status = await new Promise<number | null>(resolve => child.on('close', resolve));
  assert.equal(stderr, '');
  assert.equal(status, 1);
});

test('a minified policy with thousands of findings on its one line is reported without a hang', () => {
  // a hang detector, not a budget: the text report once re-read the whole line for every finding (over 40 s here, against 1.5 s)
  const statements = Array.from({ length: 12_000 }, (_, i) => ({
    Effect: 'Allow',
    Principal: { AWS: `acct${i}` },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'aws:RequestedRegion': `us-east${i}` } },
  }));
  const dir = folderWith({ 'trust.json': JSON.stringify({ Version: '2012-10-17', Statement: statements }) });
  const run = runCliProcess(['trust.json', '--kind', 'trust'], { cwd: dir, timeoutMs: 20_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.ok(Number(/(\d+) problems/.exec(run.stdout)?.[1]) >= 24_000, 'an account and a Region finding for each statement');
  assert.ok(
    run.stdout.split('\n').every(line => line.length < 400),
    'each source line is cut to a window',
  );
});

test("a team's rules in .iam-lint.json: the checker reports them as the editor does (IAM650-IAM652)", () => {
  const team = {
    requiredConditions: [{ actions: 'iam:PassRole', allOf: ['iam:PassedToService'] }],
    sensitiveActions: ['s3:DeleteBucket'],
    sensitiveResources: ['arn:aws:s3:::payroll'],
  };
  const policy = JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app' },
        { Effect: 'Allow', Action: ['s3:DeleteBucket'], Resource: 'arn:aws:s3:::payroll' },
      ],
    },
    null,
    2,
  );
  const dir = folderWith({ 'p.json': policy, '.iam-lint.json': JSON.stringify(team) });
  const report = JSON.parse(runCliProcess(['p.json', '--format', 'json'], { cwd: dir }).stdout) as JsonReport;
  assert.deepEqual(
    codesOf(report)
      .filter(c => /^IAM65\d$/.test(c))
      .sort(),
    ['IAM650', 'IAM651', 'IAM652'],
  );
});
