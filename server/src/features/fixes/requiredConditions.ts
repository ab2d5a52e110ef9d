// IAM650: the condition a team's rule requires (iamPolicy.requiredConditions), added to the statement:
// one fix per missing key of allOf, one per choice of anyOf, with the operator of the key's type (the
// catalog's; a String operator for keys it does not know) and the allowed value (the other allowed
// values a choice in the snippet), or a placeholder. Preferred when it is the one fix and its value
// is certain: one key missing, with one allowed value.
import type { CodeAction } from 'vscode-languageserver-types';
import { addCondition } from './conditions';
import { byCode, fixAction, spanOf, statementAt, type FixProvider } from './framework';
import { placeholder } from './template';

interface KeyChoice {
  key: string;
  values?: string[];
}

const OPERATORS: Readonly<Record<string, string>> = {
  String: 'StringEquals',
  ARN: 'ArnLike',
  Bool: 'Bool',
  Numeric: 'NumericEquals',
  Date: 'DateEquals',
  IPAddress: 'IpAddress',
};

/** The operator that requires the key: by its type, StringLike for a pattern, ForAnyValue: for a multivalued key. */
function operatorFor(type: string | undefined, values: readonly string[] | undefined): string {
  const base = type?.replace(/^ArrayOf/, '');
  let operator = (base && OPERATORS[base]) ?? 'StringEquals';
  if (operator === 'StringEquals' && values?.some(v => /[*?]/.test(v))) operator = 'StringLike';
  return type?.startsWith('ArrayOf') ? `ForAnyValue:${operator}` : operator;
}

const requiredCondition: FixProvider = ctx => {
  const data = (ctx.diagnostic.data ?? {}) as { missing?: KeyChoice[]; anyOf?: KeyChoice[] };
  const statement = statementAt(ctx.doc, spanOf(ctx).start);
  const choices = [...(data.missing ?? []), ...(data.anyOf ?? [])];
  if (!statement) return [];
  const certain = choices.length === 1 && choices[0].values?.length === 1;
  return choices.flatMap((choice): CodeAction[] => {
    const values = choice.values ?? [];
    const value = values.length ? placeholder('Value', values[0], values.slice(1)) : placeholder('Value', '<value>');
    const change = addCondition(ctx.doc, statement, operatorFor(ctx.catalog.conditionKey(choice.key)?.type, choice.values), choice.key, value);
    return change ? [fixAction(ctx, `Add the condition on ${choice.key} that the team's rule requires`, [change], certain)] : [];
  });
};

export const requiredConditionFixes = byCode({ IAM650: requiredCondition });
