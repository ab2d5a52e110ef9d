// Numeric condition operators: integers or decimals, compared as numbers ("10" equals "10.0").
// Source: "IAM JSON policy elements: Condition operators", Numeric condition operators.
import { partsToText } from '../variables';
import type { Comparison, ConditionFamily, ValueTest } from './types';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

/** A test of request values (parsed by `parse`) against one policy value, by an ordering comparison. */
export function orderedTest(policy: number, comparison: Comparison, parse: (text: string) => number | undefined): ValueTest {
  return text => {
    const value = parse(text);
    if (value === undefined) return undefined;
    switch (comparison) {
      case 'lessThan':
        return value < policy;
      case 'lessThanEquals':
        return value <= policy;
      case 'greaterThan':
        return value > policy;
      case 'greaterThanEquals':
        return value >= policy;
      default:
        return value === policy;
    }
  };
}

export const numericFamily: ConditionFamily = {
  typeName: 'a number',
  compile(parts, comparison) {
    const policy = parseNumber(partsToText(parts));
    return policy === undefined ? `"${partsToText(parts)}" is not a number` : orderedTest(policy, comparison, parseNumber);
  },
};
