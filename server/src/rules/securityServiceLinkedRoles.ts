// IAM414: iam:CreateServiceLinkedRole for every AWS service, in identity policies. IAM policy validation
// check reference, the general warnings "Create SLR with NotResource", "... with star in action and
// NotResource", "... with NotAction and NotResource", "... with star in resource", "... with star in
// action and resource" and "... with star in resource and NotAction": such a grant "can allow creation
// of unintended service-linked roles"; specify the resource ARNs instead. A service-linked role lives at
// role/aws-service-role/SERVICE-NAME.amazonaws.com/ (IAM User Guide, "Create a service-linked role":
// the grant "to create a specific service-linked role" names the service in that path and in
// iam:AWSServiceName). So "every service" is "*", an ARN whose path covers every service's roles
// (arn:aws:iam::*:role/*, .../role/aws-service-role/*; of one account too: a principal creates them in
// its own account), or NotResource that leaves them in; a condition on iam:AWSServiceName that names
// services confines it. `"Action": "*"` is left to IAM400 and IAM405, as for IAM410.
import { parseArn } from '../policy/arn';
import { arnCoversFormat, formatAsPattern } from '../policy/arnGlobs';
import type { StringItem } from '../policy/model';
import { hasPlaceholder } from '../policy/placeholders';
import { CREATE_SERVICE_LINKED_ROLE, namesServiceLinkedRoleServices } from '../analysis/serviceLinkedRoles';
import { grantSiteOf, statementFacts, type StatementFacts } from '../analysis/statementFacts';
import type { RuleContext, RuleModule } from './types';

/** The ARN of every service-linked role, of every service. */
const EVERY_SLR = formatAsPattern('arn:${Partition}:iam::${Account}:role/aws-service-role/${ServiceName}.amazonaws.com/${RoleName}')!;

/** Whether a Resource or NotResource value names the service-linked roles of every service. */
function namesEverySlr(value: string): boolean {
  if (value === '*') return true;
  const arn = parseArn(value);
  // Stryker disable next-line StringLiteral: equivalent, an IAM ARN has no Region: '*' and '' both match it
  return arn !== undefined && arnCoversFormat({ ...arn, region: '*', account: '*' }, EVERY_SLR);
}

/** Whether the statement grants every service's role: through a Resource value (given), or NotResource; undefined when not. */
function everySlr(facts: StatementFacts): { value?: string } | undefined {
  const { notResource, resource } = facts.statement;
  if (notResource) {
    const items = notResource.items;
    if (items.length === 0 || items.some(i => hasPlaceholder(i.value) || namesEverySlr(i.value))) return undefined;
    return {};
  }
  const item: StringItem | undefined = resource?.items.find(i => namesEverySlr(i.value));
  return item && { value: item.value };
}

function checkStatement(ctx: RuleContext, facts: StatementFacts): void {
  const at = grantSiteOf(facts, CREATE_SERVICE_LINKED_ROLE);
  if (!at || namesServiceLinkedRoleServices(facts)) return;
  const every = everySlr(facts);
  if (!every) return;
  // Stryker disable next-line all: human text
  const how = every.value === undefined ? 'NotResource leaves in' : `"${every.value}" names`;
  ctx.report({
    code: 'IAM414',
    offset: at.offset,
    length: at.length,
    message:
      `This statement lets the principal create the service-linked role of any AWS service: ${how} every service's role. ` +
      'Name the services in Resource (arn:aws:iam::*:role/aws-service-role/SERVICE.amazonaws.com/*), or add a condition on iam:AWSServiceName.',
    data: { resource: every.value },
  });
}

export const securityServiceLinkedRoleRules: RuleModule = {
  rules: [
    {
      code: 'IAM414',
      name: 'create-service-linked-role-any',
      category: 'security',
      defaultSeverity: 'warning',
      summary: 'iam:CreateServiceLinkedRole for every AWS service.',
    },
  ],
  check(ctx) {
    if (ctx.doc.kind !== 'identity') return;
    for (const facts of statementFacts(ctx.doc, ctx.catalog)) {
      if (facts.allow) checkStatement(ctx, facts);
    }
  },
};
