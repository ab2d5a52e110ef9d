// IAM410-IAM413: grants that let a principal widen its own access, in identity policies.
// - IAM410 iam:PassRole on every role: IAM policy validation check reference, "Security Warning – Pass
//   role with star in resource" (and "... with NotResource", "... with star in resource and
//   NotAction"). "Every role" is "*", an ARN that names every role (arn:aws:iam::*:role/*, also of one
//   account: the roles a principal can pass are its own account's), or NotResource. iam:PassedToService
//   names the services that may receive a role, not the role: it keeps the finding (the message says
//   so); a condition on the role's tags (iam:ResourceTag/..., aws:ResourceTag/...) names the roles.
// - IAM411 privilege escalation: every action of one of the known methods (analysis/escalationMethods.ts:
//   Rhino Security Labs, PMapper, pathfinding.cloud) allowed by the policy, across its statements, on
//   every resource the action acts on ("*", an ARN that names every resource of one of its types, or
//   NotResource), without conditions, after the policy's unconditional Deny statements. A PassRole
//   grant confined by iam:PassedToService serves the methods that pass the role to those services.
// - IAM412 permissions-management actions (the Service Authorization Reference's access level
//   "Permissions management": policies, ACLs, grants, resource shares), also in resource policies;
//   those that an unconditional Deny on "*" in the same policy takes back are left out.
// - IAM413 actions whose responses carry credentials (analysis/sensitiveActions.ts). IAM412 and IAM413 are
//   information: they are often needed; the reader should know they are there.
// `"Action": "*"` is left to IAM400, which already says the principal can do everything.
import type { ActionInfo, Catalog, ResourceTypeInfo } from '../catalog/types';
import type { Span, StringItem } from '../policy/model';
import { arnCoversFormat } from '../policy/arnGlobs';
import { actionMatch, globMatch } from '../util/wildcard';
import { ESCALATION_ACTIONS, ESCALATION_METHODS, PASS_ROLE, TARGET_TYPES, type EscalationMethod } from '../analysis/escalationMethods';
import { CREDENTIALS_EXPOSURE_ACTIONS } from '../analysis/sensitiveActions';
import { restrictsResources } from '../analysis/securityTables';
import { everyResourceOf, resourceTypesOf, typedArn } from '../analysis/resourceTypes';
import { actionName, perExpansion } from '../analysis/actionExpansions';
import { grantSiteOf, hasStarResource, restrictsWith, statementFacts, type ConditionFact, type StatementFacts } from '../analysis/statementFacts';
import { DATA_LIST_LIMIT, type RuleContext, type RuleModule } from './types';

const PASSED_TO_SERVICE = 'iam:passedtoservice';
const CREDENTIALS_EXPOSURE_SERVICES: ReadonlySet<string> = new Set([...CREDENTIALS_EXPOSURE_ACTIONS].map(a => a.slice(0, a.indexOf(':'))));

/** Whether an action name (lower case) is matched by an Action or NotAction entry. */
function entryMatches(item: StringItem, action: string): boolean {
  return actionMatch(item.value, action);
}

/** The catalog's action for a lower-case name ("ec2:runinstances"). */
function catalogAction(catalog: Catalog, name: string): ActionInfo | undefined {
  const colon = name.indexOf(':');
  return catalog.action(name.slice(0, colon), name.slice(colon + 1));
}

/** How the catalog spells a lower-case action name: "ec2:RunInstances". */
function displayName(catalog: Catalog, name: string): string {
  const action = catalogAction(catalog, name);
  return action ? actionName(action) : name;
}

/** Whether a Resource or NotResource value names every resource of the type, in any account and Region. */
function namesEvery(catalog: Catalog, value: string, type: ResourceTypeInfo): boolean {
  const arn = typedArn(catalog, value).parsed;
  if (arn === undefined) return false;
  const every = everyResourceOf(type);
  // Stryker disable next-line ConditionalExpression: equivalent, every ARN format of the catalog parses
  return every !== undefined && arnCoversFormat({ ...arn, region: '*', account: '*' }, every);
}

/**
 * The resource types of the action whose every resource the statement grants it on (all: "*", or a
 * NotResource that leaves everything in); ARNs such as arn:aws:iam::*:role/* count as "*" for their type.
 */
