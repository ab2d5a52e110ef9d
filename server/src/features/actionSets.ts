// Sets of actions as hover and the access summary see them: what an Action pattern matches
// (memoised per catalog: `s3:Get*` is matched once, not on every hover or code lens), and
// actions grouped by access level.
import { ACCESS_LEVELS, type AccessLevel, type ActionInfo, type Catalog } from '../catalog/types';
import { perCatalog } from '../catalog/memo';

const matches = perCatalog((catalog, pattern) => catalog.matchActions(pattern));

/** How many actions a service has per access level (memoised: the summary asks for every service it lists). */
export const serviceLevelTotals = perCatalog((catalog, prefix) => countByLevel(catalog.service(prefix)?.actions ?? []));

/** The actions an Action/NotAction value matches; case-insensitive like IAM. */
export function matchedActions(catalog: Catalog, pattern: string): ActionInfo[] {
  return matches(catalog, pattern.toLowerCase());
}

export type ByLevel<T> = Record<AccessLevel, T>;

export function byLevel<T>(make: () => T): ByLevel<T> {
  return { List: make(), Read: make(), Write: make(), 'Permissions management': make(), Tagging: make() };
}

/** How many of the actions are at each access level. */
export function countByLevel(actions: Iterable<ActionInfo>): ByLevel<number> {
  const counts = byLevel(() => 0);
  for (const action of actions) counts[action.accessLevel]++;
  return counts;
}

/** Action names per access level, each list sorted. */
export function groupByLevel(actions: Iterable<ActionInfo>): ByLevel<string[]> {
  const groups = byLevel<string[]>(() => []);
  for (const action of actions) groups[action.accessLevel].push(action.name);
  for (const level of ACCESS_LEVELS) groups[level].sort();
  return groups;
}

/** "12 Read, 3 Write" (levels in the console's order; empty levels left out). */
export function levelCountsText(counts: ByLevel<number>): string {
  return ACCESS_LEVELS.filter(level => counts[level] > 0)
    .map(level => `${counts[level]} ${level}`)
    .join(', ');
}

/** Levels whose actions can change data, permissions or tags: the ones a reader must notice. */
export const SENSITIVE_LEVELS: readonly AccessLevel[] = ['Write', 'Permissions management', 'Tagging'];
