// GitHub Actions: workflow-command annotations, shown on the pull request's diff, and a job summary.
// Escaping per the workflow-commands documentation ("Setting an error message"). GitHub shows at most
// 10 error, 10 warning and 10 notice annotations per step (actions/toolkit, docs/problem-matchers.md,
// "Limitations") and drops the rest without a word: the findings past that are printed as plain log
// lines, and a last notice says how many were not shown. The job summary ($GITHUB_STEP_SUMMARY) lists
// every finding, up to a size well within GitHub's 1 MiB per step.
import { RULES_BY_CODE } from '../rules';
import { SEVERITIES, type Severity } from '../rules/types';
import { messageText, plural, printable, severityName, type Formatter, type RunTotals } from './report';

type Command = 'error' | 'warning' | 'notice';
const COMMAND: Record<Severity, Command> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };
/** Annotations of each kind that GitHub shows per step. */
export const ANNOTATIONS_PER_KIND = 10;
/** Bytes of findings' rows in the job summary (GitHub refuses a step summary over 1 MiB). */
export const SUMMARY_TABLE_BYTES = 512 * 1024;

const escapeData = (text: string) => printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
/** A table cell: one line, no column break. */
const cell = (text: string) =>
  printable(text)
    .replace(/\ufffd/g, ' ')
    .replace(/\|/g, '\\|');

/** One finding, as plain data (entries may come from a worker thread). */
export interface GithubFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

function annotation(f: GithubFinding): string {
  const title = `${f.code} ${RULES_BY_CODE.get(f.code)?.name ?? ''}`.trim();
  const properties = [
    `file=${escapeProperty(f.file)}`,
    `line=${f.line}`,
    `col=${f.column}`,
    `endLine=${f.endLine}`,
    `endColumn=${f.endColumn}`,
    `title=${escapeProperty(title)}`,
  ];
  return `::${COMMAND[f.severity]} ${properties.join(',')}::${escapeData(f.message)}\n`;
}

const logLine = (f: GithubFinding) => `${printable(f.file)}:${f.line}:${f.column} - ${f.severity} ${f.code}: ${printable(f.message)}\n`;

/** What GitHub will not show as annotations, per kind: "12 errors, 3 notices". */
function heldBackText(held: Record<Command, number>): string {
  return (['error', 'warning', 'notice'] as const)
    .filter(kind => held[kind] > 0)
    .map(kind => plural(held[kind], kind))
    .join(', ');
}

/**
 * The annotations that GitHub shows, then the rest as log lines and a notice of how many. When some
 * are held back, one notice slot is kept for that notice.
 */
export function annotationLines(findings: GithubFinding[], summaryWritten: boolean): string {
  const count: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) count[COMMAND[f.severity]]++;
  const overflow = (['error', 'warning', 'notice'] as const).some(kind => count[kind] > ANNOTATIONS_PER_KIND);
  const limit: Record<Command, number> = { error: ANNOTATIONS_PER_KIND, warning: ANNOTATIONS_PER_KIND, notice: ANNOTATIONS_PER_KIND - (overflow ? 1 : 0) };
  const shown: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  const held: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  let out = '';
  for (const f of findings) {
    const kind = COMMAND[f.severity];
    if (shown[kind] < limit[kind]) {
      shown[kind]++;
      out += annotation(f);
    } else {
      held[kind]++;
      out += logLine(f);
    }
  }
  if (overflow) {
    const where = summaryWritten ? 'The job summary lists every finding.' : 'They are in the log above.';
    out += `::notice title=iam-policy-lint::${escapeData(`${heldBackText(held)} not shown as annotations: GitHub shows ${ANNOTATIONS_PER_KIND} of each kind per step. ${where}`)}\n`;
  }
  return out;
}

/** The job summary: the counts, then a table of the findings (the most severe first) up to SUMMARY_TABLE_BYTES. */
export function stepSummary(findings: GithubFinding[], totals: RunTotals): string {
  const { counts, files, problems } = totals;
  const countText = SEVERITIES.filter(s => counts[s] > 0)
    .map(s => plural(counts[s], s === 'information' ? 'info message' : s))
    .join(', ');
  let out = `## IAM policy check\n\n${findings.length === 0 ? 'No problems' : countText} in ${plural(files, 'policy file')}.\n\n`;
  for (const problem of problems) out += `- :x: ${cell(problem)}\n`;
  if (problems.length) out += '\n';
  if (findings.length === 0) return out;
  const sorted = [...findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  out += '| Severity | Code | File | Line | Message |\n| --- | --- | --- | --- | --- |\n';
  let bytes = 0;
  let listed = 0;
  for (const f of sorted) {
    const row = `| ${f.severity} | ${f.code} ${RULES_BY_CODE.get(f.code)?.name ?? ''} | ${cell(f.file)} | ${f.line} | ${cell(f.message)} |\n`;
    bytes += Buffer.byteLength(row);
    if (bytes > SUMMARY_TABLE_BYTES) break;
    out += row;
    listed++;
  }
  if (listed < sorted.length)
    out += `\n${plural(sorted.length - listed, 'less severe finding')} not listed (the summary of a step is limited in size); the log has them all.\n`;
  return out;
}

/**
 * The github format. With `summaryWritten` ($GITHUB_STEP_SUMMARY is set, and cli/main.ts writes the
 * job summary there), the notice of findings not shown points at the summary.
 */
export function githubFormatter(summaryWritten: boolean): Formatter<GithubFinding[]> {
  return {
    entry: report =>
      report.diagnostics.map(d => ({
        file: report.file.display,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: severityName(d),
        code: String(d.code),
        message: messageText(d),
      })),
    end: (entries, { problems, counts, files }) =>
      annotationLines(entries.flat(), summaryWritten) +
      problems.map(problem => `::error::${escapeData(problem)}\n`).join('') +
      (files === 0 ? '' : `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')} in ${plural(files, 'policy file')}.\n`),
    stepSummary: (entries, totals) => stepSummary(entries.flat(), totals),
  };
}
