// "What does this change grant?": two lists of policies (before and after), matched by id, compared
// on what they allow and deny: per catalog action, per resource pattern and principal, with the
// conditions. Access is ADDED when
// - an Allow of the new policy reaches an action, resource or principal that no Allow of the old one
//   reached under conditions as loose (a new action, a wider resource, a wider principal, a condition
//   removed, relaxed or changed), unless an unconditional Deny of the new policy blocks the action; or
// - a Deny of the old policy is gone or applies to less (fewer actions, resources or principals,
//   or more conditions): what it blocked may now be allowed, by this policy or another one.
// Access is REMOVED in the mirror cases (the same test with the sides swapped). A change is
// "possible" rather than certain when the comparison could not tell (a condition whose operator or
// values changed in a way that is neither looser nor stricter, NotResource or NotPrincipal on either
// side, policy variables): it is reported rather than missed. Callers give each side as a list of
// (id, PolicyDocument): a policy file's id is its path; a template's policies get ids of their own.
import type { AccessLevel, ActionInfo, Catalog } from '../../catalog/types';
import type { PolicyDocument, PolicyKind } from '../../policy/model';
import type { PrincipalValue } from '../../policy/principals';
import { actionName } from '../../analysis/statementFacts';
import { byLevel, type ByLevel } from '../actionSets';
import {
  actionsOf,
  atomsOf,
  clausesOf,
  conditionGaps,
  hasAction,
  namesPattern,
  principalFit,
  resourceFit,
  unconditional,
  type Atom,
  type Clause,
  type ConditionGap,
} from './clauses';

export interface PolicyInput {
  id: string;
  doc: PolicyDocument;
  /** the 1-based line of an offset of `doc` in the file that holds it (a template's policy); default: `doc`'s own */
  lineOf?: (offset: number) => number;
}

/** Where a statement of a policy is, for people: the line in its file. */
type LineOf = (doc: PolicyDocument, offset: number) => number;
const ownLine: LineOf = (doc, offset) => doc.textDocument.positionAt(offset).line + 1;

/** A statement of one side, for people: 1-based number and line. */
export interface StatementRef {
  side: 'old' | 'new';
  /** 0-based index in its policy's Statement list */
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** 1-based line of the statement's start */
  line: number;
  offset: number;
  length: number;
}

/** What changed about a group of actions: the statement responsible, and why. */
export interface DeltaEntry {
  /** through an Allow (granted or taken away) or a Deny (lifted or imposed) */
  via: 'Allow' | 'Deny';
  /** action: the actions themselves were not reached before (or are not now); wider / narrower: they were, on other terms */
  change: 'action' | 'wider' | 'narrower';
  /** what is wider (or narrower); empty for a new action */
  dimensions: Array<'resource' | 'principal' | 'condition'>;
  certain: boolean;
  /** the statement responsible: of the new policy (an Allow that grants, a Deny added) or the old one (a Deny lifted, an Allow gone) */
  statement: StatementRef;
  /** the resource patterns concerned ("NotResource: ..." for a NotResource statement) */
  resources: string[];
  /** the principals concerned, in resource and trust policies */
  principals: string[];
  /** the conditions that no longer restrict (or that restrict now) */
  conditions: ConditionGap[];
  /** "s3:GetObject", sorted */
  actions: string[];
  /** actions by access level (counts) */
  levels: ByLevel<number>;
}

export interface ServiceDelta {
  prefix: string;
  name: string;
  /** action names (without the prefix) per access level, certain changes */
  actions: ByLevel<string[]>;
  /** action names only possibly changed */
  possible: ByLevel<string[]>;
}

export interface AccessDelta {
  entries: DeltaEntry[];
  /** sorted by prefix */
  services: ServiceDelta[];
  /** Action values that match no action of the catalog, newly reached (a possible change at an unknown level) */
  unknownActions: string[];
}

export interface PolicyDiff {
  id: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  kind: PolicyKind;
  oldKind?: PolicyKind;
  added: AccessDelta;
  removed: AccessDelta;
  notes: string[];
}

export interface DiffReport {
  /** date of the IAM data the actions come from */
  dataDate: string;
  policies: PolicyDiff[];
}

// ---- one direction: what the clauses of one side reach that those of the other do not ----

interface Gap {
  clause: Clause;
  change: 'action' | 'wider';
  dimensions: DeltaEntry['dimensions'];
  certain: boolean;
  atoms: Atom[];
  conditions: ConditionGap[];
  actions: ActionInfo[];
}

interface AtomFit {
  failed: DeltaEntry['dimensions'];
  certain: boolean;
  conditions: ConditionGap[];
  /** the three above as text: actions that fall short the same way are grouped by it */
  key: string;
}

