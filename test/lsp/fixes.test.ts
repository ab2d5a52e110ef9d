// Code actions over the protocol: quick-fixes with the snippet
// command only for a client that announced it, refactorings at the cursor, source.fixAll on request.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CodeActionRequest, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-protocol/node';
import { SNIPPET_CAPABILITY, type InsertSnippetArgs } from '../../server/src/protocol/snippet';
import { startServer, type TestServer } from '../helpers/lspClient';

const TEXT = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObject"], "Resource": "*" }
  ]
}`;
const URI = 'file:///fixes/policy.iam.json';

let plain: TestServer;
let vscodeLike: TestServer;
before(async () => {
  [plain, vscodeLike] = await Promise.all([startServer(), startServer({ experimental: { [SNIPPET_CAPABILITY]: true } })]);
});
after(async () => {
  await Promise.all([plain.stop(), vscodeLike.stop()]);
});

async function actions(server: TestServer, diagnostics: Diagnostic[], range: Range, only?: string[]): Promise<CodeAction[]> {
  const result = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range, context: { diagnostics, only } });
  return (result ?? []) as CodeAction[];
}

test('narrowing "*": an edit with placeholders everywhere, the snippet command only for the client that runs it', async () => {
  for (const [server, withCommand] of [
    [plain, false],
    [vscodeLike, true],
  ] as const) {
    const diagnostics = await server.open(URI, TEXT);
    const star = diagnostics.find(d => d.code === 'IAM407')!;
    const narrow = (await actions(server, [star], star.range)).find(a => a.title.startsWith('Narrow'))!;
    assert.equal(narrow.title, 'Narrow "*" to ARNs of the resources the actions need (object)');
    assert.equal(narrow.isPreferred, false, 'placeholders to fill in: not for accepting blind');
    const edit = narrow.edit!.changes![URI][0];
    assert.equal(edit.newText, 'arn:aws:s3:::<bucket-name>/<object-name>');
    assert.equal(narrow.command !== undefined, withCommand);
    if (withCommand) {
      const args = narrow.command!.arguments![0] as InsertSnippetArgs;
      assert.equal(narrow.command!.command, 'iamPolicy.insertSnippet');
      assert.match(args.snippet, /\$\{1:<bucket-name>\}\/\$\{2:<object-name>\}/);
    }
    await server.close(URI);
  }
});

test('context.only: source.fixAll removes the repeated action; refactorings come with a cursor', async () => {
  const diagnostics = await plain.open(URI, TEXT);
  const at = { line: 3, character: 35 };
  const fixAll = await actions(plain, diagnostics, { start: at, end: at }, ['source.fixAll']);
  assert.deepEqual(
    fixAll.map(a => a.kind),
    ['source.fixAll'],
  );
  assert.deepEqual(
    fixAll[0].edit!.changes![URI].map(e => e.newText),
    [''],
  );
  const refactors = await actions(plain, [], { start: at, end: at }, ['refactor']);
  assert.ok(refactors.every(a => a.kind === 'refactor.rewrite'));
  await plain.close(URI);
});
