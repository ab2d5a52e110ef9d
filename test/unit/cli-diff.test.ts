// `iam-policy-lint diff` end to end (the bundled dist/cli.js): two files, and the working tree of a
// real git repository against a revision; text, JSON and Markdown; --fail-on-added exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { folderWith, runCliProcess } from '../helpers/cliRunner';

const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const READ = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' });
const WIDER = policy({ Effect: 'Allow', Action: ['s3:GetObject', 'iam:PassRole'], Resource: '*' });
const DENY = policy({ Sid: 'Guard', Effect: 'Deny', Action: 'iam:*', Resource: '*' });

interface JsonDiff {
  base?: string;
  policies: Array<{ id: string; status: string; added: { entries: Array<{ actions: string[]; change: string }> } }>;
}

function git(cwd: string, ...args: string[]): void {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
}

/** A repository with one commit, then the working tree changed as `changes` says (undefined: delete). */
function repository(committed: Record<string, string>, changes: Record<string, string | undefined>): string {
  const dir = folderWith(committed);
  git(dir, 'init', '-q');
  git(dir, '-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'empty');
  git(dir, 'add', '.');
  git(dir, '-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '-m', 'policies');
  for (const [path, text] of Object.entries(changes)) {
    if (text === undefined) rmSync(join(dir, path));
    else writeFileSync(join(dir, path), text);
  }
  return dir;
}

test('two files: text report with the statement responsible; exit 0 without --fail-on-added', () => {
  const dir = folderWith({ 'old.json': READ, 'new.json': WIDER });
  const run = runCliProcess(['diff', 'old.json', 'new.json'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^new\.json: changed · identity policy · adds 1 Read, 1 Write$/m);
  assert.match(run.stdout, /statement 1 \(line 4\) newly allows 1 Write action \(on \*\): iam:PassRole/);
  assert.match(run.stdout, /statement 1 \(line 4\) allows 1 Read action more widely \(on \*\): s3:GetObject/);
});

test('--fail-on-added: exit 1 at or above the level, 0 below it; the way back adds nothing', () => {
  const dir = folderWith({ 'old.json': READ, 'new.json': WIDER });
  assert.equal(runCliProcess(['diff', 'old.json', 'new.json', '--fail-on-added', 'write'], { cwd: dir }).status, 1);
  assert.equal(runCliProcess(['diff', 'old.json', 'new.json', '--fail-on-added', 'permissions-management'], { cwd: dir }).status, 0);
  assert.equal(runCliProcess(['diff', 'new.json', 'old.json', '--fail-on-added', 'list'], { cwd: dir }).status, 0);
  assert.equal(runCliProcess(['diff', '/dev/null', 'new.json', '--fail-on-added', 'read'], { cwd: dir }).status, 1, 'an empty old side: everything is added');
});

test('--base: the working tree against a revision, files added, changed and removed, in JSON and Markdown', () => {
  const dir = repository(
    { 'p/app-policy.json': READ, 'p/guard.json': DENY, 'p/same.json': READ, 'package.json': '{"name":"x"}' },
    {
      'p/app-policy.json': WIDER,
      'p/guard.json': undefined,
      'p/new.json': READ,
    },
  );
  const run = runCliProcess(['diff', '--base', 'HEAD', '--format', 'json'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as JsonDiff;
  assert.equal(report.base, 'HEAD');
  assert.deepEqual(report.policies.map(p => [p.id, p.status]).sort(), [
    ['p/app-policy.json', 'changed'],
    ['p/guard.json', 'removed'],
    ['p/new.json', 'added'],
    ['p/same.json', 'unchanged'],
  ]);
  const guard = report.policies.find(p => p.id === 'p/guard.json')!;
  assert.ok(guard.added.entries[0].actions.includes('iam:PassRole'), 'a Deny removed is access added');
  const markdown = runCliProcess(['diff', '--base', 'HEAD~1', '-f', 'markdown', 'p', '--fail-on-added', 'permissions-management'], { cwd: dir });
  assert.equal(markdown.status, 0, markdown.stderr);
  assert.match(markdown.stdout, /^## IAM policy changes since HEAD~1$/m);
  assert.match(markdown.stdout, /^### `p\/new\.json`: new policy/m);
  // a path deleted from the working tree is still compared
  const one = JSON.parse(runCliProcess(['diff', '--base', 'HEAD', '-f', 'json', 'p/guard.json'], { cwd: dir }).stdout) as JsonDiff;
  assert.deepEqual(
    one.policies.map(p => p.status),
    ['removed'],
  );
});

test('usage and I/O errors: exit 2 with a message', () => {
  const dir = folderWith({ 'a.json': READ });
  const cases: Array<[string[], RegExp]> = [
    [['diff', 'a.json'], /two files/],
    [['diff', 'a.json', 'a.json', '--fail-on-added', 'admin'], /--fail-on-added must be one of list, read, tagging, write, permissions-management/],
    [['diff', '--base', 'HEAD'], /not inside a git repository/],
    [['diff', 'a.json', 'missing.json'], /missing\.json: cannot read: ENOENT/],
  ];
  for (const [args, message] of cases) {
    const run = runCliProcess(args, { cwd: dir });
    assert.equal(run.status, 2, args.join(' '));
    assert.match(run.stderr, message);
  }
  const repo = repository({ 'a.json': READ }, {});
  assert.match(runCliProcess(['diff', '--base', 'no-such-branch'], { cwd: repo }).stderr, /"no-such-branch" is not a revision/);
  assert.match(runCliProcess(['diff', '--help']).stdout, /^Usage: iam-policy-lint diff/);
});

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  BuildRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: codebuild.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: build
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource: !Sub 'arn:aws:s3:::\${Bucket}/*'
`;
const WIDER_TEMPLATE = TEMPLATE.replace('Action: s3:GetObject', 'Action: [s3:GetObject, iam:PassRole]');

test('templates: each policy matched by its resource and property, lines in the template', () => {
  const dir = folderWith({ 'old.yaml': TEMPLATE, 'new.yaml': WIDER_TEMPLATE });
  const run = runCliProcess(['diff', 'old.yaml', 'new.yaml', '-f', 'json', '--fail-on-added', 'write'], { cwd: dir });
  assert.equal(run.status, 1, run.stderr);
  const report = JSON.parse(run.stdout) as {
    policies: Array<{ id: string; status: string; added: { entries: Array<{ actions: string[]; statement: { line: number } }> } }>;
  };
  assert.deepEqual(
    report.policies.map(p => [p.id, p.status]),
    [
      ['new.yaml#BuildRole/AssumeRolePolicyDocument', 'unchanged'],
      ['new.yaml#BuildRole/Policies[0].PolicyDocument', 'changed'],
    ],
  );
  const [entry] = report.policies[1].added.entries;
  assert.deepEqual(entry.actions, ['iam:PassRole']);
  assert.equal(entry.statement.line, 17, 'the line of the statement in the template');
  // against a revision: the template found in the folder on both sides
  const repo = repository({ 'infra/stack.yaml': TEMPLATE }, { 'infra/stack.yaml': WIDER_TEMPLATE });
  const base = JSON.parse(runCliProcess(['diff', '--base', 'HEAD', '-f', 'json', 'infra'], { cwd: repo }).stdout) as typeof report;
  assert.deepEqual(
    base.policies.filter(p => p.status !== 'unchanged').map(p => p.id),
    ['infra/stack.yaml#BuildRole/Policies[0].PolicyDocument'],
  );
});
