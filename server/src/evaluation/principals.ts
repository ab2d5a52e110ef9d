// Principal / NotPrincipal against the request's principal.
// Source: IAM User Guide, "AWS JSON policy elements: Principal" (reference_policies_elements_principal.html):
// - an account ID and the account's root ARN are the same principal ("arn:aws:iam::123456789012:root"
//   or "123456789012"), and they stand for the account: every principal of that account the account's
//   own identity policies allow (the delegation itself is beyond one resource policy);
// - a role ARN covers the role's sessions (arn:aws:sts::ACCOUNT:assumed-role/ROLE-NAME/SESSION);
// - "AWS JSON policy elements: NotPrincipal": with Deny, a principal escapes only when its account (and
//   for a session, its role) is listed too;
// - "*" and {"AWS": "*"} mean everyone, anonymous users included;
// - Service and Federated values name a service principal or an identity provider.
import { parseArn } from '../policy/arn';
import { ACCOUNT_ID } from '../policy/identifiers';
import { canonicalPrincipal, type PrincipalValue } from '../policy/principals';

/**
 * The identities a request's principal is evaluated as: a role session is also its role and its
 * account, an IAM user also its account ("NotPrincipal": "AWS might validate the account first, then
 * the role, and then the assumed-role user"). A role is kept by name: session ARNs carry no path.
 */
export function principalIdentities(principal: string): string[] {
  const canonical = canonicalPrincipal(principal);
  const arn = parseArn(canonical);
  if (!arn || !ACCOUNT_ID.test(arn.account) || arn.resource === 'root') return [canonical];
  const root = `arn:${arn.partition}:iam::${arn.account}:root`;
  const session = /^assumed-role\/([^/]+)\//.exec(arn.resource);
  if (arn.service === 'sts' && session) return [canonical, `role:${arn.partition}:${arn.account}:${session[1]}`, root];
  return [canonical, root];
}

/** Whether one principal value of the policy names one identity of the request. */
function names(policy: PrincipalValue, identity: string): boolean {
  if (policy.type === '*' || (policy.type === 'AWS' && policy.value === '*')) return true;
  switch (policy.type) {
    case 'AWS': {
      const value = canonicalPrincipal(policy.value);
      if (value === identity) return true;
      const arn = parseArn(value);
      return (
        arn?.service === 'iam' &&
        arn.resource.startsWith('role/') &&
        identity === `role:${arn.partition}:${arn.account}:${arn.resource.slice(arn.resource.lastIndexOf('/') + 1)}`
      );
    }
    case 'Service':
    case 'Federated':
      return policy.value.toLowerCase() === identity.toLowerCase();
    case 'CanonicalUser':
      return policy.value === identity;
    default:
      return false;
  }
}

/**
 * Principal: the statement applies when the element names any identity of the request's principal.
 * NotPrincipal: the principal is excluded only when every one of its identities is named.
 * "anonymous" is named only by "*".
 */
export function principalNamed(values: readonly PrincipalValue[], requestPrincipal: string, negated: boolean): boolean {
  const identities = requestPrincipal === 'anonymous' ? ['anonymous'] : principalIdentities(requestPrincipal);
  const named = (identity: string) => values.some(v => (identity === 'anonymous' ? v.type === '*' || v.value === '*' : names(v, identity)));
  return negated ? identities.every(named) : identities.some(named);
}
