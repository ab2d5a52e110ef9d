// IAM324-IAM326: a Deny of a resource control policy that confines principals or AWS services by
// condition keys some requests do not carry, without the related key that keeps those requests out.
// The policy validation check reference names three general warnings, "RCP missing related principal
// condition key", "RCP missing related service principal condition key" and "RCP missing service
// condition key null check"; the patterns are those of AWS's own RCPs (AWS Organizations User Guide,
// "Resource control policy examples"; aws-samples/data-perimeter-policy-examples,
// resource_control_policies/README.md, statements EnforceOrgIdentities and
// EnforceConfusedDeputyProtection), with the availability of each key from the IAM User Guide, "AWS
// global condition context keys":
// - IAM324: aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:PrincipalAccount. The organization keys are
//   in the request "only if the calling principal is a member of an organization", which an AWS
//   service principal is not: a Deny that matches when they are absent or differ blocks the services
//   that act on your resources (CloudTrail delivering logs). AWS's RCP exempts them with
//   "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}.
// - IAM325: aws:SourceOrgID, aws:SourceOrgPaths, aws:SourceAccount, aws:SourceArn are in the request
//   "only if accessing a resource triggers an AWS service to call another service on behalf of the
//   resource owner": a Deny that matches when they are absent, with nothing that confines it to AWS
//   services ("Bool": {"aws:PrincipalIsAWSService": "true"}, or a Null "false" on a source key), blocks
//   every request of your own principals.
// - IAM326: the same Deny confined to AWS services but without "Null": {"aws:SourceAccount": "false"}
//   blocks the service integrations that send no source key (services that assume your service roles,
//   AWS KMS grants, Elastic Load Balancing logs: the README's examples).
// A statement with another condition that fails when its key is absent, other than on the resource's
// tags, account or organization, may confine the Deny in ways the keys do not show: left alone.
import type { Statement } from '../policy/model';
import { type ConditionEntry, conditionEntries, keySpan, matchesWhenAbsent } from '../analysis/conditionsEntries';
import { restrictsResources } from '../analysis/securityTables';
import type { RuleContext, RuleModule } from './types';

const PRINCIPAL_KEYS: ReadonlySet<string> = new Set(['aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount']);
const SOURCE_KEYS: ReadonlySet<string> = new Set(['aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourceaccount', 'aws:sourcearn']);
/** Keys that say whether the caller is an AWS service, or which. */
const SERVICE_KEYS: ReadonlySet<string> = new Set(['aws:principalisawsservice', 'aws:principalservicename', 'aws:principalservicenameslist']);
const PRINCIPAL_IS_AWS_SERVICE = 'aws:principalisawsservice';

const keyOf = (entry: ConditionEntry) => entry.keyEntry.entry.name.toLowerCase();

/** A Bool (or BoolIfExists) "true" on aws:PrincipalIsAWSService: the statement concerns AWS services only. */
function onlyServices(entry: ConditionEntry): boolean {
  return (
    keyOf(entry) === PRINCIPAL_IS_AWS_SERVICE &&
    entry.operator.base?.family === 'Bool' &&
    !entry.operator.base.negated &&
    entry.keyEntry.values.length > 0 &&
    entry.keyEntry.values.every(v => String(v.value).toLowerCase() === 'true')
  );
}

/** What the rules need of a Deny statement's conditions. */
interface DenyConditions {
  /** the first entry on each family of keys that matches when the key is absent */
  principal?: ConditionEntry;
  source?: ConditionEntry;
  servicesOnly: boolean;
  /** some condition on aws:PrincipalIsAWSService or the service's name */
  namesServices: boolean;
  /** a condition on a source key that fails when the key is absent (a Null "false", a positive operator) */
  sourcePresent: boolean;
  /** another condition that fails when its key is absent: it may confine the statement */
  otherwiseConfined: boolean;
}

function denyConditions(entries: readonly ConditionEntry[]): DenyConditions {
  // Stryker disable next-line ObjectLiteral: equivalent, an absent flag is false
  const found: DenyConditions = { servicesOnly: false, namesServices: false, sourcePresent: false, otherwiseConfined: false };
  for (const entry of entries) {
    const key = keyOf(entry);
    const whenAbsent = matchesWhenAbsent(entry);
    if (SERVICE_KEYS.has(key)) {
      found.namesServices = true;
      found.servicesOnly ||= onlyServices(entry);
    } else if (PRINCIPAL_KEYS.has(key) && whenAbsent) {
      found.principal ??= entry;
    } else if (SOURCE_KEYS.has(key)) {
      if (whenAbsent) found.source ??= entry;
      else found.sourcePresent = true;
    } else if (whenAbsent !== true && !restrictsResources(key)) {
      found.otherwiseConfined = true;
    }
  }
  return found;
}

function checkStatement(ctx: RuleContext, entries: readonly ConditionEntry[]): void {
  const found = denyConditions(entries);
  if (found.otherwiseConfined) return;
  if (found.principal && !found.namesServices) {
    ctx.report({
      code: 'IAM324',
      ...keySpan(found.principal),
      message:
        `AWS service principals belong to no organization or account of yours: this Deny on ${found.principal.keyEntry.entry.name} also blocks the AWS services that act on your resources (CloudTrail delivering logs, ...). ` +
        'Add "BoolIfExists": { "aws:PrincipalIsAWSService": "false" } to the statement.',
    });
  }
  if (!found.source || found.sourcePresent) return;
  const key = found.source.keyEntry.entry.name;
  if (!found.namesServices) {
    ctx.report({
      code: 'IAM325',
      ...keySpan(found.source),
      message:
        `${key} is only in requests that an AWS service makes on behalf of a resource: this Deny also blocks every request of your own principals, which carry no ${key}. ` +
        'Add "Bool": { "aws:PrincipalIsAWSService": "true" } so that it applies to AWS services only.',
    });
  } else if (found.servicesOnly) {
    ctx.report({
      code: 'IAM326',
      ...keySpan(found.source),
      message:
        `Many AWS services call without a source key (services that assume your service roles, AWS KMS grants): this Deny on ${key} blocks them too. ` +
        'Add "Null": { "aws:SourceAccount": "false" } so that it applies only to requests that carry one.',
    });
  }
}

export const rcpConditionRules: RuleModule = {
  rules: [
    {
      code: 'IAM324',
      name: 'rcp-principal-key-without-service-exception',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'An RCP Deny on aws:PrincipalOrgID, aws:PrincipalOrgPaths or aws:PrincipalAccount without aws:PrincipalIsAWSService: it blocks AWS services.',
    },
    {
      code: 'IAM325',
      name: 'rcp-source-key-without-service-check',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'An RCP Deny on a source key (aws:SourceOrgID, aws:SourceAccount, ...) not confined to AWS services: it blocks your own principals.',
    },
    {
      code: 'IAM326',
      name: 'rcp-source-key-without-null-check',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'An RCP Deny on a source key for AWS services without a Null check on aws:SourceAccount: it blocks services that send none.',
    },
  ],
  check(ctx) {
    if (ctx.doc.kind !== 'rcp') return;
    const byStatement = new Map<Statement, ConditionEntry[]>();
    for (const entry of conditionEntries(ctx.doc, ctx.catalog)) {
      if (entry.statement.effect?.valueNode?.value !== 'Deny') continue;
      byStatement.set(entry.statement, [...(byStatement.get(entry.statement) ?? []), entry]);
    }
    for (const entries of byStatement.values()) checkStatement(ctx, entries);
  },
};
