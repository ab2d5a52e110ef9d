// What the statement around the cursor already says, for ranking what completion offers in its other
// elements: its actions (wildcards expanded), the resource types they act on and the condition keys
// they support. Computed once per parsed statement.
import type { ActionInfo, Catalog, ResourceTypeInfo } from '../../catalog/types';
import type { Statement } from '../../policy/model';
import { variableCount } from '../../util/policyVariables';

export interface NeededResourceType {
  type: ResourceTypeInfo;
  /** actions (service:Name) for which the type is required */
  requiredBy: string[];
  /** actions that accept the type without requiring it */
  optionalFor: string[];
}

export interface StatementFacts {
  actions: ActionInfo[];
  /** required by most actions first */
  resourceTypes: NeededResourceType[];
  /** lower-cased condition key -> how many of the actions (or their resource types) support it */
  conditionKeys: Map<string, number>;
}

// `s3:*` expands to ~180 actions; `*` or `*:Get*` to thousands, which says nothing about the statement.
const MAX_ACTIONS = 1000;
const EMPTY: StatementFacts = { actions: [], resourceTypes: [], conditionKeys: new Map() };
const cache = new WeakMap<Statement, StatementFacts>();

/** The catalog actions that the statement's Action element names (not NotAction: that names the others). */
function actionsOf(statement: Statement, catalog: Catalog): ActionInfo[] {
  const found = new Set<ActionInfo>();
  for (const item of statement.action?.items ?? []) {
    const colon = item.value.indexOf(':');
    if (colon <= 0 || /[*?]/.test(item.value.slice(0, colon))) continue;
    for (const action of catalog.matchActions(item.value)) {
      if (found.size >= MAX_ACTIONS) return [...found];
      found.add(action);
    }
  }
  return [...found];
}

function collect(statement: Statement, catalog: Catalog): StatementFacts {
  const actions = actionsOf(statement, catalog);
  if (actions.length === 0) return EMPTY;
  const types = new Map<ResourceTypeInfo, NeededResourceType>();
  const conditionKeys = new Map<string, number>();
  const count = (keys: readonly string[]) => {
    for (const key of keys) conditionKeys.set(key.toLowerCase(), (conditionKeys.get(key.toLowerCase()) ?? 0) + 1);
  };
  for (const action of actions) {
    const name = `${action.service}:${action.name}`;
    count(action.conditionKeys);
    for (const ref of action.resourceTypes) {
      const type = catalog.resourceType(action.service, ref.name);
      if (!type) continue;
      let needed = types.get(type);
      if (!needed) types.set(type, (needed = { type, requiredBy: [], optionalFor: [] }));
      (ref.required ? needed.requiredBy : needed.optionalFor).push(name);
      count(ref.conditionKeys);
    }
  }
  for (const type of types.keys()) count(type.conditionKeys);
  // Ties (S3 lists object and accesspointobject, neither required, for GetObject): the type the action
  // names (GetObject -> object), then the plainer ARN.
  const named = (t: NeededResourceType) =>
    [...t.requiredBy, ...t.optionalFor].filter(action => action.toLowerCase().includes(t.type.name.toLowerCase().replace(/[^a-z0-9]/g, ''))).length;
  const placeholders = (t: NeededResourceType) => variableCount(t.type.arnFormat);
  const resourceTypes = [...types.values()].sort(
    (a, b) =>
      b.requiredBy.length - a.requiredBy.length ||
      b.optionalFor.length - a.optionalFor.length ||
      named(b) - named(a) ||
      placeholders(a) - placeholders(b) ||
      a.type.name.localeCompare(b.type.name),
  );
  return { actions, resourceTypes, conditionKeys };
}

export function statementFacts(statement: Statement | undefined, catalog: Catalog): StatementFacts {
  if (!statement) return EMPTY;
  let facts = cache.get(statement);
  if (!facts) cache.set(statement, (facts = collect(statement, catalog)));
  return facts;
}
