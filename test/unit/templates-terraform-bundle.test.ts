// The HCL parser's WebAssembly loads from beside a bundle (as dist/server-main.js and dist/cli-main.js
// load it), only when a Terraform file is prepared, and its absence is a problem the reader reports,
// not a crash. The build copies both files into dist/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import { HCL_WASM_FILES } from '../../server/src/templates/terraform/hclParser';

const REPO = join(__dirname, '..', '..');
const packageFile = (file: string, pkg: string) => join(REPO, 'node_modules', pkg, file);
let folder = '';

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'iam-hcl-bundle-'));
  const reader = join(REPO, 'server', 'src', 'templates', 'terraform', 'terraformReader.ts').replace(/\\/g, '/');
  writeFileSync(
    join(folder, 'entry.ts'),
    `import { terraformReader } from '${reader}';
const hcl = 'resource "aws_iam_policy" "p" {\\n  policy = jsonencode({ Version = "2012-10-17", Statement = [] })\\n}\\n';
(async () => {
  if (process.argv.includes('--prepare')) await terraformReader.prepare!();
  const result = terraformReader.read('file:///main.tf', hcl)!;
  console.log(JSON.stringify({ policies: result.policies.length, problems: result.problems.map(p => p.message) }));
})();
`,
  );
  // the options of esbuild.mjs that matter here: a CommonJS bundle for node
  await build({
    entryPoints: [join(folder, 'entry.ts')],
    outfile: join(folder, 'server-main.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
});

after(() => rmSync(folder, { recursive: true, force: true }));

function runBundle(...args: string[]): { policies: number; problems: string[] } {
  return JSON.parse(execFileSync(process.execPath, [join(folder, 'server-main.js'), ...args], { encoding: 'utf8' }));
}

test('a bundle reads the WebAssembly beside it on prepare()', () => {
  for (const { file, pkg } of HCL_WASM_FILES) copyFileSync(packageFile(file, pkg), join(folder, file));
  assert.deepEqual(runBundle('--prepare'), { policies: 1, problems: [] });
});

test('without prepare() or without the WebAssembly, the reader reports a problem and the process goes on', () => {
  for (const { file, pkg } of HCL_WASM_FILES) copyFileSync(packageFile(file, pkg), join(folder, file));
  const unprepared = runBundle();
  assert.equal(unprepared.policies, 0);
  assert.match(unprepared.problems[0], /not loaded/);
  rmSync(join(folder, 'tree-sitter-hcl.wasm'));
  const missing = runBundle('--prepare');
  assert.equal(missing.policies, 0);
  assert.match(missing.problems[0], /tree-sitter-hcl\.wasm is missing/);
});

test('the build copies the WebAssembly into dist/', () => {
  for (const { file, pkg } of HCL_WASM_FILES) {
    assert.ok(readFileSync(join(REPO, 'dist', file)).equals(readFileSync(packageFile(file, pkg))), `dist/${file}`);
  }
});
