// `iam-policy-lint simulate`: arguments, request files, output formats and exit codes, in-process.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXIT_ALLOW, EXIT_DENY, EXIT_USAGE, runSimulate } from '../../server/src/cli/simulate';

const FILES: Record<string, string> = {
  'bucket.json': JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } },
        { Sid: 'DenyHttp', Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::b/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      ],
    },
    null,
    2,
  ),
  'guard.json': JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] }),
  'read.iam-request.json':
    '{ // a request file\n "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "context": {"aws:SourceIp": "10.1.2.3", "aws:SecureTransport": true} }',
  'bad.iam-request.json': '{"resource": "arn:aws:s3:::b/k"}',
};

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runSimulate(argv, {
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
    readFile: path => {
      if (!(path in FILES)) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
      return FILES[path];
    },
  });
  return { code, stdout, stderr };
}

test('allowed: exit 0, the decision and the deciding statement with its line', () => {
  const { code, stdout } = run(
    '--policy',
    'bucket.json',
    '--action',
    's3:GetObject',
    '--resource',
    'arn:aws:s3:::b/k',
    '--context',
    'aws:SourceIp=10.1.2.3',
    '--context',
    'aws:SecureTransport=true',
  );
  assert.equal(code, EXIT_ALLOW);
  assert.match(stdout, /^Decision: ALLOW/);
  assert.match(stdout, /allowed by statement 1 \(Read\)/);
  assert.match(stdout, /bucket\.json:4:5 {2}statement 1 \(Read\) {2}Allow: applies/);
});

test('denied: exit 3, with the reason per statement', () => {
  const explicit = run(
    '--policy',
    'bucket.json',
    '-a',
    's3:GetObject',
    '-r',
    'arn:aws:s3:::b/k',
    '-c',
    'aws:SourceIp=10.1.2.3',
    '-c',
    'aws:SecureTransport=false',
  );
  assert.equal(explicit.code, EXIT_DENY);
  assert.match(explicit.stdout, /DENY \(explicit\)/);
  const implicit = run('--policy', 'bucket.json', '-a', 's3:GetObject', '-r', 'arn:aws:s3:::b/k', '-c', 'aws:SourceIp=192.0.2.1');
  assert.equal(implicit.code, EXIT_DENY);
  assert.match(implicit.stdout, /Condition IpAddress aws:SourceIp: request value "192\.0\.2\.1" matches none of "10\.0\.0\.0\/8"/);
});

test('a request file, and JSON output with file, line and column', () => {
  const { code, stdout } = run('--policy', 'bucket.json', '--request', 'read.iam-request.json', '--format', 'json');
  assert.equal(code, EXIT_ALLOW);
  const result = JSON.parse(stdout);
  assert.equal(result.decision, 'Allow');
  assert.deepEqual([result.deciding[0].file, result.deciding[0].line, result.deciding[0].sid], ['bucket.json', 4, 'Read']);
  assert.equal(result.statements.length, 2);
});

test('a policy kind given as kind=file: an SCP that does not allow s3 denies', () => {
  const { code, stdout } = run('--policy', 'bucket.json', '--policy', 'scp=guard.json', '--request', 'read.iam-request.json');
  assert.equal(code, EXIT_DENY);
  assert.match(stdout, /no statement of the service control policy \(SCP\) allows it/);
});

test('usage and I/O errors: exit 2 with a message on standard error', () => {
  for (const argv of [
    ['--action', 's3:GetObject'],
    ['--policy', 'bucket.json'],
    ['--policy', 'bucket.json', '--action', 's3:GetObject', '--format', 'sarif'],
    ['--policy', 'bucket.json', '--action', 's3:GetObject', '--bogus'],
    ['--policy', 'bucket.json', '--action', 's3:GetObject', '--context', 'novalue'],
    ['--policy', 'missing.json', '--action', 's3:GetObject'],
    ['--policy', 'bucket.json', '--request', 'bad.iam-request.json'],
    ['--policy', 'bucket.json', '--request', 'read.iam-request.json', '--action', 's3:PutObject'],
  ]) {
    const { code, stdout, stderr } = run(...argv);
    assert.equal(code, EXIT_USAGE, argv.join(' '));
    assert.equal(stdout, '');
    assert.match(stderr, /^iam-policy-lint simulate: .+\nRun "iam-policy-lint simulate --help"/, argv.join(' '));
  }
});

test('--help prints the usage', () => {
  const { code, stdout } = run('--help');
  assert.equal(code, EXIT_ALLOW);
  assert.match(stdout, /Usage: iam-policy-lint simulate/);
});

test('--time sets the time of the request; without it, the current time, said in a note', () => {
  FILES['until.json'] = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': '2000-01-01T00:00:00Z' } } }],
  });
  const then = run('--policy', 'until.json', '--action', 's3:GetObject', '--time', '1999-06-01T00:00:00Z');
  assert.equal(then.code, EXIT_ALLOW, then.stdout);
  const now = run('--policy', 'until.json', '--action', 's3:GetObject');
  assert.equal(now.code, EXIT_DENY);
  assert.match(now.stdout, /Note: .*current time/);
  assert.match(now.stdout, /--time/);
  const bad = run('--policy', 'until.json', '--action', 's3:GetObject', '--time', 'yesterday');
  assert.equal(bad.code, EXIT_USAGE);
  assert.match(bad.stderr, /--time/);
});
