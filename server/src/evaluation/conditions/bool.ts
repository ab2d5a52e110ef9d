// Bool: "true" or "false", compared without regard to case (JSON true/false in the policy or the
// request read the same). Source: "IAM JSON policy elements: Condition operators", Boolean condition
// operators.
import { partsToText } from '../variables';
import type { ConditionFamily } from './types';

function parseBool(text: string): boolean | undefined {
  const lower = text.trim().toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

export const boolFamily: ConditionFamily = {
  typeName: 'a boolean ("true" or "false")',
  compile(parts) {
    const policy = parseBool(partsToText(parts));
    if (policy === undefined) return `"${partsToText(parts)}" is not "true" or "false"`;
    return value => {
      const actual = parseBool(value);
      return actual === undefined ? undefined : actual === policy;
    };
  },
};
