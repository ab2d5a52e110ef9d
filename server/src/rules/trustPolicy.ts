// IAM039-IAM040: what a role trust policy cannot hold. The trust policy is the role's resource policy,
// and the role is the resource: IAM refuses a Resource or NotResource element in it ("Has prohibited
// field Resource"), and any action other than AWS STS's ("AssumeRole policy may only specify STS
// AssumeRole actions"). Source: IAM User Guide, "Roles terms and concepts" (role trust policy) and
// "IAM JSON policy elements: Resource"; the quoted texts are IAM's MalformedPolicyDocument messages.
// Warnings, not errors: the kind may have been guessed from the content or the file name.
import type { Statement } from '../policy/model';
import { keySpan } from './statementShape';
import type { RuleContext, RuleModule } from './types';

function checkStatement(ctx: RuleContext, statement: Statement): void {
  for (const entry of [statement.resource?.entry, statement.notResource?.entry]) {
    if (!entry) continue;
    ctx.report({ code: 'IAM039', ...keySpan(entry),
      message: `A role trust policy cannot have "${entry.name}": the role it belongs to is the resource, and IAM refuses the policy ("Has prohibited field Resource"). Remove it; what the role may do goes in its permissions policies.` });
  }
  for (const item of [...statement.action?.items ?? [], ...statement.notAction?.items ?? []]) {
    const colon = item.value.indexOf(':');
    if (colon < 0 || item.value.slice(0, colon).toLowerCase() === 'sts') continue;   // "*" and malformed names: other rules
    ctx.report({ code: 'IAM040', offset: item.offset, length: item.length,
      message: `A role trust policy grants only AWS STS actions (sts:AssumeRole, sts:AssumeRoleWithWebIdentity, sts:AssumeRoleWithSAML, sts:TagSession, ...): IAM refuses "${item.value}" here. Grant it in the role's permissions policies.` });
  }
}

export const trustPolicyRules: RuleModule = {
  rules: [
    { code: 'IAM039', name: 'trust-policy-resource', category: 'grammar', defaultSeverity: 'warning', summary: 'A role trust policy has a Resource or NotResource element.' },
    { code: 'IAM040', name: 'trust-policy-action', category: 'grammar', defaultSeverity: 'warning', summary: 'A role trust policy grants an action of a service other than AWS STS.' },
  ],
  check(ctx) {
    if (ctx.doc.kind !== 'trust') return;
    for (const statement of ctx.doc.statements) checkStatement(ctx, statement);
  },
};
