// A statement as the comparison of two policies reads it: its effect, the catalog actions it names,
// and where it applies, split into atoms (one resource pattern x one principal) so that a statement
// whose resources were split over several statements, or merged from them, compares as the same
// grant. Conditions are AND-ed, so they stay whole. Each fit test is sound, not complete: "covered"
// only when every request the narrower one applies to is one the wider one applies to; when it cannot
// tell, it says "not covered" and marks the answer uncertain (the report then says "possible").
import type { ActionInfo, Catalog } from '../../catalog/types';
import { arnPatternCovers, globCovers, globsIntersect } from '../../policy/arnGlobs';
import type { PolicyDocument, Statement } from '../../policy/model';
import { canonicalPrincipal, principalAccount, principalValues, type PrincipalValue } from '../../policy/principals';
import { statementFacts, type ConditionFact } from '../../analysis/statementFacts';
import { matchedActions } from '../actionSets';

/** Where a statement applies: the resource patterns or principals it lists, or all but those (Not...). */
export interface Scope<T> {
  negated: boolean;
  values: T[];
}

/** One resource pattern x one principal of a statement (a Not... element is one atom of its own). */
export interface Atom {
  resource: Scope<string>;
  principal: Scope<PrincipalValue> | undefined;
}

export interface Clause {
  doc: PolicyDocument;
  statement: Statement;
  effect: 'Allow' | 'Deny';
  /** Action "*" or NotAction: also actions the catalog does not know */
  everything: boolean;
  /** the catalog actions it names, or with NotAction those it leaves out */
  named: ReadonlySet<ActionInfo>;
  notAction: boolean;
  /** Action values (lower case) that match no action of the catalog */
  unknown: string[];
  /** Action values as written, lower case (for unknown names) */
  patterns: ReadonlySet<string>;
  resource: Scope<string>;
  /** undefined: no Principal or NotPrincipal (identity policies) */
  principal: Scope<PrincipalValue> | undefined;
  conditions: ConditionFact[];
}

const EVERYWHERE: Scope<string> = { negated: false, values: ['*'] };

export function hasAction(clause: Clause, action: ActionInfo): boolean {
  return clause.notAction ? !clause.named.has(action) : clause.everything || clause.named.has(action);
}

/** The catalog actions of the clause, to enumerate. */
export function actionsOf(clause: Clause, catalog: Catalog): Iterable<ActionInfo> {
  if (!clause.everything && !clause.notAction) return clause.named;
  return catalog.services().flatMap(service => service.actions.filter(action => hasAction(clause, action)));
}

/** The Allow and Deny statements of a policy that can apply (an Effect and an Action or NotAction). */
export function clausesOf(doc: PolicyDocument, catalog: Catalog): Clause[] {
  const clauses: Clause[] = [];
  for (const facts of statementFacts(doc, catalog)) {
    const { statement } = facts;
    const actionElement = statement.action ?? statement.notAction;
    if (statement.node?.type !== 'object' || (!facts.allow && !facts.deny) || !actionElement) continue;
    const patterns = actionElement.items.map(item => item.value.toLowerCase());
    const named = new Set<ActionInfo>();
    const unknown: string[] = [];
    for (const pattern of patterns) {
      if (pattern === '*') continue;
      const actions = matchedActions(catalog, pattern);
      if (actions.length === 0) unknown.push(pattern);
      for (const action of actions) named.add(action);
    }
    const resourceElement = statement.resource ?? statement.notResource;
    const principalElement = statement.principal ?? statement.notPrincipal;
    clauses.push({
      doc,
      statement,
      effect: facts.allow ? 'Allow' : 'Deny',
      everything: !statement.action || patterns.includes('*'),
      named,
      notAction: !statement.action,
      unknown,
      patterns: new Set(patterns),
      resource: resourceElement ? { negated: !statement.resource, values: resourceElement.items.map(item => item.value) } : EVERYWHERE,
      principal: principalElement && { negated: !statement.principal, values: principalValues(principalElement) },
      conditions: facts.conditions,
    });
  }
  return clauses;
}

