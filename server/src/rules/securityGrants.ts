// IAM400-IAM407: broad grants. Each is a warning with the reason; none runs when the user turns
// security rules off (category 'security').
// - IAM400 Allow of "*" on "*", IAM401 a whole service (`s3:*`), IAM402 / IAM407 "Resource": "*" for
//   actions that support resource-level permissions (graded by access level: a warning when some
//   can change something, Write, Permissions management or Tagging; information when all are List
//   or Read), IAM403 an ARN that matches every resource of a type in every account: in identity
//   policies only. SCPs, RCPs, permissions boundaries and VPC endpoint
//   policies set limits rather than grant, and their defaults are "Allow * on *"
//   (FullAWSAccess, RCPFullAWSAccess, the default endpoint policy); in resource policies "*" means
//   the resource the policy is attached to (a KMS key policy's "Resource": "*" is the key).
//   Sources: IAM User Guide, "Security best practices in IAM" (apply least-privilege permissions),
//   "IAM JSON policy elements: Resource" (services without resource-level permissions need "*").
// - IAM404 Allow with NotAction, IAM405 Allow with NotResource: everything but a list is granted,
//   including actions and resources AWS adds later ("IAM JSON policy elements: NotAction /
//   NotResource": "be careful").
// - IAM406 Allow with NotPrincipal: IAM policy validation check reference, "Security Warning – Allow
//   with NotPrincipal" (it can grant access to anonymous principals).
import type { AccessLevel, ActionInfo, ResourceTypeInfo } from '../catalog/types';
import { arnCoversFormat } from '../policy/arnGlobs';
import type { PolicyKind } from '../policy/model';
import { hasPlaceholder } from '../policy/placeholders';
import { arnServiceOf, everyResourceOf, resourceTypesOf, supportsResourceLevel, typedArn } from '../analysis/resourceTypes';
import { restrictsResources } from '../analysis/securityTables';
import { DATA_ACCESS_ACTIONS, lowerName } from '../analysis/sensitiveActions';
import { actionName, perExpansion } from '../analysis/actionExpansions';
import { CREATE_SERVICE_LINKED_ROLE, namesServiceLinkedRoleServices } from '../analysis/serviceLinkedRoles';
import { hasStarResource, restrictsWith, statementFacts, unionOfEntries, type StatementFacts } from '../analysis/statementFacts';
import { DATA_LIST_LIMIT, type RuleContext, type RuleModule } from './types';
import { hasVariable } from '../util/policyVariables';

const SERVICE_WILDCARD = /^[a-z0-9-]+:\*+$/i;
const NOT_ELEMENT_KINDS: ReadonlySet<PolicyKind> = new Set(['identity', 'resource', 'trust']);

/** A condition on the resource's tags, account or organization confines the statement despite "*". */
export function confinesResources(facts: StatementFacts): boolean {
  return restrictsWith(facts, restrictsResources);
}

function examples(names: readonly string[]): string {
  return names
    .slice(0, 3)
    .map(n => `"${n}"`)
    .join(', ');
}

function checkFullAccess(ctx: RuleContext, facts: StatementFacts): boolean {
  const star = hasStarResource(facts);
  const everything = facts.actions.find(a => a.everything);
  if (!star || !everything) return false;
  ctx.report({
    code: 'IAM400',
    offset: everything.item.offset,
    length: everything.item.length,
    message: 'This statement allows every action on every resource (full administrator access). Grant only the actions and resources the principal needs.',
  });
  return true;
}

function checkServiceWildcards(ctx: RuleContext, facts: StatementFacts): void {
  for (const entry of facts.actions) {
    if (!SERVICE_WILDCARD.test(entry.item.value)) continue;
    // Stryker disable next-line all: human text
    const prefix = entry.item.value.slice(0, entry.item.value.indexOf(':'));
    ctx.report({
      code: 'IAM401',
      offset: entry.item.offset,
      length: entry.item.length,
      // an unknown service (IAM101) has no count to give
      message: `"${entry.item.value}" allows every ${prefix} action, including ones AWS adds later${entry.actions.length ? ` (${entry.actions.length} today)` : ''}. List the actions the principal needs.`,
      data: { actionCount: entry.actions.length },
    });
  }
}

