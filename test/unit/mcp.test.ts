// The MCP server (dist/mcp.js) over stdio with the SDK's own client, as a coding agent runs it:
// every tool, its structured output (checked by the SDK against the tool's output schema), tool
// errors for bad input, and no network or child process (the no-network preload) except git for
// the diff tool's baseRef.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { parsePolicy } from '../../server/src/policy/parse';
import { folderWith } from '../helpers/cliRunner';

const MCP_PATH = join(__dirname, '..', '..', 'dist', 'mcp.js');
const PRELOAD = join(__dirname, '..', 'helpers', 'noNetworkPreload.cjs');

const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const BROKEN = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "S3:getobject", "Resource": "*", },\n  ]\n}\n';
const STAR = policy({ Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' });

interface CallResult {
  isError?: boolean;
  content: Array<{ type: string; text?: string }>;
  structuredContent?: Record<string, any>;
}

async function connect(cwd: string, preload: boolean, env: Record<string, string> = {}): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [...(preload ? ['-r', PRELOAD] : []), MCP_PATH],
    cwd,
    stderr: 'pipe',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  const client = new Client({ name: 'iam-policy-tools-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

let dir: string;
let client: Client;
let attempts: string;

before(async () => {
  dir = folderWith({ 'star-policy.json': STAR, 'scp.json': policy({ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }) });
  attempts = join(mkdtempSync(join(tmpdir(), 'mcp-no-network-')), 'attempts.log');
  client = await connect(dir, true, { NO_NETWORK_LOG: attempts });
});
after(async () => {
  await client.close();
});

const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallResult;

test('the server lists its eight tools, each with an input and an output schema', async () => {
  const { tools } = await client.listTools();
  assert.deepEqual(
    tools.map(t => t.name),
    ['validate', 'fix', 'narrow', 'explain', 'simulate', 'diff', 'lookup', 'expand'],
  );
  for (const tool of tools) {
    assert.equal(tool.inputSchema.type, 'object', tool.name);
    assert.equal(tool.outputSchema?.type, 'object', tool.name);
    assert.equal(tool.annotations?.readOnlyHint, true, tool.name);
  }
});

test('validate: findings with codes, 1-based positions, severities and the fixes available', async () => {
  const result = await call('validate', { text: BROKEN });
  assert.ok(!result.isError, result.content[0].text);
  const { findings, counts, safelyFixable, kind } = result.structuredContent!;
  assert.equal(kind, 'identity');
  const codes = findings.map((f: { code: string }) => f.code);
  assert.ok(codes.includes('IAM003'), codes.join(' ')); // trailing comma
  const trailing = findings.find((f: { code: string }) => f.code === 'IAM003');
  assert.equal(trailing.line, 4);
  assert.equal(trailing.severity, 'error');
  assert.ok(trailing.fixes.length > 0);
  assert.ok(counts.error >= 2);
  assert.ok(safelyFixable >= 2);
  assert.match(result.content[0].text!, /^identity policy: \d+ error/);
  // a file, with a kind given
  const file = await call('validate', { path: 'scp.json', kind: 'scp' });
  assert.equal(file.structuredContent!.kind, 'scp');
});

test('fix: the safe fixes applied, the new text parses clean of them', async () => {
  const result = await call('fix', { text: BROKEN });
  const { text, fixesApplied, remaining } = result.structuredContent!;
  assert.ok(fixesApplied >= 3);
  assert.equal(remaining.error, 0, text);
  const doc = parsePolicy(text, 'file:///fixed.json', { languageId: 'iam-policy' });
  assert.deepEqual(doc.syntaxErrors, []);
  assert.equal(doc.statements[0].action!.items[0].value, 's3:GetObject');
});

test('narrow: "Resource": "*" becomes the ARN formats the actions need', async () => {
  const result = await call('narrow', { path: 'star-policy.json' });
  const { text, narrowed } = result.structuredContent!;
  assert.equal(narrowed.length, 1);
  assert.equal(narrowed[0].sid, 'Read');
  const doc = parsePolicy(text, 'file:///n.json', { languageId: 'iam-policy' });
  const resources = doc.statements[0].resource!.items.map(i => i.value);
  assert.ok(!resources.includes('*'));
  assert.ok(
    resources.every(r => r.startsWith('arn:aws:s3:::')),
    resources.join(' '),
  );
  assert.equal(readFileSync(join(dir, 'star-policy.json'), 'utf8'), STAR, 'the file is not written');
});

test('explain: the access summary and one sentence per statement', async () => {
  const result = await call('explain', { text: STAR });
  const { allow, statements } = result.structuredContent!;
  assert.deepEqual(
    allow.services.map((s: { prefix: string }) => s.prefix),
    ['s3'],
  );
  assert.equal(allow.services[0].actions.Read, 1);
  assert.equal(statements[0].text, 'Allows s3:GetObject and s3:PutObject on every resource.');
  assert.match(result.content[0].text!, /1\. \(Read\) Allows/);
});

test('simulate: decision and why, with an SCP', async () => {
  const allowed = await call('simulate', { policies: [{ text: STAR }], action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' });
  assert.equal(allowed.structuredContent!.decision, 'Allow');
  const denied = await call('simulate', {
    policies: [{ text: STAR }, { path: 'scp.json', kind: 'scp' }],
    action: 's3:PutObject',
    resource: 'arn:aws:s3:::b/k',
  });
  assert.equal(denied.structuredContent!.decision, 'ImplicitDeny');
  assert.match(denied.content[0].text!, /^Decision: DENY/);
});

test('diff: what a change grants, with the statement responsible', async () => {
  const result = await call('diff', { old: { text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }) }, new: { text: STAR } });
  const { status, highestAddedLevel, added } = result.structuredContent!;
  assert.equal(status, 'changed');
  assert.equal(highestAddedLevel, 'Write');
  assert.deepEqual(added.changes.map((c: { change: string }) => c.change).sort(), ['action', 'wider']);
  assert.match(result.content[0].text!, /newly allows 1 Write action/);
});

test('lookup and expand: the catalog', async () => {
  const action = (await call('lookup', { name: 's3:GetObject' })).structuredContent!;
  assert.equal(action.entry.accessLevel, 'Read');
  assert.ok(action.entry.resourceTypes.some((r: { name: string; arnFormat: string }) => r.name === 'object' && r.arnFormat.includes('${ObjectName}')));
  assert.equal((await call('lookup', { name: 'aws:SourceIp' })).structuredContent!.entry.what, 'conditionKey');
  assert.equal((await call('lookup', { name: 's3' })).structuredContent!.entry.name, 'Amazon S3');
  assert.equal((await call('lookup', { name: 's3:bucket', type: 'resourceType' })).structuredContent!.entry.what, 'resourceType');
  assert.equal((await call('lookup', { name: 'arn:aws:s3:::my-bucket' })).structuredContent!.entry.what, 'arn');
  const missing = (await call('lookup', { name: 's3:GetObjekt' })).structuredContent!;
  assert.equal(missing.found, false);
  assert.ok(missing.suggestions.includes('s3:GetObject'));
  const expanded = (await call('expand', { pattern: 's3:Get*', limit: 5 })).structuredContent!;
  assert.ok(expanded.count > 50);
  assert.equal(expanded.actions.length, 5);
  assert.equal(expanded.truncated, true);
});

test('bad input is a tool error, never a crash; the server answers afterwards', async () => {
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['validate', {}, /either "text" or "path"/],
    ['validate', { path: 'missing.json' }, /Cannot read missing\.json: ENOENT/],
    ['validate', { text: 'x', kind: 'nonsense' }, /Invalid arguments|kind/],
    ['simulate', { policies: [{ text: STAR }], action: ' ' }, /"action" must be a non-empty string/],
    ['expand', { pattern: 'nope:Nothing*' }, /matches no action/],
    ['diff', { new: { text: STAR }, baseRef: 'HEAD' }, /needs new\.path/],
  ];
  for (const [name, args, message] of cases) {
    const result = await call(name, args);
    assert.equal(result.isError, true, `${name} ${JSON.stringify(args)}`);
    assert.match(result.content[0].text!, message);
  }
  // garbage is a policy with syntax errors, not an error of the tool
  const garbage = await call('validate', { text: '\u0000{{{' });
  assert.ok(!garbage.isError);
  assert.ok(garbage.structuredContent!.counts.error > 0);
  assert.equal((await call('lookup', { name: 'iam' })).isError, undefined);
});

test('nothing was sent anywhere: no socket, DNS, HTTP or child process was attempted', () => {
  assert.equal(existsSync(attempts) ? readFileSync(attempts, 'utf8') : '', '');
});

test('diff with baseRef: a file against its committed version (git, the one child process)', async () => {
  const repo = folderWith({ 'app-policy.json': policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }) });
  for (const args of [
    ['init', '-q'],
    ['add', '.'],
    ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '-m', 'x'],
  ]) {
    assert.equal(spawnSync('git', args, { cwd: repo }).status, 0);
  }
  const edited = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }, { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' });
  writeFileSync(join(repo, 'app-policy.json'), edited);
  const gitClient = await connect(repo, false);
  try {
    const result = (await gitClient.callTool({ name: 'diff', arguments: { new: { path: 'app-policy.json' }, baseRef: 'HEAD' } })) as CallResult;
    assert.equal(result.structuredContent!.highestAddedLevel, 'Write');
    assert.match(result.content[0].text!, /^## Changes since HEAD/);
    const noRepo = (await gitClient.callTool({ name: 'diff', arguments: { new: { path: 'app-policy.json' }, baseRef: 'no-such-ref' } })) as CallResult;
    assert.equal(noRepo.isError, true);
  } finally {
    await gitClient.close();
  }
});
