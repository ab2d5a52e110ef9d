// IAM's * and ? wildcards for names matched case-insensitively (service prefixes, action names, keys).

export const hasWildcard = (text: string): boolean => /[*?]/.test(text);

/** `s3:Get*` -> /^s3:get.*$/i. Every other character is literal. */
export function wildcardRegExp(pattern: string): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\*?]/g, c => (c === '*' ? '.*' : c === '?' ? '.' : `\\${c}`));
  return new RegExp(`^${source}$`, 'is');
}

/** `aws:ResourceTag/${TagKey}` -> a case-insensitive pattern where each `${...}` matches one or more characters. */
export function keyTemplateRegExp(template: string): RegExp {
  const source = template.split(/\$\{[^}]*\}/)
    .map(literal => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+');
  return new RegExp(`^${source}$`, 'is');
}

/** A Map that forgets everything once it holds `limit` entries: enough for per-keystroke caches. */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K): V | undefined { return this.map.get(key); }
  has(key: K): boolean { return this.map.has(key); }

  set(key: K, value: V): V {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}
