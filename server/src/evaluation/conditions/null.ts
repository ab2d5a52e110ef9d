// Null: "true" when the key must be absent from the request context, "false" when it must be present
// (with a value). No policy variables, no IfExists. Source: "IAM JSON policy elements: Condition
// operators", Condition operator to check existence of condition keys.
import type { ValueTest } from './types';

/** A test of "is the key present" against one policy value, or an error message. */
export function compileNull(policyValue: string): ValueTest | string {
  const lower = policyValue.trim().toLowerCase();
  if (lower !== 'true' && lower !== 'false') return `"${policyValue}" is not "true" or "false"`;
  const wantsAbsent = lower === 'true';
  return present => (present === 'true') !== wantsAbsent;
}
