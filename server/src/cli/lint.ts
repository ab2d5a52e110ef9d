// Checks one input with the editor's engine: same kind detection, same rules, same severities. The
// same code runs in the main thread and in the worker threads of a parallel run (cli/threads.ts), so
// a job is plain data and a file's outcome is its formatter's entry, not its parse.
import { writeFileSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-types';
import { sizeMemosForOnePass } from '../bootstrap/onePass';
import type { Catalog } from '../catalog/types';
import { computeDiagnostics, type RuleErrorHandler } from '../features/diagnostics';
import { formatSummaryText, summarizePolicy } from '../features/summary';
import type { PolicyDocument, PolicyKind } from '../policy/model';
import { policyFromText } from '../documents/policyDocuments';
import type { IamPolicySettings } from '../protocol';
import type { LintOptions } from './args';
import { readInput, type InputFile } from './files';
import { checkTemplate } from './lintTemplate';
import { templateFormatOf } from '../templates/readers';
import { errorText } from './io';
import { applySafeFixes } from './fix';
import { formatterFor } from './formatters';
import { noCounts, severityName, type FileOutcome, type Formatter } from './report';

/** What a report needs of a checked file: its text and positions, and what it holds. */
export interface ReportedDocument {
  text: string;
  textDocument: PolicyDocument['textDocument'];
  /** a policy file's kind (undefined for a template) */
  kind?: PolicyDocument['kind'];
  kindSource?: PolicyDocument['kindSource'];
  /** a template's format and its policies */
  templateContents?: { format: string; policies: Array<{ resource: string; property: string; kind: string; line: number }> };
}

export interface FileReport {
  file: InputFile;
  doc: ReportedDocument;
  diagnostics: Diagnostic[];
  /** number of fixes applied by --fix */
  fixed: number;
}

/** Everything a thread needs to check files as the command line says. */
export interface CheckJob {
  options: LintOptions;
  settings: IamPolicySettings;
  cwd: string;
  color: boolean;
  /** the file of the CI job's summary ($GITHUB_STEP_SUMMARY), when it is set */
  stepSummaryPath?: string;
}

/** What checking talks to besides the file system: the catalog, standard input and output. */
export interface CheckContext {
  job: CheckJob;
  catalog: Catalog;
  formatter: Formatter;
  readStdin(): string;
  stdout(text: string): void;
}

/** The context of a run (or of a worker thread's share of it); sizes the engine's memos for one pass over many files. */
export function checkContext(job: CheckJob, catalog: Catalog, io: Pick<CheckContext, 'readStdin' | 'stdout'>): CheckContext {
  sizeMemosForOnePass();
  const data = { version: catalog.dataVersion, date: catalog.dataDate };
  return {
    job,
    catalog,
    formatter: formatterFor(job.options.format, job.cwd, job.color && !job.options.output, job.stepSummaryPath !== undefined, data),
    ...io,
  };
}

/** The parsed policy, or undefined when the file is not one to check (a JSON file that is no policy). */
export function policyOf(file: InputFile, text: string, settings: IamPolicySettings, kind?: PolicyKind): PolicyDocument | undefined {
  const doc = policyFromText(file.uri, file.languageId, text, settings, kind);
  if (!doc || (!file.explicit && !doc.statementEntry)) return undefined;
  return doc;
}

/**
 * Whether a file named on the command line may be a policy, broken or not: JSON by its name or its
 * first character. Anything else (a README, a YAML file that is no template) is a usage problem.
 */
function mayBePolicyText(file: InputFile, text: string): boolean {
  return file.path === undefined || /\.jsonc?$/i.test(file.path) || /^\s*[{[]/.test(text.slice(0, 4096)) || text.trim() === '';
}

/** Writes the fixes of --fix: to the file, or for standard input to standard output (a filter always writes). */
function fixFile(
  file: InputFile,
  doc: PolicyDocument,
  ctx: CheckContext,
  problems: string[],
  onError: RuleErrorHandler,
): { doc: PolicyDocument; fixed: number } {
  const { settings, options } = ctx.job;
  const reparse = (fixedText: string) => policyFromText(file.uri, 'iam-policy', fixedText, settings, options.kind)!;
  const result = applySafeFixes(doc, ctx.catalog, settings, reparse, onError);
  if (file.path === undefined) ctx.stdout(result.doc.text);
  else if (result.fixed) {
    try {
      writeFileSync(file.path, result.doc.text);
    } catch (error) {
      problems.push(`${file.display}: cannot write the fixes: ${errorText(error)}`);
    }
  }
  return result;
}

/** Checks one file (fixing it first with --fix). Rules' exceptions (bugs) become problems; the other rules still run. */
export function checkFile(file: InputFile, ctx: CheckContext): FileOutcome {
  const { settings, options } = ctx.job;
  const problems: string[] = [];
  const outcome: FileOutcome = { counts: noCounts(), fixed: 0, problems };
  let text: string;
  try {
    text = readInput(file, ctx.readStdin);
  } catch (error) {
    problems.push(`${file.display}: cannot read: ${errorText(error)}`);
    return outcome;
  }
  const format = settings.templates === 'off' ? undefined : templateFormatOf(file.uri, file.languageId, text);
  // a rule that throws on every pass of --fix and on the check is one problem
  const ruleErrors = new Set<string>();
  const onError: RuleErrorHandler = (error, rules) => {
    const seen = `${rules}: ${error instanceof Error ? error.message : String(error)}`;
    if (!ruleErrors.has(seen))
      problems.push(`${file.display}: internal error in rule ${rules} (please report it): ${error instanceof Error ? error.stack : String(error)}`);
    ruleErrors.add(seen);
  };
  if (format) return checkTemplate(file, text, format, ctx, outcome, onError);
  if (file.explicit && !mayBePolicyText(file, text)) {
    problems.push(`${file.display}: neither an IAM policy (JSON) nor a template with IAM policies (CloudFormation, SAM, Serverless, Terraform)`);
    return outcome;
  }
  let doc = policyOf(file, text, settings, options.kind);
  if (!doc) return outcome;
  if (options.fix) ({ doc, fixed: outcome.fixed } = fixFile(file, doc, ctx, problems, onError));
  const report: FileReport = { file, doc, diagnostics: computeDiagnostics(doc, ctx.catalog, settings, onError), fixed: outcome.fixed };
  for (const d of report.diagnostics) outcome.counts[severityName(d)]++;
  const summary = options.summary ? formatSummaryText(summarizePolicy(doc, ctx.catalog)) : undefined;
  outcome.entry = ctx.formatter.entry(report, summary);
  return outcome;
}
