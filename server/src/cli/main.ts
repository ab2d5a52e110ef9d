// The checker's main flow: command line -> settings -> files -> engine -> report -> exit code.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getCatalog } from '../catalog/loadCatalog';
import type { Catalog } from '../catalog/types';
import { formatSummaryText, summarizePolicy } from '../features/summary';
import { policyFromText } from '../policyDocuments';
import type { IamPolicySettings } from '../protocol';
import { parseCommandLine, USAGE, type LintOptions } from './args';
import { loadSettings } from './config';
import { expandInputs, readInput, type InputFile } from './files';
import { applySafeFixes } from './fix';
import { githubFormatter } from './formatGithub';
import { jsonFormatter } from './formatJson';
import { sarifFormatter } from './formatSarif';
import { textFormatter } from './formatText';
import { CliError, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, type CliIo } from './io';
import { lintDocument, policyOf, type FileReport } from './lint';
import { TOOL_NAME, TOOL_VERSION } from './manifest';
import { addToTotals, emptyTotals, hasFindingsAtOrAbove, type Formatter } from './report';
import { runSimulate } from './simulate';

function errorText(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

/** Checks one file (fixing it first with --fix); undefined when it is not a policy to check. */
function checkFile(
  file: InputFile, options: LintOptions, settings: IamPolicySettings, catalog: Catalog, io: CliIo, problems: string[],
): FileReport | undefined {
  let text: string;
  try {
    text = readInput(file, io.readStdin);
  } catch (error) {
    problems.push(`${file.display}: cannot read: ${errorText(error)}`);
    return undefined;
  }
  let doc = policyOf(file, text, settings, options.kind);
  if (!doc) return undefined;
  const onError = (error: unknown) => problems.push(`${file.display}: internal error in a rule (please report it): ${error instanceof Error ? error.stack : String(error)}`);
  let fixed = 0;
  if (options.fix) {
    const reparse = (fixedText: string) => policyFromText(file.uri, 'iam-policy', fixedText, settings, options.kind)!;
    ({ doc, fixed } = applySafeFixes(doc, catalog, settings, reparse));
    if (file.path === undefined) io.stdout(doc.text); // the fixed policy, or the same one: a filter always writes
    else if (fixed) {
      try {
        writeFileSync(file.path!, doc.text);
      } catch (error) {
        problems.push(`${file.display}: cannot write the fixes: ${errorText(error)}`);
      }
    }
  }
  return lintDocument(file, doc, catalog, settings, onError, fixed);
}

function formatterFor(options: LintOptions, io: CliIo): Formatter {
  switch (options.format) {
    case 'json': return jsonFormatter();
    case 'sarif': return sarifFormatter(io.cwd);
    case 'github': return githubFormatter;
    case 'text': return textFormatter(io.color && !options.output);
  }
}

function lint(options: LintOptions, io: CliIo): number {
  const { settings } = loadSettings(options.config, io.cwd);
  const catalog = getCatalog();
  const problems: string[] = [];
  const files = expandInputs(options.inputs, io.cwd, options.stdinFilename, problems);
  const formatter = formatterFor(options, io);
  const totals = emptyTotals(problems);
  const chunks: string[] = [];
  for (const file of files) {
    const report = checkFile(file, options, settings, catalog, io, problems);
    if (!report) continue;
    addToTotals(totals, report);
    chunks.push(formatter.file(report, options.summary ? formatSummaryText(summarizePolicy(report.doc, catalog)) : undefined));
  }
  chunks.push(formatter.end(totals));
  const output = chunks.join('');
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
  for (const problem of problems) io.stderr(`${TOOL_NAME}: ${problem}\n`);
  if (problems.length) return EXIT_ERROR;
  return hasFindingsAtOrAbove(totals, options.failOn) ? EXIT_FINDINGS : EXIT_CLEAN;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    switch (command.name) {
      case 'help': io.stdout(USAGE); return EXIT_CLEAN;
      case 'version': io.stdout(`${TOOL_NAME} ${TOOL_VERSION}\n`); return EXIT_CLEAN;
      case 'simulate': return runSimulate(command.argv, { stdout: io.stdout, stderr: io.stderr, readFile: path => readFileSync(resolve(io.cwd, path), 'utf8') });
      case 'lint': return lint(command.options, io);
    }
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stderr(`${TOOL_NAME}: ${error.message}\nRun "${TOOL_NAME} --help" for usage.\n`);
    return EXIT_ERROR;
  }
}
