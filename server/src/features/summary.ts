// The access summary, like the IAM console's policy summary: per statement and for the whole
// policy, which services the policy reaches and at which access levels, with the actions behind
// each cell, full-access and Permissions management marks, and how many resources. One pure
// function computes it; the code lens, the summary view and the CLI's --summary only format it.
import type { ActionInfo, Catalog } from '../catalog/types';
import type { PolicyDocument, PolicyKind, Statement } from '../policy/model';
import { groupByLevel, matchedActions, serviceLevelTotals, type ByLevel } from './actionSets';

export type { ByLevel } from './actionSets';
export { formatAccess, formatPolicyLine, formatStatementLine, formatSummaryMarkdown, formatSummaryText } from './summaryFormat';

export interface ServiceAccess {
  prefix: string;
  /** "Amazon S3" */
  name: string;
  /** action names (without the prefix) per access level, sorted */
  actions: ByLevel<string[]>;
  /** how many actions the service has per access level */
  totals: ByLevel<number>;
  /** every action of the service (`*`, `service:*`, or a list that adds up to it) */
  full: boolean;
  /** at least one Permissions management action */
  permissionsManagement: boolean;
}

export interface AccessSet {
  /** every service that `services` does not list is covered entirely (`"Action": "*"`, or NotAction) */
  allOtherServices: boolean;
  /** sorted by prefix */
  services: ServiceAccess[];
}

export interface ResourceScope {
  /** which element names the resources; 'none' when the statement has neither (trust policies) */
  element: 'Resource' | 'NotResource' | 'none';
  /** the element lists `"*"` */
  all: boolean;
  /** the distinct resources listed */
  resources: string[];
}

export interface StatementSummary {
  index: number;
  sid?: string;
  /** undefined when Effect is missing or not exactly Allow/Deny */
  effect?: 'Allow' | 'Deny';
  /** span of the statement's object, for placing the code lens */
  offset: number;
  length: number;
  notAction: boolean;
  conditional: boolean;
  /** the actions the statement covers */
  access: AccessSet;
  /** with NotAction: the actions it leaves out, per service */
  excluded: ServiceAccess[];
  /** Action/NotAction values that match no action of the catalog */
  unmatched: string[];
  resources: ResourceScope;
}

export interface PolicySummary {
  uri: string;
  kind: PolicyKind;
  /** date of the IAM data the counts come from */
  dataDate: string;
  statements: StatementSummary[];
  /** union of the Allow statements, and of the Deny statements */
  allow: AccessSet;
  deny: AccessSet;
  /** distinct resources named across all statements */
  resourceCount: number;
}

/** Actions per service, plus "and every action of every other service". */
interface RawAccess {
  allOther: boolean;
  perService: Map<string, Set<ActionInfo>>;
}

function serviceAccess(catalog: Catalog, prefix: string, actions: Set<ActionInfo>): ServiceAccess {
  const service = catalog.service(prefix);
  const all = service?.actions ?? [];
  const grouped = groupByLevel(actions);
  return {
    prefix,
    name: service?.name ?? prefix,
    actions: grouped,
    totals: serviceLevelTotals(catalog, prefix),
    full: all.length > 0 && actions.size >= all.length,
    permissionsManagement: grouped['Permissions management'].length > 0,
  };
}

function toAccessSet(catalog: Catalog, raw: RawAccess): AccessSet {
  const services = [...raw.perService.keys()].sort().map(prefix => serviceAccess(catalog, prefix, raw.perService.get(prefix)!));
  return { allOtherServices: raw.allOther, services };
}

/** The actions the patterns match, per service; `*` sets `allOther` instead of listing every service. */
function matchPatterns(catalog: Catalog, patterns: readonly string[]): { raw: RawAccess; unmatched: string[] } {
  const raw: RawAccess = { allOther: false, perService: new Map() };
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    if (pattern === '*') {
      raw.allOther = true;
      continue;
    }
    const actions = matchedActions(catalog, pattern);
    if (actions.length === 0) unmatched.push(pattern);
    for (const action of actions) {
      let set = raw.perService.get(action.service);
      if (!set) raw.perService.set(action.service, (set = new Set()));
      set.add(action);
    }
  }
  if (raw.allOther) raw.perService.clear();
  return { raw, unmatched };
}

