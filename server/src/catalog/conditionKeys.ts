// Condition key lookup, case-insensitive as IAM is. In order:
//   1. our tables (global keys, identity-provider keys), which carry availability text and fix types;
//   2. the service condition key tables of iam-data (only the owning service is decoded);
//   3. keys with variable parts (`aws:ResourceTag/${TagKey}`, `s3:ExistingObjectTag/${key}`,
//      `codebuild:secondarySources/${sourceIdentifier}.location`), where each ${...} matches 1+ characters;
//   4. the claims of any OIDC provider (`<host>[/path]:aud|sub|amr|azp|email`).
import type { ServiceEntry } from './compact';
import type { ConditionKeyInfo } from './types';
import { GLOBAL_CONDITION_KEYS } from './tables/globalConditionKeys';
import { FEDERATED_CONDITION_KEYS, oidcClaimKey } from './tables/federatedKeys';
import { BoundedCache } from '../util/memo';
import { hasVariable } from '../util/policyVariables';
import { keyTemplate } from '../util/wildcard';

interface KeyTemplate {
  /** the lower-case literal text before the first ${...}: a key that does not start with it cannot match */
  prefix: string;
  pattern: RegExp;
  resolve: () => ConditionKeyInfo | undefined;
}

export class ConditionKeyIndex {
  private readonly ownKeys = new Map<string, ConditionKeyInfo>();
  private catalogKeys: Map<string, number> | undefined;
  private templates: KeyTemplate[] | undefined;
  private readonly cache = new BoundedCache<string, ConditionKeyInfo | null>(5000);

  constructor(
    private readonly keys: readonly string[],
    private readonly keyOwners: readonly number[],
    private readonly services: readonly ServiceEntry[],
  ) {
    for (const info of [...GLOBAL_CONDITION_KEYS, ...FEDERATED_CONDITION_KEYS]) this.ownKeys.set(info.key.toLowerCase(), info);
  }

  lookup(key: string): ConditionKeyInfo | undefined {
    const lower = key.toLowerCase();
    const cached = this.cache.get(lower);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.ownKeys.get(lower) ?? this.fromCatalog(lower) ?? this.fromTemplates(lower) ?? oidcClaimKey(key);
    this.cache.set(lower, found ?? null);
    return found;
  }

  private fromCatalog(lower: string): ConditionKeyInfo | undefined {
    this.catalogKeys ??= new Map(this.keys.map((k, i) => [k.toLowerCase(), i]));
    const index = this.catalogKeys.get(lower);
    return index === undefined ? undefined : this.owned(index, lower);
  }

  private owned(index: number, lower: string): ConditionKeyInfo | undefined {
    const owner = this.keyOwners[index];
    return owner >= 0 ? this.services[owner].conditionKeyNamed(lower) : undefined;
  }

  private fromTemplates(lower: string): ConditionKeyInfo | undefined {
    this.templates ??= this.compileTemplates();
    return this.templates.find(t => lower.startsWith(t.prefix) && t.pattern.test(lower))?.resolve();
  }

  private compileTemplates(): KeyTemplate[] {
    const templates: KeyTemplate[] = [];
    for (const info of this.ownKeys.values()) {
      if (hasVariable(info.key)) templates.push({ ...keyTemplate(info.key), resolve: () => info });
    }
    this.keys.forEach((key, index) => {
      if (hasVariable(key)) {
        templates.push({ ...keyTemplate(key), resolve: () => this.owned(index, key.toLowerCase()) });
      }
    });
    return templates;
  }
}
