// Which resource types an ARN (as written in a policy) can denote.
//
// The ARN may contain * and ? wildcards and policy variables; the ARN format of a resource type has
// ${Placeholder} parts. "Can denote" means: some concrete ARN matches both, i.e. the two patterns
// intersect. That is decided by walking both patterns together (a product of two small automata), so a
// wildcard in the ARN can stand for placeholder text, literal text or both.
//
// A placeholder matches one or more characters, except the characters that follow the same template
// prefix in any format with the same ARN service part. So in S3, where `${BucketName}` is followed by
// `/` in the object format, a bucket name cannot contain `/`: `arn:aws:s3:::b/*` is an object, never a
// bucket, while `role/${RoleNameWithPath}` still takes `role/path/name`. Matching is case-sensitive, as
// IAM matches ARNs. A policy variable `${...}` matches any text (the specials ${*} ${?} ${$} are the
// literal characters).
//
// Wildcards follow the IAM User Guide, "IAM JSON policy elements: Resource": * and ? stay within their
// colon-separated segment, except that "if the * wildcard is the last character of a resource ARN
// segment, it can expand to match beyond the colon boundaries"; in the resource part (after the fifth
// colon) colons are ordinary characters. arnTokens(arn, false) gives the segment-bound reading,
// arnTokens(arn, true) the expanding one.
import type { ResourceTypeInfo } from './types';

type ArnToken = string | Wildcard;                               // a string is one literal character
type FormatToken = string | { excluded: ReadonlySet<string> };     // a placeholder: 1+ chars not excluded

interface Wildcard { run: boolean; colon: boolean }              // run: 0+ chars (else exactly 1); colon: may match ':'
const wildcard = (run: boolean, colon: boolean): Wildcard => ({ run, colon });
const SPECIAL_VARIABLES: Record<string, string> = { '${*}': '*', '${?}': '?', '${$}': '$' };
const PLACEHOLDER = /\$\{[^}]*\}/g;
const RESOURCE_PART = 5;   // colons before the resource part

/** Tokens of an ARN written in a policy; `expand`: a * that ends a segment may run past colons. */
export function arnTokens(arn: string, expand: boolean): ArnToken[] {
  const tokens: ArnToken[] = [];
  let colons = 0;
  for (let i = 0; i < arn.length; i++) {
    const c = arn[i];
    const inResource = colons >= RESOURCE_PART;
    if (c === '$' && arn[i + 1] === '{') {
      const end = arn.indexOf('}', i + 2);
      if (end > 0) {
        const variable = arn.slice(i, end + 1);
        tokens.push(SPECIAL_VARIABLES[variable] ?? wildcard(true, true));
        i = end;
        continue;
      }
    }
    if (c === ':') colons++;
    if (c === '*') {
      const endsSegment = i + 1 === arn.length || arn[i + 1] === ':';
      tokens.push(wildcard(true, inResource || (expand && endsSegment)));
    } else {
      tokens.push(c === '?' ? wildcard(false, inResource) : c);
    }
  }
  return tokens;
}

/** Whether the ARN has a * that ends one of its first five segments (the two readings differ). */
export function hasExpandingWildcard(arn: string): boolean {
  const segments = arn.split(':');
  return segments.slice(0, RESOURCE_PART).some(segment => segment.endsWith('*'));
}

/**
 * Tokens of ARN formats that share an ARN service part (whichever service of the catalog lists them),
 * one token list per format, in the same order.
 */
export function formatTokens(formats: readonly string[]): FormatToken[][] {
  return formats.map(format => {
    const tokens: FormatToken[] = [];
    let last = 0;
    for (const match of format.matchAll(PLACEHOLDER)) {
      const start = match.index ?? 0;
      for (const c of format.slice(last, start)) tokens.push(c);
      last = start + match[0].length;
      const prefix = format.slice(0, last);
      const excluded = new Set<string>();
      for (const other of formats) {
        const next = other.startsWith(prefix) ? other[last] : undefined;
        if (next !== undefined && next !== '$') excluded.add(next);
      }
      tokens.push({ excluded });
    }
    for (const c of format.slice(last)) tokens.push(c);
    return tokens;
  });
}

/** Whether some ARN matches both the policy's ARN pattern and the resource type's format. */
export function intersects(arn: readonly ArnToken[], format: readonly FormatToken[]): boolean {
  const n = arn.length;
  const m = format.length;
  // State (i, j, inside): i ARN tokens and j format tokens consumed; inside = within placeholder j,
  // having matched at least one character of it.
  const seen = new Uint8Array((n + 1) * (m + 1) * 2);
  const stack: number[] = [0];
  const push = (i: number, j: number, inside: boolean) => {
    const state = ((i * (m + 1)) + j) * 2 + (inside ? 1 : 0);
    if (!seen[state]) { seen[state] = 1; stack.push(state); }
  };
  seen[0] = 1;
  while (stack.length > 0) {
    const state = stack.pop() as number;
    const inside = (state & 1) === 1;
    const j = (state >> 1) % (m + 1);
    const i = Math.floor((state >> 1) / (m + 1));
    if (i === n && j === m && !inside) return true;
    if (inside) push(i, j + 1, false);
    if (i === n) continue;
    const token = arn[i];
    const run = typeof token !== 'string' && token.run;
    const consumedBy = run ? i : i + 1;                    // * may go on matching
    if (run) push(i + 1, j, inside);                       // * matching nothing
    if (inside) {
      if (fitsPlaceholder(token, format[j] as { excluded: ReadonlySet<string> })) push(consumedBy, j, true);
    } else if (j < m) {
      const expected = format[j];
      if (typeof expected === 'string') {
        if (typeof token === 'string' ? token === expected : token.colon || expected !== ':') push(consumedBy, j + 1, false);
      } else if (fitsPlaceholder(token, expected)) {
        push(consumedBy, j, true);
      }
    }
  }
  return false;
}

/** A character of the token can be part of the placeholder (a wildcard: some character can). */
function fitsPlaceholder(token: ArnToken, placeholder: { excluded: ReadonlySet<string> }): boolean {
  return typeof token !== 'string' || !placeholder.excluded.has(token);
}

/** Resource types whose ARN formats share one ARN service part, with their compiled formats. */
export class FormatGroup {
  private readonly tokens: FormatToken[][];
  constructor(readonly resourceTypes: readonly ResourceTypeInfo[]) {
    this.tokens = formatTokens(resourceTypes.map(r => r.arnFormat));
  }

  matching(arn: readonly ArnToken[]): ResourceTypeInfo[] {
    return this.resourceTypes.filter((_, i) => intersects(arn, this.tokens[i]));
  }
}

/** The service part (third component) of an ARN or ARN format. */
export function serviceOfFormat(arn: string): string {
  return arn.split(':', 3)[2] ?? '';
}
