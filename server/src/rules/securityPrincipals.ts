// IAM420-IAM426: who a resource or trust policy lets in.
// - IAM420 a public principal ("*", {"AWS": "*"}) in an Allow of a resource policy, without a
//   condition that confines it (analysis/securityTables.ts: PUBLIC_RESTRICTING_KEYS), and without a Deny for
//   everyone that does so with a negated condition. Not in VPC endpoint policies or RCPs, where
//   "Principal": "*" is the rule and the endpoint or organization is the boundary.
// - IAM421 a trust policy anyone can use: a public principal, or a web identity provider that many
//   tenants share (GitHub Actions, GitLab.com, HCP Terraform, Google, Cognito, ...:
//   analysis/webIdentityTrust.ts) without a condition on the claim that names yours, or with a value
//   whose tenant part is a wildcard ("repo:*"): that value matches every tenant.
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
// - IAM425 an OIDC provider of one tenant (an EKS cluster, a CircleCI organization, a Bitbucket
//   workspace, any other) without a condition on its subject (or, for providers whose documentation
//   names no claim, on any of its keys: Access Analyzer's "Missing condition key for oidc principal").
// - IAM426 (information) a GitHub subject that names an organization but not a repository
//   ("repo:my-org/*"): the IAM User Guide calls it the minimum; Access Analyzer's general warning
//   "Specific github repo and branch recommended" asks for the repository and branch.
import { isBucketPolicy } from '../analysis/bucketPolicy';
import type { Span } from '../policy/model';
import { CONFUSED_DEPUTY_KEY_PREFIXES, CONFUSED_DEPUTY_KEYS, CROSS_ACCOUNT_TRUST_KEYS } from '../analysis/securityTables';
import { CALLER_CONTROLLED_KEYS, fencedByDeny, unconfinedPublicPrincipal } from '../analysis/publicGrants';
import { webIdentityProvider, type WebIdentityProvider } from '../analysis/webIdentityTrust';
import type { PrincipalValue } from '../policy/principals';
import { hasUnknown } from '../policy/unknowns';
import { actionName } from '../analysis/actionExpansions';
import { principalsOf, restrictsWith, statementFacts, type StatementFacts } from '../analysis/statementFacts';
import type { RuleContext, RuleModule } from './types';

const ACCOUNT_PRINCIPAL = /^(\d{12}|arn:[^:]+:iam::\d{12}:root)$/;

function checkPublic(ctx: RuleContext, facts: StatementFacts, fenced: boolean): void {
  const open = unconfinedPublicPrincipal(facts, fenced);
  if (!open) return;
  const trust = ctx.doc.kind === 'trust';
  // Stryker disable all: human text, the keys the message names (tests assert codes and spans)
  const callerKeys = [
    ...new Set(
      facts.statement.condition?.operators.flatMap(o => o.keys.map(k => k.entry.name)).filter(name => CALLER_CONTROLLED_KEYS.has(name.toLowerCase())) ?? [],
    ),
  ];
  const despite = callerKeys.length ? ` ${callerKeys.join(' and ')} does not confine it: the caller sets ${callerKeys.length === 1 ? 'it' : 'them'}.` : '';
  // Stryker restore all
  ctx.report({
    code: trust ? 'IAM421' : 'IAM420',
    offset: open.offset,
    length: open.length,
    message:
      (trust ? 'Anyone, in any AWS account, can assume this role.' : 'This grants access to everyone, anonymous users included.') +
      despite +
      (trust
        ? ' Name the principals that may, or add a condition such as aws:PrincipalOrgID.'
        : ' Name the principals, or add a condition that confines them (aws:PrincipalOrgID, aws:SourceVpce, aws:SourceIp, aws:SourceArn, ...).'),
  });
}

