// ArnEquals / ArnLike (identical) and ArnNotEquals / ArnNotLike: segment-wise, case-sensitive ARN
// matching with wildcards in each segment. Source: "IAM JSON policy elements: Condition operators",
// Amazon Resource Name (ARN) condition operators. The matching itself is shared with the Resource
// element: ../arnPattern.ts.
import { compileArnMatcher } from '../arnPattern';
import type { ConditionFamily } from './types';

export const arnFamily: ConditionFamily = {
  typeName: 'an ARN',
  compile(parts) {
    return compileArnMatcher(parts);
  },
};
