// The catalog actions that an action name of a policy stands for (wildcards expanded), worked out
// once per name and catalog, and what rules derive from them, worked out once per expansion:
// policies repeat the same few thousand names across statements and documents.
import { perCatalog } from '../catalog/perCatalog';
import type { ActionInfo, Catalog } from '../catalog/types';
import { hasWildcard } from '../policy/wildcard';

const names = new WeakMap<ActionInfo, string>();

/** "s3:GetObject" (memoised: long policies name thousands of actions on every keystroke). */
export function actionName(action: ActionInfo): string {
  let name = names.get(action);
  if (name === undefined) names.set(action, (name = `${action.service}:${action.name}`));
  return name;
}

/** The actions of one name (in any letter case), with the values perExpansion memos derived from them. */
export class Expansion {
  /** by the slot of each perExpansion memo */
  readonly derived: unknown[] = [];
  /** name: lower case */
  constructor(readonly name: string, readonly actions: ActionInfo[]) {}
}

const EXPANSION_CACHE_LIMIT = 20000;

const expansionOfLowerCase = perCatalog((catalog, key): Expansion => {
  if (hasWildcard(key)) return new Expansion(key, catalog.matchActions(key));
  const colon = key.indexOf(':');
  const action = colon > 0 ? catalog.action(key.slice(0, colon), key.slice(colon + 1)) : undefined;
  return new Expansion(key, action ? [action] : []);
}, EXPANSION_CACHE_LIMIT);

/** The expansion of an action name, case-insensitive; memoised by the text as written, then lower-cased. */
export const expansionOf = perCatalog((catalog, text) => expansionOfLowerCase(catalog, text.toLowerCase()), EXPANSION_CACHE_LIMIT);

/** The catalog actions an action name stands for, case-insensitive. */
export function expandAction(catalog: Catalog, text: string): ActionInfo[] {
  return expansionOf(catalog, text).actions;
}

let slots = 0;

/**
 * What a rule derives from an entry's actions (or its lower-case name), worked out once per expansion
 * (entries with the same name, in any statement or document, share it) and kept in the expansion's
 * slot for this memo.
 */
export function perExpansion<T>(derive: (actions: readonly ActionInfo[], catalog: Catalog, name: string) => T): (entry: { expansion: Expansion }, catalog: Catalog) => T {
  const slot = slots++;
  return ({ expansion }, catalog) => {
    let value = expansion.derived[slot] as T | undefined;
    if (value === undefined) expansion.derived[slot] = value = derive(expansion.actions, catalog, expansion.name);
    return value;
  };
}
