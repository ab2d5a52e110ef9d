// Big and hostile inputs over the real server: each is answered (diagnostics, completion, hover)
// within a generous bound of the server's CPU time, and the server stays up. The bound is a hang
// detector, not a budget (budgets live in `npm run bench`); it counts CPU time, not wall time, so
// that a busy machine does not fail it, and a wall-time limit catches a server that waits forever.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CodeActionRequest, type Position } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { prng } from '../fuzz/mutate';
import { startServer, type TestServer } from '../helpers/lspClient';
import { cpuMs } from '../helpers/processStats';

/**
 * Server CPU time per answer (GC threads included, so about 1.3 times the wall time on an idle
 * machine). Generous: diagnosing 10,000 statements with 10,000 different ARNs takes about 2 s,
 * 1.5 s of it in ARN typing.
 */
const CPU_BOUND_MS = 4000;
const WALL_BOUND_MS = 30_000;
let server: TestServer;
let opened = 0;

before(async () => {
  server = await startServer({ diagnosticsTimeoutMs: WALL_BOUND_MS });
});
after(async () => {
  await server.stop();
});

async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  const pid = server.process.pid!;
  const cpuBefore = cpuMs(pid);
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    run(),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${WALL_BOUND_MS} ms`)), WALL_BOUND_MS);
    }),
  ]).finally(() => clearTimeout(timer));
  const cpu = cpuMs(pid) - cpuBefore;
  assert.ok(cpu < CPU_BOUND_MS, `${what} took ${cpu} ms of the server's CPU time`);
  return result;
}

/** Opens the text, then asks for completion, hover and code actions at a few places; every answer within the bound. */
async function survives(t: { diagnostic(message: string): void }, name: string, text: string): Promise<void> {
  const uri = `file:///hostile/${++opened}-${name}.json`;
  const started = performance.now();
  const cpuStarted = cpuMs(server.process.pid!);
  const diagnostics = await timed(`diagnostics of ${name}`, () => server.open(uri, text));
  const document = TextDocument.create(uri, 'iam-policy', 1, text);
  const offsets = [0, 1, Math.floor(text.length / 2), text.length - 2, text.length];
  for (const offset of offsets) {
    const position = document.positionAt(Math.max(0, offset));
    await timed(`completion in ${name} at ${offset}`, () => server.completion(uri, position));
    await timed(`hover in ${name} at ${offset}`, () => server.hover(uri, position));
    // as an editor asks: the diagnostics under the cursor
    const here = diagnostics.filter(d => comparePositions(d.range.start, position) <= 0 && comparePositions(position, d.range.end) <= 0);
    await timed(`code actions in ${name} at ${offset}`, () =>
      server.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: position, end: position },
        context: { diagnostics: here },
      }),
    );
  }
  t.diagnostic(
    `${name}: ${(text.length / 1024).toFixed(0)} KB, ${diagnostics.length} diagnostics, all answered in ${(performance.now() - started).toFixed(0)} ms (${cpuMs(server.process.pid!) - cpuStarted} ms of CPU)`,
  );
  await server.close(uri);
  assert.equal(server.process.exitCode, null, 'the server is still running');
}

const comparePositions = (a: Position, b: Position) => a.line - b.line || a.character - b.character;

const statement = (i: number) =>
  `    {"Sid": "S${i}", "Effect": "Allow", "Action": ["s3:GetObject", "ec2:Describe*"], "Resource": "arn:aws:s3:::bucket-${i}/*"}`;

test('a 5 MB policy', async t => {
  const actions: string[] = [];
  for (let size = 0, i = 0; size < 5 * 1024 * 1024; i++) size += actions[actions.push(`"s3:GetObject${i % 7 ? '' : 'X'}"`) - 1].length + 2;
  await survives(t, '5mb', `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [${actions.join(', ')}], "Resource": "*"}]}`);
});

test('10,000 statements', async t => {
  await survives(t, '10k-statements', `{"Version": "2012-10-17", "Statement": [\n${Array.from({ length: 10_000 }, (_, i) => statement(i)).join(',\n')}\n]}`);
});

test('a trust policy of 10,000 statements for federated principals', async t => {
  // rules that compare statements with each other must stay linear (IAM041 once took 19 s here)
  const trust = (i: number) =>
    `    {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/idp-${i % 2}"}, "Action": "${i === 9_999 ? 'sts:AssumeRoleWithWebIdentity' : 'sts:TagSession'}"}`;
  await survives(t, '10k-federated', `{"Version": "2012-10-17", "Statement": [\n${Array.from({ length: 10_000 }, (_, i) => trust(i)).join(',\n')}\n]}`);
});

test('10,000-deep nesting, closed and unclosed', async t => {
  await survives(t, 'deep-arrays', `{"Statement": [{"Effect": "Allow", "Action": ${'['.repeat(10_000)}"s3:GetObject"${']'.repeat(10_000)}, "Resource": "*"}]}`);
  await survives(t, 'deep-objects', `{"Statement": [{"Condition": ${'{"StringEquals": '.repeat(10_000)}"x"${'}'.repeat(10_000)}}]}`);
  await survives(t, 'deep-unclosed', `{"Statement": [${'{"Statement": ['.repeat(10_000)}`);
});

test('a 1 MB string', async t => {
  await survives(t, '1mb-action', `{"Statement": [{"Effect": "Allow", "Action": "s3:${'Get'.repeat(350_000)}", "Resource": "*"}]}`);
  await survives(t, '1mb-arn', `{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::${'*a'.repeat(500_000)}"}]}`);
  await survives(t, '1mb-wildcards', `{"Statement": [{"Effect": "Allow", "Action": "s3:${'*a'.repeat(500_000)}b", "Resource": "*"}]}`);
});

test('binary garbage', async t => {
  const random = prng(4242);
  const bytes = Buffer.from(Array.from({ length: 256 * 1024 }, () => Math.floor(random() * 256)));
  await survives(t, 'garbage-utf8', bytes.toString('utf8'));
  await survives(t, 'garbage-latin1', bytes.toString('latin1'));
  await survives(t, 'garbage-in-policy', `{"Statement": [{"Effect": "Allow", "Action": "${bytes.toString('latin1', 0, 4096)}", "Resource": "*"}]}`);
});

test('the server still answers normally afterwards', async () => {
  const diagnostics = await server.open(
    'file:///hostile/after.json',
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3.GetObject", "Resource": "*"}]}',
  );
  assert.ok(diagnostics.some(d => d.code === 'IAM100'));
  assert.equal(server.process.exitCode, null);
});
