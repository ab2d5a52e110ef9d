// IAM420-IAM424: who a resource or trust policy lets in.
// - IAM420 a public principal ("*", {"AWS": "*"}) in an Allow of a resource policy, without a
//   condition that confines it (analysis/securityTables.ts: PUBLIC_RESTRICTING_KEYS), and without a Deny for
//   everyone that does so with a negated condition. Not in VPC endpoint policies or RCPs, where
//   "Principal": "*" is the rule and the endpoint or organization is the boundary.
// - IAM421 a trust policy anyone can use: a public principal, or a web identity provider that many
//   tenants share (GitHub Actions, Cognito) without a condition on the claim that names yours.
// - IAM422 (information) a trust policy that trusts a whole AWS account without sts:ExternalId or a
//   condition naming the caller. We cannot know the policy's own account, so any account counts;
//   for your own account the information does not apply ("Access to AWS accounts owned by third
//   parties", id_roles_common-scenarios_third-party.html).
// - IAM423 a service principal in a resource policy without aws:SourceArn / aws:SourceAccount
//   (IAM User Guide, "The confused deputy problem", cross-service prevention: "in resource-based
//   policies"). Not for trust policies: several services (EC2, Lambda) send no source keys when they
//   assume a role, so the condition would break the role (prowler issue #2810).
// - IAM424 (information) an S3 bucket policy with no statement on aws:SecureTransport (Amazon S3
//   User Guide, "Security best practices for Amazon S3": deny requests over plain HTTP).
import { isBucketPolicy } from '../analysis/bucketPolicy';
import { parseArn } from '../policy/arn';
import type { Span } from '../policy/model';
import {
  CONFUSED_DEPUTY_KEY_PREFIXES, CONFUSED_DEPUTY_KEYS, CROSS_ACCOUNT_TRUST_KEYS, PUBLIC_RESTRICTING_KEYS,
  SHARED_IDENTITY_PROVIDERS,
} from '../analysis/securityTables';
import { isPublicPrincipal, principalsOf, restrictsWith, statementFacts, type StatementFacts } from '../analysis/statementFacts';
import type { RuleContext, RuleModule } from './types';

const ACCOUNT_PRINCIPAL = /^(\d{12}|arn:[^:]+:iam::\d{12}:root)$/;

/** A Deny for everyone with a negated condition on a confining key (`StringNotEquals aws:SourceVpce`) fences every Allow in. */
function fencedByDeny(allFacts: readonly StatementFacts[]): boolean {
  return allFacts.some(f => f.deny && principalsOf(f).some(isPublicPrincipal)
    && f.conditions.some(c => PUBLIC_RESTRICTING_KEYS.has(c.key) && c.operator.base?.negated === true));
}

function checkPublic(ctx: RuleContext, facts: StatementFacts, fenced: boolean): void {
  const open = principalsOf(facts).find(isPublicPrincipal);
  if (!open || fenced || restrictsWith(facts, key => PUBLIC_RESTRICTING_KEYS.has(key))) return;
  const trust = ctx.doc.kind === 'trust';
  ctx.report({ code: trust ? 'IAM421' : 'IAM420', offset: open.offset, length: open.length,
    message: trust
      ? 'Anyone, in any AWS account, can assume this role. Name the principals that may, or add a condition such as aws:PrincipalOrgID.'
      : 'This grants access to everyone, anonymous users included. Name the principals, or add a condition that confines them (aws:PrincipalOrgID, aws:SourceVpce, aws:SourceIp, aws:SourceArn, ...).' });
}

/** The provider a Federated principal names: "token.actions.githubusercontent.com" from its OIDC provider ARN. */
function providerOf(value: string): string {
  const arn = parseArn(value);
  const match = arn && /^oidc-provider\/(.+)$/.exec(arn.resource);
  return (match ? match[1] : value).toLowerCase();
}

