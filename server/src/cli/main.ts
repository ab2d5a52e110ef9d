// The checker's main flow: command line -> settings -> files -> engine -> report -> exit code.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getCatalog } from '../catalog/loadCatalog';
import { parseCommandLine, USAGE, type LintOptions } from './args';
import { loadSettings } from './config';
import { formatRuleList } from './listRules';
import { expandInputs, inputsWithoutPolicies, type InputFile } from './files';
import { CliError, errorText, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, type CliIo } from './io';
import { checkContext, checkFile, type CheckContext } from './lint';
import { DATA_PACKAGE, TOOL_NAME, TOOL_VERSION } from './manifest';
import { hasFindingsAtOrAbove, totalsOf, type FileOutcome } from './report';
import { runDiff } from './diff';
import { runSimulate } from './simulate';
import { checkInThreads, threadCount } from './threads';
import { loadTemplateReaders, templateFormatsByName } from '../templates/readers';

/** Every file's outcome, in order: on several threads when there are many files (and none is standard input). */
async function checkAll(files: InputFile[], ctx: CheckContext, jobs: number | undefined, io: CliIo): Promise<FileOutcome[]> {
  // the template readers the files may need, loaded once (checking itself is synchronous)
  if (ctx.job.settings.templates !== 'off') await loadTemplateReaders(files.flatMap(file => templateFormatsByName(file.path ?? file.display)));
  const threads = io.workerScript && files.every(file => file.path !== undefined) ? threadCount(files.length, jobs) : 1;
  if (threads > 1) return checkInThreads(files, ctx, threads, io.workerScript!, io.threads);
  return files.map(file => checkFile(file, ctx));
}

async function lint(options: LintOptions, io: CliIo): Promise<number> {
  const loaded = loadSettings(options.config, io.cwd).settings;
  const settings = options.minimumSeverity ? { ...loaded, minimumSeverity: options.minimumSeverity } : loaded;
  const problems: string[] = [];
  const expanded = expandInputs(options.inputs, io.cwd, options.stdinFilename, problems);
  const files = expanded.files;
  const ctx = checkContext({ options, settings, cwd: io.cwd, color: io.color, stepSummaryPath: io.stepSummaryPath }, getCatalog(), io);
  const outcomes = await checkAll(files, ctx, options.jobs, io);
  const checked = new Set(files.filter((_, index) => outcomes[index].entry !== undefined));
  const notices = inputsWithoutPolicies(expanded, file => checked.has(file));
  const totals = totalsOf(outcomes, problems);
  const entries = outcomes.flatMap(outcome => (outcome.entry === undefined ? [] : [outcome.entry]));
  const output = ctx.formatter.end(entries, totals);
  if (io.stepSummaryPath && ctx.formatter.stepSummary) {
    try {
      appendFileSync(io.stepSummaryPath, ctx.formatter.stepSummary(entries, totals));
    } catch (error) {
      problems.push(`${io.stepSummaryPath}: cannot write the job summary: ${errorText(error)}`);
    }
  }
  // with "--fix -", standard output carries the fixed policy: the report goes to standard error
  const fixedStdin = options.fix && files.some(file => file.path === undefined);
  if (options.output) {
    try {
      writeFileSync(resolve(io.cwd, options.output), output);
    } catch (error) {
      problems.push(`${options.output}: cannot write the report: ${errorText(error)}`);
    }
  } else if (fixedStdin) {
    io.stderr(output);
  } else {
    io.stdout(output);
  }
  for (const line of [...notices, ...problems]) io.stderr(`${TOOL_NAME}: ${line}\n`);
  if (problems.length) return EXIT_ERROR;
  return hasFindingsAtOrAbove(totals, options.failOn) ? EXIT_FINDINGS : EXIT_CLEAN;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    switch (command.name) {
      case 'help':
        io.stdout(USAGE);
        return EXIT_CLEAN;
      case 'version': {
        const { dataDate, dataVersion } = getCatalog();
        io.stdout(`${TOOL_NAME} ${TOOL_VERSION} (IAM data of ${dataDate}, ${DATA_PACKAGE} ${dataVersion})\n`);
        return EXIT_CLEAN;
      }
      case 'rules':
        io.stdout(formatRuleList(loadSettings(command.options.config, io.cwd).settings, command.options.format === 'json'));
        return EXIT_CLEAN;
      case 'simulate':
        return runSimulate(command.argv, { stdout: io.stdout, stderr: io.stderr, readFile: path => readFileSync(resolve(io.cwd, path), 'utf8') });
      case 'diff':
        return await runDiff(command.argv, io, getCatalog);
      case 'lint':
        return await lint(command.options, io); // awaited: its CliErrors are caught below
    }
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stderr(`${TOOL_NAME}: ${error.message}\nRun "${TOOL_NAME} --help" for usage.\n`);
    return EXIT_ERROR;
  }
}
