// What the action, resource and security rules need to know about each statement, worked out
// once per document: the effect, the catalog actions each Action entry stands for (wildcards
// expanded, memoised per catalog: actionExpansions.ts), and the conditions in a flat list.
import type { ActionInfo, Catalog, ParsedOperator } from '../catalog/types';
import { principalValues, type PrincipalValue } from '../policy/principals';
import type { PolicyDocument, Span, Statement, StringItem } from '../policy/model';
import { actionMatch, hasWildcard } from '../util/wildcard';
import { type Expansion, type Spelling, spellingOf } from './actionExpansions';

// features import these from here
export { actionName, expandAction } from './actionExpansions';

export interface ActionEntry {
  item: StringItem;
  /** the catalog actions it names (all matches of a wildcard); empty when unknown or malformed */
  actions: ActionInfo[];
  /** the same actions, shared with every entry of that name */
  expansion: Expansion;
  /** the name as written, shared with every entry that writes it so */
  spelling: Spelling;
  /** `*` alone: every action of every service, also ones the catalog does not know */
  everything: boolean;
  wildcard: boolean;
}

export interface ConditionFact {
  operator: ParsedOperator;
  /** lower case */
  key: string;
  /** as written */
  name: string;
  /** the string values (numbers and booleans as text) */
  values: string[];
}

export interface StatementFacts {
  statement: Statement;
  allow: boolean;
  deny: boolean;
  /** the Action element's entries (empty with NotAction) */
  actions: ActionEntry[];
  conditions: ConditionFact[];
}

/**
 * The items of each entry's list (as listOf gives it, without repeats), in order and without repeats
 * across entries; one entry's list itself when the others are empty.
 */
export function unionOfEntries<T>(facts: StatementFacts, listOf: (entry: ActionEntry) => readonly T[]): readonly T[] {
  let first: readonly T[] | undefined;
  let union: Set<T> | undefined;
  for (const entry of facts.actions) {
    const list = listOf(entry);
    if (list.length === 0) continue;
    if (!first) {
      first = list;
      continue;
    }
    union ??= new Set(first);
    for (const item of list) union.add(item);
  }
  return union ? [...union] : (first ?? []);
}

function conditionFacts(statement: Statement, catalog: Catalog): ConditionFact[] {
  const facts: ConditionFact[] = [];
  for (const operator of statement.condition?.operators ?? []) {
    const parsed = catalog.parseOperator(operator.entry.name);
    for (const key of operator.keys) {
      facts.push({
        operator: parsed,
        key: key.entry.name.toLowerCase(),
        name: key.entry.name,
        values: key.values.filter(v => v.value !== null).map(v => String(v.value)),
      });
    }
  }
  return facts;
}

function factsOfStatement(statement: Statement, catalog: Catalog): StatementFacts {
  const effect = statement.effect?.valueNode?.value;
  return {
    statement,
    allow: effect === 'Allow',
    deny: effect === 'Deny',
    actions: (statement.action?.items ?? []).map(item => {
      const spelling = spellingOf(catalog, item.value);
      const { expansion } = spelling;
      return { item, actions: expansion.actions, expansion, spelling, everything: item.value === '*', wildcard: hasWildcard(item.value) };
    }),
    conditions: conditionFacts(statement, catalog),
  };
}

const factsCache = new WeakMap<PolicyDocument, { catalog: Catalog; facts: StatementFacts[] }>();

/** The facts of every statement of the document (computed once per document and catalog). */
export function statementFacts(doc: PolicyDocument, catalog: Catalog): StatementFacts[] {
  const cached = factsCache.get(doc);
  if (cached?.catalog === catalog) return cached.facts;
  const facts = doc.statements.map(statement => factsOfStatement(statement, catalog));
  factsCache.set(doc, { catalog, facts });
  return facts;
}

/**
 * Whether a condition on a key that `confining` accepts (lower case) narrows the statement: an
 * operator that must match (not negated, not ...IfExists, not Null, not ForAllValues, which all
 * match when the key is absent or different) with a value that is not just `*`.
 */
export function restrictsWith(facts: StatementFacts, confining: (key: string) => boolean): boolean {
  return facts.conditions.some(c => confining(c.key) && narrows(c));
}

export function narrows(condition: ConditionFact): boolean {
  const { operator } = condition;
  return (
    operator.base !== undefined &&
    !operator.base.negated &&
    !operator.ifExists &&
    operator.base.family !== 'Null' &&
    operator.setQualifier !== 'ForAllValues' &&
    condition.values.some(v => v !== '*')
  );
}

/** The values of the statement's Principal (empty without one). */
export function principalsOf(facts: StatementFacts): PrincipalValue[] {
  return facts.statement.principal ? principalValues(facts.statement.principal) : [];
}

/** Everyone, anonymous callers included: "*" or {"AWS": "*"}. */
export function isPublicPrincipal(principal: PrincipalValue): boolean {
  return principal.value === '*' && (principal.type === '*' || principal.type === 'AWS');
}

/**
 * Where the statement allows the action (lower case): the first Action entry that names it, "*" aside
 * (full access is a finding of its own), or the NotAction key when its list leaves the action out.
 */
export function grantSiteOf(facts: StatementFacts, action: string): Span | undefined {
  const notAction = facts.statement.notAction;
  if (notAction) return notAction.items.some(i => actionMatch(i.value, action)) ? undefined : notAction.entry.keyNode;
  return facts.actions.find(a => !a.everything && actionMatch(a.item.value, action))?.item;
}

/** The "*" of the statement's Resource, if it has one. */
export function hasStarResource(facts: StatementFacts): StringItem | undefined {
  return facts.statement.resource?.items.find(i => i.value === '*');
}