function checkSharedProviders(ctx: RuleContext, facts: StatementFacts): void {
  for (const principal of principalsOf(facts)) {
    if (principal.type !== 'Federated') continue;
    const shared = SHARED_IDENTITY_PROVIDERS.find(p => providerOf(principal.value) === p.provider);
    if (!shared || restrictsWith(facts, key => key === shared.key)) continue;
    ctx.report({ code: 'IAM421', offset: principal.offset, length: principal.length,
      message: `Every tenant of ${shared.provider} can assume this role: add a condition on "${shared.key}" that names yours.`,
      data: { conditionKey: shared.key } });
  }
}

function checkAccountTrust(ctx: RuleContext, facts: StatementFacts): void {
  const assumes = facts.actions.some(a => a.actions.some(x => x.service === 'sts' && x.name === 'AssumeRole'));
  if (!assumes || restrictsWith(facts, key => CROSS_ACCOUNT_TRUST_KEYS.has(key))) return;
  for (const principal of principalsOf(facts)) {
    if (principal.type !== 'AWS' || !ACCOUNT_PRINCIPAL.test(principal.value)) continue;
    ctx.report({ code: 'IAM422', offset: principal.offset, length: principal.length,
      message: 'Every principal of this account that its own policies allow can assume the role. If the account is a third party\'s, require the external ID it gives you (sts:ExternalId); otherwise name the roles (aws:PrincipalArn).' });
  }
}

function checkConfusedDeputy(ctx: RuleContext, facts: StatementFacts): void {
  const services = principalsOf(facts).filter(p => p.type === 'Service');
  if (services.length === 0) return;
  if (restrictsWith(facts, key => CONFUSED_DEPUTY_KEYS.has(key) || CONFUSED_DEPUTY_KEY_PREFIXES.some(p => key.startsWith(p)))) return;
  const first = services[0];
  ctx.report({ code: 'IAM423', offset: first.offset, length: first.length,
    message: `${services.map(s => s.value).join(', ')} may act here on behalf of any AWS account (the confused deputy problem). Add a condition on aws:SourceArn or aws:SourceAccount naming the resource or account the service acts for.` });
}

function checkSecureTransport(ctx: RuleContext, allFacts: readonly StatementFacts[]): void {
  const at: Span | undefined = ctx.doc.statementEntry?.keyNode;
  if (!at || !isBucketPolicy(ctx.doc) || allFacts.some(f => f.conditions.some(c => c.key === 'aws:securetransport'))) return;
  ctx.report({ code: 'IAM424', offset: at.offset, length: at.length,
    message: 'This bucket policy does not deny requests over plain HTTP. Add a Deny for "*" with the condition {"Bool": {"aws:SecureTransport": "false"}}.' });
}

export const securityPrincipalRules: RuleModule = {
  rules: [
    { code: 'IAM420', name: 'public-principal', category: 'security', defaultSeverity: 'warning', summary: 'A resource policy allows everyone ("*") without a confining condition.' },
    { code: 'IAM421', name: 'trust-anyone', category: 'security', defaultSeverity: 'warning', summary: 'A trust policy lets anyone, or any tenant of a shared identity provider, assume the role.' },
    { code: 'IAM422', name: 'trust-account-without-external-id', category: 'security', defaultSeverity: 'information', summary: 'A trust policy trusts a whole account without sts:ExternalId or a named caller.' },
    { code: 'IAM423', name: 'confused-deputy', category: 'security', defaultSeverity: 'warning', summary: 'A service principal in a resource policy without aws:SourceArn or aws:SourceAccount.' },
    { code: 'IAM424', name: 'bucket-without-secure-transport', category: 'security', defaultSeverity: 'information', summary: 'An S3 bucket policy does not deny plain HTTP.' },
  ],
  check(ctx) {
    const { kind } = ctx.doc;
    if (kind !== 'resource' && kind !== 'trust') return;
    const allFacts = statementFacts(ctx.doc, ctx.catalog);
    const fenced = fencedByDeny(allFacts);
    for (const facts of allFacts) {
      if (!facts.allow) continue;
      checkPublic(ctx, facts, fenced);
      if (kind === 'trust') {
        checkSharedProviders(ctx, facts);
        checkAccountTrust(ctx, facts);
      } else {
        checkConfusedDeputy(ctx, facts);
      }
    }
    if (kind === 'resource') checkSecureTransport(ctx, allFacts);
  },
};
