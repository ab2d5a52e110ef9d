// The human report: "file:line:col - severity CODE: message", the source line and a caret line
// under the span, then a count. Long lines are cut to a window around the span.
import type { Diagnostic } from 'vscode-languageserver-types';
import { SEVERITIES, type Severity } from '../rules/types';
import type { FileReport } from './lint';
import { checkedText, foldedOf, messageText, plural, printable, severityName, type Formatter } from './report';

const WINDOW = 140;
const COLORS: Record<Severity | 'dim', string> = { error: '31', warning: '33', information: '36', hint: '90', dim: '2' };

type Paint = (text: string, style: Severity | 'dim') => string;

/**
 * The source line of the span and its carets, both cut to the same window. The window is cut before
 * anything else is done to the line: a minified policy is one line, with thousands of findings on it.
 */
export function caretLines(lineText: string, startColumn: number, endColumn: number): [string, string] {
  const width = Math.max(1, Math.min(endColumn, lineText.length) - startColumn);
  const from = lineText.length <= WINDOW ? 0 : Math.max(0, Math.min(startColumn - 20, lineText.length - WINDOW));
  // printable() and the tab replacement keep the length: the columns stay right
  const cut = printable(lineText.slice(from, from + WINDOW).replace(/\t/g, ' '));
  const lead = from > 0 ? '…' : '';
  const caretWidth = Math.max(1, Math.min(width, WINDOW - (startColumn - from)));
  return [lead + cut + (from + WINDOW < lineText.length ? '…' : ''), ' '.repeat(lead.length + startColumn - from) + '^'.repeat(caretWidth)];
}

/** The text of a line without its line break (no regular expression over the line: it may be megabytes long). */
function lineOf(file: FileReport, line: number): string {
  const { textDocument, text } = file.doc;
  const start = textDocument.offsetAt({ line, character: 0 });
  let end = textDocument.offsetAt({ line: line + 1, character: 0 });
  if (end > start && text[end - 1] === '\n') end--;
  if (end > start && text[end - 1] === '\r') end--;
  return text.slice(start, end);
}

/** `where` is the file's name as printed (worked out once for all its diagnostics). */
function formatDiagnostic(file: FileReport, where: string, d: Diagnostic, paint: Paint): string {
  const { start, end } = d.range;
  const severity = severityName(d);
  const lineText = lineOf(file, start.line);
  const endColumn = end.line === start.line ? end.character : lineText.length;
  const [source, carets] = caretLines(lineText, start.character, endColumn);
  const gutter = String(start.line + 1);
  const pad = ' '.repeat(gutter.length);
  const folded = foldedOf(file, d)
    .map(f => `  ${pad}   ${paint(`also ${f.code} at ${f.line}:${f.column}`, 'dim')}: ${printable(f.message)}\n`)
    .join('');
  return (
    `${where}:${start.line + 1}:${start.character + 1} - ${paint(severity, severity)} ${paint(String(d.code), 'dim')}: ${printable(messageText(d))}\n\n` +
    `  ${gutter} | ${source}\n  ${pad} | ${paint(carets, severity)}\n${folded}\n`
  );
}

export function textFormatter(color: boolean): Formatter<string> {
  const paint: Paint = color ? (text, style) => `\x1b[${COLORS[style]}m${text}\x1b[0m` : text => text;
  return {
    entry(report, summary) {
      const where = printable(report.file.display);
      return report.diagnostics.map(d => formatDiagnostic(report, where, d, paint)).join('') + (summary ? `${summary}\n\n` : '');
    },
    end(entries, totals) {
      const { counts, fixed } = totals;
      // no policy checked: the lines on standard error say why (a missing path, a folder without policies)
      if (totals.files === 0) return '';
      const total = counts.error + counts.warning + counts.information + counts.hint;
      const detail = SEVERITIES.filter(s => counts[s] > 0)
        .map(s => plural(counts[s], s === 'information' ? 'info message' : s))
        .join(', ');
      const checked = checkedText(totals);
      return (
        entries.join('') +
        (total === 0 ? `No problems in ${checked}.\n` : `${plural(total, 'problem')} (${detail}) in ${checked}.\n`) +
        (fixed ? `${plural(fixed, 'fix', 'fixes')} applied.\n` : '')
      );
    },
  };
}
