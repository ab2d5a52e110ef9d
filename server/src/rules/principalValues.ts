// IAM035: the values of "AWS" in Principal and NotPrincipal. IAM takes there "*", a 12-digit account
// ID, or the ARN of an account (root), IAM user, IAM role, role session or federated user (and the
// legacy CloudFront origin access identities); a user group cannot be a principal, and a wildcard
// cannot match part of a principal name or ARN. Source: IAM User Guide, "AWS JSON policy elements:
// Principal" (reference_policies_elements_principal.html). Documentation examples leave account
// placeholders there ("AccountB-ID"), and services differ in how strictly they check, so this is a
// warning: the policy is very likely rejected ("Invalid principal in policy") or matches no one.
import type { StringItem } from '../policy/model';
import { hasPlaceholder } from '../policy/placeholders';
import type { RuleContext, RuleModule } from './types';

const ACCOUNT_ID = /^\d{12}$/;
/** The unique IDs (AIDA... users, AROA... roles) that IAM shows in place of a principal deleted since. */
const UNIQUE_ID = /^A(IDA|ROA)[A-Z0-9]{12,}$/;
const PRINCIPAL_ARN = /^arn:[a-z0-9-]+:(iam|sts)::([^:]*):(.*)$/;
/** The principals of an ARN's resource part, per service. */
const PRINCIPAL_RESOURCES: Record<string, RegExp> = {
  iam: /^(root|user\/.+|role\/.+)$/,
  sts: /^(assumed-role\/[^/]+\/.+|federated-user\/.+)$/,
};
const CLOUDFRONT_IDENTITY = /^arn:aws:iam::cloudfront:user\/CloudFront Origin Access Identity [A-Z0-9]+$/;
const FORMS = 'an account ID (111122223333), the ARN of an account, IAM user, IAM role, role session or federated user, or "*"';

/** Why an "AWS" principal value is not one IAM accepts, if it is not. */
export function awsPrincipalProblem(value: string): string | undefined {
  if (value === '*' || ACCOUNT_ID.test(value) || UNIQUE_ID.test(value) || CLOUDFRONT_IDENTITY.test(value) || hasPlaceholder(value)) return undefined;
  // empty: IAM032 reports it; "${...}": a template's substitution (CloudFormation, Terraform), filled in before IAM sees it
  if (value.trim() === '' || value.includes('${')) return undefined;
  if (value !== value.trim()) return 'has white space at its start or end: IAM compares principals exactly';
  if (/[*?]/.test(value)) return 'has a wildcard: a wildcard cannot match part of a principal. Use "*" with a condition on aws:PrincipalArn (ArnLike) or aws:PrincipalAccount instead';
  const arn = PRINCIPAL_ARN.exec(value);
  if (!arn) {
    return /^\d+$/.test(value) ? 'is not an account ID: an account ID has 12 digits' : `is not one that IAM accepts: write ${FORMS}`;
  }
  const [, service, account, resource] = arn;
  if (!ACCOUNT_ID.test(account)) return `has "${account}" where the ARN's 12-digit account ID goes`;
  if (service === 'iam' && resource.startsWith('group/')) return 'is a user group, which cannot be a principal: name its users, or grant the permissions to the group in an identity policy';
  if (!PRINCIPAL_RESOURCES[service].test(resource)) return `is not the ARN of a principal: write ${FORMS}`;
  return undefined;
}

function checkValue(ctx: RuleContext, item: StringItem): void {
  const problem = awsPrincipalProblem(item.value);
  if (!problem) return;
  const trimmed = item.value.trim();
  // the one repair that is certain: white space around an otherwise good principal
  const repair = trimmed !== item.value && !awsPrincipalProblem(trimmed) ? [JSON.stringify(trimmed)] : [];
  ctx.report({ code: 'IAM035', offset: item.offset, length: item.length, message: `The principal "${item.value}" ${problem}.`, data: { replacements: repair } });
}

export const principalValueRules: RuleModule = {
  rules: [
    { code: 'IAM035', name: 'invalid-aws-principal', category: 'grammar', defaultSeverity: 'warning', summary: 'An "AWS" principal that is not an account ID, a principal\'s ARN or "*".' },
  ],
  check(ctx) {
    for (const statement of ctx.doc.statements) {
      for (const element of [statement.principal, statement.notPrincipal]) {
        for (const type of element?.types ?? []) if (type.entry.name === 'AWS') type.values.forEach(item => checkValue(ctx, item));
      }
    }
  },
};
