// ARN matching for the Resource / NotResource elements and the Arn* condition operators.
// Source: IAM User Guide, "IAM JSON policy elements: Condition operators" (ARN condition operators):
// "Each of the six colon-delimited components of the ARN is checked separately and each can include
// multi-character match wildcards (*) or single-character match wildcards (?)" — so a `*` in the region
// never swallows the account. The resource part is everything after the fifth colon (it may contain
// colons itself), and matching is case-sensitive. A pattern with fewer than six parts ("*",
// "arn:aws:s3:*") is matched as a whole string.
import { parseArn } from '../policy/arn';
import { partsMatch, type ResolvedPart } from './variables';

/** The six parts of an ARN (the last keeps its colons), or undefined when the text is not one. */
export function arnSegments(arn: string): string[] | undefined {
  const parsed = parseArn(arn);
  return parsed && ['arn', parsed.partition, parsed.service, parsed.region, parsed.account, parsed.resource];
}

/** Splits resolved parts at the first five colons of their literal text. */
function splitParts(parts: readonly ResolvedPart[]): ResolvedPart[][] {
  const segments: ResolvedPart[][] = [[]];
  for (const part of parts) {
    if (typeof part !== 'string') {
      segments[segments.length - 1].push(part);
      continue;
    }
    let rest = part;
    let colon: number;
    while (segments.length < 6 && (colon = rest.indexOf(':')) >= 0) {
      if (colon > 0) segments[segments.length - 1].push(rest.slice(0, colon));
      segments.push([]);
      rest = rest.slice(colon + 1);
    }
    if (rest) segments[segments.length - 1].push(rest);
  }
  return segments;
}

/** A test of ARNs against a pattern, segment by segment (whole-string for patterns of fewer than six parts). */
export function compileArnMatcher(parts: readonly ResolvedPart[]): (value: string) => boolean {
  const segments = splitParts(parts);
  if (segments.length < 6) return value => partsMatch(parts, value);
  return value => {
    const actual = arnSegments(value);
    return actual !== undefined && segments.every((segment, i) => partsMatch(segment, actual[i]));
  };
}
