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
// colon) colons are ordinary characters. arnPattern(arn, false) gives the segment-bound reading,
// arnPattern(arn, true) the expanding one.
//
// Tokens are numbers, so that matching allocates nothing: a literal character is its char code (>= 0);
// a wildcard of the ARN and a placeholder of a format are negative.
import type { ResourceTypeInfo } from './types';
import { StateSearch } from '../util/stateSearch';
import { type ArnHead, COLON, RESOURCE_PART, arnHead, formatHead, headsAgree } from './arnHeads';
import { POLICY_VARIABLE } from '../util/policyVariables';

/** ARN wildcards: * (a run of 0+ characters) or ? (exactly one), each either allowed to match ':' or not. */
const RUN_ANY = -1;
const RUN_IN_SEGMENT = -2;
const ONE_ANY = -3;
const ONE_IN_SEGMENT = -4;
const SPECIAL_VARIABLES: Record<string, number> = { '${*}': 42, '${?}': 63, '${$}': 36 };

/** An ARN of a policy, compiled for one reading. */
export interface ArnPattern {
  tokens: Int32Array;
  /** its first five segments, for the pre-filter; undefined when they may not line up with a format's */
  head: ArnHead | undefined;
}

/**
 * An ARN format: literal char codes, and placeholder k as -(k + 1), whose excluded characters are
 * `excluded[k]`.
 */
export interface FormatPattern {
  tokens: Int32Array;
  excluded: readonly ReadonlySet<number>[];
  head: ArnHead | undefined;
}

/** An ARN written in a policy; `expand`: a * that ends a segment may run past colons. */
export function arnPattern(arn: string, expand: boolean): ArnPattern {
  const tokens = new Int32Array(arn.length); // at most one token a character
  let count = 0;
  let colons = 0;
  for (let i = 0; i < arn.length; i++) {
    const c = arn.charCodeAt(i);
    const inResource = colons >= RESOURCE_PART;
    if (c === 36 && arn.charCodeAt(i + 1) === 123) {
      // ${
      const end = arn.indexOf('}', i + 2);
      if (end > 0) {
        tokens[count++] = SPECIAL_VARIABLES[arn.slice(i, end + 1)] ?? RUN_ANY;
        i = end;
        continue;
      }
    }
    if (c === COLON) colons++;
    if (c === 42) {
      // *
      const endsSegment = i + 1 === arn.length || arn.charCodeAt(i + 1) === COLON;
      tokens[count++] = inResource || (expand && endsSegment) ? RUN_ANY : RUN_IN_SEGMENT;
    } else if (c === 63) {
      // ?
      tokens[count++] = inResource ? ONE_ANY : ONE_IN_SEGMENT;
    } else {
      tokens[count++] = c;
    }
  }
  // In the expanding reading a * may take colons of the first five segments: they no longer line up.
  return { tokens: tokens.subarray(0, count), head: expand ? undefined : arnHead(arn) };
}

/** Whether the ARN has a * that ends one of its first five segments (the two readings differ). */
export function hasExpandingWildcard(arn: string): boolean {
  const segments = arn.split(':');
  return segments.slice(0, RESOURCE_PART).some(segment => segment.endsWith('*'));
}

/** ARN formats that share an ARN service part (whichever service of the catalog lists them), compiled in the same order. */
export function formatPatterns(formats: readonly string[]): FormatPattern[] {
  const followers = placeholderFollowers(formats);
  return formats.map(format => {
    const tokens: number[] = [];
    const excluded: ReadonlySet<number>[] = [];
    let colons = 0;
    let alignable = true; // no placeholder of the first five segments may match ':'
    const literal = (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const c = format.charCodeAt(i);
        if (c === COLON) colons++;
        tokens.push(c);
      }
    };
    let last = 0;
    for (const match of format.matchAll(POLICY_VARIABLE)) {
      const start = match.index ?? 0;
      literal(last, start);
      last = start + match[0].length;
      const chars = followers.get(format.slice(0, last)) as ReadonlySet<number>; // every placeholder's end is there
      if (colons < RESOURCE_PART && !chars.has(COLON)) alignable = false;
      excluded.push(chars);
      tokens.push(-excluded.length);
    }
    literal(last, format.length);
    return { tokens: Int32Array.from(tokens), excluded, head: alignable ? formatHead(tokens) : undefined };
  });
}

