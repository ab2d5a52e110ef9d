// A code-server of its own for one test run: fresh folders, the .vsix installed, served on a
// free port of 127.0.0.1. The flags and quiet settings are those ../shared/EDITOR-TESTS.md found.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Settings that keep the workbench from showing anything but the test's own windows. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'editor.minimap.enabled': false,
  // The workspace is a git repository of its own ("Compare with HEAD"); the run folder sits inside
  // the repository's clone: no "open the parent repository?" toast.
  'git.openRepositoryInParentFolders': 'never',
};

export interface RunFolders {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  workspace: string;
  /** HOME and XDG_* inside the run folder: code-server and Chromium write there. */
  env: NodeJS.ProcessEnv;
}

export function createRunFolders(root: string): RunFolders {
  const home = join(root, 'home');
  const folders: RunFolders = {
    root,
    userDataDir: join(root, 'user-data'),
    extensionsDir: join(root, 'extensions'),
    workspace: join(root, 'workspace'),
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_CACHE_HOME: join(home, '.cache'),
      XDG_DATA_HOME: join(home, '.local/share'),
      XDG_RUNTIME_DIR: join(home, 'run'),
    },
  };
  for (const dir of [folders.userDataDir, folders.extensionsDir, home, join(home, 'run')]) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
  mkdirSync(join(folders.userDataDir, 'User'), { recursive: true });
  writeUserSettings(folders, {});
  return folders;
}

export function userSettingsPath(folders: RunFolders): string {
  return join(folders.userDataDir, 'User', 'settings.json');
}

/** Writes the user settings file: the quiet settings plus the given ones. */
export function writeUserSettings(folders: RunFolders, settings: Record<string, unknown>): void {
  writeFileSync(userSettingsPath(folders), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
}

export function installExtension(codeServerBin: string, folders: RunFolders, vsix: string): void {
  const result = spawnSync(codeServerBin, ['--user-data-dir', folders.userDataDir, '--extensions-dir', folders.extensionsDir, '--install-extension', vsix], {
    env: folders.env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`installing ${vsix} failed (exit ${result.status}):\n${output}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningCodeServer {
  url: string;
  stop(): Promise<void>;
}

export async function startCodeServer(codeServerBin: string, folders: RunFolders): Promise<RunningCodeServer> {
  const port = await freePort();
  const logPath = join(folders.root, 'code-server.log');
  const log = openSync(logPath, 'a');
  // Its own process group, so that stopping it also stops the extension host and the server.
  const child: ChildProcess = spawn(
    codeServerBin,
    [
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--user-data-dir',
      folders.userDataDir,
      '--extensions-dir',
      folders.extensionsDir,
      folders.workspace,
    ],
    { env: folders.env, stdio: ['ignore', log, log], detached: true },
  );
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    signalGroup('SIGTERM');
    const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    signalGroup('SIGKILL'); // children that outlived code-server itself
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`code-server did not become healthy:\n${readFileSync(logPath, 'utf8').slice(-4000)}`);
}

/**
 * The extension host's logs: output channels (VS Code 1.100 writes an extension's channel to
 * `exthost1/<publisher.name>/<channel>.log`, older ones to `output_logging_<ts>/<n>-<channel>.log`)
 * and the host's own log, which records activation failures.
 */
export function extensionHostLogs(folders: RunFolders): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/output_logging_|iam-policy-tools\.iam-policy-tools/.test(dir) || /^(remote)?exthost\.log$/.test(name)) {
        found.push(path);
      }
    }
  };
  walk(join(folders.userDataDir, 'logs'));
  return found;
}