function coveredTypes(facts: StatementFacts, action: ActionInfo | undefined, catalog: Catalog): 'all' | ResourceTypeInfo[] {
  const { statement } = facts;
  // Stryker disable next-line ArrayDeclaration: equivalent, every action of the escalation table is in the catalog (its test checks)
  const types = action ? resourceTypesOf(catalog, action) : [];
  if (statement.notResource) {
    const items = statement.notResource.items;
    if (items.some(i => i.value === '*')) return [];
    const left = types.filter(type => !items.some(i => namesEvery(catalog, i.value, type)));
    return left.length === types.length ? 'all' : left;
  }
  const items = statement.resource?.items ?? [];
  if (items.some(i => i.value === '*')) return 'all';
  return types.filter(type => items.some(i => namesEvery(catalog, i.value, type)));
}

/**
 * Whether grants that together cover these types reach every resource the action needs: every
 * resource of its target types (TARGET_TYPES), else of the types the Service Authorization Reference
 * marks required, else of all its types.
 */
function reachesEvery(name: string, covered: 'all' | ReadonlySet<ResourceTypeInfo>, catalog: Catalog): boolean {
  if (covered === 'all') return true;
  const action = catalogAction(catalog, name);
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: equivalent, every action of the escalation table is in the catalog (its test checks)
  if (!action) return false;
  const targets = TARGET_TYPES[name];
  const refs = targets ? targets.map(type => ({ name: type })) : action.resourceTypes.filter(ref => ref.required);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, each escalation action with resource types marks one required (or has TARGET_TYPES)
  const needed = (refs.length > 0 ? refs : action.resourceTypes).map(ref => catalog.resourceType(action.service, ref.name));
  // An action without resource types is covered 'all' (or not at all): needed is never empty here.
  // Stryker disable next-line ConditionalExpression: equivalent, covered holds no undefined
  return needed.every(type => type !== undefined && covered.has(type));
}

function checkPassRole(ctx: RuleContext, facts: StatementFacts): void {
  const at = grantSiteOf(facts, PASS_ROLE);
  if (!at || restrictsWith(facts, restrictsResources) || !grantsEverywhere(facts, PASS_ROLE, ctx.catalog)) return;
  const toServices = restrictsWith(facts, key => key === PASSED_TO_SERVICE);
  ctx.report({
    code: 'IAM410',
    offset: at.offset,
    length: at.length,
    message: toServices
      ? 'This statement lets the principal pass any role that these services can assume, administrator roles included: iam:PassedToService names the services, not the roles. Name the roles in Resource.'
      : "This statement lets the principal pass any role to any service, and so act with that role's permissions. Name the roles in Resource, or add a condition on iam:PassedToService.",
    data: { passedToService: toServices },
  });
}

/** The escalation actions (lower case) that an Action entry's name matches. */
const escalationActions = perExpansion((_actions, _catalog, name) => [...ESCALATION_ACTIONS].filter(action => actionMatch(name, action)));

/** Which services a PassRole grant may pass roles to; undefined: only a grant without conditions serves a method that names none. */
type ServicesAdmitted = (service: string | undefined) => boolean;

const ANY_SERVICE: ServicesAdmitted = () => true;

/** What a condition on iam:PassedToService lets through (StringEquals or StringLike, or their negations). */
function admittedBy(condition: ConditionFact): ServicesAdmitted {
  const negated = condition.operator.base?.negated === true;
  return service => service !== undefined && condition.values.some(v => globMatch(v.toLowerCase(), service)) !== negated;
}

/** Whether the statement alone grants the action (lower case) on every resource it needs. */
function grantsEverywhere(facts: StatementFacts, name: string, catalog: Catalog): boolean {
  const covered = coveredTypes(facts, catalogAction(catalog, name), catalog);
  return reachesEvery(name, covered === 'all' ? covered : new Set(covered), catalog);
}

/** A grant of an escalation action: where it is, and for iam:PassRole the services it may pass roles to. */
interface EscalationGrant {
  at: Span;
  admits: ServicesAdmitted;
}

/** The statements that grant one action, with where, and the resource types they cover together. */
interface ActionGrants {
  grants: EscalationGrant[];
  covered: 'all' | Set<ResourceTypeInfo>;
}

/**
 * The escalation actions the Allow statements grant on every resource they need (actions of
 * NotAction too), with where; the resources of several statements add up. A condition may confine
 * the grant in ways we cannot judge: only statements without conditions count, and for iam:PassRole
 * statements whose only conditions are on iam:PassedToService (each such grant on every role).
 */