/** How `wide` falls short of covering the atom of `narrow`; failed is empty when it covers it. */
function fitOf(narrow: Clause, atom: Atom, wide: Clause): AtomFit {
  const failed: DeltaEntry['dimensions'] = [];
  let certain = true;
  const resource = resourceFit(wide.resource, atom.resource);
  if (!resource.covered) failed.push('resource');
  const principal = principalFit(wide.principal, atom.principal);
  if (!principal.covered) failed.push('principal');
  const conditions = conditionGaps(narrow.conditions, wide.conditions);
  if (conditions.length) failed.push('condition');
  certain = (resource.covered || resource.certain) && (principal.covered || principal.certain) && conditions.every(c => c.how !== 'changed');
  return { failed, certain, conditions, key: JSON.stringify([failed, certain, conditions]) };
}

/** The clauses that may name an action: looked up by action, with those that name all but some (NotAction, "*") apart. */
function actionIndex(clauses: readonly Clause[]): (action: ActionInfo) => number[] {
  const byAction = new Map<ActionInfo, number[]>();
  const wide: number[] = [];
  clauses.forEach((clause, i) => {
    if (clause.everything || clause.notAction) {
      wide.push(i);
      return;
    }
    for (const action of clause.named) {
      let list = byAction.get(action);
      if (!list) byAction.set(action, (list = []));
      list.push(i);
    }
  });
  return action => {
    const named = byAction.get(action) ?? [];
    const others = wide.filter(i => hasAction(clauses[i], action));
    return others.length ? [...named, ...others] : named;
  };
}

/**
 * For each clause of `reaching`, the actions x atoms that no clause of `reached` covers, grouped by
 * reason. `blocked`: actions denied outright on the reaching side (they reach nothing).
 */
