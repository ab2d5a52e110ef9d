// The README's table of rules, written from the registry (server/src/rules): every column of it is a
// field of a rule's RuleMeta, so the registry is its one source. `npm run rules-table` rewrites the
// table in README.md; test/unit/rules-docs.test.ts fails when it is not current.
import type { RuleMeta } from '../server/src/rules/types';

export const TABLE_START = '<!-- rules table: written by `npm run rules-table` from server/src/rules; do not edit -->';
export const TABLE_END = '<!-- end of rules table -->';

/** The markdown table of the rules, in code order. */
export function rulesTable(rules: Iterable<RuleMeta>): string {
  const rows = [...rules]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map(rule => `| [${rule.code}](docs/rules.md#${rule.code.toLowerCase()}) | ${rule.name} | ${rule.defaultSeverity} | ${rule.summary} |`);
  return ['| code | name | default | what it finds |', '|---|---|---|---|', ...rows].join('\n');
}

/** The README with the text between the table's two markers replaced by the table of these rules. */
export function withRulesTable(readme: string, rules: Iterable<RuleMeta>): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${TABLE_START}" ... "${TABLE_END}" block`);
  return `${readme.slice(0, start + TABLE_START.length)}\n\n${rulesTable(rules)}\n\n${readme.slice(end)}`;
}
