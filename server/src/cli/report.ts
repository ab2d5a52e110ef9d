// What a run of the checker produced, shared by the output formats.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Severity } from '../rules/types';
import type { FileReport } from './lint';

export interface RunReport {
  files: FileReport[];
  /** inputs that could not be read or named nothing (exit code 2) */
  problems: string[];
}

export const SEVERITY_NAMES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** LSP severity (1..4) to our name; diagnostics always carry one. */
export function severityName(diagnostic: Diagnostic): Severity {
  return SEVERITY_NAMES[(diagnostic.severity ?? 1) - 1];
}

export function countBySeverity(files: readonly FileReport[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const file of files) for (const d of file.diagnostics) counts[severityName(d)]++;
  return counts;
}

/** True when some diagnostic is at least as severe as `failOn`. */
export function hasFindingsAtOrAbove(files: readonly FileReport[], failOn: Severity): boolean {
  const limit = SEVERITY_NAMES.indexOf(failOn) + 1;
  return files.some(file => file.diagnostics.some(d => (d.severity ?? 1) <= limit));
}

/** "3 errors", "1 warning", "2 fixes" */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** The plain text of a diagnostic's message (LSP 3.18 allows markup; our rules write text). */
export function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
