// What a run of the checker produced, and the shape of an output format: each file is formatted
// as soon as it is checked, so that a run over thousands of files never holds their parses.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Severity } from '../rules/types';
import type { FileReport } from './lint';

export interface RunTotals {
  files: number;
  counts: Record<Severity, number>;
  fixed: number;
  /** inputs that could not be read or named nothing (exit code 2) */
  problems: string[];
}

export interface Formatter {
  /** the output for one checked file (with its access summary under --summary) */
  file(report: FileReport, summary: string | undefined): string;
  /** the output after the last file */
  end(totals: RunTotals): string;
}

export const SEVERITY_NAMES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** LSP severity (1..4) to our name; diagnostics always carry one. */
export function severityName(diagnostic: Diagnostic): Severity {
  return SEVERITY_NAMES[(diagnostic.severity ?? 1) - 1];
}

export function emptyTotals(problems: string[]): RunTotals {
  return { files: 0, counts: { error: 0, warning: 0, information: 0, hint: 0 }, fixed: 0, problems };
}

export function addToTotals(totals: RunTotals, report: FileReport): void {
  totals.files++;
  totals.fixed += report.fixed;
  for (const d of report.diagnostics) totals.counts[severityName(d)]++;
}

/** True when some finding of the run is at least as severe as `failOn`. */
export function hasFindingsAtOrAbove(totals: RunTotals, failOn: Severity): boolean {
  return SEVERITY_NAMES.slice(0, SEVERITY_NAMES.indexOf(failOn) + 1).some(severity => totals.counts[severity] > 0);
}

/** "3 errors", "1 warning", "2 fixes" */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
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
