// Relations between IAM wildcard patterns. Coverage: does one pattern match everything another
// matches (`s3:Get*` covers `s3:GetObject`; `arn:*:cloudtrail:*:*:trail/*` covers every trail)?
// Overlap: can an ARN pattern name any resource of an ARN format at all, reading each `${Placeholder}`
// as any text (the loosest reading, for rules that must not warn about an ARN that works:
// CloudWatch Logs actions take `log-group:name:*`, which a strict reading of the format rejects).
// Source: IAM User Guide, "IAM JSON policy elements: Action / Resource" (`*` any run of
// characters, `?` one character; wildcards work within each ARN segment).
import { parseArn, type Arn } from './arn';
import { StateSearch } from '../util/stateSearch';
import { BoundedCache } from '../util/memo';
import { compileWildcard, globMatch, hasWildcard } from '../util/wildcard';
import { hasVariable, replaceVariables } from '../util/policyVariables';

/**
 * Whether every string that `specific` matches is matched by `general` too (case-insensitive unless
 * `caseSensitive`, as ARNs are). Sound, not complete: true only when `general`, reading the wildcards
 * of `specific` as literal text, matches it: each `*` of `specific` then lies inside a `*` of `general`.
 */
export function globCovers(general: string, specific: string, caseSensitive = false): boolean {
  if (general === '*') return true;
  if (!general.includes('*') && !general.includes('?')) return caseSensitive ? general === specific : general.toLowerCase() === specific.toLowerCase();
  // a ? could match a literal * (or one character of a policy variable, which may stand for any text)
  if (general.includes('?') && (specific.includes('*') || specific.includes('${'))) return false;
  return compileWildcard(general, !caseSensitive).test(specific);
}

/**
 * Whether the resource pattern `general` matches every ARN that `specific` matches: segment by segment
 * when both have the six parts of an ARN (wildcards work within a segment), as whole strings when
 * `general` has fewer (`*`, `arn:aws:s3:*`). Case-sensitive, like ARN matching. A policy variable in
 * `specific` is covered only by a `*` of `general` or by the same variable.
 */
export function arnPatternCovers(general: string, specific: string): boolean {
  if (general === '*') return true;
  const wide = parseArn(general);
  if (!wide) return globCovers(general, specific, true);
  const narrow = parseArn(specific);
  return narrow !== undefined && ALL_PARTS.every(part => globCovers(wide[part], narrow[part], true));
}

/** The format with each `${Placeholder}` read as `*`, parsed: what "every resource of the type" looks like. */
export function formatAsPattern(format: string): Arn | undefined {
  return parseArn(replaceVariables(format, '*'));
}

const COVERED_PARTS = ['service', 'region', 'account', 'resource'] as const;
const ALL_PARTS = ['partition', 'service', 'region', 'account', 'resource'] as const;

/**
 * Whether the ARN pattern matches every ARN of the format in its partition, e.g.
 * `arn:*:cloudtrail:*:*:trail/*` for `arn:${Partition}:cloudtrail:${Region}:${Account}:trail/${TrailName}`:
 * the format with each placeholder read as `*` (formatAsPattern) is covered, segment by segment.
 * A policy variable in the pattern names one resource per caller, so such a pattern covers nothing.
 */
export function arnCoversFormat(pattern: Arn, format: Arn): boolean {
  // the partition does not count: an account lives in one partition
  return !hasVariable(pattern.resource) && COVERED_PARTS.every(part => globCovers(pattern[part], format[part]));
}

/** Past this many states (|a| × |b|) the search would take seconds: answer "they may intersect". */
const MAX_INTERSECT_STATES = 1_000_000;

const search = new StateSearch();

/**
 * Whether some string matches both globs (`*` any run, `?` one character); case-insensitive.
 * On huge inputs (megabyte values) true, the loose reading that never causes a false warning.
 */
export function globsIntersect(a: string, b: string): boolean {
  return tooLarge(a, b) || lowerCaseGlobsIntersect(a.toLowerCase(), b.toLowerCase());
}

function tooLarge(a: string, b: string): boolean {
  return (a.length + 1) * (b.length + 1) > MAX_INTERSECT_STATES;
}

/** globsIntersect of two lower-case globs of a size that can be searched. */
function lowerCaseGlobsIntersect(a: string, b: string): boolean {
  // a glob without wildcards is the one string it matches: the other need only match it
  if (!hasWildcard(a)) return globMatch(b, a);
  if (!hasWildcard(b)) return globMatch(a, b);
  // a search over the states (i, j) = (position in a, position in b), with an explicit stack:
  // recursion overflowed on long values
  const width = b.length + 1;
  search.start((a.length + 1) * width);
  for (let key = search.next(); key >= 0; key = search.next()) {
    const i = Math.floor(key / width);
    const j = key - i * width;
    if (i === a.length && j === b.length) return true;
    const ca = a[i];
    const cb = b[j];
    if (ca === '*') search.push(key + width); // the * of a matches nothing more
    if (cb === '*') search.push(key + 1); // the * of b matches nothing more
    if (i === a.length || j === b.length || (ca === '*' && cb === '*')) continue;
    const common = ca === '*' || cb === '*' || ca === '?' || cb === '?' || ca === cb;
    if (common) search.push((ca === '*' ? i : i + 1) * width + (cb === '*' ? j : j + 1));
  }
  return false;
}

/** Policy text -> glob: `${aws:username}` may be anything; `${*}`, `${?}`, `${$}` are one literal character. */
function policyGlob(text: string): string {
  return replaceVariables(text, name => (name === '*' || name === '?' || name === '$' ? '?' : '*'));
}

/** The five parts of an ARN glob as written and in lower case (the size limit counts the former). */
type GlobParts = { text: string; lower: string }[];

function globParts(arn: Arn | undefined): GlobParts | undefined {
  return arn && ALL_PARTS.map(part => ({ text: arn[part], lower: arn[part].toLowerCase() }));
}

const looseFormats = new Map<string, GlobParts | undefined>();
const loosePatterns = new BoundedCache<string, GlobParts | null>(5000);

/** Whether the ARN pattern can name some ARN of the format, each placeholder being one or more characters of any kind. */
export function arnOverlapsFormat(pattern: string, format: string): boolean {
  let have = loosePatterns.get(pattern);
  if (have === undefined) have = loosePatterns.set(pattern, globParts(parseArn(policyGlob(pattern))) ?? null);
  let want = looseFormats.get(format);
  if (want === undefined && !looseFormats.has(format)) {
    want = globParts(parseArn(replaceVariables(format, '?*')));
    looseFormats.set(format, want); // the formats of the catalog: a few thousand
  }
  if (!have || !want) return false;
  // an empty segment of a format (S3 buckets have no Region) matches only an empty segment
  return have.every((a, i) => tooLarge(a.text, want[i].text) || lowerCaseGlobsIntersect(a.lower, want[i].lower));
}
