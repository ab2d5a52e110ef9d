// npm run test:editor [-- path/to/extension.vsix]
// Installs the packaged extension into code-server (VS Code 1.100 served on 127.0.0.1), opens
// it in Debian's Chromium through playwright-core and runs the shared scenarios as a user would.
// Needs scripts/install-editor-deps.sh first. Pictures and failure logs: test-results/editor/.
// EDITOR_TESTS_ONLY=<name part>[,...] runs only the matching scenarios; EDITOR_TESTS_RESULTS
// puts pictures and logs elsewhere; EDITOR_TESTS_TRACE=1 logs each step with its duration;
// EDITOR_TESTS_UPDATE_IMAGES=1 copies the pictures of a fully passing run to docs/images/.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { browserDriver } from './browserDriver';
import {
  createRunFolders,
  extensionHostLogs,
  installExtension,
  startCodeServer,
  userSettingsPath,
  type RunFolders,
  type RunningCodeServer,
} from './codeServer';
import { traced, type EditorDriver } from './editorDriver';
import { loadPlaywright, type Browser, type Page } from './playwright';
import { pendingScenarios, SCENARIOS } from './scenarios';
import { createWorkspace } from './workspace';

const repoRoot = resolve(__dirname, '../..');
const vsix = resolve(process.argv[2] ?? process.env.EDITOR_TESTS_VSIX ?? join(repoRoot, 'dist/iam-policy-tools.vsix'));
const depsDir = resolve(process.env.EDITOR_TEST_DEPS_DIR ?? join(repoRoot, '.editor-test/code-server'));
const codeServerBin = join(depsDir, 'node_modules/.bin/code-server');
const runDir = join(repoRoot, '.editor-test/run');
const resultsDir = resolve(process.env.EDITOR_TESTS_RESULTS ?? join(repoRoot, 'test-results/editor'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCENARIO_TIMEOUT_MS = 90_000;

let folders: RunFolders;
let codeServer: RunningCodeServer | undefined;
let browser: Browser | undefined;
let page: Page;
let editor: EditorDriver;
const tally = { passed: 0, failed: 0, pending: 0 };
let setupError: string | undefined;

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Copies the extension host's logs into `target`; after a failure, prints our channels' tails. */
function attachLogs(target: string, failed: boolean): string[] {
  mkdirSync(target, { recursive: true });
  const copied = extensionHostLogs(folders).map(log => {
    const copy = join(target, `${basename(join(log, '..'))}-${basename(log)}`);
    copyFileSync(log, copy);
    return copy;
  });
  const ours = failed ? copied.filter(log => /iam-policy-tools/i.test(log)) : [];
  for (const log of ours) {
    process.stderr.write(`--- ${log} (last 40 lines)\n${readFileSync(log, 'utf8').split('\n').slice(-40).join('\n')}\n`);
  }
  return copied;
}

before(
  async () => {
    try {
      if (!existsSync(vsix)) throw new Error(`no extension package at ${vsix}: run npm run package first`);
      if (!existsSync(codeServerBin)) throw new Error(`no code-server in ${depsDir}: run scripts/install-editor-deps.sh first`);
      rmSync(runDir, { recursive: true, force: true });
      rmSync(resultsDir, { recursive: true, force: true });
      mkdirSync(resultsDir, { recursive: true });
      folders = createRunFolders(runDir);
      createWorkspace(folders.workspace, join(repoRoot, 'examples'));
      installExtension(codeServerBin, folders, vsix);
      codeServer = await startCodeServer(codeServerBin, folders);
      const { chromium } = loadPlaywright(depsDir);
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, env: folders.env });
      // twice the pixels, so that the README's cut-out pictures stay legible
      page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 2 });
      await page.goto(`${codeServer.url}/?folder=${encodeURIComponent(folders.workspace)}`, { timeout: 30_000 });
      await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 30_000 });
      editor = browserDriver(page, { workspace: folders.workspace, resultsDir, userSettingsFile: userSettingsPath(folders) });
      if (process.env.EDITOR_TESTS_TRACE) editor = traced(editor, line => console.log(line));
      console.log(`[editor] ${basename(vsix)} in code-server at ${codeServer.url}, run folder ${runDir}`);
    } catch (error) {
      setupError = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw error;
    }
  },
  { timeout: 180_000 },
);

after(async () => {
  if (folders) attachLogs(join(resultsDir, 'logs'), false);
  await browser?.close().catch(() => undefined);
  await codeServer?.stop();
  if (process.env.EDITOR_TESTS_UPDATE_IMAGES && tally.failed === 0 && tally.pending === 0 && tally.passed === SCENARIOS.length) {
    const images = join(repoRoot, 'docs/images');
    mkdirSync(images, { recursive: true });
    for (const picture of readdirSync(resultsDir).filter(name => name.endsWith('.png'))) {
      copyFileSync(join(resultsDir, picture), join(images, picture));
    }
    console.log(`[editor] pictures copied to ${images}`);
  }
  console.log(
    setupError
      ? `[editor] setup failed, no scenario ran: ${setupError}`
      : `[editor] ${tally.passed} passed, ${tally.failed} failed, ${tally.pending} pending; screenshots and logs in ${resultsDir}`,
  );
});

const pending = pendingScenarios(process.env);
const only = process.env.EDITOR_TESTS_ONLY?.split(',').map(part => part.trim());
for (const scenario of SCENARIOS.filter(({ name }) => !only || only.some(part => name.includes(part)))) {
  const isPending = pending.has(scenario.name);
  test(scenario.name, { timeout: SCENARIO_TIMEOUT_MS, todo: isPending && 'feature pending (PENDING_SCENARIOS)' }, async t => {
    try {
      await scenario.run(editor);
      tally.passed++;
    } catch (error) {
      if (isPending) tally.pending++;
      else tally.failed++;
      const name = `FAILED-${slug(scenario.name)}`;
      await page.screenshot({ path: join(resultsDir, `${name}.png`) }).catch(() => undefined);
      const logs = attachLogs(join(resultsDir, `${name}-logs`), true);
      t.diagnostic(`screenshot: ${join(resultsDir, `${name}.png`)}; ${logs.length} logs in ${join(resultsDir, `${name}-logs`)}`);
      throw error;
    } finally {
      await editor.dismiss().catch(() => undefined);
    }
  });
}
