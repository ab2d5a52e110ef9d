// Hover on a Principal/NotPrincipal value: what "*", an account ID, a root ARN, a role or user
// ARN, a role session, a service principal or a federated provider means. Sources: IAM User
// Guide, "AWS JSON policy elements: Principal"
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
// and "IAM identifiers" (unique ID prefixes AIDA/AROA)
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
import { WEB_IDENTITY_PROVIDERS } from '../../catalog/tables/webIdentityProviders';
import type { Catalog } from '../../catalog/types';
import { parseArn } from '../../policy/arn';
import { code, escapeMarkdown } from './markdown';

const ANYONE = '**Anyone** — every principal, including anonymous (unauthenticated) users, unless a condition restricts it.';
const ACCOUNT =
  'delegates to the whole account: any IAM user or role in it whose own identity policies allow the action ' +
  '(not only its root user). The account ID and `arn:aws:iam::<account>:root` mean the same.';

/** Well-known web identity providers for `Federated`, by name. */
const WEB_IDENTITY_PROVIDER_NAMES = new Map(WEB_IDENTITY_PROVIDERS);

/** Resource types of IAM/STS principal ARNs (arn:aws:iam::<account>:<type>/...): title and meaning. */
const ARN_KINDS: Record<string, [string, string]> = {
  role: ['IAM role', 'the sessions of this role (whoever assumes it)'],
  user: ['IAM user', 'this user'],
  'assumed-role': ['Role session', 'one session of a role, named by its session name'],
  'federated-user': ['Federated user session', 'an AWS STS federated user session'],
  'saml-provider': ['SAML provider', 'users who sign in through this SAML 2.0 identity provider'],
  'oidc-provider': ['OIDC provider', 'users who sign in through this OpenID Connect identity provider'],
};

function arnPrincipal(value: string): string | undefined {
  const arn = parseArn(value);
  if (!arn) return undefined;
  if (arn.resource === 'root') return `**AWS account ${arn.account}** (root ARN) — ${ACCOUNT}`;
  const slash = arn.resource.indexOf('/');
  const kind = slash > 0 ? arn.resource.slice(0, slash) : arn.resource;
  const name = slash > 0 ? arn.resource.slice(slash + 1) : '';
  const known = ARN_KINDS[kind];
  if (!known) return `**${escapeMarkdown(arn.service)} principal ARN** in account ${arn.account || '*(none)*'}`;
  const account = arn.account ? ` in account ${arn.account}` : '';
  return (
    `**${known[0]}** ${code(name)}${account} — ${known[1]}.` +
    (kind === 'role' ? "\n\nIf the role is deleted and re-created, the policy no longer trusts it: AWS replaces the ARN with the role's unique ID." : '')
  );
}

export function principalMarkdown(catalog: Catalog, type: string | undefined, value: string): string | undefined {
  if (value === '*') return ANYONE;
  if (type === 'Service') {
    const known = catalog.servicePrincipals().find(p => p.name.toLowerCase() === value.toLowerCase());
    // "lambda.amazonaws.com" belongs to the service whose prefix is its first label, when there is one.
    const service = catalog.service(known?.service ?? value.split('.')[0]);
    const detail = known?.description ?? service?.name;
    const parts = [
      `**AWS service principal** ${code(value)}${detail ? ` — ${escapeMarkdown(detail)}` : ''}`,
      'The service acts on your behalf (for example, assumes the role or writes to the resource).',
    ];
    if (!known) parts.push("Not in the catalog's list of service principals: check the spelling.");
    return parts.join('\n\n');
  }
  if (type === 'Federated') {
    const provider = WEB_IDENTITY_PROVIDER_NAMES.get(value);
    if (provider) return `**Web identity provider** ${code(value)} — ${provider}. Used with \`sts:AssumeRoleWithWebIdentity\`.`;
    const arn = arnPrincipal(value);
    if (arn) return `${arn}\n\nUsed with \`sts:AssumeRoleWithSAML\` (SAML) or \`sts:AssumeRoleWithWebIdentity\` (OIDC).`;
    return `**Federated identity provider** ${code(value)}.`;
  }
  if (type === 'CanonicalUser') return `**Amazon S3 canonical user ID** ${code(value)} — an account's ID in S3 access control lists.`;
  if (/^\d{12}$/.test(value)) return `**AWS account ${value}** — ${ACCOUNT}`;
  if (/^(AIDA|AROA)[A-Z0-9]+$/.test(value)) {
    const what = value.startsWith('AIDA') ? 'IAM user' : 'IAM role';
    return `**Unique ID of an ${what}** ${code(value)} — AWS shows this in place of an ARN when the ${what.slice(4)} was deleted; it no longer matches anyone.`;
  }
  return arnPrincipal(value);
}
