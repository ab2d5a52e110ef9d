// The formatter of each --format.
import type { Format } from './args';
import { githubFormatter } from './formatGithub';
import { jsonFormatter } from './formatJson';
import { sarifFormatter } from './formatSarif';
import { textFormatter } from './formatText';
import type { DataInfo } from './manifest';
import type { Formatter } from './report';

/**
 * `stepSummary`: a job summary is written too ($GITHUB_STEP_SUMMARY is set); `data`: the IAM data
 * the report was made with, which the machine-readable formats name.
 */
export function formatterFor(format: Format, cwd: string, color: boolean, stepSummary: boolean, data: DataInfo): Formatter {
  switch (format) {
    case 'json':
      return jsonFormatter(data) as Formatter;
    case 'sarif':
      return sarifFormatter(cwd, data) as Formatter;
    case 'github':
      return githubFormatter(stepSummary) as Formatter;
    case 'text':
      return textFormatter(color) as Formatter;
  }
}
