// The pure parts of serving every editor: what a client announced (clientAbilities.ts), which
// documents are JSON (policyDocuments.ts), where a project's settings go (projectSettings.ts), and
// the settings file's edit of the zone-of-trust fix, applied and read back.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { clientAbilities } from '../../server/src/features/clientAbilities';
import { zoneOfTrustEdit } from '../../server/src/features/zoneOfTrustFix';
import { isJsonDocument } from '../../server/src/documents/policyDocuments';
import { ProjectSettings } from '../../server/src/settings/projectSettings';
import { parseSettingsText } from '../../server/src/settings/settingsFile';

test('clientAbilities: only what the client announced', () => {
  const none = clientAbilities({ processId: null, rootUri: null, capabilities: {} });
  assert.deepEqual(none, {
    pullsConfiguration: false,
    registersConfiguration: false,
    workspaceFolders: false,
    watchesFiles: false,
    snippetCommand: false,
    completion: { snippets: false, retrigger: false },
    createsFiles: false,
    showsDocuments: false,
    refreshesCodeLenses: false,
  });
  // Eglot 1.9: pulls configuration, but takes no dynamic registration of it
  const eglot = clientAbilities({
    processId: null,
    rootUri: null,
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
      textDocument: { completion: { completionItem: { snippetSupport: false } } },
    },
  });
  assert.equal(eglot.pullsConfiguration, true);
  assert.equal(eglot.registersConfiguration, false);
  assert.equal(eglot.watchesFiles, true);
  assert.equal(eglot.createsFiles, false, 'documentChanges without resourceOperations');
  const vscode = clientAbilities({
    processId: null,
    rootUri: null,
    capabilities: {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
        codeLens: { refreshSupport: true },
      },
      textDocument: { completion: { completionItem: { snippetSupport: true } } },
      window: { showDocument: { support: true } },
      experimental: { iamPolicyInsertSnippet: true, iamPolicyTriggerSuggest: true },
    },
  });
  assert.deepEqual(
    [vscode.registersConfiguration, vscode.createsFiles, vscode.showsDocuments, vscode.snippetCommand, vscode.refreshesCodeLenses],
    [true, true, true, true, true],
  );
  assert.deepEqual(vscode.completion, { snippets: true, retrigger: true });
});

test('isJsonDocument: a JSON language, or a name ending in .json under any language id', () => {
  assert.ok(isJsonDocument('file:///p/x.txt', 'json'));
  assert.ok(isJsonDocument('file:///p/x.txt', 'jsonc'));
  assert.ok(isJsonDocument('file:///p/policy.json', 'js'));
  assert.ok(isJsonDocument('file:///p/POLICY.JSON', 'js-json'));
  assert.ok(!isJsonDocument('file:///p/policy.js', 'javascript'));
  assert.ok(!isJsonDocument('file:///p/policy.json5', 'json5'));
});

test("ProjectSettings.target: the nearest .iam-lint.json, else a new one at the project's root", () => {
  const root = mkdtempSync(join(tmpdir(), 'iam-target-'));
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'a', 'b'), { recursive: true });
  const settings = new ProjectSettings({ exists: existsSync, readFile: path => readFileSync(path, 'utf8'), reportInvalid: () => {} });
  const uri = pathToFileURL(join(root, 'a', 'b', 'p.json')).href;
  assert.deepEqual(settings.target(uri), { path: join(root, '.iam-lint.json'), exists: false });
  writeFileSync(join(root, 'a', '.iam-lint.json'), '{}');
  assert.deepEqual(settings.target(uri), { path: join(root, 'a', '.iam-lint.json'), exists: true });
  assert.equal(settings.target('untitled:Untitled-1'), undefined);
});

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///s.json', 'json', 0, text), edits);
}

test("zoneOfTrustEdit: into the settings file's text, the rest kept; or a new file", () => {
  const zone = { accounts: ['111122223333'] };
  const existing = '{\n  // the project\'s rules\n  "rules": { "IAM102": "off" },\n  "zoneOfTrust": { "accounts": ["444455556666"] }\n}\n';
  const edit = zoneOfTrustEdit('file:///p/.iam-lint.json', existing, zone);
  const edited = applyEdits(existing, edit.changes!['file:///p/.iam-lint.json']);
  assert.match(edited, /\/\/ the project's rules/);
  assert.deepEqual(parseSettingsText(edited), { settings: { rules: { IAM102: 'off' }, zoneOfTrust: zone } });

  const created = zoneOfTrustEdit('file:///p/.iam-lint.json', undefined, zone);
  const [create, insert] = created.documentChanges!;
  assert.deepEqual(create, { kind: 'create', uri: 'file:///p/.iam-lint.json', options: { ignoreIfExists: true } });
  assert.ok('edits' in insert);
  assert.deepEqual(parseSettingsText(applyEdits('', insert.edits as TextEdit[])), { settings: { zoneOfTrust: zone } });
});
