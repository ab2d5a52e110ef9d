// The catalog actions that an action name of a policy stands for (wildcards expanded), worked out
// once per name and catalog, and what rules derive from them, worked out once per expansion:
// policies repeat the same few thousand names across statements and documents.
import { perCatalog } from '../catalog/memo';
import type { ActionInfo, Catalog } from '../catalog/types';
import { hasWildcard } from '../util/wildcard';

const names = new WeakMap<ActionInfo, string>();

/** "s3:GetObject" (memoised: long policies name thousands of actions on every keystroke). */
export function actionName(action: ActionInfo): string {
  let name = names.get(action);
  // Stryker disable next-line ConditionalExpression: equivalent, a memo
  if (name === undefined) names.set(action, (name = `${action.service}:${action.name}`));
  return name;
}

/** How many slots perOwner has handed out: every memo is made when its rule module loads. */
let slots = 0;

/** Values that rules derive from an object once, kept in numbered slots of the object. */
class Derived {
  // sized once: filling slots of an empty array one by one would grow it past the slots' number
  // Stryker disable next-line ArrayDeclaration: equivalent, the size only saves the array's growing
  readonly derived: unknown[] = new Array(slots);
}

/** The actions of one name (in any letter case), with what perExpansion memos derived from them. */
export class Expansion extends Derived {
  /** name: lower case */
  constructor(
    readonly name: string,
    readonly actions: ActionInfo[],
  ) {
    super();
  }
}

/** An action name as written (IAM106 looks at its letter case), with its expansion. */
export class Spelling extends Derived {
  constructor(
    readonly text: string,
    readonly expansion: Expansion,
  ) {
    super();
  }
}

/**
 * Names a memo holds before it starts afresh: every name of a large policy (the largest AWS managed
 * policy has 4,533), so that re-checking it after an edit finds them all (at 2,000 it took 2.5x as
 * long). 20,000 kept 9 MB more resident in the server after the corpus; the checker, one pass, holds
 * five times as many (scaleMemoCapacity in util/memo.ts), which works each name of the corpus out once.
 */
const EXPANSION_CACHE_LIMIT = 5000;

const expansionOfLowerCase = perCatalog((catalog, key): Expansion => {
  // Stryker disable next-line ConditionalExpression: equivalent, a fast path: matchActions reads a name without wildcards as that one action
  if (hasWildcard(key)) return new Expansion(key, catalog.matchActions(key));
  const colon = key.indexOf(':');
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, no service has an empty prefix: catalog.action finds nothing either
  const action = colon > 0 ? catalog.action(key.slice(0, colon), key.slice(colon + 1)) : undefined;
  return new Expansion(key, action ? [action] : []);
}, EXPANSION_CACHE_LIMIT);

/** An action name as written, with its expansion (case-insensitive, so every spelling of a name shares it). */
export const spellingOf = perCatalog((catalog, text) => new Spelling(text, expansionOfLowerCase(catalog, text.toLowerCase())), EXPANSION_CACHE_LIMIT);

/** The catalog actions an action name stands for, case-insensitive. */
export function expandAction(catalog: Catalog, text: string): ActionInfo[] {
  return spellingOf(catalog, text).expansion.actions;
}

/** What a slot holds when the derived value is undefined (an empty slot is one not worked out yet). */
const UNDEFINED = Symbol('undefined');

/** derive(owner, catalog), worked out once per owner and kept in the owner's slot for this memo. */
function perOwner<O extends Derived, T>(derive: (owner: O, catalog: Catalog) => T): (owner: O, catalog: Catalog) => T {
  // Stryker disable next-line UpdateOperator: static, perOwner runs only as the modules load, before any mutant is switched on (ignoreStatic)
  const slot = slots++;
  return (owner, catalog) => {
    let value = owner.derived[slot];
    if (value === undefined) {
      value = derive(owner, catalog);
      owner.derived[slot] = value === undefined ? UNDEFINED : value;
    }
    return (value === UNDEFINED ? undefined : value) as T;
  };
}

/**
 * What a rule derives from an entry's actions (or its lower-case name), worked out once per expansion:
 * entries with the same name, in any statement or document, share it.
 */
export function perExpansion<T>(
  derive: (actions: readonly ActionInfo[], catalog: Catalog, name: string) => T,
): (entry: { expansion: Expansion }, catalog: Catalog) => T {
  const memo = perOwner<Expansion, T>((expansion, catalog) => derive(expansion.actions, catalog, expansion.name));
  return (entry, catalog) => memo(entry.expansion, catalog);
}

/** What a rule derives from an action name as written, worked out once per spelling. */
export const perSpelling: <T>(derive: (spelling: Spelling, catalog: Catalog) => T) => (spelling: Spelling, catalog: Catalog) => T = perOwner;
