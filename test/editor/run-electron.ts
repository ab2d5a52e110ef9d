// npm run test:editor:electron [-- path/to/extension.vsix]
// The same scenarios in a desktop VS Code downloaded by @vscode/test-electron, for machines that
// can reach VS Code's update server (these CI machines cannot: they run test:editor on
// code-server instead; see ../shared/EDITOR-TESTS.md). @vscode/test-electron is not a
// dependency of the extension: `npm i --no-save @vscode/test-electron` first.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { createRunFolders } from './codeServer';
import { createWorkspace } from './workspace';

/** The parts of @vscode/test-electron used here, as its README documents them. */
interface TestElectron {
  downloadAndUnzipVSCode(version?: string): Promise<string>;
  resolveCliArgsFromVSCodeExecutablePath(executable: string): string[];
  runTests(options: {
    vscodeExecutablePath: string;
    extensionDevelopmentPath: string;
    extensionTestsPath: string;
    launchArgs: string[];
    extensionTestsEnv?: Record<string, string | undefined>;
  }): Promise<number>;
}

const repoRoot = resolve(__dirname, '../..');
const runDir = join(repoRoot, '.editor-test/electron-run');

function loadTestElectron(): TestElectron {
  try {
    return require('@vscode/test-electron') as TestElectron;
  } catch {
    console.error('@vscode/test-electron is not installed: run `npm i --no-save @vscode/test-electron` first.');
    console.error('Where VS Code cannot be downloaded, use `npm run test:editor` (code-server) instead.');
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const testElectron = loadTestElectron();
  const vsix = resolve(process.argv[2] ?? process.env.EDITOR_TESTS_VSIX ?? join(repoRoot, 'dist/iam-policy-tools.vsix'));
  rmSync(runDir, { recursive: true, force: true });
  const folders = createRunFolders(runDir);
  createWorkspace(folders.workspace, join(repoRoot, 'examples'));

  // The suite runs in the extension host, which loads plain CommonJS.
  const suite = join(runDir, 'suite.js');
  await build({
    entryPoints: [join(__dirname, 'electron/suite.ts')],
    outfile: suite,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  // An empty extension to develop, so that the one under test is the installed .vsix.
  const hostExtension = join(runDir, 'host-extension');
  mkdirSync(hostExtension, { recursive: true });
  writeFileSync(
    join(hostExtension, 'package.json'),
    JSON.stringify({ name: 'editor-tests-host', publisher: 'iam-policy-tools', version: '0.0.0', engines: { vscode: '*' } }),
  );

  const vscodeExecutablePath = await testElectron.downloadAndUnzipVSCode(process.env.EDITOR_TESTS_VSCODE_VERSION);
  const [cli, ...cliArgs] = testElectron.resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
  const dirs = ['--user-data-dir', folders.userDataDir, '--extensions-dir', folders.extensionsDir];
  const install = spawnSync(cli, [...cliArgs, ...dirs, '--install-extension', vsix], { encoding: 'utf8', stdio: 'inherit' });
  if (install.status !== 0) throw new Error(`installing ${vsix} failed`);

  await testElectron.runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: hostExtension,
    extensionTestsPath: suite,
    launchArgs: [folders.workspace, ...dirs, '--disable-workspace-trust'],
    extensionTestsEnv: { EDITOR_TESTS_PENDING: process.env.EDITOR_TESTS_PENDING },
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
