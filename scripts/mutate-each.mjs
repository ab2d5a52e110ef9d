// `npm run mutate:each -- <files or folders>`: Stryker on one source file at a time (docs/testing.md
// says why: instrumenting every file at once slows every test), each file with its own incremental
// report under reports/mutation/files/, so that the next run tests again only what changed in that
// file or its tests. `npm run mutate:each -- --summary [folders]` prints the table of docs/testing.md
// from those reports, without running anything. Stryker's own options follow `--`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import strykerConfig from '../stryker.config.mjs';

const REPORTS = join('reports', 'mutation', 'files');

// what to mutate comes from stryker.config.mjs: its folders ('<folder>/**/*.ts') and what it leaves out ('!<glob>')
const patterns = strykerConfig.mutate;
const DEFAULT_ROOTS = patterns.filter(p => !p.startsWith('!')).map(p => p.replace(/\/\*\*\/\*\.ts$/, ''));
/** a glob of the config as a regular expression: `**` any folders, `*` any name */
const globPattern = glob =>
  new RegExp(
    `^${glob
      .replace(/[.]/g, '\\.')
      .replace(/\*\*\//g, '(.+/)?')
      .replace(/\*/g, '[^/]*')}$`,
  );
const NOT_MUTATED = patterns.filter(p => p.startsWith('!')).map(p => globPattern(p.slice(1)));
const isMutated = file => !NOT_MUTATED.some(pattern => pattern.test(file));

/** The TypeScript source files under each path (a file or a folder), sorted. */
function sourceFiles(paths) {
  return paths.flatMap(path => {
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path, { recursive: true })
      .map(name => join(path, name))
      .filter(file => file.endsWith('.ts') && isMutated(file))
      .sort();
  });
}

const reportOf = file => join(REPORTS, `${relative('server/src', file)}.json`);

function mutate(files, strykerArgs) {
  const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status;
  if (run('npm', ['run', 'catalog']) !== 0) process.exit(1);
  for (const file of files) {
    console.log(`\n=== ${file}`);
    const status = run('npx', ['stryker', 'run', '--mutate', file, '--concurrency', '1', '--incrementalFile', reportOf(file), ...strykerArgs]);
    if (status !== 0) process.exit(status ?? 1);
  }
}

const DETECTED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

/** killed, survived, no coverage, ignored, and the survivors as `line:mutator`, of one file's report. */
function countsOf(file) {
  const path = reportOf(file);
  if (!existsSync(path)) return undefined;
  const mutants = Object.values(JSON.parse(readFileSync(path, 'utf8')).files).flatMap(f => f.mutants);
  const count = status => mutants.filter(m => m.status === status).length;
  const survivors = mutants
    .filter(m => m.status === 'Survived' || m.status === 'NoCoverage')
    .sort((a, b) => a.location.start.line - b.location.start.line || a.mutatorName.localeCompare(b.mutatorName))
    .map(m => `${m.location.start.line}:${m.mutatorName}${m.status === 'NoCoverage' ? ' (N)' : ''}`);
  const killed = mutants.filter(m => DETECTED.has(m.status)).length;
  const counted = mutants.filter(m => COUNTED.has(m.status)).length;
  return { killed, survived: count('Survived'), noCoverage: count('NoCoverage'), ignored: count('Ignored'), counted, survivors };
}

const score = ({ killed, counted }) => (counted ? `${((100 * killed) / counted).toFixed(1)} %` : 'n/a');
const row = (name, c) => `| ${name} | ${score(c)} | ${c.killed} | ${c.survived} | ${c.noCoverage} | ${c.ignored} |`;

function summary(roots) {
  const lines = ['| folder or file | score | killed | survived | no coverage | not mutated (ignored) |', '| --- | --- | --- | --- | --- | --- |'];
  const survivorLines = [];
  for (const root of roots) {
    const measured = sourceFiles([root])
      .map(file => [file, countsOf(file)])
      .filter(([, counts]) => counts);
    if (!measured.length) continue;
    const total = { killed: 0, survived: 0, noCoverage: 0, ignored: 0, counted: 0 };
    for (const [, c] of measured) for (const key of Object.keys(total)) total[key] += c[key];
    const all = sourceFiles([root]).length;
    lines.push(row(`**${root}** (${measured.length} of ${all} files)`, total));
    for (const [file, c] of measured) {
      lines.push(row(relative(root, file), c));
      if (c.survivors.length) survivorLines.push(`- \`${file}\`: ${c.survivors.join(', ')}`);
    }
  }
  console.log([...lines, '', ...survivorLines].join('\n'));
}

const dash = process.argv.indexOf('--');
const args = dash < 0 ? process.argv.slice(2) : process.argv.slice(2, dash);
const strykerArgs = dash < 0 ? [] : process.argv.slice(dash + 1);
if (args[0] === '--summary') summary(args.length > 1 ? args.slice(1) : DEFAULT_ROOTS);
else mutate(sourceFiles(args.length ? args : DEFAULT_ROOTS), strykerArgs);