function gaps(reaching: readonly Clause[], reached: readonly Clause[], catalog: Catalog, blocked: (action: ActionInfo) => boolean): Gap[] {
  const found: Gap[] = [];
  const naming = actionIndex(reached);
  for (const clause of reaching) {
    const atoms = atomsOf(clause);
    // how each clause of the other side fits each atom, worked out when first needed
    const fits = atoms.map(() => new Map<number, AtomFit>());
    const fitAt = (a: number, o: number) => {
      let fit = fits[a].get(o);
      if (!fit) fits[a].set(o, (fit = fitOf(clause, atoms[a], reached[o])));
      return fit;
    };
    const groups = new Map<string, Gap>();
    for (const action of actionsOf(clause, catalog)) {
      if (blocked(action)) continue;
      const having = naming(action);
      let best: AtomFit | undefined;
      const open: number[] = [];
      for (let a = 0; a < atoms.length; a++) {
        let closest: AtomFit | undefined;
        for (const o of having) {
          const fit = fitAt(a, o);
          if (!closest || fit.failed.length < closest.failed.length) closest = fit;
          if (fit.failed.length === 0) break;
        }
        if (closest?.failed.length === 0) continue;
        open.push(a);
        if (closest && (!best || closest.failed.length < best.failed.length)) best = closest;
      }
      if (open.length === 0) continue;
      const gap: Omit<Gap, 'actions'> = best
        ? { clause, change: 'wider', dimensions: best.failed, certain: best.certain, atoms: open.map(a => atoms[a]), conditions: best.conditions }
        : { clause, change: 'action', dimensions: [], certain: true, atoms: open.map(a => atoms[a]), conditions: [] };
      const key = `${open.join(',')} ${best?.key ?? 'action'}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { ...gap, actions: [] }));
      group.actions.push(action);
    }
    found.push(...groups.values());
  }
  return found;
}

function unknownGaps(reaching: readonly Clause[], reached: readonly Clause[]): string[] {
  const unknown = new Set<string>();
  for (const clause of reaching) {
    if (clause.notAction) continue;
    for (const pattern of clause.unknown) if (!reached.some(other => namesPattern(other, pattern))) unknown.add(pattern);
  }
  return [...unknown].sort();
}

// ---- putting both directions together ----

function statementRef(side: 'old' | 'new', clause: Clause, lineOf: LineOf): StatementRef {
  const { statement, doc } = clause;
  const sid = statement.sid?.valueNode?.value;
  return {
    side,
    index: statement.index,
    sid: typeof sid === 'string' ? sid : undefined,
    effect: clause.effect,
    line: lineOf(doc, statement.node.offset),
    offset: statement.node.offset,
    length: statement.node.length,
  };
}

const resourceText = (atom: Atom) => (atom.resource.negated ? `NotResource: ${atom.resource.values.join(', ')}` : atom.resource.values[0]);
const principalText = (p: PrincipalValue) => (p.type === '*' ? '*' : `${p.type}: ${p.value}`);
const principalsOf = (atom: Atom) =>
  atom.principal ? [(atom.principal.negated ? 'NotPrincipal: ' : '') + atom.principal.values.map(principalText).join(', ')] : [];

function entryOf(gap: Gap, via: 'Allow' | 'Deny', side: 'old' | 'new', narrower: boolean, lineOf: LineOf): DeltaEntry {
  const levels = byLevel(() => 0);
  for (const action of gap.actions) levels[action.accessLevel]++;
  return {
    via,
    change: gap.change === 'action' ? 'action' : narrower ? 'narrower' : 'wider',
    dimensions: gap.dimensions,
    certain: gap.certain,
    statement: statementRef(side, gap.clause, lineOf),
    resources: [...new Set(gap.atoms.map(resourceText))],
    principals: [...new Set(gap.atoms.flatMap(principalsOf))],
    conditions: gap.conditions,
    actions: gap.actions.map(actionName).sort(),
    levels,
  };
}

function serviceDeltas(catalog: Catalog, gapsAndCertainty: Array<{ actions: ActionInfo[]; certain: boolean }>): ServiceDelta[] {
  const certain = new Set<ActionInfo>();
  const possible = new Set<ActionInfo>();
  for (const gap of gapsAndCertainty) for (const action of gap.actions) (gap.certain ? certain : possible).add(action);
  const services = new Map<string, ServiceDelta>();
  const add = (action: ActionInfo, list: 'actions' | 'possible') => {
    let service = services.get(action.service);
    if (!service) {
      services.set(
        action.service,
        (service = {
          prefix: action.service,
          name: catalog.service(action.service)?.name ?? action.service,
          actions: byLevel(() => []),
          possible: byLevel(() => []),
        }),
      );
    }
    service[list][action.accessLevel].push(action.name);
  };
  for (const action of certain) add(action, 'actions');
  for (const action of possible) if (!certain.has(action)) add(action, 'possible');
  const sorted = [...services.values()].sort((a, b) => (a.prefix < b.prefix ? -1 : 1));
  for (const service of sorted) for (const list of [service.actions, service.possible]) for (const names of Object.values(list)) names.sort();
  return sorted;
}

const noDenial = () => false;

/**
 * Past this many (atom, statement) pairs to weigh, a comparison would take seconds (a generated policy
 * of thousands of statements, each against each): each side's grants are then reported whole, as
 * possible additions and removals, rather than hang the editor or the run.
 */
const MAX_WEIGHED_PAIRS = 250_000;

const allows = (clauses: readonly Clause[]) => clauses.filter(c => c.effect === 'Allow');
const denies = (clauses: readonly Clause[]) => clauses.filter(c => c.effect === 'Deny');
const weight = (reaching: readonly Clause[], reached: readonly Clause[]) =>
  reaching.reduce((sum, clause) => sum + atomsOf(clause).length, 0) * Math.max(1, reached.length);

/** Whether comparing the two sides statement by statement would take too long. */
function tooLarge(before: readonly Clause[], after: readonly Clause[]): boolean {
  return (
    weight(allows(after), allows(before)) +
      weight(allows(before), allows(after)) +
      weight(denies(before), denies(after)) +
      weight(denies(after), denies(before)) >
    MAX_WEIGHED_PAIRS
  );
}

/**
 * What `after` reaches that `before` did not: Allows that grant more, Denies that block less. `whole`:
 * every grant of `after` and every Deny of `before` counts, as a possible change (tooLarge).
 */
function delta(
  before: readonly Clause[],
  after: readonly Clause[],
  catalog: Catalog,
  sides: { before: 'old' | 'new'; after: 'old' | 'new' },
  narrowing: boolean,
  whole: boolean,
  lineOf: LineOf,
): AccessDelta {
  const outright = denies(after).filter(unconditional);
  const blocked = outright.length ? (action: ActionInfo) => outright.some(deny => hasAction(deny, action)) : noDenial;
  const granted = gaps(allows(after), whole ? [] : allows(before), catalog, blocked);
  const lifted = gaps(denies(before), whole ? [] : denies(after), catalog, noDenial);
  if (whole) for (const gap of [...granted, ...lifted]) gap.certain = false;
  return {
    entries: [
      ...granted.map(gap => entryOf(gap, 'Allow', sides.after, narrowing, lineOf)),
      ...lifted.map(gap => entryOf(gap, 'Deny', sides.before, !narrowing, lineOf)),
    ],
    services: serviceDeltas(catalog, [...granted, ...lifted]),
    unknownActions: unknownGaps(allows(after), whole ? [] : allows(before)),
  };
}

const EMPTY_DELTA: AccessDelta = { entries: [], services: [], unknownActions: [] };
const isEmpty = (d: AccessDelta) => d.entries.length === 0 && d.unknownActions.length === 0;

function notesOf(before: PolicyDocument | undefined, after: PolicyDocument | undefined): string[] {
  const notes: string[] = [];
  for (const [doc, side] of [
    [before, 'old'],
    [after, 'new'],
  ] as const) {
    if (doc?.syntaxErrors.length) notes.push(`The ${side} policy has syntax errors: what could be read was compared.`);
  }
  const version = (doc: PolicyDocument | undefined) => doc?.version?.valueNode?.value;
  if (before && after && version(before) !== version(after)) {
    notes.push('The Version changed: policy variables (${...}) are substituted only under "2012-10-17".');
  }
  if (before && after && before.kind !== after.kind) notes.push(`The kind changed from ${before.kind} to ${after.kind}.`);
  return notes;
}

/** Compares one policy before and after (either may be missing: added or removed). */
export function diffPolicy(
  id: string,
  before: PolicyDocument | undefined,
  after: PolicyDocument | undefined,
  catalog: Catalog,
  lineOf: LineOf = ownLine,
): PolicyDiff {
  const oldClauses = before ? clausesOf(before, catalog) : [];
  const newClauses = after ? clausesOf(after, catalog) : [];
  const same = before !== undefined && after !== undefined && before.text === after.text;
  const whole = !same && before !== undefined && after !== undefined && tooLarge(oldClauses, newClauses);
  const added = same ? EMPTY_DELTA : delta(oldClauses, newClauses, catalog, { before: 'old', after: 'new' }, false, whole, lineOf);
  const removed = same ? EMPTY_DELTA : delta(newClauses, oldClauses, catalog, { before: 'new', after: 'old' }, true, whole, lineOf);
  const status = !before ? 'added' : !after ? 'removed' : isEmpty(added) && isEmpty(removed) ? 'unchanged' : 'changed';
  return {
    id,
    status,
    kind: (after ?? before)!.kind,
    ...(before && after && before.kind !== after.kind ? { oldKind: before.kind } : {}),
    added,
    removed,
    notes: [
      ...notesOf(before, after),
      ...(whole
        ? [
            `Too many statements to compare one by one (${oldClauses.length} and ${newClauses.length}): all the new policy grants is shown as possibly added, all the old one granted as possibly removed.`,
          ]
        : []),
    ],
  };
}

/** Compares two sides, policy by policy, matched by id (in the order of the new side, then the removed ones). */
export function diffPolicies(before: readonly PolicyInput[], after: readonly PolicyInput[], catalog: Catalog): DiffReport {
  const old = new Map(before.map(p => [p.id, p.doc]));
  const ids = new Set(after.map(p => p.id));
  const locators = new Map([...before, ...after].flatMap(p => (p.lineOf ? [[p.doc, p.lineOf] as const] : [])));
  const lineOf: LineOf = (doc, offset) => locators.get(doc)?.(offset) ?? ownLine(doc, offset);
  const policies = [
    ...after.map(p => diffPolicy(p.id, old.get(p.id), p.doc, catalog, lineOf)),
    ...before.filter(p => !ids.has(p.id)).map(p => diffPolicy(p.id, p.doc, undefined, catalog, lineOf)),
  ];
  return { dataDate: catalog.dataDate, policies };
}

// ---- thresholds ----

/** Access levels from the least to the most sensitive, for --fail-on-added. */
export const LEVEL_RANK: readonly AccessLevel[] = ['List', 'Read', 'Tagging', 'Write', 'Permissions management'];

/** Whether the report adds access (certain or possible) at `level` or a more sensitive one; unknown actions count. */
export function addsAtOrAbove(report: DiffReport, level: AccessLevel): boolean {
  const levels = LEVEL_RANK.slice(LEVEL_RANK.indexOf(level));
  return report.policies.some(p => p.added.unknownActions.length > 0 || p.added.entries.some(entry => levels.some(l => entry.levels[l] > 0)));
}

/** The entries of a policy per statement of its new side (0-based index), for code lenses. */
export function entriesByNewStatement(diff: PolicyDiff): Map<number, { added: DeltaEntry[]; removed: DeltaEntry[] }> {
  const byIndex = new Map<number, { added: DeltaEntry[]; removed: DeltaEntry[] }>();
  for (const [list, entries] of [
    ['added', diff.added.entries],
    ['removed', diff.removed.entries],
  ] as const) {
    for (const entry of entries) {
      if (entry.statement.side !== 'new') continue;
      let slot = byIndex.get(entry.statement.index);
      if (!slot) byIndex.set(entry.statement.index, (slot = { added: [], removed: [] }));
      slot[list].push(entry);
    }
  }
  return byIndex;
}
