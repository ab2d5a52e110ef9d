// `iam-policy-lint --list-rules`: every rule with its code, name and the severity it has under the
// settings in force ("off" when the settings or minimumSeverity silence it), so that a settings file
// can be written without the docs at hand. JSON with --format json.
import { severityOf } from '../features/diagnostics';
import type { IamPolicySettings } from '../protocol';
import { RULES_BY_CODE } from '../rules';

interface RuleRow {
  code: string;
  name: string;
  severity: string;
  defaultSeverity: string;
  category: string;
  summary: string;
}

function ruleRows(settings: IamPolicySettings): RuleRow[] {
  return [...RULES_BY_CODE.values()]
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map(rule => ({
      code: rule.code,
      name: rule.name,
      severity: severityOf(rule.code, settings) ?? 'off',
      defaultSeverity: rule.defaultSeverity,
      category: rule.category,
      summary: rule.summary,
    }));
}

export function formatRuleList(settings: IamPolicySettings, json: boolean): string {
  const rows = ruleRows(settings);
  if (json) return `${JSON.stringify(rows, null, 2)}\n`;
  const nameWidth = Math.max(...rows.map(r => r.name.length));
  return rows.map(r => `${r.code}  ${r.name.padEnd(nameWidth)}  ${r.severity.padEnd(11)}  ${r.summary}`).join('\n') + '\n';
}
