// String condition operators: StringEquals, StringNotEquals (case-sensitive), ...IgnoreCase, and
// StringLike / StringNotLike with `*` and `?` wildcards anywhere (case-sensitive).
// Source: "IAM JSON policy elements: Condition operators", String condition operators.
import { partsMatch, partsToText } from '../variables';
import type { ConditionFamily } from './types';

export const stringFamily: ConditionFamily = {
  typeName: 'a string',
  compile(parts, comparison) {
    if (comparison === 'like') return value => partsMatch(parts, value);
    const literal = partsToText(parts);
    if (comparison === 'equalsIgnoreCase') {
      const lower = literal.toLowerCase();
      return value => value.toLowerCase() === lower;
    }
    return value => value === literal;
  },
};
