// IAM310-IAM312: condition keys. Keys are case-insensitive (IAM User Guide, "IAM JSON policy elements:
// Condition", reference_policies_elements_condition.html: "Condition key names are not case-sensitive").
// - IAM310: a key the catalog does not know (global keys, service keys of the Service Authorization
//   Reference, tag keys and other keys with variable parts by pattern, identity-provider claims).
//   A warning: services add keys faster than any catalog, and AWS's own policies use undocumented ones.
// - IAM311: a service's key in a statement whose actions all belong to other services: a service puts
//   only its own keys (and the global ones) in the request context, so the key is absent and the
//   condition never matches (or, negated, always matches). Source: Service Authorization Reference,
//   "Condition keys" of each service (service_authorization_reference, reference_policies_actions-
//   resources-contextkeys.html). Keys of the same service are not compared action by action: the
//   reference leaves many keys unattached to the actions that support them (states:HTTPEndpoint for
//   states:InvokeHTTPEndpoint, aws-marketplace:ProductId for aws-marketplace:Subscribe), so that check
//   would raise false alarms; IAM313 says it only as information, and only for keys the reference
//   attaches to some other action of the service. A key of another service that an action lists is fine (sts:AssumeRole
//   lists iam:ResourceTag/${TagKey}); cross-service keys such as ec2:SourceInstanceARN are global.
//   With "*", NotAction or an action the catalog does not know we stay silent.
// - IAM312: the same key twice in one operator block, in different letter case ("Access Analyzer policy
//   check reference": "Duplicate keys with different case"). Exact duplicates are IAM031.
// - IAM314: a service key that the reference lists for some of the statement's named actions and not for
//   others: the condition is not evaluated as written for those ("Unsupported action for condition key"
//   in the policy validation check reference, which, like us, leaves actions with wildcards out). An error
//   there; the reference is incomplete (see IAM313), so a warning here.
// - IAM315/IAM316: a tag key (aws:ResourceTag/..., aws:RequestTag/..., aws:TagKeys) in a statement with
//   actions of a service that lists the key for none of its actions or resource types, so never sends it:
//   a Deny does not deny those actions (IAM315, warning: "Deny with unsupported tag condition key for
//   service", a security warning), an Allow does not allow them (IAM316, information: "Allow with
//   unsupported tag condition key for service", a suggestion). NotAction and "*" cover such services too
//   (the "NotAction" variants of both checks).
import type { ActionInfo, Catalog, ServiceInfo } from '../catalog/types';
import type { Statement } from '../policy/model';
import { hasPlaceholder } from '../policy/placeholders';
import { closestNames } from '../util/closest';
import { type ConditionEntry, conditionEntries, keySpan, matchesWhenAbsent } from '../analysis/conditionsEntries';
import { actionName, expandAction } from '../analysis/actionExpansions';
import type { RuleContext, RuleModule } from './types';
import { hasVariable } from '../util/policyVariables';
import { hasWildcard } from '../util/wildcard';

/** Key names to suggest for a misspelled key: the global keys, or the keys of its service. */
function keyCandidates(key: string, catalog: Catalog): string[] {
  const prefix = key.slice(0, key.indexOf(':')).toLowerCase();
  if (prefix === 'aws') return catalog.globalConditionKeys().map(k => k.key);
  return catalog.service(prefix)?.conditionKeys.map(k => k.key) ?? [];
}

function checkUnknownKey(ctx: RuleContext, entry: ConditionEntry): void {
  const name = entry.keyEntry.entry.name;
  if (entry.key) return;
  const span = keySpan(entry);
  if (hasPlaceholder(name)) {
    ctx.report({ code: 'IAM310', ...span, message: `"${name}" is a placeholder: replace it with the real condition key.` });
    return;
  }
  if (!name.includes(':')) {
    ctx.report({
      code: 'IAM310',
      ...span,
      message: `"${name}" is not a condition key: keys are written "prefix:name", e.g. "aws:SourceIp" or "accounts.google.com:sub".`,
    });
    return;
  }
  const replacements = closestNames(name, keyCandidates(name, ctx.catalog), 3);
  ctx.report({
    code: 'IAM310',
    ...span,
    message: `Unknown condition key "${name}".${replacements.length ? ` Did you mean ${replacements.map(r => `"${r}"`).join(', ')}?` : ''} If the service added it recently, ignore this warning.`,
    data: { replacements: replacements.filter(r => !hasVariable(r)).map(r => JSON.stringify(r)) },
  });
}

/** The catalog actions of a statement: all of them, and those its entries without wildcards name (Access Analyzer leaves the others out). */
interface StatementActions {
  all: ActionInfo[];
  named: ActionInfo[];
}