function escalationGrants(allFacts: readonly StatementFacts[], denials: readonly StatementFacts[], catalog: Catalog): Map<string, EscalationGrant[]> {
  const byAction = new Map<string, ActionGrants>();
  for (const facts of allFacts) {
    if (!facts.allow) continue;
    const passedToServiceOnly = facts.conditions.length > 0 && facts.conditions.every(c => c.key === PASSED_TO_SERVICE);
    if (facts.conditions.length > 0 && !passedToServiceOnly) continue;
    const admits = passedToServiceOnly ? restrictedServices(facts.conditions) : ANY_SERVICE;
    for (const [name, at] of grantedActions(facts, catalog)) {
      if (passedToServiceOnly && name !== PASS_ROLE) continue; // the key is absent from other requests: the condition fails
      // Stryker disable next-line ConditionalExpression: equivalent, iam:PassRole acts on one resource type (role): a statement covers it or nothing (next check)
      if (name === PASS_ROLE && !grantsEverywhere(facts, name, catalog)) continue;
      const covered = coveredTypes(facts, catalogAction(catalog, name), catalog);
      if (covered.length === 0) continue; // no type covered ('all' is not empty)
      const entry = byAction.get(name) ?? { grants: [], covered: new Set<ResourceTypeInfo>() };
      entry.grants.push({ at, admits });
      if (covered === 'all' || entry.covered === 'all') entry.covered = 'all';
      else for (const type of covered) entry.covered.add(type);
      byAction.set(name, entry);
    }
  }
  const granted = new Map<string, EscalationGrant[]>();
  for (const [name, { grants, covered }] of byAction) {
    if (reachesEvery(name, covered, catalog) && !deniedEverywhere(denials, name)) granted.set(name, grants);
  }
  return granted;
}

/** The services every iam:PassedToService condition of a statement admits. */
function restrictedServices(conditions: readonly ConditionFact[]): ServicesAdmitted {
  const each = conditions.map(admittedBy);
  return service => each.every(admits => admits(service));
}

/** The escalation actions a statement names, with the entry (or NotAction key) that names each. */
function grantedActions(facts: StatementFacts, catalog: Catalog): Array<[string, Span]> {
  const notAction = facts.statement.notAction;
  if (notAction) {
    return [...ESCALATION_ACTIONS].filter(action => !notAction.items.some(i => entryMatches(i, action))).map(action => [action, notAction.entry.keyNode]);
  }
  return facts.actions
    .filter(entry => !entry.everything)
    .flatMap(entry => escalationActions(entry, catalog).map((action): [string, Span] => [action, entry.item]));
}

/** The statements that deny without conditions on "*". */
function unconditionalDenials(allFacts: readonly StatementFacts[]): StatementFacts[] {
  return allFacts.filter(facts => facts.deny && hasStarResource(facts) && facts.conditions.length === 0);
}

/** Whether one of the unconditional denials on "*" covers the action (any case) everywhere in the policy. */
function deniedEverywhere(denials: readonly StatementFacts[], action: string): boolean {
  return denials.some(facts => {
    const notAction = facts.statement.notAction?.items;
    return notAction ? !notAction.some(i => entryMatches(i, action)) : facts.actions.some(a => entryMatches(a.item, action));
  });
}

/** Where the grants of the method's actions are, when the policy grants them all; the last action's grant first. */
function methodGrants(method: EscalationMethod, granted: ReadonlyMap<string, EscalationGrant[]>): Array<[string, EscalationGrant]> | undefined {
  const found: Array<[string, EscalationGrant]> = [];
  for (const action of [...method.actions].reverse()) {
    const grants = granted.get(action) ?? [];
    const grant = grants.find(g => g.admits(method.passedTo)); // only iam:PassRole grants may admit some services only
    if (!grant) return undefined;
    found.push([action, grant]);
  }
  return found;
}

const SHOWN_METHODS = 3;

function methodsText(methods: readonly string[]): string {
  // Stryker disable next-line all: human text
  if (methods.length <= SHOWN_METHODS) return methods.join('; ');
  // Stryker disable next-line all: human text
  return `${methods.length} ways, such as: ${methods.slice(0, SHOWN_METHODS).join('; ')}`;
}