const GITHUB_SUBJECT = 'token.actions.githubusercontent.com:sub';
/** repo:<organization>/<wildcards>[<rest>]: every repository of one organization */
const ORGANIZATION_WIDE = /^repo:([^/*?]+)\/[*?]+(:.*)?$/;

function checkWebIdentity(ctx: RuleContext, facts: StatementFacts): void {
  // a template's provider or condition key known only at deploy time (`${OidcProviderUrl}:sub`): the match cannot be judged
  if (facts.statement.condition?.operators.some(o => o.keys.some(k => hasUnknown(ctx.doc, k.entry.name)))) return;
  for (const principal of principalsOf(facts)) {
    if (principal.type !== 'Federated' || hasUnknown(ctx.doc, principal.value)) continue;
    const found = webIdentityProvider(principal.value);
    if (!found) continue;
    const { provider, host } = found;
    const claimKey = provider.claim && `${host}:${provider.claim}`;
    const lowerKey = claimKey?.toLowerCase();
    const prefix = `${host.toLowerCase()}:`;
    const confined = restrictsWith(facts, lowerKey ? key => key === lowerKey : key => key.startsWith(prefix));
    if (!confined) {
      reportUnconfined(ctx, principal, provider, claimKey);
      continue;
    }
    // Stryker disable next-line ConditionalExpression: equivalent, no key's name equals an undefined claim
    if (lowerKey) checkClaimValues(ctx, facts, provider, lowerKey);
  }
}

function reportUnconfined(ctx: RuleContext, principal: PrincipalValue, provider: WebIdentityProvider, claimKey: string | undefined): void {
  // Stryker disable next-line all: human text
  const what = claimKey ? `a condition on "${claimKey}"` : 'a condition on one of its claims';
  ctx.report({
    code: provider.shared ? 'IAM421' : 'IAM425',
    offset: principal.offset,
    length: principal.length,
    message: `${provider.shared ? 'Every tenant' : 'Every workload'} of ${provider.name} can assume this role (${provider.without}): add ${what} that names yours (${provider.source}).`,
    // Stryker disable next-line LogicalOperator: equivalent, a provider has an example exactly when it has a claim
    data: claimKey && provider.example ? { conditionKey: claimKey, conditionOperator: provider.example.operator, conditionValue: provider.example.value } : {},
  });
}

/**
 * Values of the claim (its key lower case) that match every tenant (IAM421), or every repository of an
 * organization (IAM426). Called once a condition confines the claim: the statement has a Condition.
 */
function checkClaimValues(ctx: RuleContext, facts: StatementFacts, provider: WebIdentityProvider, claimKey: string): void {
  for (const operator of facts.statement.condition!.operators) {
    const parsed = ctx.catalog.parseOperator(operator.entry.name).base;
    if (!parsed?.wildcards || parsed.negated) continue;
    for (const key of operator.keys) {
      if (key.entry.name.toLowerCase() !== claimKey) continue;
      for (const value of key.values) {
        if (typeof value.value !== 'string' || /^\*+$/.test(value.value)) continue; // "*" alone tests presence (IAM370)
        if (provider.tenantOf && /[*?]/.test(provider.tenantOf(value.value))) {
          ctx.report({
            code: 'IAM421',
            offset: value.offset,
            length: value.length,
            message: `${JSON.stringify(value.value)} matches ${provider.without}: anyone there can assume this role. Name yours${provider.example ? ` (${provider.example.value})` : ''}.`,
            data: provider.example ? { narrower: [provider.example.value] } : {},
          });
          continue;
        }
        const organization = claimKey === GITHUB_SUBJECT && ORGANIZATION_WIDE.exec(value.value);
        if (!organization) continue;
        const [, owner, rest] = organization;
        ctx.report({
          code: 'IAM426',
          offset: value.offset,
          length: value.length,
          message: `${JSON.stringify(value.value)} lets every repository of ${owner} assume this role. Name the repository and branch that need it.`,
          data: {
            narrower: rest ? [`repo:${owner}/<repository>${rest}`] : [`repo:${owner}/<repository>:ref:refs/heads/<branch>`, `repo:${owner}/<repository>:*`],
          },
        });
      }
    }
  }
}

function checkAccountTrust(ctx: RuleContext, facts: StatementFacts): void {
  const assumes = facts.actions.some(a => a.actions.some(x => actionName(x) === 'sts:AssumeRole'));
  if (!assumes || restrictsWith(facts, key => CROSS_ACCOUNT_TRUST_KEYS.has(key))) return;
  for (const principal of principalsOf(facts)) {
    if (principal.type !== 'AWS' || !ACCOUNT_PRINCIPAL.test(principal.value)) continue;
    ctx.report({
      code: 'IAM422',
      offset: principal.offset,
      length: principal.length,
      message:
        "Every principal of this account that its own policies allow can assume the role. If the account is a third party's, require the external ID it gives you (sts:ExternalId); otherwise name the roles (aws:PrincipalArn).",
    });
  }
}

function checkConfusedDeputy(ctx: RuleContext, facts: StatementFacts): void {
  const services = principalsOf(facts).filter(p => p.type === 'Service');
  if (services.length === 0) return;
  // Stryker disable next-line MethodExpression: equivalent, there is one prefix
  if (restrictsWith(facts, key => CONFUSED_DEPUTY_KEYS.has(key) || CONFUSED_DEPUTY_KEY_PREFIXES.some(p => key.startsWith(p)))) return;
  const first = services[0];
  ctx.report({
    code: 'IAM423',
    offset: first.offset,
    length: first.length,
    message: `${services.map(s => s.value).join(', ')} may act here on behalf of any AWS account (the confused deputy problem). Add a condition on aws:SourceArn or aws:SourceAccount naming the resource or account the service acts for.`,
  });
}

function checkSecureTransport(ctx: RuleContext, allFacts: readonly StatementFacts[]): void {
  const at: Span | undefined = ctx.doc.statementEntry?.keyNode;
  if (!at || !isBucketPolicy(ctx.doc) || allFacts.some(f => f.conditions.some(c => c.key === 'aws:securetransport'))) return;
  ctx.report({
    code: 'IAM424',
    offset: at.offset,
    length: at.length,
    message: 'This bucket policy does not deny requests over plain HTTP. Add a Deny for "*" with the condition {"Bool": {"aws:SecureTransport": "false"}}.',
  });
}

export const securityPrincipalRules: RuleModule = {
  rules: [
    {
      code: 'IAM420',
      name: 'public-principal',
      category: 'security',
      defaultSeverity: 'warning',
      summary: 'A resource policy allows everyone ("*") without a confining condition.',
    },
    {
      code: 'IAM421',
      name: 'trust-anyone',
      category: 'security',
      defaultSeverity: 'warning',
      summary: 'A trust policy lets anyone, or any tenant of a shared identity provider, assume the role.',
    },
    {
      code: 'IAM422',
      name: 'trust-account-without-external-id',
      category: 'security',
      defaultSeverity: 'information',
      summary: 'A trust policy trusts a whole account without sts:ExternalId or a named caller.',
    },
    {
      code: 'IAM423',
      name: 'confused-deputy',
      category: 'security',
      defaultSeverity: 'warning',
      summary: 'A service principal in a resource policy without aws:SourceArn or aws:SourceAccount.',
    },
    {
      code: 'IAM424',
      name: 'bucket-without-secure-transport',
      category: 'security',
      defaultSeverity: 'information',
      summary: 'An S3 bucket policy does not deny plain HTTP.',
    },
    {
      code: 'IAM425',
      name: 'oidc-trust-without-subject',
      category: 'security',
      defaultSeverity: 'warning',
      summary: 'A trust policy trusts every workload of an OIDC provider (no condition on its subject).',
    },
    {
      code: 'IAM426',
      name: 'github-subject-organization-wide',
      category: 'security',
      defaultSeverity: 'information',
      summary: 'A GitHub OIDC subject names an organization, not a repository and branch.',
    },
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
        checkWebIdentity(ctx, facts);
        checkAccountTrust(ctx, facts);
      } else {
        checkConfusedDeputy(ctx, facts);
      }
    }
    checkSecureTransport(ctx, allFacts);
  },
};
