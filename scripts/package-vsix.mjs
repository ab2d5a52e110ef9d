// Packages the VS Code extension (dist/iam-policy-tools.vsix) from a staging folder. The npm package
// and the .vsix hold different files: package.json's "files" lists the npm package's (the checker
// and the server, for every editor and CI), and vsce reads that same field, refusing an ignore file
// beside it. So the .vsix is packed from dist/vsix/, whose package.json lists the extension's files.
// There is no public repository to point the README's relative links at, and VS Code's extension
// page resolves none of them (it shows https and data: pictures and opens only http(s) links). So
// the packaged README carries its pictures as data: URIs, and its links into the repository become
// plain text (docs/rules.md ships in the .vsix: **IAM Policy: Open Rule Documentation** opens it);
// vsce leaves the rest alone (--no-rewrite-relative-links).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stage = join(root, 'dist', 'vsix');
const VSIX = join(root, 'dist', 'iam-policy-tools.vsix');
/** What the extension runs and shows; the sources, tests and the checker's bundle stay out. */
const EXTENSION_FILES = [
  'dist/extension.js',
  'dist/server.js',
  'dist/server-main.js',
  'dist/catalog.json',
  // the HCL parser, loaded on the first Terraform file (server/src/templates/terraform/hclParser.ts)
  'dist/web-tree-sitter.wasm',
  'dist/tree-sitter-hcl.wasm',
  'language-configuration.json',
  'snippets',
  'syntaxes',
  'images/icon.png',
  'docs/rules.md',
  'schemas/iam-lint.schema.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
];

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const file of EXTENSION_FILES) cpSync(join(root, file), join(stage, file), { recursive: true });
/** The README as the extension page can show it: pictures inline, relative links as their text. */
function packagedReadme(markdown) {
  return markdown
    .replace(/!\[([^\]]*)\]\(([^)\s]+\.png)\)/g, (_, alt, path) => `![${alt}](data:image/png;base64,${readFileSync(join(root, path)).toString('base64')})`)
    .replace(/(?<!!)\[([^\]]*)\]\((?![a-z][a-z0-9+.-]*:|#)[^)]*\)/gi, '$1');
}
writeFileSync(join(stage, 'README.md'), packagedReadme(readFileSync(join(root, 'README.md'), 'utf8')));

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
manifest.files = EXTENSION_FILES;
delete manifest.scripts; // vsce would run a vscode:prepublish; the bundles are built already
writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2));

const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', VSIX], {
  cwd: stage,
  stdio: 'inherit',
});
rmSync(stage, { recursive: true, force: true });
