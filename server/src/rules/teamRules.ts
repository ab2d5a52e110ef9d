// IAM650-IAM652: a team's own rules, from the settings (analysis/teamRules.ts), in the Allow
// statements of identity and resource policies (the policies that grant).
// - IAM650 an action of iamPolicy.requiredConditions granted without the condition keys the team
//   requires (all of allOf, one of anyOf, with the allowed values when given). A key counts when an
//   operator requires it: not negated, not ...IfExists, not ForAllValues (all three match when the
//   key is absent: IAM User Guide, "Condition operators" and "Single-valued vs. multivalued context
//   keys"), or "Null": "false"; with allowed values, every value of the condition is one of them. A
//   Deny of the same policy on "*" that covers the actions with a condition on the key (negated, with
//   allowed values only) enforces it too: the usual way a bucket policy requires encryption.
// - IAM651 an action the team names in iamPolicy.sensitiveActions.
// - IAM652 a resource the team names in iamPolicy.sensitiveResources, reached by a Resource value that
//   overlaps it ("*" included) with an action that can act on it.
import type { Catalog } from '../catalog/types';
import { globsIntersect } from '../policy/arnGlobs';
import type { StringItem } from '../policy/model';
import { globMatch, wildcardMatch } from '../util/wildcard';
import { grantedMatches, teamRulesOf, type RequiredKey, type TeamRequirement, type TeamRules } from '../analysis/teamRules';
import { mayName, resourceTypesOf, typedArn } from '../analysis/resourceTypes';
import { actionName } from '../analysis/actionExpansions';
import { hasStarResource, statementFacts, type ConditionFact, type StatementFacts } from '../analysis/statementFacts';
import { DATA_LIST_LIMIT, type RuleContext, type RuleModule } from './types';

/** Whether a condition of the statement requires the key (with one of its allowed values). */
function requires(condition: ConditionFact, key: RequiredKey): boolean {
  const { operator } = condition;
  const base = operator.base;
  if (condition.key !== key.lower || !base || base.negated || operator.ifExists || operator.setQualifier === 'ForAllValues') return false;
  if (base.family === 'Null') return !key.values && condition.values.length > 0 && condition.values.every(v => v.toLowerCase() === 'false');
  return condition.values.length > 0 && (!key.values || condition.values.every(v => key.values!.some(allowed => globMatch(allowed, v))));
}

/** Whether a Deny on "*" of the policy covers every one of the actions and conditions them on the key. */
function enforcedByDeny(denials: readonly StatementFacts[], names: readonly string[], key: RequiredKey): boolean {
  return denials.some(
    deny =>
      hasStarResource(deny) &&
      names.every(name =>
        deny.statement.notAction
          ? !deny.statement.notAction.items.some(i => wildcardMatch(i.value, name, true))
          : deny.actions.some(a => a.everything || wildcardMatch(a.item.value, name, true)),
      ) &&
      deny.conditions.some(
        c => c.key === key.lower && (!key.values || (c.operator.base?.negated === true && c.values.length > 0 && c.values.every(v => key.values!.includes(v)))),
      ),
  );
}

// Stryker disable all: human text, as in the messages (tests assert codes, spans and data)
/** '"a", "b", "c" and 2 more' */
function listed(names: readonly string[]): string {
  return (
    names
      .slice(0, 3)
      .map(n => `"${n}"`)
      .join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '')
  );
}

function describeKey(key: RequiredKey): string {
  return key.values ? `${key.key} (${key.values.map(v => JSON.stringify(v)).join(' or ')})` : key.key;
}
// Stryker restore all

function checkRequirement(ctx: RuleContext, facts: StatementFacts, denials: readonly StatementFacts[], requirement: TeamRequirement): void {
  for (const { at, names } of grantedMatches(facts, requirement.actions, ctx.catalog)) {
    const holds = (key: RequiredKey) => facts.conditions.some(c => requires(c, key)) || enforcedByDeny(denials, names, key);
    const missing = requirement.allOf.filter(key => !holds(key));
    const anyMissing = requirement.anyOf.length > 0 && !requirement.anyOf.some(holds);
    if (missing.length === 0 && !anyMissing) continue;
    const needs = [
      ...missing.map(describeKey),
      // Stryker disable next-line all: human text
      ...(anyMissing ? [requirement.anyOf.length === 1 ? describeKey(requirement.anyOf[0]) : `one of ${requirement.anyOf.map(describeKey).join(', ')}`] : []),
    ];
    const shown = listed(names);
    ctx.report({
      code: 'IAM650',
      offset: at.offset,
      length: at.length,
      message: `Your team's rule (iamPolicy.requiredConditions${requirement.reason ? `: ${requirement.reason}` : ''}): ${shown} must be allowed only with a condition on ${needs.join(' and ')}. Add the condition.`,
      data: {
        actions: names.slice(0, DATA_LIST_LIMIT),
        missing: missing.map(k => ({ key: k.key, values: k.values })),
        ...(anyMissing ? { anyOf: requirement.anyOf.map(k => ({ key: k.key, values: k.values })) } : {}),
      },
    });
  }
}

