// A client that announces little, as Emacs's Eglot or Neovim does: no snippets, no dynamic
// registration, no configuration pull, no VS Code commands. Over a real stdio connection the server
// sends only what it announced: plain-text completion with the same result as the snippets, no
// registration, server-side commands for the code lenses and the zone-of-trust fix (the settings file
// edited through workspace/applyEdit), and JSON files under another language id.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  CodeLensRequest,
  ExecuteCommandRequest,
  InsertTextFormat,
  ShowMessageNotification,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type CodeAction,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { snippetToPlainText } from '../../server/src/features/completion/items';
import { startServer, type TestServer } from '../helpers/lspClient';

/** Eglot's kind of client: edits with documentChanges and file creation, nothing dynamic. */
const MINIMAL: ClientCapabilities = {
  workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
  textDocument: { completion: { completionItem: { snippetSupport: false } }, hover: { contentFormat: ['plaintext'] } },
};

/** A queue policy of account 111122223333 that lets account 444455556666 send messages. */
const QUEUE_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::444455556666:root' },
        Action: 'sqs:SendMessage',
        Resource: 'arn:aws:sqs:us-east-1:111122223333:orders',
      },
    ],
  },
  null,
  2,
);

function project(): { root: string; policyUri: string } {
  const root = mkdtempSync(join(tmpdir(), 'iam-minimal-'));
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'policies'));
  const policy = join(root, 'policies', 'queue-policy.json');
  writeFileSync(policy, QUEUE_POLICY);
  return { root, policyUri: pathToFileURL(policy).href };
}

/** Applies a workspace edit to the disk as an editor would (then saved), and says so. */
function applyToDisk(edit: ApplyWorkspaceEditParams['edit']): void {
  const apply = (uri: string, edits: TextEdit[]) => {
    const path = new URL(uri).pathname;
    let lines = existsSync(path) ? readFileSync(path, 'utf8') : '';
    // edits from the end, by line and character
    for (const e of [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)) {
      const offset = (p: { line: number; character: number }) =>
        lines
          .split('\n')
          .slice(0, p.line)
          .reduce((n, l) => n + l.length + 1, 0) + p.character;
      lines = lines.slice(0, offset(e.range.start)) + e.newText + lines.slice(offset(e.range.end));
    }
    writeFileSync(path, lines);
  };
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'create') writeFileSync(new URL(change.uri).pathname, '', { flag: 'a' });
    } else {
      apply((change as TextDocumentEdit).textDocument.uri, (change as TextDocumentEdit).edits as TextEdit[]);
    }
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) apply(uri, edits);
}

async function withServer(
  capabilities: ClientCapabilities,
  root: string,
  run: (server: TestServer, edits: ApplyWorkspaceEditParams[], messages: string[]) => Promise<void>,
) {
  const server = await startServer({ capabilities, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'project' }] });
  const edits: ApplyWorkspaceEditParams[] = [];
  const messages: string[] = [];
  server.connection.onRequest(ApplyWorkspaceEditRequest.type, params => {
    edits.push(params);
    applyToDisk(params.edit);
    return { applied: true };
  });
  server.connection.onNotification(ShowMessageNotification.type, params => {
    messages.push(params.message);
  });
  try {
    await run(server, edits, messages);
  } finally {
    await server.stop();
  }
}

test('no registration and no configuration request to a client that announced neither', async () => {
  const { root, policyUri } = project();
  await withServer(MINIMAL, root, async server => {
    await server.open(policyUri, QUEUE_POLICY, 'json');
    await new Promise(resolve => setTimeout(resolve, 100));
    assert.deepEqual(server.requests, []);
  });
});

