// A fourth client: Vim 9 with ALE 3.3 (Debian's vim and vim-ale), with the README's ALE
// configuration, gets the seed policy's diagnostics from the built server. ALE runs in a real
// terminal (script(1) gives Vim one). Skipped where Vim or ALE is missing, except under CI=true
// (.ci/run installs them before the tests).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCliProcess } from '../helpers/cliRunner';
import { SERVER_PATH } from '../helpers/lspClient';

const ROOT = join(__dirname, '..', '..');
const ALE = '/usr/share/vim-ale';
const hasAle = existsSync(join(ALE, 'autoload', 'ale.vim')) && spawnSync('vim', ['--version']).status === 0 && spawnSync('script', ['--version']).status === 0;
const skip = hasAle || process.env.CI ? false : 'Vim with ALE is not installed (scripts/install-editor-deps.sh installs them)';

test("Vim with ALE and the README configuration: the seed policy's diagnostics", { skip, timeout: 60_000 }, () => {
  assert.ok(hasAle, 'Vim with ALE is installed');
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const config = /```vim\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  assert.ok(config.includes('/path/to/dist/server.js'), 'the README has an ALE configuration');
  const dir = mkdtempSync(join(tmpdir(), 'iam-ale-'));
  const policy = join(dir, 'seed-policy.iam.json');
  copyFileSync(join(ROOT, 'examples', 'seed-policy.iam.json'), policy);
  // Debian's vim-ale is a package Vim loads with :packadd; here it is put on the runtime path directly
  writeFileSync(join(dir, 'vimrc'), `set nocompatible\nset runtimepath^=${ALE}\nfiletype plugin on\n${config.replace('/path/to/dist/server.js', SERVER_PATH)}`);
  const resultPath = join(dir, 'result.json');
  const vim = `vim -N -u ${join(dir, 'vimrc')} -S ${join(ROOT, 'test', 'vim', 'drive.vim')} ${policy}`;
  spawnSync('script', ['-qec', vim, '/dev/null'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 50_000,
    env: { ...process.env, HOME: dir, IAM_RESULT: resultPath, TERM: 'xterm' },
  });
  const seen = JSON.parse(readFileSync(resultPath, 'utf8')) as { filetype: string; codes: string[] };
  assert.equal(seen.filetype, 'json');
  const checker = JSON.parse(runCliProcess([policy, '--format', 'json']).stdout) as { files: Array<{ findings: Array<{ code: string }> }> };
  assert.deepEqual(seen.codes.sort(), checker.files[0].findings.map(f => f.code).sort(), 'the same findings as the checker');
});
