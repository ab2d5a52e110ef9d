// Packages the VS Code extension (dist/iam-policy-tools.vsix) from a staging folder. The npm package
// and the .vsix hold different files: package.json's "files" lists the npm package's (the checker
// and the server, for every editor and CI), and vsce reads that same field, refusing an ignore file
// beside it. So the .vsix is packed from dist/vsix/, whose package.json lists the extension's files.
// The README keeps its relative links (--no-rewrite-relative-links): its pictures and docs/rules.md
// are inside the .vsix, where VS Code's extension page finds them; there is no public repository to
// point them at.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stage = join(root, 'dist', 'vsix');
const VSIX = join(root, 'dist', 'iam-policy-tools.vsix');
/** What the extension runs and shows; the sources, tests and the checker's bundle stay out. */
const EXTENSION_FILES = [
  'dist/extension.js', 'dist/server.js', 'dist/server-main.js', 'dist/catalog.json',
  'language-configuration.json', 'snippets', 'syntaxes', 'images/icon.png',
  'docs/rules.md', 'docs/images', 'README.md', 'CHANGELOG.md', 'LICENSE',
];

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const file of EXTENSION_FILES) cpSync(join(root, file), join(stage, file), { recursive: true });
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
manifest.files = EXTENSION_FILES;
delete manifest.scripts;   // vsce would run a vscode:prepublish; the bundles are built already
writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2));

const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', VSIX], { cwd: stage, stdio: 'inherit' });
rmSync(stage, { recursive: true, force: true });
