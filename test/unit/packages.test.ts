// What ships: the npm package holds the runtime only (the bundles, the catalog, the rule docs, the
// settings file's JSON schema, the README, CHANGELOG and LICENSE) and installs and runs from its tarball as the README says; the
// bundles need no package at run time; the .vsix holds the extension and the README's pictures.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { HCL_WASM_FILES } from '../../server/src/templates/terraform/hclParser';

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
  repository?: unknown;
};
const NPM_FILES =
  /^(dist\/[\w-]+\.js|dist\/catalog\.json|dist\/[\w-]+\.wasm|docs\/rules\.md|schemas\/iam-lint\.schema\.json|README\.md|CHANGELOG\.md|LICENSE|package\.json)$/;

test('the bundles load no package at run time, so the npm package has no dependencies', () => {
  for (const bundle of ['cli-main.js', 'server-main.js', 'cli.js', 'server.js']) {
    const text = readFileSync(join(ROOT, 'dist', bundle), 'utf8');
    const required = [...text.matchAll(/\brequire\("([^"]+)"\)/g)].map(m => m[1]);
    const outside = required.filter(name => !builtinModules.includes(name.replace(/^node:/, '')) && !name.startsWith('./'));
    assert.deepEqual(outside, [], bundle);
  }
  assert.deepEqual(manifest.dependencies ?? {}, {});
  assert.equal(manifest.repository, undefined, 'no made-up repository URL');
});

test('npm pack holds the runtime only, and the tarball installs and runs iam-policy-lint and iam-policy-mcp', { timeout: 120_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'iam-pack-'));
  // the test suite has just built dist/: no second build (npm pack alone runs the prepack build)
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' })) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  const files = packed[0].files.map(f => f.path);
  assert.deepEqual(
    files.filter(path => !NPM_FILES.test(path)),
    [],
  );
  for (const needed of [
    'dist/cli.js',
    'dist/cli-main.js',
    'dist/server.js',
    'dist/server-main.js',
    'dist/mcp.js',
    'dist/catalog.json',
    ...HCL_WASM_FILES.map(({ file }) => `dist/${file}`),
    'docs/rules.md',
    'LICENSE',
    'CHANGELOG.md',
    'schemas/iam-lint.schema.json',
  ]) {
    assert.ok(files.includes(needed), needed);
  }
  assert.equal(packed[0].filename, `iam-policy-tools-${manifest.version}.tgz`);

  const prefix = join(work, 'prefix');
  execFileSync('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, join(work, packed[0].filename)], { encoding: 'utf8' });
  const bin = join(prefix, 'bin', 'iam-policy-lint');
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  assert.match(version.stdout, new RegExp(`^iam-policy-lint ${manifest.version.replace(/\./g, '\\.')} \\(IAM data of \\d{4}-\\d{2}-\\d{2}, `), version.stderr);
  const run = spawnSync(bin, [join(ROOT, 'examples', 'seed-policy.iam.json'), '--format', 'json'], { encoding: 'utf8' });
  assert.equal(run.status, 1, run.stderr);
  const finding = (JSON.parse(run.stdout) as { files: Array<{ findings: Array<{ code: string; help?: string }> }> }).files[0].findings.find(
    f => f.code === 'IAM100',
  )!;
  const installedDocs = realpathSync(join(prefix, 'lib', 'node_modules', 'iam-policy-tools', 'docs', 'rules.md'));
  assert.equal(finding.help, `${pathToFileURL(installedDocs).href}#iam100`, 'help links to the rule docs installed with it');
  const sarif = spawnSync(bin, [join(ROOT, 'examples'), '--format', 'sarif'], { encoding: 'utf8' });
  const rules = (JSON.parse(sarif.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ help?: unknown }> } } }> }).runs[0].tool.driver.rules;
  assert.ok(
    rules.every(rule => rule.help),
    'SARIF help from the installed docs/rules.md',
  );
  // Terraform needs the HCL parser's WebAssembly, installed beside the bundles
  const terraform = join(work, 'main.tf');
  writeFileSync(terraform, 'data "aws_iam_policy_document" "read" {\n  statement {\n    actions   = ["s3:GetObjetc"]\n    resources = ["*"]\n  }\n}\n');
  const checked = spawnSync(bin, [terraform, '--format', 'json'], { encoding: 'utf8' });
  const codes = (JSON.parse(checked.stdout) as { files: Array<{ findings: Array<{ code: string }> }> }).files[0].findings.map(f => f.code);
  assert.ok(codes.includes('IAM102'), `${codes.join(', ')} ${checked.stderr}`);
  // the MCP server runs from the tarball alone (its bundle holds the SDK): one JSON-RPC message per line
  const messages = [
    {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'packages-test', version: '1' } },
    },
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'lookup', arguments: { name: 's3:GetObject' } } },
  ];
  const mcp = spawnSync(join(prefix, 'bin', 'iam-policy-mcp'), {
    input: messages.map(m => JSON.stringify(m)).join('\n') + '\n',
    encoding: 'utf8',
    timeout: 30_000,
  });
  const answers = mcp.stdout
    .trim()
    .split('\n')
    .map(line => JSON.parse(line) as { id: number; result: { structuredContent?: { entry?: { accessLevel?: string } } } });
  assert.equal(answers.find(a => a.id === 2)?.result.structuredContent?.entry?.accessLevel, 'Read', mcp.stderr);
});

test('the .vsix holds the extension and its rule docs, no sources; its README shows its pictures and no dead link', { timeout: 120_000 }, () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'package-vsix.mjs')], { cwd: ROOT, stdio: 'pipe' });
  const vsix = join(ROOT, 'dist', 'iam-policy-tools.vsix');
  const entries = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).trim().split('\n');
  for (const needed of ['extension/docs/rules.md', ...HCL_WASM_FILES.map(({ file }) => `extension/dist/${file}`)]) {
    assert.ok(entries.includes(needed), needed);
  }
  assert.ok(entries.includes('extension/schemas/iam-lint.schema.json'), "the settings file's schema, which package.json's jsonValidation names");
  assert.deepEqual(
    entries.filter(entry => /\.ts$|\/test\/|node_modules|\.map$|cli-main\.js/.test(entry)),
    [],
  );
  // VS Code's extension page shows https and data: pictures and opens http(s) links only
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const packaged = execFileSync('unzip', ['-p', vsix, 'extension/readme.md'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map(m => m[1]);
  const inline = [...packaged.matchAll(/!\[[^\]]*\]\(data:image\/png;base64,([^)]+)\)/g)].map(m => m[1]);
  assert.ok(pictures.length > 0);
  assert.deepEqual(
    inline.map(data => Buffer.from(data, 'base64')),
    pictures.map(path => readFileSync(join(ROOT, path))),
    'each picture inline',
  );
  const targets = [...packaged.matchAll(/\]\(([^)]+)\)/g)].map(m => m[1]).filter(target => !target.startsWith('data:'));
  assert.deepEqual(
    targets.filter(target => !/^(https:\/\/|#)/.test(target)),
    [],
    'no relative link left',
  );
  assert.doesNotMatch(packaged, /example\.invalid/);
  assert.match(packaged, /\| IAM100 \| malformed-action \| error \|/, 'rule codes as text');
});