/** The atoms of a clause: each resource pattern with each principal. */
export function atomsOf(clause: Clause): Atom[] {
  const resources = clause.resource.negated ? [clause.resource] : clause.resource.values.map(value => ({ negated: false, values: [value] }));
  const principals = !clause.principal
    ? [undefined]
    : clause.principal.negated
      ? [clause.principal]
      : clause.principal.values.map(value => ({ negated: false, values: [value] }));
  return resources.flatMap(resource => principals.map(principal => ({ resource, principal })));
}

/** A coverage answer: covered, and when not, whether that is certain (the test had to approximate otherwise). */
export interface Fit {
  covered: boolean;
  certain: boolean;
}

const COVERED: Fit = { covered: true, certain: true };
const WIDER: Fit = { covered: false, certain: true };
const MAYBE: Fit = { covered: false, certain: false };

/** Whether `wide` (a clause's resources) contains every resource of the atom's one pattern (or its NotResource). */
export function resourceFit(wide: Scope<string>, atom: Scope<string>): Fit {
  const [pattern] = atom.values;
  if (!wide.negated && wide.values.includes('*')) return COVERED;
  if (!atom.negated && !wide.negated) {
    if (wide.values.some(value => arnPatternCovers(value, pattern))) return COVERED;
    return pattern.includes('${') || wide.values.some(value => value.includes('${') || value.includes('?')) ? MAYBE : WIDER;
  }
  if (!atom.negated) {
    // inside "everything but X" when the pattern can name nothing X names
    if (wide.values.some(excluded => globsIntersect(excluded.replace(/\$\{[^}]*\}/g, '*'), pattern.replace(/\$\{[^}]*\}/g, '*')))) return MAYBE;
    return COVERED;
  }
  if (!wide.negated) return MAYBE; // "everything but Y" inside a list of patterns (none is "*")
  // "everything but Y" inside "everything but X": when Y leaves out at least what X does
  return wide.values.every(excluded => atom.values.some(value => arnPatternCovers(value, excluded))) ? COVERED : MAYBE;
}

const isEveryone = (p: PrincipalValue) => p.type === '*' || (p.type === 'AWS' && p.value === '*');

/** Whether principal `wide` names every principal that `narrow` names (an account names its principals). */
function principalCovers(wide: PrincipalValue, narrow: PrincipalValue): boolean {
  if (isEveryone(wide)) return true;
  if (isEveryone(narrow) || wide.type !== narrow.type) return false;
  if (wide.type === 'AWS') {
    const general = canonicalPrincipal(wide.value);
    if (general === canonicalPrincipal(narrow.value)) return true;
    return general.endsWith(':root') && principalAccount(general) !== undefined && principalAccount(general) === principalAccount(narrow.value);
  }
  return wide.type === 'CanonicalUser' ? wide.value === narrow.value : wide.value.toLowerCase() === narrow.value.toLowerCase();
}

/** Whether two principals may name the same caller (same account, or one of them everyone). */
function principalsOverlap(a: PrincipalValue, b: PrincipalValue): boolean {
  return (
    principalCovers(a, b) ||
    principalCovers(b, a) ||
    (a.type === 'AWS' && b.type === 'AWS' && principalAccount(a.value) !== undefined && principalAccount(a.value) === principalAccount(b.value))
  );
}

/** Whether `wide` (a clause's principals; undefined: no Principal element, anyone) names every principal of the atom. */
export function principalFit(wide: Scope<PrincipalValue> | undefined, atom: Scope<PrincipalValue> | undefined): Fit {
  if (!wide || (!wide.negated && wide.values.some(isEveryone))) return COVERED;
  if (!atom) return WIDER; // no Principal element: anyone
  if (!atom.negated && !wide.negated) return wide.values.some(value => principalCovers(value, atom.values[0])) ? COVERED : WIDER;
  if (!atom.negated) return wide.values.some(excluded => principalsOverlap(excluded, atom.values[0])) ? MAYBE : COVERED;
  if (!wide.negated) return MAYBE;
  return wide.values.every(excluded => atom.values.some(value => principalCovers(value, excluded))) ? COVERED : MAYBE;
}

