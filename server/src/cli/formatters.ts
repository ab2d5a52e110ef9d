// The formatter of each --format.
import type { Format } from './args';
import { githubFormatter } from './formatGithub';
import { jsonFormatter } from './formatJson';
import { sarifFormatter } from './formatSarif';
import { textFormatter } from './formatText';
import type { DataInfo } from './manifest';
import type { Formatter } from './report';

/** The formatter of a format; the machine-readable ones say which IAM data the report was made with. */
export function formatterFor(format: Format, cwd: string, color: boolean, data: DataInfo): Formatter {
  switch (format) {
    case 'json': return jsonFormatter(data) as Formatter;
    case 'sarif': return sarifFormatter(cwd, data) as Formatter;
    case 'github': return githubFormatter as Formatter;
    case 'text': return textFormatter(color) as Formatter;
  }
}
