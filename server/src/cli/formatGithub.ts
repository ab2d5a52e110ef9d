// GitHub Actions workflow commands: one annotation per diagnostic, shown on the pull request's
// diff. Escaping per the workflow-commands documentation ("Setting an error message").
import type { Severity } from '../rules/types';
import { RULES_BY_CODE } from '../rules';
import { messageText, plural, printable, severityName, type Formatter } from './report';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

const escapeData = (text: string) => printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const githubFormatter: Formatter<string> = {
  entry: report => report.diagnostics.map(d => {
    const code = String(d.code);
    const title = `${code} ${RULES_BY_CODE.get(code)?.name ?? ''}`.trim();
    const properties = [
      `file=${escapeProperty(report.file.display)}`,
      `line=${d.range.start.line + 1}`, `col=${d.range.start.character + 1}`,
      `endLine=${d.range.end.line + 1}`, `endColumn=${d.range.end.character + 1}`,
      `title=${escapeProperty(title)}`,
    ];
    return `::${COMMAND[severityName(d)]} ${properties.join(',')}::${escapeData(messageText(d))}\n`;
  }).join(''),
  end: (entries, { problems, counts, files }) => entries.join('') + problems.map(problem => `::error::${escapeData(problem)}\n`).join('')
    + (files === 0 ? '' : `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')} in ${plural(files, 'policy file')}.\n`),
};
