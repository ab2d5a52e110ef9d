// IAM wildcards: `*` matches any run of characters (also none), `?` matches one character.
// Source: IAM User Guide, "IAM JSON policy elements: Action / Resource" and "Condition operators"
// (StringLike, ArnLike). Compiled patterns are cached: the same few patterns are matched over and over.

const cache = new Map<string, RegExp>();

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/** A RegExp that matches the whole string against an IAM wildcard pattern. */
export function wildcardToRegExp(pattern: string, caseInsensitive = false): RegExp {
  const cacheKey = (caseInsensitive ? 'i' : 's') + pattern;
  let regexp = cache.get(cacheKey);
  if (!regexp) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    regexp = new RegExp(`^${body}$`, caseInsensitive ? 'is' : 's');
    if (cache.size > 5000) cache.clear();
    cache.set(cacheKey, regexp);
  }
  return regexp;
}

export function wildcardMatch(pattern: string, value: string, caseInsensitive = false): boolean {
  if (!hasWildcard(pattern)) return caseInsensitive ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  return wildcardToRegExp(pattern, caseInsensitive).test(value);
}
