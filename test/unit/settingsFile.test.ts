// The project's settings file (.iam-lint.json): reading its text, finding the nearest one, and the
// editor's settings with it over them (the server's side; the CLI's is in cli.test.ts).
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { mergeProjectSettings, ProjectSettings } from '../../server/src/settings/projectSettings';
import { withDefaults } from '../../server/src/protocol';
import { findSettingsFile, parseSettingsText, type SettingsFileSystem } from '../../server/src/settings/settingsFile';

const ROOT = resolve('/work/repo');
const at = (relative: string) => join(ROOT, relative);

/** A file system of `files` (path under ROOT -> text; a folder exists when a path is under it). */
function memoryFs(files: Record<string, string>): SettingsFileSystem & { files: Map<string, string>; reads: string[] } {
  const map = new Map(Object.entries(files).map(([name, text]) => [at(name), text]));
  const reads: string[] = [];
  return {
    files: map,
    reads,
    exists: path => map.has(path) || [...map.keys()].some(file => file.startsWith(path + '/')),
    readFile: path => {
      reads.push(path);
      const text = map.get(path);
      if (text === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return text;
    },
  };
}

test('a settings text: plain, nested under "iamPolicy", or VS Code flat keys; JSON with comments', () => {
  const expected = { settings: { rules: { IAM106: 'off' } } };
  assert.deepEqual(parseSettingsText('{ "rules": { "IAM106": "off" } }'), expected);
  assert.deepEqual(parseSettingsText('{ "iamPolicy": { "rules": { "IAM106": "off" } } }'), expected);
  assert.deepEqual(parseSettingsText('{ // ours\n "iamPolicy.rules": { "IAM106": "off" }, "editor.tabSize": 2, }'), expected);
});

test('an invalid settings text: each problem named, a syntax error with its line and column', () => {
  const bad = parseSettingsText('{ "rules": { "IAM100": "loud" }, "colour": 1, "securityRules": "yes" }');
  assert.ok('problems' in bad);
  assert.equal(bad.problems.length, 3);
  assert.ok(bad.problems.some(p => p.includes('"rules.IAM100" must be one of')));
  assert.ok(bad.problems.some(p => p.includes('unknown setting "colour"')));
  const broken = parseSettingsText('{\n  "rules": }');
  assert.ok('problems' in broken);
  assert.match(broken.problems[0], /at line 2, column 12$/);
  assert.deepEqual(parseSettingsText('[1]'), { problems: ['not a JSON object'] });
});

test("a team's rules: each problem names where it is", () => {
  const bad = parseSettingsText(
    JSON.stringify({
      requiredConditions: [{ actions: 'iam:PassRole' }, { actions: ['s3:PutObject'], allOf: [{ key: 's3:x-amz-server-side-encryption', values: [] }] }],
      sensitiveActions: ['DeleteBucket'],
      sensitiveResources: ['payroll'],
    }),
  );
  assert.ok('problems' in bad);
  assert.deepEqual(bad.problems, [
    '"requiredConditions[0]" needs "allOf" or "anyOf"',
    '"requiredConditions[1].allOf[0]" must be a condition key, or { "key": "...", "values": ["..."] }',
    '"sensitiveActions": "DeleteBucket" is not an action (service:Action, wildcards allowed)',
    '"sensitiveResources": "payroll" is not an ARN (arn:partition:service:region:account:resource)',
  ]);
});

test('the nearest settings file, up to the repository root or a boundary folder', () => {
  const fs = memoryFs({
    '.git/HEAD': '',
    '.iam-lint.json': '{}',
    'a/b/p.json': '',
    'c/.iam-lint.json': '{}',
    'c/d/p.json': '',
    'e/.vscode/settings.json': '{ "iamPolicy.minimumSeverity": "error" }',
    'e/p.json': '',
    'f/.vscode/settings.json': '{ "editor.tabSize": 2 }',
  });
  assert.equal(findSettingsFile(at('a/b'), fs), at('.iam-lint.json'));
  assert.equal(findSettingsFile(at('c/d'), fs), at('c/.iam-lint.json'));
  assert.equal(findSettingsFile(at('a/b'), fs, { isBoundary: folder => folder === at('a') }), undefined);
  // .vscode/settings.json only when asked (the CLI), and only with iamPolicy settings
  assert.equal(findSettingsFile(at('e'), fs), at('.iam-lint.json'));
  assert.equal(findSettingsFile(at('e'), fs, { editorSettings: true }), at('e/.vscode/settings.json'));
  assert.equal(findSettingsFile(at('f'), fs, { editorSettings: true }), at('.iam-lint.json'));
  // above the repository's root nothing is read
  const outside = memoryFs({ '.iam-lint.json': '{}', 'repo/.git/HEAD': '' });
  assert.equal(findSettingsFile(at('repo'), outside), undefined);
});

test('merged settings: the file wins for the settings it sets, rule by rule in "rules"', () => {
  const editor = withDefaults({ rules: { IAM100: 'off', IAM106: 'warning' }, minimumSeverity: 'warning', securityRules: false });
  const merged = mergeProjectSettings(editor, { rules: { IAM106: 'off' }, securityRules: true });
  assert.deepEqual(merged.rules, { IAM100: 'off', IAM106: 'off' });
  assert.equal(merged.securityRules, true);
  assert.equal(merged.minimumSeverity, 'warning');
});

const uriOf = (relative: string) => pathToFileURL(at(relative)).href;

function projectWith(files: Record<string, string>) {
  const fs = memoryFs(files);
  const reported: Array<{ path: string; problems: string[] }> = [];
  const project = new ProjectSettings({ ...fs, reportInvalid: (path, problems) => reported.push({ path, problems }) });
  return { fs, project, reported };
}

test('a document gets the nearest .iam-lint.json over the editor settings; other schemes keep the editor settings', () => {
  const { project } = projectWith({ '.git/HEAD': '', '.iam-lint.json': '{ "rules": { "IAM106": "off" } }', 'a/p.json': '' });
  const editor = withDefaults({ rules: { IAM100: 'hint' } });
  assert.deepEqual(project.apply(uriOf('a/p.json'), editor).rules, { IAM100: 'hint', IAM106: 'off' });
  assert.equal(project.apply('untitled:Untitled-1', editor), editor);
  assert.equal(project.apply('vscode-vfs://github/x/p.json', editor), editor);
});

test('the search stops at the workspace folder that holds the document', () => {
  const { project } = projectWith({ '.iam-lint.json': '{ "rules": { "IAM106": "off" } }', 'ws/a/p.json': '' });
  const editor = withDefaults(undefined);
  assert.deepEqual(project.apply(uriOf('ws/a/p.json'), editor).rules, { IAM106: 'off' });
  project.setWorkspaceFolders([uriOf('ws')]);
  assert.equal(project.apply(uriOf('ws/a/p.json'), editor), editor);
});

test('a file is read once until clear(); an invalid one is reported once per text and ignored', () => {
  const { fs, project, reported } = projectWith({ '.git/HEAD': '', '.iam-lint.json': '{ "rules": ', 'p.json': '' });
  const editor = withDefaults(undefined);
  assert.equal(project.apply(uriOf('p.json'), editor), editor);
  assert.equal(project.apply(uriOf('p.json'), editor), editor);
  assert.equal(fs.reads.length, 1);
  project.clear(); // changed on disk, to the same text: not reported again
  assert.equal(project.apply(uriOf('p.json'), editor), editor);
  assert.equal(fs.reads.length, 2);
  assert.deepEqual(
    reported.map(r => r.path),
    [at('.iam-lint.json')],
  );

  fs.files.set(at('.iam-lint.json'), '{ "rules": { "IAM106": "loud" } }');
  project.clear();
  assert.equal(project.apply(uriOf('p.json'), editor), editor);
  assert.equal(reported.length, 2);
  assert.match(reported[1].problems[0], /"rules\.IAM106" must be one of/);

  fs.files.set(at('.iam-lint.json'), '{ "rules": { "IAM106": "off" } }');
  project.clear();
  assert.deepEqual(project.apply(uriOf('p.json'), editor).rules, { IAM106: 'off' });
  assert.equal(reported.length, 2);
});

test('a settings file that cannot be read is reported and ignored', () => {
  const { fs, project, reported } = projectWith({ '.git/HEAD': '', '.iam-lint.json': '{}', 'p.json': '' });
  // a folder named .iam-lint.json: it exists, but reading it fails
  fs.files.delete(at('.iam-lint.json'));
  fs.files.set(at('.iam-lint.json/x'), '');
  const editor = withDefaults(undefined);
  assert.equal(project.apply(uriOf('p.json'), editor), editor);
  assert.deepEqual(
    reported.map(r => r.problems),
    [['cannot be read (ENOENT)']],
  );
});