/** NotAction: everything but the excluded actions. */
function complement(catalog: Catalog, excluded: RawAccess): RawAccess {
  if (excluded.allOther) return { allOther: false, perService: new Map() };
  const perService = new Map<string, Set<ActionInfo>>();
  for (const [prefix, actions] of excluded.perService) {
    perService.set(prefix, new Set((catalog.service(prefix)?.actions ?? []).filter(action => !actions.has(action))));
  }
  return { allOther: true, perService };
}

/** Union of several statements' access; a service a statement does not list counts as full when it has allOther. */
function union(catalog: Catalog, parts: readonly RawAccess[]): RawAccess {
  if (parts.length === 1) return parts[0];
  const result: RawAccess = { allOther: parts.some(part => part.allOther), perService: new Map() };
  const prefixes = new Set(parts.flatMap(part => [...part.perService.keys()]));
  for (const prefix of prefixes) {
    const set = new Set<ActionInfo>();
    for (const part of parts) {
      const actions = part.perService.get(prefix) ?? (part.allOther ? (catalog.service(prefix)?.actions ?? []) : []);
      for (const action of actions) set.add(action);
    }
    result.perService.set(prefix, set);
  }
  return result;
}

function resourceScope(statement: Statement): ResourceScope {
  const element = statement.resource ? 'Resource' : statement.notResource ? 'NotResource' : 'none';
  const values = (statement.resource ?? statement.notResource)?.items.map(item => item.value) ?? [];
  return { element, all: values.includes('*'), resources: [...new Set(values)] };
}

function summarizeStatement(catalog: Catalog, statement: Statement): { summary: StatementSummary; raw: RawAccess } {
  const notAction = !statement.action && statement.notAction !== undefined;
  const patterns = (statement.action ?? statement.notAction)?.items.map(item => item.value) ?? [];
  const { raw: matched, unmatched } = matchPatterns(catalog, patterns);
  const raw = notAction ? complement(catalog, matched) : matched;
  const effect = statement.effect?.valueNode?.value;
  const summary: StatementSummary = {
    index: statement.index,
    sid: typeof statement.sid?.valueNode?.value === 'string' ? statement.sid.valueNode.value : undefined,
    effect: effect === 'Allow' || effect === 'Deny' ? effect : undefined,
    offset: statement.node.offset,
    length: statement.node.length,
    notAction,
    conditional: statement.condition !== undefined,
    access: toAccessSet(catalog, raw),
    excluded: notAction ? toAccessSet(catalog, matched).services : [],
    unmatched,
    resources: resourceScope(statement),
  };
  return { summary, raw };
}

// The code lenses and the summary view ask for the same document version: compute it once.
const summaries = new WeakMap<PolicyDocument, { catalog: Catalog; summary: PolicySummary }>();

/** The access summary of a policy: per statement, and the union of its Allow and of its Deny statements. */
export function summarizePolicy(doc: PolicyDocument, catalog: Catalog): PolicySummary {
  const cached = summaries.get(doc);
  if (cached?.catalog === catalog) return cached.summary;
  const summary = computeSummary(doc, catalog);
  summaries.set(doc, { catalog, summary });
  return summary;
}

function computeSummary(doc: PolicyDocument, catalog: Catalog): PolicySummary {
  const computed = doc.statements.filter(statement => statement.node?.type === 'object').map(statement => summarizeStatement(catalog, statement));
  const ofEffect = (effect: 'Allow' | 'Deny') => computed.filter(c => c.summary.effect === effect).map(c => c.raw);
  const resources = new Set(computed.flatMap(c => c.summary.resources.resources));
  return {
    uri: doc.uri,
    kind: doc.kind,
    dataDate: catalog.dataDate,
    statements: computed.map(c => c.summary),
    allow: toAccessSet(catalog, union(catalog, ofEffect('Allow'))),
    deny: toAccessSet(catalog, union(catalog, ofEffect('Deny'))),
    resourceCount: resources.size,
  };
}