// ---- conditions ----

/** A condition of the wider clause that the narrower clause's conditions do not imply, and how. */
export interface ConditionGap {
  /** as written */
  key: string;
  operator: string;
  /** removed: no condition on the key any more; relaxed: the same test with looser values; changed: cannot tell */
  how: 'removed' | 'relaxed' | 'changed';
}

const number = (value: string) => Number(value);
const date = (value: string) => (/^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value));

/**
 * Whether condition `strict` admits only requests that `loose` admits too (same key and operator).
 * Values are OR-ed for a positive operator (fewer values: stricter) and NOR-ed for a negated one
 * (more values: stricter); Like operators compare patterns, LessThan/GreaterThan compare bounds.
 * Source: IAM User Guide, "Conditions with multiple context keys or values" (reference_policies_multi-value-conditions.html:
 * values OR-ed, NOR-ed for a negated operator) and "IAM JSON policy elements: Condition operators".
 */
function valuesWithin(strict: ConditionFact, loose: ConditionFact): boolean {
  const base = loose.operator.base;
  const name = loose.operator.baseName;
  if (base?.negated) return loose.values.every(value => strict.values.includes(value));
  if (base && (base.family === 'Numeric' || base.family === 'Date') && /(Less|Greater)Than/.test(name)) {
    const read = base.family === 'Numeric' ? number : date;
    const [a, b] = [strict.values.map(read), loose.values.map(read)];
    if ([...a, ...b].some(Number.isNaN)) return false;
    return name.includes('Less') ? Math.max(...a) <= Math.max(...b) : Math.min(...a) >= Math.min(...b);
  }
  if (base?.family === 'ARN') return strict.values.every(value => loose.values.some(pattern => arnPatternCovers(pattern, value)));
  const ignoreCase = base?.family === 'Bool' || name.endsWith('IgnoreCase');
  if (base?.wildcards) return strict.values.every(value => loose.values.some(pattern => globCovers(pattern, value, !ignoreCase)));
  const same = (a: string, b: string) => (ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b);
  return strict.values.every(value => loose.values.some(other => same(value, other)));
}

const sameTest = (a: ConditionFact, b: ConditionFact) =>
  a.key === b.key && a.operator.baseName.toLowerCase() === b.operator.baseName.toLowerCase() && a.operator.setQualifier === b.operator.setQualifier;

/** `strict` implies `loose`: the same test, values within, and IfExists only where `loose` has it too. */
function implies(strict: ConditionFact, loose: ConditionFact): boolean {
  return sameTest(strict, loose) && (!strict.operator.ifExists || loose.operator.ifExists) && valuesWithin(strict, loose);
}

/** The conditions of the wider clause that the narrower clause's conditions leave unimplied. */
export function conditionGaps(narrow: readonly ConditionFact[], wide: readonly ConditionFact[]): ConditionGap[] {
  const gaps: ConditionGap[] = [];
  for (const condition of wide) {
    if (narrow.some(n => implies(n, condition))) continue;
    const onKey = narrow.filter(n => n.key === condition.key);
    const how = onKey.length === 0 ? 'removed' : onKey.some(n => implies(condition, n)) ? 'relaxed' : 'changed';
    gaps.push({ key: condition.name, operator: condition.operator.text, how });
  }
  return gaps;
}

/** Whether a Deny applies to every request for its actions: no condition, every resource and principal. */
export function unconditional(clause: Clause): boolean {
  return clause.conditions.length === 0 && resourceFit(clause.resource, EVERYWHERE).covered && principalFit(clause.principal, undefined).covered;
}

/** Whether the clause names an action value (lower case) that matches no action of the catalog. */
export function namesPattern(clause: Clause, pattern: string): boolean {
  if (clause.notAction) return ![...clause.patterns].some(excluded => globsIntersect(excluded, pattern));
  return [...clause.patterns].some(written => globCovers(written, pattern));
}
