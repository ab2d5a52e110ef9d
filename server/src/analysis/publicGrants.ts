// Allow statements of resource and trust policies that let everyone in: a public principal ("*",
// {"AWS": "*"}) with no condition that confines it (securityTables.ts: PUBLIC_RESTRICTING_KEYS) and
// no Deny for everyone that fences it with a negated condition on such a key. IAM420/IAM421 report
// them; IAM427 leaves them to those (a caller-controlled key there is part of that one problem).
import type { PrincipalValue } from '../policy/principals';
import { PUBLIC_RESTRICTING_KEYS } from './securityTables';
import { isPublicPrincipal, principalsOf, restrictsWith, type StatementFacts } from './statementFacts';

/** A Deny for everyone with a negated condition on a confining key (`StringNotEquals aws:SourceVpce`) fences every Allow in. */
export function fencedByDeny(allFacts: readonly StatementFacts[]): boolean {
  return allFacts.some(
    f => f.deny && principalsOf(f).some(isPublicPrincipal) && f.conditions.some(c => PUBLIC_RESTRICTING_KEYS.has(c.key) && c.operator.base?.negated === true),
  );
}

/** The public principal of an Allow that nothing confines; undefined otherwise. */
export function unconfinedPublicPrincipal(facts: StatementFacts, fenced: boolean): PrincipalValue | undefined {
  if (!facts.allow || fenced) return undefined;
  const open = principalsOf(facts).find(isPublicPrincipal);
  return open && !restrictsWith(facts, key => PUBLIC_RESTRICTING_KEYS.has(key)) ? open : undefined;
}

/** Keys whose value the caller sends itself (IAM User Guide, global condition keys: aws:Referer, aws:UserAgent). */
export const CALLER_CONTROLLED_KEYS: ReadonlySet<string> = new Set(['aws:referer', 'aws:useragent']);
