// The bundled server over a real stdio connection: diagnostics, completion, hover, settings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cursor } from '../helpers/cursor';
import { serverOfTestFile, startServer } from '../helpers/lspClient';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  HoverRequest,
  LSPErrorCodes,
  ResponseError,
  SemanticTokensRequest,
  type Hover,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const SEED = readFileSync(join(__dirname, '..', '..', 'examples', 'seed-policy.iam.json'), 'utf8');
const server = serverOfTestFile();

/** The markdown of a hover ('' without one). */
function hoverText(hover: Hover | null): string {
  return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
}

function positionOf(marked: string) {
  const { text, offset } = cursor(marked);
  return { text, position: TextDocument.create('x', 'x', 0, text).positionAt(offset) };
}

test('publishes an error at each problem of the seed policy', async () => {
  const diagnostics = await server().open('file:///work/seed-policy.iam.json', SEED);
  const errors = diagnostics.filter(d => d.severity === 1);
  const at = (code: string) => errors.filter(d => d.code === code).map(d => d.range.start.line);
  assert.deepEqual(at('IAM002'), [0], 'the comment');
  assert.deepEqual(at('IAM100'), [4, 5, 6], 'every s3. action');
  assert.deepEqual(at('IAM004'), [6], 'the missing comma before "s3.PutObject"');
  assert.deepEqual(at('IAM003'), [4, 6, 6], 'the trailing commas');
  for (const d of errors.filter(e => e.code === 'IAM100')) {
    assert.match(String(d.message), /Did you mean "s3:(ListBucket|GetObject|PutObject)"/);
    assert.ok((d.data as { replacements: string[] }).replacements.length === 1);
    assert.equal(d.source, 'iam-policy');
    assert.ok(d.codeDescription?.href.endsWith('#iam100'));
  }
});

test('serves JSON documents only when their content is a policy', async () => {
  const plain = await server().open('file:///work/package.json', '{ "name": "x", // comment\n "version": "1" }', 'json');
  assert.deepEqual(plain, []);
  const policy = await server().open('file:///work/thing.json', '{ "Statement": [ { "Effect": "allow" } ] }', 'json');
  assert.ok(policy.some(d => d.code === 'IAM012'));
});

test('a JSON file named like a policy gets its findings while it has no Statement yet, as in the checker', async () => {
  const diagnostics = await server().open('file:///work/v-policy.json', '{ "Version": "2012-10-17" }', 'json');
  assert.deepEqual(
    diagnostics.map(d => d.code),
    ['IAM014'],
  );
});

test('completes the actions of a service after "s3:Get', async () => {
  const { text, position } = positionOf('{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "s3:Get| ] } ] }');
  await server().open('file:///work/complete.iam.json', text);
  const items = await server().completion('file:///work/complete.iam.json', position);
  const getObject = items.find(i => i.label === 's3:GetObject');
  assert.ok(getObject, `s3:GetObject offered among ${items.length} items`);
  assert.match(String(getObject.detail ?? ''), /Read/);
});

test('an empty policy file is offered a whole policy of each kind', async () => {
  await server().open('file:///work/new.iam.json', '');
  const labels = (await server().completion('file:///work/new.iam.json', { line: 0, character: 0 })).map(i => i.label);
  for (const label of [
    'IAM identity policy',
    'Trust policy for an AWS service',
    'Resource control policy (RCP)',
    'VPC endpoint policy',
    'Permissions boundary',
    'Service control policy (SCP)',
  ]) {
    assert.ok(labels.includes(label), `${label} among ${labels.join(' | ')}`);
  }
});

test('hover on an action shows its access level and description', async () => {
  const { text, position } = positionOf('{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetOb|ject", "Resource": "*" } ] }');
  await server().open('file:///work/hover.iam.json', text);
  const hover = await server().hover('file:///work/hover.iam.json', position);
  const value = hoverText(hover);
  assert.match(value, /Read/);
  assert.match(value, /GetObject/);
});

test('a rule set to off in the settings disappears without a restart', async () => {
  const uri = 'file:///work/settings.iam.json';
  const before = await server().open(uri, '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*" } ] }');
  assert.ok(before.some(d => d.code === 'IAM102'));
  const afterChange = await server().setSettings({ rules: { IAM102: 'off' } }, uri);
  assert.ok(!afterChange.some(d => d.code === 'IAM102'));
  await server().setSettings({}, uri);
});

test('survives garbage and keeps answering', async () => {
  const uri = 'file:///work/garbage.iam.json';
  const garbage = '\u0000\u0001{{{[[[\uFFFF"\\u12' + 'x'.repeat(1000);
  const diagnostics = await server().open(uri, garbage);
  assert.ok(diagnostics.some(d => d.code === 'IAM001'));
  assert.ok(
    (await server().completion(uri, { line: 0, character: 5 })).some(i => i.label === 'Version'),
    'the top-level elements',
  );
  assert.equal(await server().hover(uri, { line: 0, character: 5 }), null);
  const again = await server().change(uri, '{ "Statement": [] }');
  assert.deepEqual(again.map(d => d.code).sort(), ['IAM014', 'IAM038']);
  const { text, position } = positionOf('{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetOb|ject", "Resource": "*" } ] }');
  await server().change(uri, text);
  assert.match(hoverText(await server().hover(uri, position)), /GetObject/);
});

test('a request cancelled before the server handles it is answered with RequestCancelled; the next one with its result', async () => {
  const uri = 'file:///work/cancel.iam.json';
  const { text, position } = positionOf('{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "s3:Get| ] } ] }');
  await server().open(uri, text);
  const params = { textDocument: { uri }, position };
  const isCancelled = (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled;
  for (const method of [CompletionRequest.method, HoverRequest.method, CodeActionRequest.method, SemanticTokensRequest.method]) {
    const request = method === CodeActionRequest.method ? { ...params, range: { start: position, end: position }, context: { diagnostics: [] } } : params;
    await assert.rejects(server().cancelledRequest(method, request), isCancelled, method);
  }
  assert.ok((await server().completion(uri, position)).some(i => i.label === 's3:GetObject'));
  assert.ok(!server().log.join('').includes('Error'), server().log.join(''));
});

test('a request cancelled while the server waits for the settings is answered with RequestCancelled', async () => {
  const uri = 'file:///work/cancel-running.iam.json';
  const { text, position } = positionOf('{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "s3:Get| ] } ] }');
  await server().open(uri, text);
  const release = server().holdConfiguration();
  const pulls = server().configurationPulls.length;
  const revalidated = server().setSettings({}, uri); // the server forgets the settings and pulls them again
  const source = new CancellationTokenSource();
  const completion = server().connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }, source.token);
  try {
    // a quick request sent after the completion: once it is answered, the completion is running (waiting for the settings)
    assert.equal(await server().hover('file:///work/not-open.iam.json', position), null);
    assert.ok(server().configurationPulls.slice(pulls).includes(uri));
    source.cancel();
  } finally {
    release();
  }
  await assert.rejects(completion, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
  await revalidated;
  assert.ok((await server().completion(uri, position)).some(i => i.label === 's3:GetObject'));
});

test('a client that pushes settings (no workspace/configuration) gets them applied', async () => {
  const pushing = await startServer({ pullConfiguration: false });
  try {
    const uri = 'file:///work/pushed.iam.json';
    const before = await pushing.open(uri, '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*" } ] }');
    assert.ok(before.some(d => d.code === 'IAM102'));
    const afterPush = await pushing.setSettings({ rules: { IAM102: 'off' } }, uri);
    assert.ok(!afterPush.some(d => d.code === 'IAM102'));
  } finally {
    await pushing.stop();
  }
});