/** The actions that support resource-level permissions, without repeats. */
const scopedActions = perExpansion(actions => [...new Set(actions.filter(supportsResourceLevel))]);

/** Access levels from the one that can do the most harm; the first three make "*" a warning. */
const LEVELS_BY_HARM: readonly AccessLevel[] = ['Permissions management', 'Write', 'Tagging', 'Read', 'List'];
const CHANGING_LEVELS: ReadonlySet<AccessLevel> = new Set(['Permissions management', 'Write', 'Tagging']);

function checkResourceStar(ctx: RuleContext, facts: StatementFacts): void {
  const star = hasStarResource(facts);
  if (!star || confinesResources(facts)) return;
  // a service-linked role's service named by iam:AWSServiceName confines the one role it creates
  const confinedRole = namesServiceLinkedRoleServices(facts);
  const actions = unionOfEntries(facts, entry => scopedActions(entry, ctx.catalog)).filter(a => !(confinedRole && lowerName(a) === CREATE_SERVICE_LINKED_ROLE));
  if (actions.length === 0) return;
  const byLevel = new Map<AccessLevel, ActionInfo[]>();
  for (const action of actions) byLevel.set(action.accessLevel, [...(byLevel.get(action.accessLevel) ?? []), action]);
  const levels = LEVELS_BY_HARM.filter(level => byLevel.has(level));
  const changing = levels.some(level => CHANGING_LEVELS.has(level));
  const names = levels.flatMap(level => byLevel.get(level)!.map(actionName));
  const counts = levels.map(level => `${byLevel.get(level)!.length} ${level}`).join(', ');
  const reading = actions.filter(a => DATA_ACCESS_ACTIONS.has(lowerName(a))).map(actionName);
  // Stryker disable all: human text
  const what =
    names.length === 1 ? `"${names[0]}" (${levels[0]})` : `${names.length} actions (${counts}: ${examples(names)}${names.length > 3 ? ', ...' : ''})`;
  // Stryker restore all
  ctx.report({
    code: changing ? 'IAM402' : 'IAM407',
    offset: star.offset,
    length: star.length,
    message:
      `"Resource": "*" grants ${what} on every resource, though ${names.length === 1 ? 'it supports' : 'they support'} resource-level permissions.` +
      `${reading.length ? ` ${examples(reading)} ${reading.length === 1 ? 'reads' : 'read'} the data itself.` : ''}` +
      ' Name the resources (ARNs), or confine them with a condition on aws:ResourceTag or aws:ResourceAccount.',
    data: {
      actions: names.slice(0, DATA_LIST_LIMIT),
      actionCount: names.length,
      levels: Object.fromEntries(levels.map(level => [level, byLevel.get(level)!.length])),
    },
  });
}

/** The resource types the actions act on, by the service of their ARN format, each list in order and without repeats. */
const typesByArnService = perExpansion((actions, catalog) => {
  const byService = new Map<string, Set<ResourceTypeInfo>>();
  for (const action of actions) {
    for (const type of resourceTypesOf(catalog, action)) {
      const service = arnServiceOf(type);
      byService.set(service, (byService.get(service) ?? new Set()).add(type));
    }
  }
  const lists = new Map<string, ResourceTypeInfo[]>();
  for (const [service, types] of byService) lists.set(service, [...types]);
  return lists;
});

