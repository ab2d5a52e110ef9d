// Which resource types an ARN (as written in a policy) can denote.
//
// The ARN may contain * and ? wildcards and policy variables; the ARN format of a resource type has
// ${Placeholder} parts. "Can denote" means: some concrete ARN matches both, i.e. the two patterns
// intersect. That is decided by walking both patterns together (a product of two small automata), so a
// wildcard in the ARN can stand for placeholder text, literal text or both.
//
// A placeholder matches one or more characters, except the characters that follow the same template
// prefix in this or a sibling format of the same service. So in S3, where `${BucketName}` is followed by
// `/` in the object format, a bucket name cannot contain `/`: `arn:aws:s3:::b/*` is an object, never a
// bucket, while `role/${RoleNameWithPath}` still takes `role/path/name`. Matching is case-sensitive, as
// IAM matches ARNs. A policy variable `${...}` matches any text (the specials ${*} ${?} ${$} are the
// literal characters).
import type { ResourceTypeInfo } from './types';

type ArnToken = string | typeof ANY_RUN | typeof ANY_CHAR;       // a string is one literal character
type FormatToken = string | { excluded: ReadonlySet<string> };     // a placeholder: 1+ chars not excluded

const ANY_RUN = 0;   // * or a policy variable: any run of characters, possibly empty
const ANY_CHAR = 1;  // ?: exactly one character
const SPECIAL_VARIABLES: Record<string, string> = { '${*}': '*', '${?}': '?', '${$}': '$' };
const PLACEHOLDER = /\$\{[^}]*\}/g;

/** Tokens of an ARN written in a policy. */
export function arnTokens(arn: string): ArnToken[] {
  const tokens: ArnToken[] = [];
  for (let i = 0; i < arn.length; i++) {
    const c = arn[i];
    if (c === '$' && arn[i + 1] === '{') {
      const end = arn.indexOf('}', i + 2);
      if (end > 0) {
        const variable = arn.slice(i, end + 1);
        tokens.push(SPECIAL_VARIABLES[variable] ?? ANY_RUN);
        i = end;
        continue;
      }
    }
    tokens.push(c === '*' ? ANY_RUN : c === '?' ? ANY_CHAR : c);
  }
  return tokens;
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
    const consumedBy = token === ANY_RUN ? i : i + 1;      // * may go on matching
    if (token === ANY_RUN) push(i + 1, j, inside);         // * matching nothing
    const char = typeof token === 'string' ? token : undefined;  // undefined: any character
    if (inside) {
      const placeholder = format[j] as { excluded: ReadonlySet<string> };
      if (char === undefined || !placeholder.excluded.has(char)) push(consumedBy, j, true);
    } else if (j < m) {
      const expected = format[j];
      if (typeof expected === 'string') {
        if (char === undefined || char === expected) push(consumedBy, j + 1, false);
      } else if (char === undefined || !expected.excluded.has(char)) {
        push(consumedBy, j, true);
      }
    }
  }
  return false;
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
