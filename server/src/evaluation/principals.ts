// Principal / NotPrincipal against the request's principal.
// Source: IAM User Guide, "AWS JSON policy elements: Principal" (reference_policies_elements_principal.html):
// - an account ID and the account's root ARN are the same principal ("arn:aws:iam::123456789012:root"
//   or "123456789012"), and they stand for the account: every principal of that account the account's
//   own identity policies allow (the delegation itself is beyond one resource policy);
// - a role ARN covers the role's sessions (arn:aws:sts::ACCOUNT:assumed-role/ROLE-NAME/SESSION);
// - "*" and {"AWS": "*"} mean everyone, anonymous users included;
// - Service and Federated values name a service principal or an identity provider.
import type { PrincipalElement, Span } from '../policy/model';
import { parseArn } from '../policy/arn';

export interface PrincipalValue extends Span {
  /** "AWS", "Service", "Federated", "CanonicalUser", or "*" for the string "*" */
  type: string;
  value: string;
}

/** Every principal named by the element, with its span. */
export function principalValues(element: PrincipalElement): PrincipalValue[] {
  const values: PrincipalValue[] = [];
  if (element.wildcard) values.push({ type: '*', value: '*', offset: element.wildcard.offset, length: element.wildcard.length });
  for (const typeEntry of element.types) {
    for (const item of typeEntry.values) values.push({ type: typeEntry.entry.name, value: item.value, offset: item.offset, length: item.length });
  }
  return values;
}

const ACCOUNT_ID = /^\d{12}$/;

/** "123456789012" -> its root ARN; other values unchanged. */
export function canonicalPrincipal(value: string): string {
  return ACCOUNT_ID.test(value) ? `arn:aws:iam::${value}:root` : value;
}

/** The account of a principal ARN or account ID, if it has one. */
export function principalAccount(principal: string): string | undefined {
  if (ACCOUNT_ID.test(principal)) return principal;
  const account = parseArn(principal)?.account;
  return account && ACCOUNT_ID.test(account) ? account : undefined;
}

function awsPrincipalMatches(policyValue: string, requestPrincipal: string): boolean {
  if (policyValue === '*') return true;
  const policy = canonicalPrincipal(policyValue);
  const request = canonicalPrincipal(requestPrincipal);
  if (policy === request) return true;
  const arn = parseArn(policy);
  if (!arn || arn.service !== 'iam') return false;
  if (arn.resource === 'root') return principalAccount(request) === arn.account;
  if (arn.resource.startsWith('role/')) {
    const roleName = arn.resource.slice(arn.resource.lastIndexOf('/') + 1);
    return request.startsWith(`arn:${arn.partition}:sts::${arn.account}:assumed-role/${roleName}/`);
  }
  return false;
}

/** Whether one principal of the policy names the request's principal ("anonymous" matches only "*"). */
export function principalMatches(policy: PrincipalValue, requestPrincipal: string): boolean {
  if (policy.type === '*' || (policy.type === 'AWS' && policy.value === '*')) return true;
  if (requestPrincipal === 'anonymous') return false;
  switch (policy.type) {
    case 'AWS': return awsPrincipalMatches(policy.value, requestPrincipal);
    case 'Service':
    case 'Federated': return policy.value.toLowerCase() === requestPrincipal.toLowerCase();
    case 'CanonicalUser': return policy.value === requestPrincipal;
    default: return false;
  }
}