/**
 * The text up to the end of each placeholder -> the characters that follow it in the formats (not
 * `$`: the start of another placeholder). Formats that start with the same text up to a placeholder's
 * end have that placeholder there too, so these are the characters a placeholder excludes.
 */
function placeholderFollowers(formats: readonly string[]): Map<string, Set<number>> {
  const followers = new Map<string, Set<number>>();
  for (const format of formats) {
    for (const match of format.matchAll(POLICY_VARIABLE)) {
      const end = (match.index ?? 0) + match[0].length;
      const prefix = format.slice(0, end);
      let chars = followers.get(prefix);
      if (!chars) followers.set(prefix, (chars = new Set()));
      if (end < format.length && format[end] !== '$') chars.add(format.charCodeAt(end));
    }
  }
  return followers;
}

const search = new StateSearch();

/** Whether some ARN matches both the policy's ARN pattern and the resource type's format. */
export function intersects(arn: Int32Array, format: FormatPattern): boolean {
  const n = arn.length;
  const { tokens, excluded } = format;
  const m = tokens.length;
  // State (i, j, inside) as (i * (m + 1) + j) * 2 + inside: i ARN tokens and j format tokens consumed;
  // inside = within placeholder j, having matched at least one character of it.
  const width = (m + 1) * 2;
  search.start((n + 1) * width);
  for (let state = search.next(); state >= 0; state = search.next()) {
    const inside = state & 1;
    const i = Math.floor(state / width);
    const j = (state - i * width) >> 1;
    if (i === n && j === m && inside === 0) return true;
    if (inside === 1) search.push(state + 1); // (i, j + 1, outside)
    if (i === n) continue;
    const token = arn[i];
    const run = token === RUN_ANY || token === RUN_IN_SEGMENT;
    const next = run ? state : state + width; // * may go on matching
    if (run) search.push(state + width); // * matching nothing
    if (inside === 1) {
      if (token < 0 || !excluded[-tokens[j] - 1].has(token)) search.push(next);
    } else if (j < m) {
      const expected = tokens[j];
      if (expected >= 0) {
        const matches = token >= 0 ? token === expected : token === RUN_ANY || token === ONE_ANY || expected !== COLON;
        if (matches) search.push(next + 2); // (.., j + 1, outside)
      } else if (token < 0 || !excluded[-expected - 1].has(token)) {
        search.push(next + 1); // (.., j, inside)
      }
    }
  }
  return false;
}

/** Resource types whose ARN formats share one ARN service part, with their compiled formats. */
export class FormatGroup {
  private readonly formats: FormatPattern[];
  constructor(readonly resourceTypes: readonly ResourceTypeInfo[]) {
    this.formats = formatPatterns(resourceTypes.map(r => r.arnFormat));
  }

  /** Adds to `found` the resource types whose formats the ARN pattern can name. */
  addMatching(arn: ArnPattern, found: ResourceTypeInfo[]): void {
    this.formats.forEach((format, i) => {
      if (arn.head && format.head && !headsAgree(arn.head, format.head)) return;
      if (intersects(arn.tokens, format)) found.push(this.resourceTypes[i]);
    });
  }
}

/** The service part (third component) of an ARN or ARN format. */
export function serviceOfFormat(arn: string): string {
  const start = arn.indexOf(':', arn.indexOf(':') + 1) + 1;
  if (start === 0) return '';
  const end = arn.indexOf(':', start);
  return end < 0 ? arn.slice(start) : arn.slice(start, end);
}
