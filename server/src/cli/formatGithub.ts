// GitHub Actions workflow commands: one annotation per diagnostic, shown on the pull request's
// diff. Escaping per the workflow-commands documentation ("Setting an error message").
import type { Severity } from '../rules/types';
import { RULES_BY_CODE } from '../rules';
import { countBySeverity, messageText, plural, severityName, type RunReport } from './report';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(report: RunReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      const code = String(d.code);
      const title = `${code} ${RULES_BY_CODE.get(code)?.name ?? ''}`.trim();
      const properties = [
        `file=${escapeProperty(file.file.display)}`,
        `line=${d.range.start.line + 1}`, `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`, `endColumn=${d.range.end.character + 1}`,
        `title=${escapeProperty(title)}`,
      ];
      lines.push(`::${COMMAND[severityName(d)]} ${properties.join(',')}::${escapeData(messageText(d))}`);
    }
  }
  for (const problem of report.problems) lines.push(`::error::${escapeData(problem)}`);
  const counts = countBySeverity(report.files);
  lines.push(`${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')} in ${plural(report.files.length, 'policy file')}.`);
  return lines.join('\n') + '\n';
}