function checkSensitiveActions(ctx: RuleContext, facts: StatementFacts, team: TeamRules): void {
  for (const { at, names } of grantedMatches(facts, team.sensitiveActions, ctx.catalog)) {
    const shown = listed(names);
    ctx.report({
      code: 'IAM651',
      offset: at.offset,
      length: at.length,
      message: `${shown} ${names.length === 1 ? 'is an action' : 'are actions'} your team marks sensitive (iamPolicy.sensitiveActions). Make sure this grant is meant, on named resources.`,
      data: { actions: names.slice(0, DATA_LIST_LIMIT) },
    });
  }
}

/** The names of the statement's actions that can act on the resource (an ARN pattern); every action with NotAction or "*". */
function actionsOn(facts: StatementFacts, arn: string, catalog: Catalog): string[] | 'all' {
  // Stryker disable next-line MethodExpression,ArrowFunction: human text, "*" stands for every action anyway: only the message says "every action"
  if (facts.statement.notAction || facts.actions.some(a => a.everything)) return 'all';
  const typed = typedArn(catalog, arn);
  const names = new Set<string>();
  for (const entry of facts.actions) {
    for (const action of entry.actions) {
      if (resourceTypesOf(catalog, action).some(type => mayName(typed, type))) names.add(actionName(action));
    }
  }
  return [...names];
}

function checkSensitiveResources(ctx: RuleContext, facts: StatementFacts, team: TeamRules): void {
  for (const item of facts.statement.resource?.items ?? []) {
    const reached = team.sensitiveResources.filter(sensitive => globsIntersect(item.value, sensitive));
    const withActions = reached.map(sensitive => ({ sensitive, actions: actionsOn(facts, sensitive, ctx.catalog) }));
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, "all" has a length too
    const acting = withActions.filter(r => r.actions === 'all' || r.actions.length > 0);
    if (acting.length === 0) continue;
    reportResource(ctx, item, acting);
  }
}

function reportResource(ctx: RuleContext, item: StringItem, reached: ReadonlyArray<{ sensitive: string; actions: string[] | 'all' }>): void {
  // Stryker disable next-line all: human text
  const how = reached[0].actions === 'all' ? 'every action of the statement' : listed(reached[0].actions);
  ctx.report({
    code: 'IAM652',
    offset: item.offset,
    length: item.length,
    message: `This reaches ${reached.map(r => r.sensitive).join(', ')}, which your team marks sensitive (iamPolicy.sensitiveResources), with ${how}. Make sure this grant is meant.`,
    data: { resources: reached.map(r => r.sensitive) },
  });
}

export const teamRuleModule: RuleModule = {
  rules: [
    {
      code: 'IAM650',
      name: 'required-condition',
      category: 'team',
      defaultSeverity: 'warning',
      summary: "An Allow of an action the team's iamPolicy.requiredConditions names, without the condition keys it requires.",
    },
    {
      code: 'IAM651',
      name: 'sensitive-action',
      category: 'team',
      defaultSeverity: 'warning',
      summary: 'An Allow of an action the team names in iamPolicy.sensitiveActions.',
    },
    {
      code: 'IAM652',
      name: 'sensitive-resource',
      category: 'team',
      defaultSeverity: 'warning',
      summary: 'An Allow that reaches a resource the team names in iamPolicy.sensitiveResources.',
    },
  ],
  check(ctx) {
    const team = teamRulesOf(ctx.settings);
    const { kind } = ctx.doc;
    if (kind !== 'identity' && kind !== 'resource') return;
    // Stryker disable next-line ConditionalExpression: equivalent, a fast exit when the team has no rules
    if (team.requirements.length + team.sensitiveActions.length + team.sensitiveResources.length === 0) return;
    const allFacts = statementFacts(ctx.doc, ctx.catalog);
    const denials = allFacts.filter(f => f.deny);
    for (const facts of allFacts) {
      if (!facts.allow) continue;
      for (const requirement of team.requirements) checkRequirement(ctx, facts, denials, requirement);
      checkSensitiveActions(ctx, facts, team);
      checkSensitiveResources(ctx, facts, team);
    }
  },
};
