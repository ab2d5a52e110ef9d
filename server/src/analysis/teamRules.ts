// A team's own rules, from the settings (iamPolicy.requiredConditions, sensitiveActions,
// sensitiveResources), read once per settings object: editor settings reach the server unchecked,
// so malformed entries are left out here (the settings file's own check, settings/settingsFile.ts,
// names them), and what the statements grant, matched against them.
import type { ActionInfo, Catalog } from '../catalog/types';
import { perCatalog } from '../catalog/memo';
import type { Span } from '../policy/model';
import type { IamPolicySettings, RequiredConditionKey } from '../protocol';
import { wildcardMatch } from '../util/wildcard';
import { actionName, perExpansion } from './actionExpansions';
import type { StatementFacts } from './statementFacts';

export interface RequiredKey {
  /** as the team wrote it */
  key: string;
  lower: string;
  /** the values it may have; undefined: any */
  values?: readonly string[];
}

export interface TeamRequirement {
  /** the action patterns, as written */
  actions: readonly string[];
  allOf: readonly RequiredKey[];
  anyOf: readonly RequiredKey[];
  reason?: string;
}

export interface TeamRules {
  requirements: readonly TeamRequirement[];
  sensitiveActions: readonly string[];
  sensitiveResources: readonly string[];
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : []);

function requiredKeys(value: unknown): RequiredKey[] {
  return (Array.isArray(value) ? (value as RequiredConditionKey[]) : []).flatMap(item => {
    if (typeof item === 'string') return item ? [{ key: item, lower: item.toLowerCase() }] : [];
    // Stryker disable next-line ConditionalExpression: equivalent, a value that is no object has no string key either
    if (typeof item !== 'object' || item === null || typeof item.key !== 'string' || !item.key) return [];
    const values = strings(item.values);
    return [{ key: item.key, lower: item.key.toLowerCase(), ...(values.length ? { values } : {}) }];
  });
}

const cache = new WeakMap<IamPolicySettings, TeamRules>();

/** The team's rules in the settings (cached per settings object). */
export function teamRulesOf(settings: IamPolicySettings): TeamRules {
  let rules = cache.get(settings);
  if (!rules) {
    // Stryker disable next-line ArrayDeclaration: equivalent, a list of anything but objects gives no requirement either
    const requirements = (Array.isArray(settings.requiredConditions) ? settings.requiredConditions : []).flatMap(raw => {
      // Stryker disable next-line ConditionalExpression: equivalent, a value that is no object has no actions either (none: left out below)
      if (typeof raw !== 'object' || raw === null) return [];
      const actions = typeof raw.actions === 'string' ? [raw.actions] : strings(raw.actions);
      const allOf = requiredKeys(raw.allOf);
      const anyOf = requiredKeys(raw.anyOf);
      if (actions.length === 0 || allOf.length + anyOf.length === 0) return [];
      return [{ actions, allOf, anyOf, ...(typeof raw.reason === 'string' && raw.reason ? { reason: raw.reason } : {}) }];
    });
    rules = { requirements, sensitiveActions: strings(settings.sensitiveActions), sensitiveResources: strings(settings.sensitiveResources) };
    cache.set(settings, rules);
  }
  return rules;
}

/** The catalog's actions an action pattern names (memoised per catalog and pattern). */
const patternActions = perCatalog((catalog, pattern) => new Set(catalog.matchActions(pattern)));

/** An entry's actions as a set (memoised per expansion). */
const entrySet = perExpansion(actions => new Set<ActionInfo>(actions));

/** Where a statement grants actions a team's patterns name: the entry (or the NotAction key) and the action names. */
export interface GrantedMatch {
  at: Span;
  names: string[];
}

/**
 * The grants of an Allow statement that the patterns name: per Action entry, the catalog actions it
 * stands for that a pattern matches (an entry the catalog does not know is matched by its name);
 * with NotAction, the actions of the patterns that it does not leave out.
 */
export function grantedMatches(facts: StatementFacts, patterns: readonly string[], catalog: Catalog): GrantedMatch[] {
  const lower = patterns.map(p => p.toLowerCase());
  const notAction = facts.statement.notAction;
  if (notAction) {
    const names = new Set<string>();
    for (const pattern of lower) {
      const known = [...patternActions(catalog, pattern)].map(actionName);
      for (const name of known.length ? known : [pattern]) {
        if (!notAction.items.some(i => wildcardMatch(i.value, name, true))) names.add(name);
      }
    }
    return names.size ? [{ at: notAction.entry.keyNode, names: [...names] }] : [];
  }
  const matches: GrantedMatch[] = [];
  for (const entry of facts.actions) {
    const names = new Set<string>();
    if (entry.actions.length === 0 && !entry.wildcard) {
      if (lower.some(p => wildcardMatch(p, entry.item.value, true))) names.add(entry.item.value);
    } else {
      for (const pattern of lower) {
        const named = patternActions(catalog, pattern);
        const granted = entrySet(entry, catalog);
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, which set is walked only saves work (both hold the catalog's actions in its order)
        const [small, large] = granted.size < named.size ? [granted, named] : [named, granted];
        for (const action of small) if (large.has(action)) names.add(actionName(action));
      }
    }
    if (names.size) matches.push({ at: entry.item, names: [...names] });
  }
  return matches;
}
