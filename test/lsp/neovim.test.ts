// A real second client: Debian's Neovim (0.7.2), headless, with the README's configuration for
// Neovim 0.7 to 0.10, drives the built server (dist/server.js --stdio) through test/neovim/drive.lua:
// the seed policy's diagnostics, a quick fix from the code-action menu, a hover, a completion, the
// access-summary code lens, and the zone-of-trust fix (a server command that edits .iam-lint.json). It
// takes about a second, so it runs in `npm test`; without nvim it is skipped, except under CI=true
// (.ci/run installs Neovim before the tests), where a skip would hide that it never ran.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCliProcess } from '../helpers/cliRunner';
import { SERVER_PATH } from '../helpers/lspClient';

const ROOT = join(__dirname, '..', '..');
const nvimVersion = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0];
const skip = nvimVersion || process.env.CI ? false : 'nvim is not installed (scripts/install-editor-deps.sh installs it)';

/** The README's ```lua block that starts with `firstLine`, pointed at the built server. */
function readmeConfig(firstLine: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```lua\n([\s\S]*?)```/g)].map(m => m[1]).find(text => text.startsWith(firstLine));
  assert.ok(block, `README.md has a lua block that starts with "${firstLine}"`);
  assert.ok(block.includes('/path/to/dist/server.js'));
  return block.replace('/path/to/dist/server.js', SERVER_PATH);
}

interface NeovimRun {
  error?: string;
  filetype: string;
  client: string;
  diagnostics: string[];
  code_actions: string[];
  fixed_line: string;
  diagnostics_after_fix: string[];
  hover?: string;
  completion_prefix: string;
  completion: string[];
  completion_snippets: number;
  completion_commands: number;
  code_lens: string;
  access_summary: string;
  zone_actions: string[];
  settings_file: string;
  messages: string[];
  notifications: Array<{ message: string; level: number }>;
}

test('Neovim with the README configuration: diagnostics, a quick fix, hover, completion, a code lens and a server command', { skip, timeout: 60_000 }, () => {
  assert.ok(nvimVersion, 'nvim is installed');
  const dir = mkdtempSync(join(tmpdir(), 'iam-nvim-'));
  const policy = join(dir, 'seed-policy.iam.json');
  copyFileSync(join(ROOT, 'examples', 'seed-policy.iam.json'), policy);
  // a queue policy of account 111122223333 that another account may use: the zone-of-trust fix offers
  // the queue's own account (never the principal's, whom the finding would be about)
  const bucketPolicy = join(dir, 'queue-policy.json');
  writeFileSync(
    bucketPolicy,
    JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'AllowPartnerSend',
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::444455556666:root' },
            Action: 'sqs:SendMessage',
            Resource: 'arn:aws:sqs:us-east-1:111122223333:orders',
          },
        ],
      },
      null,
      2,
    ),
  );
  mkdirSync(join(dir, '.git')); // the project's root, where .iam-lint.json goes
  const init = join(dir, 'init.lua');
  writeFileSync(init, readmeConfig('-- Neovim 0.7 to 0.10'));
  const resultPath = join(dir, 'result.json');
  const run = spawnSync('nvim', ['--headless', '--clean', '-u', init, '-c', `luafile ${join(ROOT, 'test', 'neovim', 'drive.lua')}`], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 50_000,
    // Neovim's own state (its LSP log) stays in the run's folder
    env: {
      ...process.env,
      IAM_RESULT: resultPath,
      IAM_POLICY: policy,
      IAM_BUCKET_POLICY: bucketPolicy,
      XDG_STATE_HOME: dir,
      XDG_CACHE_HOME: dir,
      XDG_DATA_HOME: dir,
      XDG_CONFIG_HOME: dir,
    },
  });
  const seen = JSON.parse(readFileSync(resultPath, 'utf8')) as NeovimRun;
  assert.equal(seen.error, undefined, `${seen.error}\n${run.stderr}`);
  assert.equal(seen.filetype, 'json');
  assert.equal(seen.client, 'iam_policy');
  // the same findings as the checker's on the same file
  const checker = JSON.parse(runCliProcess([policy, '--format', 'json']).stdout) as { files: Array<{ findings: Array<{ code: string }> }> };
  assert.deepEqual(seen.diagnostics, checker.files[0].findings.map(f => f.code).sort());
  assert.ok(
    ['IAM002', 'IAM003', 'IAM004', 'IAM100'].every(code => seen.diagnostics.includes(code)),
    seen.diagnostics.join(' '),
  );
  assert.ok(
    seen.code_actions.some(title => title.includes('s3:ListBucket')),
    seen.code_actions.join('\n'),
  );
  assert.match(seen.fixed_line, /"Action": \[ "s3:ListBucket" \]/);
  assert.equal(seen.diagnostics_after_fix.filter(code => code === 'IAM100').length, 2);
  assert.match(seen.hover ?? '', /ListBucket/);
  assert.match(seen.hover ?? '', /List/);
  assert.equal(seen.completion_prefix, '"s3:Put');
  assert.equal(seen.completion[0], '"s3:PutObject"', seen.completion.join(' '));
  assert.equal(seen.completion_snippets, 0, 'Neovim 0.7 announces no snippet support');
  assert.equal(seen.completion_commands, 0, 'no VS Code command in completion items');
  assert.match(seen.code_lens, /^Policy · /);
  assert.match(seen.access_summary, /^Access summary: seed-policy\.iam\.json/);
  assert.ok(
    seen.zone_actions.some(title => /zone of trust/.test(title)),
    seen.zone_actions.join('\n'),
  );
  assert.deepEqual(JSON.parse(seen.settings_file), { zoneOfTrust: { accounts: ['111122223333'] } });
  assert.deepEqual(
    seen.notifications.filter(n => n.level >= 3),
    [],
    'no warning or error shown to the user',
  );
  const lspLog = readFileSync(join(dir, 'nvim', 'lsp.log'), 'utf8');
  assert.doesNotMatch(lspLog, /registerCapability handler despite dynamicRegistration/);
});