function checkEffectivelyStar(ctx: RuleContext, facts: StatementFacts): void {
  // "*" is no ARN: typedArn leaves it out below
  const items = (facts.statement.resource?.items ?? []).filter(i => !hasPlaceholder(i.value) && !hasVariable(i.value));
  if (confinesResources(facts)) return;
  const candidatesByService = new Map<string, readonly ResourceTypeInfo[]>();
  for (const item of items) {
    const arn = typedArn(ctx.catalog, item.value).parsed;
    if (!arn) continue;
    let candidates = candidatesByService.get(arn.service);
    // Stryker disable next-line ConditionalExpression: equivalent, the map only saves working out a service's types again
    if (!candidates) {
      candidates = unionOfEntries(facts, entry => typesByArnService(entry, ctx.catalog).get(arn.service) ?? []);
      candidatesByService.set(arn.service, candidates);
    }
    let covered: ResourceTypeInfo | undefined;
    for (const type of candidates) {
      const every = everyResourceOf(type);
      // Stryker disable next-line ConditionalExpression: equivalent, every ARN format of today's catalog parses
      if (every === undefined) continue;
      if (arnCoversFormat(arn, every)) {
        covered = type;
        break;
      }
    }
    if (!covered) continue;
    ctx.report({
      code: 'IAM403',
      offset: item.offset,
      length: item.length,
      message: `"${item.value}" matches every ${covered.service} ${covered.name} in every account and Region, as "*" would. Name the account, Region or resources.`,
      data: { resourceType: covered.name, arnFormat: covered.arnFormat },
    });
  }
}

function checkNotElements(ctx: RuleContext, facts: StatementFacts): void {
  const { statement } = facts;
  if (statement.notAction && NOT_ELEMENT_KINDS.has(ctx.doc.kind)) {
    const key = statement.notAction.entry.keyNode;
    ctx.report({
      code: 'IAM404',
      offset: key.offset,
      length: key.length,
      message:
        'Allow with NotAction grants every action not listed, in every service, including actions AWS adds later. List the allowed actions in Action instead, or use NotAction in a Deny.',
    });
  }
  if (statement.notResource && NOT_ELEMENT_KINDS.has(ctx.doc.kind)) {
    const key = statement.notResource.entry.keyNode;
    ctx.report({
      code: 'IAM405',
      offset: key.offset,
      length: key.length,
      message:
        'Allow with NotResource grants the actions on every resource not listed, including resources created later. List the allowed resources in Resource instead, or use NotResource in a Deny.',
    });
  }
  if (statement.notPrincipal) {
    const key = statement.notPrincipal.entry.keyNode;
    ctx.report({
      code: 'IAM406',
      offset: key.offset,
      length: key.length,
      message:
        'Allow with NotPrincipal grants access to everyone not listed, anonymous users included. Name the allowed principals in Principal, or use NotPrincipal in a Deny.',
    });
  }
}

export const securityGrantRules: RuleModule = {
  rules: [
    {
      code: 'IAM400',
      name: 'full-access',
      category: 'security',
      defaultSeverity: 'warning',
      summary: 'An identity policy allows every action on every resource.',
    },
    {
      code: 'IAM401',
      name: 'service-wildcard',
      category: 'security',
      defaultSeverity: 'warning',
      summary: 'An identity policy allows every action of a service (`s3:*`).',
    },
    {
      code: 'IAM402',
      name: 'resource-star',
      category: 'security',
      defaultSeverity: 'warning',
      summary: '"Resource": "*" for Write, Permissions management or Tagging actions that support resource-level permissions.',
    },
    {
      code: 'IAM403',
      name: 'resource-effectively-star',
      category: 'security',
      defaultSeverity: 'information',
      summary: 'An ARN matches every resource of its type in every account and Region.',
    },
    { code: 'IAM404', name: 'allow-not-action', category: 'security', defaultSeverity: 'warning', summary: 'Allow with NotAction.' },
    { code: 'IAM405', name: 'allow-not-resource', category: 'security', defaultSeverity: 'warning', summary: 'Allow with NotResource.' },
    { code: 'IAM406', name: 'allow-not-principal', category: 'security', defaultSeverity: 'warning', summary: 'Allow with NotPrincipal.' },
    {
      code: 'IAM407',
      name: 'resource-star-read',
      category: 'security',
      defaultSeverity: 'information',
      summary: '"Resource": "*" for List and Read actions that support resource-level permissions.',
    },
  ],
  check(ctx) {
    for (const facts of statementFacts(ctx.doc, ctx.catalog)) {
      if (!facts.allow) continue;
      checkNotElements(ctx, facts);
      if (ctx.doc.kind !== 'identity') continue;
      if (checkFullAccess(ctx, facts)) continue;
      checkServiceWildcards(ctx, facts);
      checkResourceStar(ctx, facts);
      checkEffectivelyStar(ctx, facts);
    }
  },
};
