// The server and the CLI never execute, download or send anything. Statically: the bundles load
// no network module but `net` (the CLI's IP-address checks; vscode-languageserver's socket and pipe
// transports, unused on stdio) and `child_process` (vscode-languageserver's module resolution,
// unused; the CLI's `diff --base`, which runs git to read a revision, and only then). At run time, the proof: a preload makes every socket, DNS, HTTP, TLS, UDP, fetch and
// child-process call throw and log, and a whole session through the server and the CLI logs nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CodeActionRequest, type CodeAction, type Hover } from 'vscode-languageserver-protocol/node';
import { CLI_PATH } from '../helpers/cliRunner';
import { startServer, SERVER_PATH } from '../helpers/lspClient';

const PRELOAD = join(__dirname, '..', 'helpers', 'noNetworkPreload.cjs');
const EXAMPLES = join(__dirname, '..', '..', 'examples');
/** the code-cache loader of both entries (server/src/bootstrap) */
const LOADER = ['fs', 'module', 'os', 'path', 'vm'];
/** the `yaml` parser of templates (its warnings and binary scalars) */
const YAML = ['buffer', 'process'];
const ALLOWED_BUILTINS: Record<string, string[]> = {
  [SERVER_PATH]: [...LOADER, ...YAML, 'child_process', 'crypto', 'net', 'url', 'util', 'v8'],
  // v8: its compiler flags (bootstrap/onePass.ts); child_process: git for `diff --base` (cli/gitRevision.ts)
  [CLI_PATH]: [...LOADER, ...YAML, 'child_process', 'net', 'url', 'util', 'v8', 'worker_threads'],
};

/** What the entry and the bundle it loads (dist/x.js -> dist/x-main.js) require. */
function builtinsOf(entry: string): string[] {
  const text = [entry, entry.replace(/\.js$/, '-main.js')].map(file => readFileSync(file, 'utf8')).join('\n');
  const names = [...text.matchAll(/require\("(?:node:)?([a-z_0-9/]+)"\)/g)].map(m => m[1]);
  return [...new Set(names)].sort();
}

test('the bundles load no network module beyond the ones their libraries need', () => {
  for (const [bundle, allowed] of Object.entries(ALLOWED_BUILTINS)) {
    const extra = builtinsOf(bundle).filter(name => !allowed.includes(name));
    assert.deepEqual(extra, [], `${bundle} requires ${extra.join(', ')}`);
  }
});

function logFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'no-network-')), 'attempts.log');
  writeFileSync(path, '');
  return path;
}

/** The value of a markdown hover. */
function hoverText(hover: Hover | null): string {
  return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
}

test('positive control: the preload logs a fetch and a net.connect, even when the caller catches the error', () => {
  const log = logFile();
  const attempt = `
    (async () => {
      try { await fetch('http://127.0.0.1:9/'); } catch {}
      try { require('node:net').connect(9, '127.0.0.1'); } catch {}
    })();`;
  const run = spawnSync(process.execPath, ['-r', PRELOAD, '-e', attempt], { encoding: 'utf8', env: { ...process.env, NO_NETWORK_LOG: log } });
  assert.equal(run.status, 0, run.stderr);
  const attempts = readFileSync(log, 'utf8')
    .split('\n')
    .filter(line => line.startsWith('network or process use'));
  assert.deepEqual(attempts, ['network or process use: globalThis.fetch', 'network or process use: net.connect']);
});

test('a whole editor session through the server makes no network or process call', async () => {
  const log = logFile();
  process.env.NO_NETWORK_LOG = log;
  const server = await startServer({ nodeArgs: ['-r', PRELOAD] });
  try {
    const seed = 'file:///work/seed-policy.iam.json';
    const diagnostics = await server.open(seed, readFileSync(join(EXAMPLES, 'seed-policy.iam.json'), 'utf8'));
    assert.equal(diagnostics[0].code, 'IAM002', 'the comment on the first line');
    const actions = await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: seed },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]] },
    });
    assert.ok(
      (actions as CodeAction[] | null)?.some(a => a.isPreferred && a.edit?.changes?.[seed]?.length),
      'the fix that removes the comment',
    );
    const bucket = 'file:///work/bucket-policy.json';
    assert.deepEqual(await server.open(bucket, readFileSync(join(EXAMPLES, 'bucket-policy.json'), 'utf8'), 'json'), []);
    // line 8 of bucket-policy.json: `      "Action": ["s3:GetObject"],`
    const items = await server.completion(bucket, { line: 7, character: 24 });
    assert.ok(
      items.some(i => i.label === 's3:GetObjectAcl'),
      `s3:GetObjectAcl among ${items.length} items`,
    );
    assert.match(hoverText(await server.hover(bucket, { line: 7, character: 24 })), /GetObject/);
  } finally {
    await server.stop();
    delete process.env.NO_NETWORK_LOG;
  }
  assert.equal(readFileSync(log, 'utf8'), '');
  assert.ok(!server.log.join('').includes('network or process use'));
});

test('the CLI checks, fixes, summarises and simulates without a network or process call', () => {
  const log = logFile();
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['-r', PRELOAD, CLI_PATH, ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_NETWORK_LOG: log },
      input: readFileSync(join(EXAMPLES, 'seed-policy.iam.json'), 'utf8'),
    });
  const checked = run([EXAMPLES, '--format', 'sarif', '--summary']);
  assert.equal(checked.status, 1, checked.stderr);
  assert.ok((JSON.parse(checked.stdout) as { runs: Array<{ results: unknown[] }> }).runs[0].results.length > 0);
  const fixedSeed = run(['-', '--fix']);
  assert.equal(fixedSeed.status, 0, fixedSeed.stderr);
  assert.ok(!fixedSeed.stdout.includes('//') && fixedSeed.stdout.includes('"s3:GetObject"'), fixedSeed.stdout);
  const simulate = (secureTransport: string) =>
    run([
      'simulate',
      '--policy',
      join(EXAMPLES, 'bucket-policy.json'),
      '--action',
      's3:GetObject',
      '--resource',
      'arn:aws:s3:::example-bucket/x',
      '--principal',
      'arn:aws:iam::111122223333:root',
      '--context',
      `aws:SecureTransport=${secureTransport}`,
    ]);
  const allowed = simulate('true');
  assert.equal(allowed.status, 0, allowed.stderr);
  assert.match(allowed.stdout, /^Decision: ALLOW\n/);
  const denied = simulate('false');
  assert.equal(denied.status, 3, denied.stderr);
  assert.match(denied.stdout, /DenyInsecureTransport/);
  assert.equal(readFileSync(log, 'utf8'), '');
});
