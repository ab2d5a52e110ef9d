// IAM410-IAM413: grants that let a principal widen its own access, in identity policies.
// - IAM410 iam:PassRole on every role: IAM policy validation check reference, "Security Warning –
//   Pass role with star in resource" (and "... with NotResource", "... with star in resource and
//   NotAction"): silent when iam:PassedToService confines the services, as that page recommends.
// - IAM411 privilege escalation: the actions of one of Rhino Security Labs' escalation methods
//   (analysis/securityTables.ts) all allowed on "*" without conditions by the policy, after its unconditional
//   Deny statements.
// - IAM412 permissions-management actions (the Service Authorization Reference's access level
//   "Permissions management": policies, ACLs, grants, resource shares), also in resource policies;
//   those that an unconditional Deny on "*" in the same policy takes back are left out.
// - IAM413 actions whose responses carry credentials (analysis/securityTables.ts). IAM412 and IAM413 are
//   information: they are often needed; the reader should know they are there.
// `"Action": "*"` is left to IAM400, which already says the principal can do everything.
import type { Catalog } from '../catalog/types';
import type { Span, StringItem } from '../policy/model';
import { actionMatch } from '../util/wildcard';
import { CREDENTIALS_EXPOSURE_ACTIONS, PRIVILEGE_ESCALATION_METHODS } from '../analysis/securityTables';
import { actionName, perExpansion } from '../analysis/actionExpansions';
import { hasStarResource, restrictsWith, statementFacts, type StatementFacts } from '../analysis/statementFacts';
import { DATA_LIST_LIMIT, type RuleContext, type RuleModule } from './types';

const PASS_ROLE = 'iam:passrole';
const CREDENTIALS_EXPOSURE_SERVICES: ReadonlySet<string> = new Set([...CREDENTIALS_EXPOSURE_ACTIONS].map(a => a.slice(0, a.indexOf(':'))));
const ROLE_WILDCARDS = /^arn:[^:]*:iam::[^:]*:(\*|role\/\*)$/;
const ESCALATION_ACTIONS: ReadonlySet<string> = new Set(PRIVILEGE_ESCALATION_METHODS.flatMap(m => m.actions));
const ESCALATION_ACTIONS_BY_SERVICE = new Map<string, string[]>();
for (const action of ESCALATION_ACTIONS) {
  const service = action.slice(0, action.indexOf(':'));
  ESCALATION_ACTIONS_BY_SERVICE.set(service, [...ESCALATION_ACTIONS_BY_SERVICE.get(service) ?? [], action]);
}

/** Whether an action name (lower case) is matched by an Action or NotAction entry. */
function entryMatches(item: StringItem, action: string): boolean {
  return actionMatch(item.value, action);
}

/** Whether an Action entry's name matches iam:PassRole. */
const matchesPassRole = perExpansion((_actions, _catalog, name) => actionMatch(name, PASS_ROLE));

/** Where the statement grants iam:PassRole: the Action entry, or the NotAction key that leaves it out. */
function grantsPassRoleAt(facts: StatementFacts, catalog: Catalog): Span | undefined {
  const { statement } = facts;
  if (statement.notAction) {
    return statement.notAction.items.some(i => entryMatches(i, PASS_ROLE)) ? undefined : statement.notAction.entry.keyNode;
  }
  return facts.actions.find(a => !a.everything && matchesPassRole(a, catalog))?.item;
}

function checkPassRole(ctx: RuleContext, facts: StatementFacts): void {
  const at = grantsPassRoleAt(facts, ctx.catalog);
  if (!at || restrictsWith(facts, key => key === 'iam:passedtoservice')) return;
  const everyRole = facts.statement.notResource !== undefined
    || (facts.statement.resource?.items ?? []).some(i => i.value === '*' || ROLE_WILDCARDS.test(i.value));
  if (!everyRole) return;
  ctx.report({ code: 'IAM410', offset: at.offset, length: at.length,
    message: 'This statement lets the principal pass any role to any service, and so act with that role\'s permissions. Name the roles in Resource, or add a condition on iam:PassedToService.' });
}

/** The escalation actions (lower case) that an Action entry's name matches. */
const escalationActions = perExpansion((_actions, _catalog, name) => {
  const colon = name.indexOf(':');
  const prefix = colon > 0 ? name.slice(0, colon) : '';
  const candidates = prefix ? ESCALATION_ACTIONS_BY_SERVICE.get(prefix) ?? [] : ESCALATION_ACTIONS;
  return [...candidates].filter(action => actionMatch(name, action));
});

