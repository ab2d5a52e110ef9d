// BinaryEquals: "compares the value of the specified key byte for byte against a base-64 encoded
// representation of the binary value in the policy". The request value is given base-64 encoded too.
// Source: "IAM JSON policy elements: Condition operators", Binary condition operators.
import { partsToText } from '../variables';
import type { ConditionFamily } from './types';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decodeBase64(text: string): Buffer | undefined {
  const trimmed = text.trim();
  return BASE64.test(trimmed) ? Buffer.from(trimmed, 'base64') : undefined;
}

export const binaryFamily: ConditionFamily = {
  typeName: 'base-64 encoded bytes',
  compile(parts) {
    const policy = decodeBase64(partsToText(parts));
    if (!policy) return `"${partsToText(parts)}" is not base-64`;
    return value => {
      const actual = decodeBase64(value);
      return actual === undefined ? undefined : actual.equals(policy);
    };
  },
};
