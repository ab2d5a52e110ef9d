// A third client: Emacs with Eglot (Debian's Emacs 28.2 and elpa-eglot 1.9), in batch mode, with the
// README's Eglot configuration, drives the built server through test/emacs/drive.el. In Emacs 28 a
// .json file opens in js-mode, so Eglot says its language is "js": the server still serves it. Skipped
// where Emacs or Eglot is missing, except under CI=true (.ci/run installs them before the tests).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SERVER_PATH } from '../helpers/lspClient';

const ROOT = join(__dirname, '..', '..');
// --no-init-file, not -Q: Debian's site start-up makes its elpa-* packages loadable
const EMACS = ['--batch', '--no-init-file'];
const hasEglot = spawnSync('emacs', [...EMACS, '--eval', "(require 'eglot)"], { encoding: 'utf8' }).status === 0;
const skip = hasEglot || process.env.CI ? false : 'Emacs with Eglot is not installed (scripts/install-editor-deps.sh installs them)';

interface EglotRun {
  error?: string;
  mode: string;
  language_id: string;
  diagnostics: string[];
  hover: string;
  code_actions: string[];
  fixed_line: string;
  completion: string[];
  completion_snippets: number;
  code_lens: string;
  access_summary: string;
  messages: string[];
}

test(
  'Emacs Eglot with the README configuration: diagnostics under language id "js", hover, a quick fix, completion, a code lens command',
  { skip, timeout: 60_000 },
  () => {
    assert.ok(hasEglot, 'Emacs with Eglot is installed');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const config = /```elisp\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    assert.ok(config.includes('/path/to/dist/server.js'), 'the README has an Eglot configuration');
    const dir = mkdtempSync(join(tmpdir(), 'iam-eglot-'));
    const policy = join(dir, 'seed-policy.iam.json');
    copyFileSync(join(ROOT, 'examples', 'seed-policy.iam.json'), policy);
    writeFileSync(join(dir, 'init.el'), config.replace('/path/to/dist/server.js', SERVER_PATH));
    const resultPath = join(dir, 'result.json');
    const run = spawnSync('emacs', [...EMACS, '-l', join(dir, 'init.el'), '-l', join(ROOT, 'test', 'emacs', 'drive.el')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 50_000,
      env: { ...process.env, HOME: dir, IAM_RESULT: resultPath, IAM_POLICY: policy },
    });
    const seen = JSON.parse(readFileSync(resultPath, 'utf8')) as EglotRun;
    assert.equal(seen.error, undefined, `${seen.error}\n${run.stderr}`);
    assert.equal(seen.mode, 'js-mode');
    assert.equal(seen.language_id, 'js');
    assert.ok(
      ['IAM002', 'IAM003', 'IAM004', 'IAM100'].every(code => seen.diagnostics.includes(code)),
      seen.diagnostics.join(' '),
    );
    assert.match(seen.hover, /^`Effect`/);
    assert.match(seen.fixed_line, /"Action": \[ "s3:ListBucket" \]/);
    assert.deepEqual(seen.completion.slice(0, 1), ['s3:PutObject'], "the server's ranking, by sortText");
    assert.equal(seen.completion_snippets, 0, 'Eglot without yasnippet announces no snippet support');
    assert.match(seen.code_lens, /^Policy · /);
    assert.match(seen.access_summary, /^# Access summary: seed-policy\.iam\.json/);
    assert.ok(
      seen.messages.some(message => message.includes('Access summary: seed-policy.iam.json')),
      'the summary shown as a message',
    );
    assert.deepEqual(
      seen.messages.filter(message => message.startsWith('WARN')),
      [],
      'no "unsupported capability" warning',
    );
  },
);
