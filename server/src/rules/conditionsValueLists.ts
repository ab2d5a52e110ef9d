// IAM335, IAM336, IAM372: a condition key's list of values taken as a whole. Sources: IAM User Guide,
// "IAM policy validation check reference" (access-analyzer-reference-policy-checks.html): "Invalid
// condition data type" (the values of one key are of different JSON types), "Invalid condition
// multiple Boolean" (a Boolean key "does not support multiple Boolean values"), "Redundant condition
// value num" (several values of a numeric less-than or greater-than operator: the list is a logical OR,
// so only the loosest value counts); and "Creating a condition with multiple keys or values"
// (reference_policies_condition-logic-multiple-context-keys-or-values.html: the values of one key are
// OR'ed), which makes a repeated value redundant too. Access Analyzer calls the first two errors, but
// no AWS page says that IAM rejects such a policy: warnings. The redundant values are hints, faded,
// with a fix that removes them.
import type { ConditionValue } from '../policy/model';
import { type ConditionEntry, conditionEntries } from '../analysis/conditionsEntries';
import type { RuleContext, RuleModule } from './types';

/** The JSON types of the values that IAM reads (strings, numbers, Booleans; others are IAM016's). */
function checkMixedTypes(ctx: RuleContext, entry: ConditionEntry): void {
  const types = new Set(entry.keyEntry.values.flatMap(v => (v.value === null ? [] : [typeof v.value])));
  if (types.size < 2) return;
  const node = entry.keyEntry.entry.valueNode ?? entry.keyEntry.entry.keyNode;
  ctx.report({
    code: 'IAM335',
    offset: node.offset,
    length: node.length,
    message: `The values of "${entry.keyEntry.entry.name}" mix JSON types (${[...types].sort().join(' and ')}): write them all as strings, e.g. "3600".`,
  });
}

function checkBooleans(ctx: RuleContext, entry: ConditionEntry): void {
  if (entry.operator.base?.family !== 'Bool' || entry.keyEntry.values.length < 2) return;
  const node = entry.keyEntry.entry.valueNode ?? entry.keyEntry.entry.keyNode;
  // Stryker disable next-line all: human text, which of the two messages (tests assert IAM336 and its span)
  const distinct = new Set(entry.keyEntry.values.map(v => String(v.value).toLowerCase()));
  ctx.report({
    code: 'IAM336',
    offset: node.offset,
    length: node.length,
    message:
      distinct.has('true') && distinct.has('false')
        ? `"${entry.keyEntry.entry.name}" is given both true and false: the condition matches whenever the key is present, whatever its value. Keep the one value you mean.`
        : `A Boolean key takes a single value: write "${entry.keyEntry.entry.name}": ${JSON.stringify(String(entry.keyEntry.values[0].value))}.`,
  });
}

/** The numeric comparisons where several values are redundant: the loosest one wins. */
const LOOSEST: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  NumericLessThan: (a, b) => a > b,
  NumericLessThanEquals: (a, b) => a > b,
  NumericGreaterThan: (a, b) => a < b,
  NumericGreaterThanEquals: (a, b) => a < b,
};

function reportRedundant(ctx: RuleContext, value: ConditionValue, why: string, keeper: ConditionValue): void {
  ctx.report({
    code: 'IAM372',
    offset: value.offset,
    length: value.length,
    unnecessary: true,
    message: `${JSON.stringify(value.value)} ${why}: remove it.`,
    related: [{ offset: keeper.offset, length: keeper.length, message: 'the value that already covers it' }],
  });
}

function checkRedundant(ctx: RuleContext, entry: ConditionEntry): void {
  const values = entry.keyEntry.values.filter(v => v.value !== null);
  if (entry.operator.base?.family === 'Bool') return; // IAM336 says it
  const seen = new Map<string, ConditionValue>();
  const unique: ConditionValue[] = [];
  for (const value of values) {
    const text = String(value.value);
    const first = seen.get(text);
    // Stryker disable next-line StringLiteral: human text
    if (first) reportRedundant(ctx, value, `is already listed for "${entry.keyEntry.entry.name}"`, first);
    else {
      seen.set(text, value);
      unique.push(value);
    }
  }
  const base = entry.operator.base;
  const looser = base && LOOSEST[base.name];
  const numbers = unique.map(v => (String(v.value).trim() === '' ? NaN : Number(v.value)));
  if (!looser || numbers.some(n => !Number.isFinite(n))) return; // IAM330 reports what is no number
  let best = 0;
  numbers.forEach((n, i) => {
    if (looser(n, numbers[best])) best = i;
  });
  unique.forEach((value, i) => {
    // the numbers are finite, so the best one equals itself
    if (numbers[i] !== numbers[best]) {
      reportRedundant(
        ctx,
        value,
        // Stryker disable next-line StringLiteral: human text
        `adds nothing to ${JSON.stringify(unique[best].value)}: the values of ${base!.name} are alternatives, and the loosest decides`,
        unique[best],
      );
    }
  });
}

export const conditionValueListRules: RuleModule = {
  rules: [
    {
      code: 'IAM335',
      name: 'mixed-condition-value-types',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'The values of one condition key mix JSON types (strings, numbers, Booleans).',
    },
    {
      code: 'IAM336',
      name: 'multiple-boolean-values',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'A Boolean condition key with more than one value.',
    },
    {
      code: 'IAM372',
      name: 'redundant-condition-value',
      category: 'condition',
      defaultSeverity: 'hint',
      summary: 'A condition value that another value of the same key already covers.',
    },
  ],
  check(ctx) {
    for (const entry of conditionEntries(ctx.doc, ctx.catalog)) {
      checkMixedTypes(ctx, entry);
      checkBooleans(ctx, entry);
      checkRedundant(ctx, entry);
    }
  },
};
