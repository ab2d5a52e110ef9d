// What a run of the checker produced, and the shape of an output format: each file becomes its
// formatter's entry as soon as it is checked, so that a run over thousands of files never holds their
// parses; entries are plain data, as they may come from a worker thread (cli/threads.ts).
import type { Diagnostic } from 'vscode-languageserver-types';
import { SEVERITIES, type FindingData, type FoldedFinding, type Severity } from '../rules/types';
import type { FileReport } from './lint';

export interface RunTotals {
  /** files checked: policy files and templates */
  files: number;
  /** of those, templates, and the policies found in them */
  templates: number;
  templatePolicies: number;
  counts: Record<Severity, number>;
  fixed: number;
  /** inputs that could not be read or named nothing (exit code 2) */
  problems: string[];
}

export interface Formatter<Entry = unknown> {
  /** what the output needs of one checked file (with its access summary under --summary): plain data */
  entry(report: FileReport, summary: string | undefined): Entry;
  /** the whole output, from the entries of the checked files in order */
  end(entries: Entry[], totals: RunTotals): string;
  /** Markdown for the CI job's summary page (GitHub's $GITHUB_STEP_SUMMARY), where the format has one */
  stepSummary?(entries: Entry[], totals: RunTotals): string;
}

/** One input file, checked: its formatter entry (none when it is not a policy to check) and its counts. */
export interface FileOutcome {
  entry?: unknown;
  counts: Record<Severity, number>;
  fixed: number;
  /** a template's number of policies (undefined for a policy file) */
  policies?: number;
  /** what went wrong with this file (cannot read or write it, a rule's internal error) */
  problems: string[];
}

/** A finding folded into a diagnostic (rules/oneFinding.ts), where it is: 1-based line and column. */
export interface FoldedAt {
  code: string;
  message: string;
  line: number;
  column: number;
  offset: number;
  length: number;
}

/** The findings folded into a diagnostic, located in the file. */
export function foldedOf(file: FileReport, diagnostic: Diagnostic): FoldedAt[] {
  const folded = ((diagnostic.data as FindingData | undefined)?.folded ?? []) as FoldedFinding[];
  return folded.map(f => {
    const { line, character } = file.doc.textDocument.positionAt(f.offset);
    return { code: f.code, message: f.message, line: line + 1, column: character + 1, offset: f.offset, length: f.length };
  });
}

/** LSP severity (1..4) to our name; diagnostics always carry one. */
export function severityName(diagnostic: Diagnostic): Severity {
  return SEVERITIES[(diagnostic.severity ?? 1) - 1];
}

export const noCounts = (): Record<Severity, number> => ({ error: 0, warning: 0, information: 0, hint: 0 });

/** The totals of the checked files, in order; `problems` starts with the run's own (inputs naming nothing). */
export function totalsOf(outcomes: readonly FileOutcome[], problems: string[]): RunTotals {
  const totals: RunTotals = { files: 0, templates: 0, templatePolicies: 0, counts: noCounts(), fixed: 0, problems };
  for (const outcome of outcomes) {
    problems.push(...outcome.problems);
    if (outcome.entry === undefined) continue;
    totals.files++;
    if (outcome.policies !== undefined) {
      totals.templates++;
      totals.templatePolicies += outcome.policies;
    }
    totals.fixed += outcome.fixed;
    for (const severity of SEVERITIES) totals.counts[severity] += outcome.counts[severity];
  }
  return totals;
}

/** True when some finding of the run is at least as severe as `failOn`. */
export function hasFindingsAtOrAbove(totals: RunTotals, failOn: Severity): boolean {
  return SEVERITIES.slice(0, SEVERITIES.indexOf(failOn) + 1).some(severity => totals.counts[severity] > 0);
}

/** What was checked: "12 policy files", "2 templates (5 policies)", or both. */
export function checkedText(totals: Pick<RunTotals, 'files' | 'templates' | 'templatePolicies'>): string {
  const policyFiles = totals.files - totals.templates;
  const parts = [];
  if (policyFiles > 0 || totals.templates === 0) parts.push(plural(policyFiles, 'policy file'));
  if (totals.templates > 0) parts.push(`${plural(totals.templates, 'template')} (${plural(totals.templatePolicies, 'policy', 'policies')})`);
  return parts.join(' and ');
}

/** "3 errors", "1 warning", "2 fixes" */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** A finding's code, severity, message and 1-based span, as the JSON report and the MCP server give them. */
export function findingFields(diagnostic: Diagnostic) {
  const { start, end } = diagnostic.range;
  return {
    code: String(diagnostic.code),
    severity: severityName(diagnostic),
    message: messageText(diagnostic),
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
}

/** The plain text of a diagnostic's message (LSP 3.18 allows markup; our rules write text). */
export function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/**
 * Text safe to print on a terminal or in a CI log: control characters (an escape sequence in a
 * policy could rewrite the screen or a log line) become U+FFFD, one for one so carets stay aligned.
 * Tabs stay; the text format turns them into spaces.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, '\ufffd');
}
