// IAM340-IAM342: the ForAllValues:/ForAnyValue: set qualifiers. Source: IAM User Guide, "Single-valued vs.
// multivalued context keys" (reference_policies_condition-single-vs-multi-valued-context-keys.html):
// "Do not use condition set operators ForAllValues or ForAnyValue with single-valued context keys",
// multivalued keys "require a condition set operator", and ForAllValues "also returns true if there are
// no context keys in the request", which a Null condition ("key": "false") prevents
// (reference_policies_condition_examples-multi-valued-context-keys.html). Whether a key is multivalued
// comes from the catalog (ArrayOf* types, and the global keys the page calls multivalued).
// "Access Analyzer policy check reference": FORALLVALUES_WITH_SINGLE_VALUED_KEY (security warning),
// "Missing qualifier". All warnings: IAM accepts the policies. IAM374: Null with a set qualifier, which
// "always returns true" (ForAllValues) or "always returns false" (ForAnyValue): "Null with qualifier",
// a suggestion of the same reference, so information.
import { type ConditionEntry, conditionEntries, keySpan, matchesWhenAbsent } from '../analysis/conditionsEntries';
import type { RuleContext, RuleModule } from './types';

function checkNullQualifier(ctx: RuleContext, entry: ConditionEntry): void {
  const { operator } = entry;
  if (operator.base?.family !== 'Null' || !operator.setQualifier) return;
  ctx.report({
    code: 'IAM374',
    ...keySpan(entry),
    message: `${operator.setQualifier}:Null does not test whether "${entry.keyEntry.entry.name}" is present: it ${operator.setQualifier === 'ForAllValues' ? 'always matches' : 'never matches'}. Use "Null" without the qualifier.`,
  });
}

function checkQualifier(ctx: RuleContext, entry: ConditionEntry): void {
  const { key, operator } = entry;
  checkNullQualifier(ctx, entry);
  if (!key || !operator.base || operator.base.family === 'Null') return;
  const name = entry.keyEntry.entry.name;
  if (operator.setQualifier && !key.multiValued) {
    const plain = entry.operatorEntry.entry.name.slice(entry.operatorEntry.entry.name.indexOf(':') + 1);
    ctx.report({
      code: 'IAM340',
      ...keySpan(entry),
      message: `"${name}" has a single value per request: ${operator.setQualifier}: is for multivalued keys${operator.setQualifier === 'ForAllValues' ? ' and here also matches requests without the key' : ''}. Use "${plain}" without the qualifier.`,
    });
  } else if (!operator.setQualifier && key.multiValued) {
    ctx.report({
      code: 'IAM341',
      ...keySpan(entry),
      message: `"${name}" can have several values in one request: say how to compare them with ForAnyValue: (at least one value matches) or ForAllValues: (every value matches), e.g. "ForAnyValue:${entry.operatorEntry.entry.name}".`,
    });
  }
}

/** A condition in the same statement that fails when the key is absent: Null "false", or a plain operator. */
function requiresKey(entries: ConditionEntry[], entry: ConditionEntry): boolean {
  const name = entry.keyEntry.entry.name.toLowerCase();
  return entries.some(
    other => other !== entry && other.statement === entry.statement && other.keyEntry.entry.name.toLowerCase() === name && matchesWhenAbsent(other) === false,
  );
}

function checkForAllValuesInAllow(ctx: RuleContext, entries: ConditionEntry[], entry: ConditionEntry): void {
  if (entry.operator.setQualifier !== 'ForAllValues' || entry.statement.effect?.valueNode?.value !== 'Allow') return;
  if (entry.operator.base?.family === 'Null') return; // IAM374 says it
  if (entry.key && !entry.key.multiValued) return; // IAM340 says it
  if (requiresKey(entries, entry)) return;
  const name = entry.keyEntry.entry.name;
  ctx.report({
    code: 'IAM342',
    ...keySpan(entry),
    message: `ForAllValues: also matches requests that do not have "${name}" at all, so this Allow grants them too. If the key must be present, add "Null": { "${name}": "false" } to the statement.`,
  });
}

export const conditionSetRules: RuleModule = {
  rules: [
    {
      code: 'IAM340',
      name: 'set-qualifier-on-single-valued-key',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'ForAllValues:/ForAnyValue: on a single-valued key.',
    },
    {
      code: 'IAM341',
      name: 'missing-set-qualifier',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'A multivalued key without ForAllValues:/ForAnyValue:.',
    },
    {
      code: 'IAM342',
      name: 'forallvalues-without-null-check',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'ForAllValues: in an Allow statement without a Null check on the key.',
    },
    {
      code: 'IAM374',
      name: 'null-with-set-qualifier',
      category: 'condition',
      defaultSeverity: 'information',
      summary: 'ForAllValues:Null or ForAnyValue:Null, which always or never match.',
    },
  ],
  check(ctx) {
    const entries = conditionEntries(ctx.doc, ctx.catalog);
    for (const entry of entries) {
      checkQualifier(ctx, entry);
      checkForAllValuesInAllow(ctx, entries, entry);
    }
  },
};