/** The catalog actions of the statement, or undefined when they cannot be known ("*", NotAction, unknown names). */
function knownActions(statement: Statement, catalog: Catalog): StatementActions | undefined {
  if (statement.notAction || !statement.action || statement.action.invalid.length > 0) return undefined;
  const all: ActionInfo[] = [];
  const named: ActionInfo[] = [];
  for (const item of statement.action.items) {
    if (item.value === '*' || hasPlaceholder(item.value)) return undefined;
    const matched = expandAction(catalog, item.value);
    if (matched.length === 0) return undefined;
    all.push(...matched);
    if (!hasWildcard(item.value)) named.push(...matched);
  }
  return all.length > 0 ? { all, named } : undefined;
}

const listedKeysCache = new WeakMap<ActionInfo, Set<string>>();

/** Lower-case keys the reference lists for an action: its own and those of its resource types. */
function listedKeys(action: ActionInfo, catalog: Catalog): Set<string> {
  let keys = listedKeysCache.get(action);
  if (!keys) {
    keys = new Set(action.conditionKeys.map(k => k.toLowerCase()));
    for (const resourceType of action.resourceTypes) {
      for (const key of resourceType.conditionKeys) keys.add(key.toLowerCase());
      for (const key of catalog.resourceType(action.service, resourceType.name)?.conditionKeys ?? []) keys.add(key.toLowerCase());
    }
    listedKeysCache.set(action, keys);
  }
  return keys;
}

const serviceKeysCache = new WeakMap<ServiceInfo, Set<string>>();

/** Lower-case keys that some action or resource type of the service lists (the others are unattached). */
function attachedKeys(service: ServiceInfo, catalog: Catalog): Set<string> {
  let keys = serviceKeysCache.get(service);
  if (!keys) {
    keys = new Set(service.actions.flatMap(action => [...listedKeys(action, catalog)]));
    serviceKeysCache.set(service, keys);
  }
  return keys;
}

function checkSomeActions(ctx: RuleContext, entry: ConditionEntry, named: ActionInfo[], canonical: string): void {
  const without = named.filter(action => !listedKeys(action, ctx.catalog).has(canonical));
  if (without.length === 0 || without.length === named.length) return;
  const names = without.map(actionName);
  // Stryker disable next-line all: human text
  const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
  ctx.report({
    code: 'IAM314',
    ...keySpan(entry),
    data: { actions: names },
    message: `The Service Authorization Reference lists "${entry.keyEntry.entry.name}" for ${named.length - without.length} of the ${named.length} actions here: for ${shown}, the key is absent, so this condition ${outcome(entry)} for ${without.length === 1 ? 'it' : 'them'}. Move ${without.length === 1 ? 'that action' : 'those actions'} to a statement without this condition.`,
  });
}

function checkKeyService(ctx: RuleContext, entry: ConditionEntry, { all: actions, named }: StatementActions): void {
  const { key } = entry;
  if (!key?.service) return; // global keys apply to every action
  const { service } = key;
  const canonical = key.key.toLowerCase();
  if (actions.some(action => listedKeys(action, ctx.catalog).has(canonical))) {
    checkSomeActions(ctx, entry, [...new Set(named)], canonical);
    return;
  }
  if (actions.some(action => action.service === service)) {
    const info = ctx.catalog.service(service);
    if (!info || !attachedKeys(info, ctx.catalog).has(canonical)) return;
    // Stryker disable all: human text
    const names = [...new Set(actions.filter(a => a.service === service).map(actionName))];
    const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
    // Stryker restore all
    ctx.report({
      code: 'IAM313',
      ...keySpan(entry),
      message: `The Service Authorization Reference does not list "${entry.keyEntry.entry.name}" for ${shown}; if the key is really absent from these requests, this condition ${outcome(entry)}. Check the service's documentation.`,
    });
    return;
  }
  // Stryker disable next-line all: human text
  const services = [...new Set(actions.map(a => a.service))];
  ctx.report({
    code: 'IAM311',
    ...keySpan(entry),
    message: `"${entry.keyEntry.entry.name}" is a key of ${service}, but the statement's actions are all ${services.join(', ')} actions: their requests do not have the key, so this condition ${outcome(entry)}. Use a key of ${services.length === 1 ? 'that service' : 'those services'} or a global aws: key, or move the condition to a statement with ${service} actions.`,
  });
}

// Stryker disable all: human text, the outcome a message states (tests assert codes, spans and data)
function outcome(entry: ConditionEntry): string {
  const absent = matchesWhenAbsent(entry);
  return absent === undefined ? 'does not test what it seems to' : absent ? 'always matches' : 'never matches';
}
// Stryker restore all

function checkCaseDuplicates(ctx: RuleContext, entries: ConditionEntry[]): void {
  const seen = new Map<string, ConditionEntry>();
  for (const entry of entries) {
    const name = entry.keyEntry.entry.name;
    const first = seen.get(name.toLowerCase());
    if (!first) {
      seen.set(name.toLowerCase(), entry);
    } else if (first.keyEntry.entry.name !== name) {
      ctx.report({
        code: 'IAM312',
        ...keySpan(entry),
        message: `"${name}" repeats "${first.keyEntry.entry.name}" in another letter case: condition keys are case-insensitive, so this is the same key twice. Merge their values into one entry.`,
        related: [{ ...keySpan(first), message: 'the same key' }],
      });
    }
  }
}