test("completion without snippet support: plain text with the snippets' result, no VS Code command", async () => {
  const text = '{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "" }] }';
  const position = { line: 0, character: text.indexOf('"Resource": "') + '"Resource": "'.length };
  const full = await startServer({ experimental: { iamPolicyTriggerSuggest: true } });
  const withSnippets = await (async () => {
    try {
      await full.open('file:///p/a.iam.json', text);
      return await full.completion('file:///p/a.iam.json', position);
    } finally {
      await full.stop();
    }
  })();
  assert.ok(
    withSnippets.some(item => item.insertTextFormat === InsertTextFormat.Snippet),
    'the ARN formats are snippets for VS Code',
  );
  const { root } = project();
  await withServer(MINIMAL, root, async server => {
    await server.open('file:///p/a.iam.json', text);
    const plain = await server.completion('file:///p/a.iam.json', position);
    assert.deepEqual(
      plain.map(item => item.label),
      withSnippets.map(item => item.label),
    );
    for (const [index, item] of plain.entries()) {
      const snippet = withSnippets[index];
      assert.equal(item.insertTextFormat, undefined, item.label);
      assert.equal(item.command, undefined, item.label);
      assert.equal(item.sortText, snippet.sortText, 'the same ranking');
      const expected =
        snippet.insertTextFormat === InsertTextFormat.Snippet
          ? snippetToPlainText((snippet.textEdit as TextEdit).newText)
          : (snippet.textEdit as TextEdit).newText;
      assert.equal((item.textEdit as TextEdit).newText, expected, item.label);
    }
  });
});

test('the code lens runs a server command: the access summary, answered and shown as a message', async () => {
  const { root, policyUri } = project();
  await withServer(MINIMAL, root, async (server, _edits, messages) => {
    await server.open(policyUri, QUEUE_POLICY, 'json');
    const lenses = await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: policyUri } });
    const command = lenses![0].command!;
    assert.equal(command.command, 'iamPolicy.accessSummary');
    const markdown = await server.connection.sendRequest(ExecuteCommandRequest.type, { command: command.command, arguments: command.arguments });
    assert.match(String(markdown), /^# Access summary: queue-policy.json/);
    assert.equal(messages.length, 1);
    assert.match(messages[0], /^Access summary: queue-policy.json[\s\S]*sqs: 1 Write/);
  });
});

async function setZoneThroughCommand(capabilities: ClientCapabilities) {
  const { root, policyUri } = project();
  const settingsPath = join(root, '.iam-lint.json');
  await withServer(capabilities, root, async (server, edits) => {
    const before = await server.open(policyUri, QUEUE_POLICY, 'json');
    assert.ok(!before.some(d => d.code === 'IAM600'), 'no zone, no finding');
    const at = { line: QUEUE_POLICY.split('\n').findIndex(line => line.includes('444455556666')), character: 30 };
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: policyUri },
      range: { start: at, end: at },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const zone = actions.find(action => /zone of trust/.test(action.title))!;
    assert.ok(zone, actions.map(a => a.title).join('\n'));
    assert.equal(zone.command!.command, 'iamPolicy.setZoneOfTrust');
    assert.equal(await server.connection.sendRequest(ExecuteCommandRequest.type, { command: zone.command!.command, arguments: zone.command!.arguments }), true);
    assert.equal(edits.length, 1);
    assert.deepEqual(JSON.parse(readFileSync(settingsPath, 'utf8')), { zoneOfTrust: { accounts: ['111122223333'] } });
    // the editor has the settings file open (it applied the edit there): the findings follow at once
    const after = server.nextDiagnostics(policyUri);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: pathToFileURL(settingsPath).href, languageId: 'json', version: 1, text: readFileSync(settingsPath, 'utf8') },
    });
    assert.deepEqual(
      (await after).filter(d => d.code === 'IAM600').map(d => d.range.start.line),
      [at.line],
    );
  });
}

test('the zone-of-trust fix runs a server command that writes .iam-lint.json through workspace/applyEdit', async () => {
  await setZoneThroughCommand(MINIMAL);
});

test('a client that cannot create files (Neovim 0.7) gets the settings file created by the server, then edited', async () => {
  await setZoneThroughCommand({ ...MINIMAL, workspace: { applyEdit: true } });
});

test("a .json file under another language id (Eglot's js, js-json) is served when it is a policy, a .js file is not", async () => {
  const { root } = project();
  await withServer(MINIMAL, root, async server => {
    for (const languageId of ['js', 'js-json', 'javascript']) {
      const diagnostics = await server.open(
        `file:///p/${languageId}/policy.json`,
        '{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*" }] }',
        languageId,
      );
      assert.ok(
        diagnostics.some(d => d.code === 'IAM102'),
        languageId,
      );
    }
    assert.deepEqual(await server.open('file:///p/policy.js', '{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*" }] }', 'js'), []);
  });
});