/** The action names (lower case) each statement allows on "*", with the entry that allows them. */
function escalationGrants(allFacts: readonly StatementFacts[], denials: readonly StatementFacts[], catalog: Catalog): Map<string, StringItem> {
  const granted = new Map<string, StringItem>();
  for (const facts of allFacts) {
    // a condition may confine the grant in ways we cannot judge: only unconditional grants count
    if (!facts.allow || !hasStarResource(facts) || facts.conditions.length > 0) continue;
    for (const entry of facts.actions) {
      if (entry.everything) continue;
      for (const action of escalationActions(entry, catalog)) if (!granted.has(action)) granted.set(action, entry.item);
    }
  }
  for (const action of granted.keys()) if (deniedEverywhere(denials, action)) granted.delete(action);
  return granted;
}

/** The statements that deny without conditions on "*". */
function unconditionalDenials(allFacts: readonly StatementFacts[]): StatementFacts[] {
  return allFacts.filter(facts => facts.deny && hasStarResource(facts) && facts.conditions.length === 0);
}

/** Whether one of the unconditional denials on "*" covers the action (lower case) everywhere in the policy. */
function deniedEverywhere(denials: readonly StatementFacts[], action: string): boolean {
  return denials.some(facts => {
    const notAction = facts.statement.notAction?.items;
    return notAction ? !notAction.some(i => entryMatches(i, action)) : facts.actions.some(a => entryMatches(a.item, action));
  });
}

function checkEscalation(ctx: RuleContext, allFacts: readonly StatementFacts[], denials: readonly StatementFacts[]): void {
  const granted = escalationGrants(allFacts, denials, ctx.catalog);
  const methodsAt = new Map<StringItem, string[]>();
  for (const method of PRIVILEGE_ESCALATION_METHODS) {
    if (!method.actions.every(a => granted.has(a))) continue;
    const at = granted.get(method.actions[method.actions.length - 1]) as StringItem;
    methodsAt.set(at, [...methodsAt.get(at) ?? [], method.name]);
  }
  for (const [at, methods] of methodsAt) {
    ctx.report({ code: 'IAM411', offset: at.offset, length: at.length,
      message: `With this policy a principal can escalate its own privileges: ${methods.join('; ')}. Restrict these actions to named resources, or remove them.`,
      data: { methods } });
  }
}

const managingNames = perExpansion(actions => actions.filter(a => a.accessLevel === 'Permissions management').map(actionName));
const exposingNames = perExpansion(actions => actions.filter(a => CREDENTIALS_EXPOSURE_SERVICES.has(a.service)).map(actionName)
  .filter(n => CREDENTIALS_EXPOSURE_ACTIONS.has(n.toLowerCase())));

function checkActionLists(ctx: RuleContext, facts: StatementFacts, denials: readonly StatementFacts[]): void {
  for (const entry of facts.actions) {
    if (entry.everything) continue;
    const allManaging = managingNames(entry, ctx.catalog);
    const managing = denials.length === 0 ? allManaging : allManaging.filter(name => !deniedEverywhere(denials, name.toLowerCase()));
    if (managing.length > 0) {
      ctx.report({ code: 'IAM412', offset: entry.item.offset, length: entry.item.length,
        message: `Permissions management: ${managing.length === 1 ? `"${managing[0]}" changes` : `${managing.length} actions here (such as "${managing[0]}") change`} who may access resources. Grant ${managing.length === 1 ? 'it' : 'them'} only to administrators.`,
        data: { actions: managing.slice(0, DATA_LIST_LIMIT), actionCount: managing.length } });
    }
    if (ctx.doc.kind !== 'identity') continue;
    const exposing = exposingNames(entry, ctx.catalog);
    if (exposing.length > 0) {
      ctx.report({ code: 'IAM413', offset: entry.item.offset, length: entry.item.length,
        message: `${exposing.map(n => `"${n}"`).join(', ')} return${exposing.length === 1 ? 's' : ''} credentials or tokens in ${exposing.length === 1 ? 'its' : 'their'} response: whoever holds this grant can use them elsewhere.`,
        data: { actions: exposing } });
    }
  }
}

export const securityEscalationRules: RuleModule = {
  rules: [
    { code: 'IAM410', name: 'pass-role-any', category: 'security', defaultSeverity: 'warning', summary: 'iam:PassRole on every role, without iam:PassedToService.' },
    { code: 'IAM411', name: 'privilege-escalation', category: 'security', defaultSeverity: 'warning', summary: 'The policy allows a known way to escalate privileges on "*".' },
    { code: 'IAM412', name: 'permissions-management', category: 'security', defaultSeverity: 'information', summary: 'Actions of the access level "Permissions management".' },
    { code: 'IAM413', name: 'credentials-exposure', category: 'security', defaultSeverity: 'information', summary: 'Actions whose responses carry credentials.' },
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