const TAG_KEYS: ReadonlySet<string> = new Set(['aws:resourcetag/${tagkey}', 'aws:requesttag/${tagkey}', 'aws:tagkeys']);

/**
 * The known services of the statement's actions (every service with "*" or NotAction: undefined; none
 * without Action or NotAction, a statement IAM rejects). A prefix with a wildcard or of no service,
 * or a name without a colon, names no service.
 */
function servicesOf(statement: Statement, catalog: Catalog): ServiceInfo[] | undefined {
  if (statement.notAction || statement.action?.items.some(i => i.value === '*')) return undefined;
  const services = new Set<ServiceInfo>();
  for (const item of statement.action?.items ?? []) {
    const colon = item.value.indexOf(':');
    const service = colon > 0 ? catalog.service(item.value.slice(0, colon)) : undefined;
    if (service) services.add(service);
  }
  return [...services];
}

function checkTagKeyServices(ctx: RuleContext, entry: ConditionEntry): void {
  const canonical = entry.key?.key.toLowerCase();
  const effect = entry.statement.effect?.valueNode?.value;
  if (!canonical || !TAG_KEYS.has(canonical) || (effect !== 'Allow' && effect !== 'Deny')) return;
  const code = effect === 'Deny' ? 'IAM315' : 'IAM316';
  // Stryker disable all: human text
  const verb = effect === 'Deny' ? 'deny' : 'allow';
  const absent = matchesWhenAbsent(entry);
  const effectOn = (them: string) =>
    absent === undefined ? `does not ${verb} ${them} as it seems to` : absent ? `${verb}s ${them} whatever their tags` : `does not ${verb} ${them}`;
  // Stryker restore all
  const services = servicesOf(entry.statement, ctx.catalog);
  const name = entry.keyEntry.entry.name;
  if (!services) {
    ctx.report({
      code,
      ...keySpan(entry),
      message: `This statement covers every service (${entry.statement.notAction ? 'NotAction' : '"*"'}), and many never send "${name}": for their actions the condition ${outcome(entry)}, so this statement ${effectOn('them')}. List the actions of services that support the key in "Action".`,
    });
    return;
  }
  const never = services.filter(service => !attachedKeys(service, ctx.catalog).has(canonical)).map(service => service.prefix);
  if (never.length === 0) return;
  ctx.report({
    code,
    ...keySpan(entry),
    data: { services: never },
    message: `${never.join(', ')} never send${never.length === 1 ? 's' : ''} "${name}" (the Service Authorization Reference lists it for none of ${never.length === 1 ? 'its' : 'their'} actions), so for ${never.length === 1 ? 'its' : 'their'} actions this condition ${outcome(entry)}: the statement ${effectOn('them')}. Move those actions to a statement without the tag condition (name their resources instead).`,
  });
}

export const conditionKeyRules: RuleModule = {
  rules: [
    { code: 'IAM310', name: 'unknown-condition-key', category: 'condition', defaultSeverity: 'warning', summary: 'The condition key is unknown.' },
    {
      code: 'IAM311',
      name: 'condition-key-of-other-service',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: "A service's condition key in a statement with only other services' actions.",
    },
    {
      code: 'IAM313',
      name: 'condition-key-not-listed-for-actions',
      category: 'condition',
      defaultSeverity: 'information',
      summary: "The reference lists the service's key for other actions, not for the statement's.",
    },
    {
      code: 'IAM312',
      name: 'condition-key-case-duplicate',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'The same condition key twice in one operator, in different letter case.',
    },
    {
      code: 'IAM314',
      name: 'condition-key-not-supported-by-some-actions',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: "A service key that the reference lists for some of the statement's actions but not others.",
    },
    {
      code: 'IAM315',
      name: 'deny-with-unsupported-tag-key',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'A Deny with a tag condition key and actions of services that never send it.',
    },
    {
      code: 'IAM316',
      name: 'allow-with-unsupported-tag-key',
      category: 'condition',
      defaultSeverity: 'information',
      summary: 'An Allow with a tag condition key and actions of services that never send it.',
    },
  ],
  check(ctx) {
    const entries = conditionEntries(ctx.doc, ctx.catalog);
    const actionsOf = new Map<Statement, StatementActions | undefined>();
    const byOperator = new Map<unknown, ConditionEntry[]>();
    for (const entry of entries) {
      checkUnknownKey(ctx, entry);
      checkTagKeyServices(ctx, entry);
      if (!actionsOf.has(entry.statement)) actionsOf.set(entry.statement, knownActions(entry.statement, ctx.catalog));
      const actions = actionsOf.get(entry.statement);
      if (actions) checkKeyService(ctx, entry, actions);
      const group = byOperator.get(entry.operatorEntry) ?? [];
      group.push(entry);
      byOperator.set(entry.operatorEntry, group);
    }
    for (const group of byOperator.values()) checkCaseDuplicates(ctx, group);
  },
};
