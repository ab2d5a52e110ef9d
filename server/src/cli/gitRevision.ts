// Files of a git revision, read with the git command (no git library): which files a path names in
// the revision (`git ls-tree`) and their text (`git show <ref>:./<path>`, relative to the working
// folder). Used by `diff --base` and the MCP server's diff tool.
import { spawnSync } from 'node:child_process';
import picomatch from 'picomatch';
import { CliError } from './io';

/** Paths as git prints them: '/'-separated, relative to the working folder. */
export interface GitRevision {
  ref: string;
  /** the files under `path` (a file, a folder or a glob) in the revision */
  files(path: string): string[];
  /** the text of a file in the revision; undefined when the revision has no such file */
  read(path: string): string | undefined;
}

const MAX_OUTPUT = 256 * 1024 * 1024;

function git(cwd: string, args: string[]): { ok: boolean; stdout: string; stderr: string } {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: MAX_OUTPUT });
  if (run.error) throw new CliError(`cannot run git: ${(run.error as NodeJS.ErrnoException).code ?? run.error.message}`);
  return { ok: run.status === 0, stdout: run.stdout, stderr: run.stderr.trim() };
}

/** The revision `ref` of the repository that holds `cwd`; a usage error when there is none. */
export function gitRevision(ref: string, cwd: string): GitRevision {
  if (ref.startsWith('-')) throw new CliError(`"${ref}" is not a git revision`);
  const verified = git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (!verified.ok) {
    const inRepo = git(cwd, ['rev-parse', '--is-inside-work-tree']).ok;
    throw new CliError(inRepo ? `"${ref}" is not a revision of this git repository` : `${cwd} is not inside a git repository (--base needs one)`);
  }
  const commit = verified.stdout.trim();
  const list = (path: string) => {
    const run = git(cwd, ['ls-tree', '-r', '-z', '--name-only', commit, '--', path]);
    return run.ok ? run.stdout.split('\0').filter(Boolean) : [];
  };
  return {
    ref,
    files(path) {
      const { base, glob, isGlob } = picomatch.scan(path);
      if (!isGlob) return list(path);
      const matches = picomatch(glob, { dot: false });
      const prefix = base ? `${base.replace(/\/$/, '')}/` : '';
      return list(base || '.').filter(file => matches(file.slice(prefix.length)));
    },
    read(path) {
      const run = git(cwd, ['show', `${commit}:./${path}`]);
      return run.ok ? run.stdout : undefined;
    },
  };
}
