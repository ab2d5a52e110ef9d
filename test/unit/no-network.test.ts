// The server and the CLI never execute, download or send anything. Statically: the bundles load
// no network module but `net` (the CLI's IP-address checks; vscode-languageserver's socket and pipe
// transports, unused on stdio) and `child_process` (vscode-languageserver's module resolution,
// unused). At run time, the proof: a preload makes every socket, DNS, HTTP, TLS, UDP, fetch and
// child-process call throw and log, and a whole session through the server and the CLI logs nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CodeActionRequest } from 'vscode-languageserver-protocol/node';
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
  [CLI_PATH]: [...LOADER, ...YAML, 'net', 'url', 'util', 'v8', 'worker_threads'],   // v8: its compiler flags (bootstrap/onePass.ts)
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

test('a whole editor session through the server makes no network or process call', async () => {
  const log = logFile();
  process.env.NO_NETWORK_LOG = log;
  const server = await startServer({ nodeArgs: ['-r', PRELOAD] });
  try {
    const uri = 'file:///work/seed-policy.iam.json';
    const diagnostics = await server.open(uri, readFileSync(join(EXAMPLES, 'seed-policy.iam.json'), 'utf8'));
    assert.ok(diagnostics.length > 0);
    assert.ok((await server.completion(uri, { line: 4, character: 45 })).length >= 0);
    await server.hover(uri, { line: 4, character: 45 });
    await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    await server.open('file:///work/bucket-policy.json', readFileSync(join(EXAMPLES, 'bucket-policy.json'), 'utf8'), 'json');
  } finally {
    await server.stop();
    delete process.env.NO_NETWORK_LOG;
  }
  assert.equal(readFileSync(log, 'utf8'), '');
  assert.ok(!server.log.join('').includes('network or process use'));
});

test('the CLI checks, fixes, summarises and simulates without a network or process call', () => {
  const log = logFile();
  const run = (args: string[]) => spawnSync(process.execPath, ['-r', PRELOAD, CLI_PATH, ...args], {
    encoding: 'utf8', env: { ...process.env, NO_NETWORK_LOG: log }, input: readFileSync(join(EXAMPLES, 'seed-policy.iam.json'), 'utf8'),
  });
  assert.equal(run([EXAMPLES, '--format', 'sarif', '--summary']).status, 1);
  assert.equal(run(['-', '--fix']).status, 0);
  const simulated = run(['simulate', '--policy', join(EXAMPLES, 'bucket-policy.json'), '--action', 's3:GetObject',
    '--resource', 'arn:aws:s3:::example-bucket/x', '--principal', 'arn:aws:iam::111122223333:root', '--context', 'aws:SecureTransport=true']);
  assert.ok(simulated.status === 0 || simulated.status === 3, simulated.stderr);
  assert.ok(existsSync(log));
  assert.equal(readFileSync(log, 'utf8'), '');
});
