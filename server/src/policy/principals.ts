// The principals a Principal or NotPrincipal element names, one by one with their spans, and the
// account a principal belongs to. Source: IAM User Guide, "AWS JSON policy elements: Principal"
// (reference_policies_elements_principal.html): an account ID and the account's root ARN are the
// same principal; "*" and {"AWS": "*"} mean everyone.
import { parseArn } from './arn';
import { ACCOUNT_ID } from './identifiers';
import type { PrincipalElement, Span } from './model';

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
