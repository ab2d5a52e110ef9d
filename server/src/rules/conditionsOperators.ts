// IAM300-IAM302: the condition operators themselves. Source: IAM User Guide, "IAM JSON policy elements:
// Condition operators" (reference_policies_elements_condition_operators.html): the operator names, the
// ForAllValues:/ForAnyValue: set qualifiers (reference_policies_condition-single-vs-multi-valued-context-keys.html)
// and "You can add IfExists to the end of any condition operator name except the Null condition";
// "Access Analyzer policy check reference": "Invalid condition operator", "Null with if exists" (errors).
// An unknown operator is an error, unlike other unknown names: the operators are a closed list that IAM
// checks when it stores a policy, and it rejects any other name with "Syntax errors in policy"
// (MalformedPolicyDocument; a CloudFormation template that put a condition key where the operator goes
// failed so: github.com/aws-cloudformation/cfn-lint/issues/3751, after which cfn-lint made it an error).
// NullIfExists is an error because the page excludes it by name. A name that matches only ignoring
// letter case is information: AWS's own examples contain one ("ForAnyValue:Stringlike"), so IAM accepts it.
import type { Catalog, ConditionOperatorInfo, ParsedOperator } from '../catalog/types';
import type { ConditionOperatorEntry } from '../policy/model';
import { closestNames } from '../util/closest';
import { operatorSpan } from '../analysis/conditionsEntries';
import type { RuleContext, RuleModule } from './types';

const SET_QUALIFIERS = ['ForAllValues', 'ForAnyValue'];

/** Operator spellings to suggest: every operator, with and without IfExists. */
function operatorNames(catalog: Catalog): string[] {
  return catalog.operators().flatMap(op => (op.ifExistsAllowed ? [op.name, `${op.name}IfExists`] : [op.name]));
}

/** "ForAllValue:StringEqual" -> ["ForAllValues:StringEquals", ...]: the qualifier and the operator mended apart. */
export function suggestOperators(text: string, catalog: Catalog): string[] {
  const colon = text.indexOf(':');
  const names = operatorNames(catalog);
  if (colon < 0) return closestNames(text, names, 3);
  const qualifier = closestNames(text.slice(0, colon), SET_QUALIFIERS, 1)[0];
  const operators = closestNames(text.slice(colon + 1), names, 3);
  return qualifier ? operators.map(op => `${qualifier}:${op}`) : [];
}

/** How the catalog spells a known operator written in another letter case. */
function canonicalSpelling(parsed: ParsedOperator, base: ConditionOperatorInfo): string {
  return `${parsed.setQualifier ? `${parsed.setQualifier}:` : ''}${base.name}${parsed.ifExists ? 'IfExists' : ''}`;
}

function checkOperator(ctx: RuleContext, operatorEntry: ConditionOperatorEntry): void {
  const text = operatorEntry.entry.name;
  const parsed = ctx.catalog.parseOperator(text);
  const span = operatorSpan(operatorEntry);
  if (parsed.base && !parsed.base.ifExistsAllowed && parsed.ifExists) {
    ctx.report({
      code: 'IAM302',
      ...span,
      message: `The ${parsed.base.name} operator cannot take IfExists: ${parsed.base.name} itself tests whether the key exists. Use "${parsed.base.name}".`,
      data: { replacements: [JSON.stringify(text.slice(0, -'IfExists'.length))] },
    });
    return;
  }
  if (!parsed.base) {
    const replacements = suggestOperators(text, ctx.catalog);
    ctx.report({
      code: 'IAM300',
      ...span,
      message: `"${text}" is not a condition operator: IAM rejects the policy ("Syntax errors in policy").${replacements.length ? ` Did you mean ${replacements.map(r => `"${r}"`).join(', ')}?` : ' Operators are StringEquals, StringLike, ArnLike, Bool, IpAddress, NumericLessThan, DateGreaterThan, Null, ...'}`,
      data: { replacements: replacements.map(r => JSON.stringify(r)) },
    });
    return;
  }
  if (!parsed.exactCase) {
    const spelling = canonicalSpelling(parsed, parsed.base);
    ctx.report({
      code: 'IAM301',
      ...span,
      message: `Write the operator as AWS documents it: "${spelling}".`,
      data: { replacements: [JSON.stringify(spelling)] },
    });
  }
}

export const conditionOperatorRules: RuleModule = {
  rules: [
    { code: 'IAM300', name: 'unknown-condition-operator', category: 'condition', defaultSeverity: 'error', summary: 'The condition operator is unknown.' },
    {
      code: 'IAM301',
      name: 'condition-operator-case',
      category: 'condition',
      defaultSeverity: 'information',
      summary: 'The condition operator is written in another letter case than AWS documents.',
    },
    { code: 'IAM302', name: 'null-if-exists', category: 'condition', defaultSeverity: 'error', summary: 'The Null operator with IfExists.' },
  ],
  check(ctx) {
    for (const statement of ctx.doc.statements) {
      for (const operatorEntry of statement.condition?.operators ?? []) checkOperator(ctx, operatorEntry);
    }
  },
};
