// The condition operator that fits a key's type, keeping what the written operator tests: its
// comparison (equals, less than, like, ...), its negation, its set qualifier and IfExists.
// `StringEquals` on aws:SourceIp becomes `IpAddress`, `StringNotEquals` `NotIpAddress`,
// `StringLessThan` on aws:CurrentTime `DateLessThan`. Operator names: IAM User Guide, "IAM JSON
// policy elements: Condition operators" (reference_policies_elements_condition_operators.html).
import type { Catalog } from '../../catalog/types';
import { baseType, type ConditionEntry } from '../../analysis/conditionsEntries';

type Comparison = 'Equals' | 'Like' | 'LessThan' | 'LessThanEquals' | 'GreaterThan' | 'GreaterThanEquals';

const COMPARISON = /(Equals|EqualsIgnoreCase|Like|LessThan|LessThanEquals|GreaterThan|GreaterThanEquals)$/;

/** The operators of each key type, by comparison and negation ([positive, negated]). */
const OPERATORS: Record<string, Partial<Record<Comparison, [string, string?]>>> = {
  String: { Equals: ['StringEquals', 'StringNotEquals'], Like: ['StringLike', 'StringNotLike'] },
  ARN: { Equals: ['ArnEquals', 'ArnNotEquals'], Like: ['ArnLike', 'ArnNotLike'] },
  Numeric: {
    Equals: ['NumericEquals', 'NumericNotEquals'],
    LessThan: ['NumericLessThan'],
    LessThanEquals: ['NumericLessThanEquals'],
    GreaterThan: ['NumericGreaterThan'],
    GreaterThanEquals: ['NumericGreaterThanEquals'],
  },
  Date: {
    Equals: ['DateEquals', 'DateNotEquals'],
    LessThan: ['DateLessThan'],
    LessThanEquals: ['DateLessThanEquals'],
    GreaterThan: ['DateGreaterThan'],
    GreaterThanEquals: ['DateGreaterThanEquals'],
  },
  Bool: { Equals: ['Bool'] },
  IPAddress: { Equals: ['IpAddress', 'NotIpAddress'] },
  Binary: { Equals: ['BinaryEquals'] },
};

/** What an operator compares: IpAddress, Bool and BinaryEquals test equality. */
function comparisonOf(name: string): Comparison {
  const found = COMPARISON.exec(name)?.[1];
  return !found || found === 'EqualsIgnoreCase' ? 'Equals' : (found as Comparison);
}

/** The operator (as written: qualifier, IfExists) that fits the key's type; undefined when none keeps the meaning. */
export function operatorForKeyType(catalog: Catalog, entry: ConditionEntry): string | undefined {
  const base = entry.operator.base;
  if (!entry.key || !base || base.family === 'Null') return undefined;
  const pair = OPERATORS[baseType(entry.key)]?.[comparisonOf(base.name)];
  const name = pair?.[base.negated ? 1 : 0];
  if (!name || name === base.name) return undefined;
  const text = `${entry.operator.setQualifier ? `${entry.operator.setQualifier}:` : ''}${name}${entry.operator.ifExists ? 'IfExists' : ''}`;
  return catalog.parseOperator(text).base ? text : undefined;
}
