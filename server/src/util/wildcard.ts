// IAM wildcards: `*` matches any run of characters (also none), `?` matches one character.
// Source: IAM User Guide, "IAM JSON policy elements: Action / Resource" and "Condition operators"
// (StringLike, ArnLike). Matching is iterative, not a regular expression: a backtracking RegExp
// takes minutes on a pattern such as `s3:*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b`, and overflows the stack
// on thousands of `*`; this loop is O(pattern × value) at worst, with no recursion. Regular
// expressions only for the catalog's own short patterns (an ARN segment, a key template).
import { BoundedCache } from './memo';
import { hasVariable, literalParts } from './policyVariables';

/** A compiled wildcard pattern. */
export interface WildcardPattern {
  readonly pattern: string;
  test(value: string): boolean;
}

const STAR = 42; // *
const QUESTION = 63; // ?

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/**
 * Whether an Action value has a wildcard before its colon (`*:*`, `s3*:Get*`). IAM's grammar makes an
 * action "a service namespace, a colon, and the name of an action"; only "action names can include
 * wildcards" (IAM User Guide, "Grammar of the IAM JSON policy language", action_string:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html), and IAM Access
 * Analyzer reports a service that does not exist as an error ("Invalid service in action",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html).
 * Such a value is malformed (IAM100) and matches no action anywhere: rules, hover, summary, simulator.
 */
export function hasServiceWildcard(action: string): boolean {
  const colon = action.indexOf(':');
  return colon > 0 && hasWildcard(action.slice(0, colon));
}

/** A wildcard or a policy variable: the text may stand for more than itself. */
export function hasWildcardOrVariable(text: string): boolean {
  return hasWildcard(text) || hasVariable(text);
}

/** What a position of a pattern is, when a `*` or `?` can also be literal text (after `${*}`). */
export const GlobUnit = { Literal: 0, Star: 1, One: 2 } as const;
export type GlobUnit = (typeof GlobUnit)[keyof typeof GlobUnit];

/**
 * Whole-string match of `value` against `pattern` (case-sensitive; lower-case both for IAM names).
 * `units` says which positions are wildcards; without it, every `*` and `?` is one.
 */
export function globMatch(pattern: string, value: string, units?: Uint8Array): boolean {
  let p = 0;
  let v = 0;
  let star = -1; // position in the pattern just after the last `*` seen
  let starValue = 0; // where in the value that `*` stopped matching
  while (v < value.length) {
    const unit: number = p < pattern.length ? unitAt(pattern, units, p) : GlobUnit.Literal;
    if (unit === GlobUnit.Star) {
      star = ++p;
      starValue = v;
    } else if (p < pattern.length && (unit === GlobUnit.One || pattern.charCodeAt(p) === value.charCodeAt(v))) {
      p++;
      v++;
    } else if (star >= 0) {
      p = star; // let the last `*` take one more character, retry from there
      v = ++starValue;
    } else {
      return false;
    }
  }
  while (p < pattern.length && unitAt(pattern, units, p) === GlobUnit.Star) p++;
  return p === pattern.length;
}

/** What position p of the pattern is (not a closure in globMatch: it runs for every action name). */
function unitAt(pattern: string, units: Uint8Array | undefined, p: number): number {
  if (units) return units[p];
  const c = pattern.charCodeAt(p);
  return c === STAR ? GlobUnit.Star : c === QUESTION ? GlobUnit.One : GlobUnit.Literal;
}

/** Compiled patterns, case-sensitive and case-insensitive (two maps: no key to build per lookup). */
const caches = { sensitive: new BoundedCache<string, WildcardPattern>(5000), insensitive: new BoundedCache<string, WildcardPattern>(5000) };

/** A matcher of whole strings against an IAM wildcard pattern; cached, as the same few patterns recur. */
export function compileWildcard(pattern: string, caseInsensitive = false): WildcardPattern {
  const cache = caseInsensitive ? caches.insensitive : caches.sensitive;
  let compiled = cache.get(pattern);
  if (!compiled) {
    const folded = caseInsensitive ? pattern.toLowerCase() : pattern;
    compiled = caseInsensitive ? { pattern, test: value => globMatch(folded, value.toLowerCase()) } : { pattern, test: value => globMatch(folded, value) };
    cache.set(pattern, compiled);
  }
  return compiled;
}

/** Whether an Action value matches an action name, case-insensitive; a value with a wildcard in its service prefix matches none (hasServiceWildcard). */
export function actionMatch(pattern: string, action: string): boolean {
  return !hasServiceWildcard(pattern) && wildcardMatch(pattern, action, true);
}

export function wildcardMatch(pattern: string, value: string, caseInsensitive = false): boolean {
  if (!hasWildcard(pattern)) return caseInsensitive ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  return compileWildcard(pattern, caseInsensitive).test(value);
}

/** Regular-expression source of text whose * and ? become `star` and `one`; all else is literal. */
function globSource(text: string, star: string, one: string): string {
  return text.replace(/[.+^${}()|[\]\\*?]/g, c => (c === '*' ? star : c === '?' ? one : `\\${c}`));
}

/** One segment of an ARN in a policy (`s3*`, `${aws:x}`): case-sensitive, never crossing a colon. */
export function arnSegmentRegExp(segment: string): RegExp {
  const source = literalParts(segment)
    .map(part => globSource(part, '[^:]*', '[^:]'))
    .join('[^:]*');
  return new RegExp(`^${source}$`, 's');
}

/**
 * `aws:ResourceTag/${TagKey}` -> a case-insensitive pattern where each `${...}` matches one or more
 * characters, and the lower-case text it starts with, to test a lower-case key before the pattern
 * (exact for ASCII text: without the u flag, /i folds no other character into ASCII; else "").
 */
export function keyTemplate(template: string): { prefix: string; pattern: RegExp } {
  const literals = literalParts(template);
  const source = literals.map(literal => globSource(literal, '\\*', '\\?')).join('.+');
  return { prefix: /^[\x00-\x7f]*$/.test(literals[0]) ? literals[0].toLowerCase() : '', pattern: new RegExp(`^${source}$`, 'is') };
}