function checkEscalation(ctx: RuleContext, allFacts: readonly StatementFacts[], denials: readonly StatementFacts[]): void {
  const granted = escalationGrants(allFacts, denials, ctx.catalog);
  const methodsAt = new Map<Span, { methods: string[]; sources: string[]; related: Map<Span, string> }>();
  for (const method of ESCALATION_METHODS) {
    const grants = methodGrants(method, granted);
    if (!grants) continue;
    const [, last] = grants[0];
    const site = methodsAt.get(last.at) ?? { methods: [], sources: [], related: new Map<Span, string>() };
    const names = method.actions.map(a => displayName(ctx.catalog, a));
    site.methods.push(`${method.name} (${names.join(', ')})`);
    site.sources.push(...method.sources.filter(s => !site.sources.includes(s)));
    for (const [action, grant] of grants) {
      // Stryker disable next-line StringLiteral: human text
      if (grant.at !== last.at && !site.related.has(grant.at)) site.related.set(grant.at, `${displayName(ctx.catalog, action)} is allowed here`);
    }
    methodsAt.set(last.at, site);
  }
  for (const [at, { methods, sources, related }] of methodsAt) {
    ctx.report({
      code: 'IAM411',
      offset: at.offset,
      length: at.length,
      message: `With this policy a principal can escalate its own privileges: ${methodsText(methods)}. Restrict these actions to named resources, or remove them.`,
      data: { methods, sources },
      ...(related.size ? { related: [...related].map(([span, message]) => ({ offset: span.offset, length: span.length, message })) } : {}),
    });
  }
}

const managingNames = perExpansion(actions => actions.filter(a => a.accessLevel === 'Permissions management').map(actionName));
const exposingNames = perExpansion(actions =>
  // Stryker disable next-line MethodExpression: equivalent, the filter by service only saves time
  actions
    .filter(a => CREDENTIALS_EXPOSURE_SERVICES.has(a.service))
    .map(actionName)
    .filter(n => CREDENTIALS_EXPOSURE_ACTIONS.has(n.toLowerCase())),
);

function checkActionLists(ctx: RuleContext, facts: StatementFacts, denials: readonly StatementFacts[]): void {
  for (const entry of facts.actions) {
    if (entry.everything) continue;
    const managing = managingNames(entry, ctx.catalog).filter(name => !deniedEverywhere(denials, name));
    if (managing.length > 0) {
      ctx.report({
        code: 'IAM412',
        offset: entry.item.offset,
        length: entry.item.length,
        message: `Permissions management: ${managing.length === 1 ? `"${managing[0]}" changes` : `${managing.length} actions here (such as "${managing[0]}") change`} who may access resources. Grant ${managing.length === 1 ? 'it' : 'them'} only to administrators.`,
        // Stryker disable next-line MethodExpression: equivalent, no service has DATA_LIST_LIMIT permissions-management actions (one entry is one service)
        data: { actions: managing.slice(0, DATA_LIST_LIMIT), actionCount: managing.length },
      });
    }
    if (ctx.doc.kind !== 'identity') continue;
    const exposing = exposingNames(entry, ctx.catalog);
    if (exposing.length > 0) {
      ctx.report({
        code: 'IAM413',
        offset: entry.item.offset,
        length: entry.item.length,
        message: `${exposing.map(n => `"${n}"`).join(', ')} return${exposing.length === 1 ? 's' : ''} credentials or tokens in ${exposing.length === 1 ? 'its' : 'their'} response: whoever holds this grant can use them elsewhere.`,
        data: { actions: exposing },
      });
    }
  }
}

export const securityEscalationRules: RuleModule = {
  rules: [
    {
      code: 'IAM410',
      name: 'pass-role-any',
      category: 'security',
      defaultSeverity: 'warning',
      summary: 'iam:PassRole on every role (iam:PassedToService names services, not roles).',
    },
    {
      code: 'IAM411',
      name: 'privilege-escalation',
      category: 'security',
      defaultSeverity: 'warning',
      summary: 'The policy allows a known way to escalate privileges (Rhino Security Labs, PMapper, pathfinding.cloud).',
    },
    {
      code: 'IAM412',
      name: 'permissions-management',
      category: 'security',
      defaultSeverity: 'information',
      summary: 'Actions of the access level "Permissions management".',
    },
    {
      code: 'IAM413',
      name: 'credentials-exposure',
      category: 'security',
      defaultSeverity: 'information',
      summary: 'Actions whose responses carry credentials.',
    },
  ],
  check(ctx) {
    const { kind } = ctx.doc;
    if (kind !== 'identity' && kind !== 'resource') return;
    const allFacts = statementFacts(ctx.doc, ctx.catalog);
    const denials = unconditionalDenials(allFacts);
    for (const facts of allFacts) {
      if (!facts.allow) continue;
      checkActionLists(ctx, facts, denials);
      if (kind === 'identity') checkPassRole(ctx, facts);
    }
    if (kind === 'identity') checkEscalation(ctx, allFacts, denials);
  },
};
