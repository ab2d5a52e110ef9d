// A project's .iam-lint.json over a real stdio connection: the server reads the nearest one over the
// editor's settings, reads it again on workspace/didChangeWatchedFiles, and warns once about an
// invalid one (then ignores it) instead of failing.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, ShowMessageNotification, type ShowMessageParams } from 'vscode-languageserver-protocol/node';
import { folderWith } from '../helpers/cliRunner';
import { startServer, type TestServer } from '../helpers/lspClient';

// a hint (IAM106, the action's case) and a warning (IAM402, Resource "*")
const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'S3:putobject', Resource: '*' }] }, null, 2);

let server: TestServer;
const warnings: string[] = [];
before(async () => {
  server = await startServer({ settings: { rules: { IAM402: 'information' } } });
  server.connection.onNotification(ShowMessageNotification.type, (params: ShowMessageParams) => {
    warnings.push(params.message);
  });
});
after(async () => {
  await server.stop();
});

const codes = (diagnostics: Array<{ code?: string | number }>) => diagnostics.map(d => String(d.code)).sort();

test('the nearest .iam-lint.json counts over the editor settings, and again when it changes', async () => {
  const repo = folderWith({ '.git/HEAD': '', '.iam-lint.json': '{ "rules": { "IAM106": "off" } }', 'policies/p.iam.json': POLICY });
  const settingsFile = join(repo, '.iam-lint.json');
  const uri = pathToFileURL(join(repo, 'policies', 'p.iam.json')).href;
  const fileChanged = async () => {
    const next = server.nextDiagnostics(uri);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(settingsFile).href, type: FileChangeType.Changed }],
    });
    return next;
  };

  const opened = await server.open(uri, POLICY);
  assert.deepEqual(codes(opened), ['IAM402']);
  assert.equal(opened[0].severity, 3, 'the editor settings still count for the rules the file does not set');

  writeFileSync(settingsFile, '{ "iamPolicy.rules": { "IAM402": "off" } }');
  assert.deepEqual(codes(await fileChanged()), ['IAM106']);

  // an invalid file: one warning naming it, and the editor's settings alone
  writeFileSync(settingsFile, '{ "rules": { "IAM402": "loud" } }');
  assert.deepEqual(codes(await fileChanged()), ['IAM106', 'IAM402']);
  assert.deepEqual(codes(await fileChanged()), ['IAM106', 'IAM402']);
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.ok(warnings[0].includes(settingsFile) && warnings[0].includes('"rules.IAM402" must be one of'), warnings[0]);
  assert.ok(
    server.log.some(line => line.includes(settingsFile)),
    'logged to the console too',
  );

  writeFileSync(settingsFile, '{ "minimumSeverity": "warning" }');
  assert.deepEqual(codes(await fileChanged()), []);
  await server.close(uri);
});

test('the server asks the client to watch .iam-lint.json files, so any editor that can watch files tells it of changes', () => {
  const watchers = server.registrations
    .filter(r => r.method === DidChangeWatchedFilesNotification.method)
    .flatMap(r => (r.registerOptions as { watchers: Array<{ globPattern: string }> }).watchers.map(w => w.globPattern));
  assert.deepEqual(watchers, ['**/.iam-lint.json']);
});
