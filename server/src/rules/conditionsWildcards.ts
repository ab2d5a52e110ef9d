// IAM370-IAM371: a condition whose value is a wildcard that matches every value of the key
// (StringLike "*", ArnLike "arn:*:*:*:*:*"), so that it only tests whether the key is present, or nothing
// at all. Sources: IAM User Guide, "IAM JSON policy elements: Condition operators"
// (reference_policies_elements_condition_operators.html): StringLike's "*" matches any characters, ARN
// operators match each of the six parts apart, ...IfExists is true when the key is absent, and a Null
// condition tests presence; "IAM policy validation check reference": "Equivalent to null false",
// "Equivalent to null true" and "Redundant key due to wildcard in condition" (suggestions: information
// and hint here). Set qualifiers are left alone: what a pattern means there depends on the set.
import { type ConditionEntry, conditionEntries, keySpan } from '../analysis/conditionsEntries';
import type { RuleContext, RuleModule } from './types';

const STRING_ANYTHING = /^\*+$/;
const ARN_ANYTHING = /^(\*+|arn(:\*+){5})$/;

/** Whether some value of the entry matches every value the key can have. */
function matchesEverything(entry: ConditionEntry): boolean {
  const base = entry.operator.base;
  if (!base?.wildcards) return false;
  const anything = base.family === 'ARN' ? ARN_ANYTHING : STRING_ANYTHING;
  // a value that is no string is written out (5, null, true) and matches neither pattern
  return entry.keyEntry.values.some(v => anything.test(String(v.value)));
}

function check(ctx: RuleContext, entry: ConditionEntry): void {
  const { operator } = entry;
  if (operator.setQualifier || !matchesEverything(entry)) return;
  const name = entry.keyEntry.entry.name;
  const written = entry.operatorEntry.entry.name;
  if (operator.base!.negated) {
    ctx.report({
      code: 'IAM370',
      ...keySpan(entry),
      data: { nullValue: 'true' },
      message: `${written} with a value that matches everything is true only when "${name}" is absent: say so with "Null": { "${name}": "true" }.`,
    });
  } else if (operator.ifExists) {
    ctx.report({
      code: 'IAM371',
      ...keySpan(entry),
      unnecessary: true,
      message: `${written} with a value that matches everything is always true (absent or present, "${name}" matches): the key tests nothing. Remove it.`,
    });
  } else {
    ctx.report({
      code: 'IAM370',
      ...keySpan(entry),
      data: { nullValue: 'false' },
      message: `${written} with a value that matches everything only tests that "${name}" is present: say so with "Null": { "${name}": "false" }.`,
    });
  }
}

export const conditionWildcardRules: RuleModule = {
  rules: [
    {
      code: 'IAM370',
      name: 'wildcard-presence-test',
      category: 'condition',
      defaultSeverity: 'information',
      summary: 'A condition value that matches everything, used as a presence test: use Null.',
    },
    {
      code: 'IAM371',
      name: 'always-true-condition-key',
      category: 'condition',
      defaultSeverity: 'hint',
      summary: 'An ...IfExists condition whose value matches everything: it is always true.',
    },
  ],
  check(ctx) {
    for (const entry of conditionEntries(ctx.doc, ctx.catalog)) check(ctx, entry);
  },
};
