// What a condition operator family is to the simulator: a way to compile one policy value into a
// test of request values. Families: string.ts, numeric.ts, date.ts, bool.ts, binary.ts, ip.ts,
// arn.ts (and null.ts, which tests presence instead of values). Source for every family: IAM User
// Guide, "IAM JSON policy elements: Condition operators" (reference_policies_elements_condition_operators.html).
import type { ResolvedPart } from '../variables';

/** The comparison an operator makes; negation is applied outside the family. */
export type Comparison = 'equals' | 'equalsIgnoreCase' | 'like' | 'lessThan' | 'lessThanEquals' | 'greaterThan' | 'greaterThanEquals';

/** true / false, or undefined when the request value is not of the family's type (nothing to compare). */
export type ValueTest = (requestValue: string) => boolean | undefined;

export interface ConditionFamily {
  /** how the type reads in messages: "a number" */
  typeName: string;
  /** a test for one policy value, or an error message when the policy value is not of this type */
  compile(parts: readonly ResolvedPart[], comparison: Comparison): ValueTest | string;
}
