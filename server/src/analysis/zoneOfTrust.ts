// Who, in a resource or trust policy, an Allow lets in from outside the zone of trust
// (setting `iamPolicy.zoneOfTrust`: accounts, organization, OU paths), unless a condition keeps it
// inside. This is the offline counterpart of IAM Access Analyzer's external-access findings
// (IAM User Guide, "Using AWS Identity and Access Management Access Analyzer": "zone of trust").
// Outside: "*" (public), another account, a web identity provider, an identity provider of another
// account, and everyone but a few (Allow with NotPrincipal). Service principals and canonical users
// are not judged. Keys that confine a grant to the zone, from "AWS global condition context keys"
// (reference_policies_condition-keys.html): aws:PrincipalOrgID / aws:SourceOrgID (organization),
// aws:PrincipalOrgPaths / aws:SourceOrgPaths (OU paths), aws:PrincipalAccount / aws:SourceAccount,
// aws:PrincipalArn / aws:SourceArn (account part), aws:SourceVpce / aws:SourceVpc (the owner's network).
// They count with a positive operator that fails on a missing key (no ...IfExists, no ForAllValues:
// "Single-valued vs. multivalued context keys"), in the Allow itself, or negated in a Deny for
// everyone in the same policy that covers the Allow's actions and resources.
import type { Catalog } from '../catalog/types';
import { principalAccount, type PrincipalValue } from '../policy/principals';
import type { PolicyDocument, Span, Statement, StringListElement } from '../policy/model';
import { parseArn } from '../policy/arn';
import { actionMatch, wildcardMatch } from '../util/wildcard';
import type { ZoneOfTrust } from '../protocol';
import { isPublicPrincipal, narrows, principalsOf, statementFacts, type StatementFacts } from './statementFacts';

/** A principal that reaches outside the zone, and what the statement lets it do. */
export interface OutsideGrant extends Span {
  /** "everyone (public)", "account 444455556666", ... */
  who: string;
  /** the other account, when the principal is one */
  account?: string;
  statement: Statement;
  actions: string[];
  resources: string[];
}

const ZONE_KINDS = new Set(['resource', 'trust']);

export function isEmptyZone(zone: ZoneOfTrust | undefined): zone is undefined {
  return !zone || (!zone.accounts?.length && !zone.organizationId && !zone.organizationalUnitPaths?.length);
}

/** Who a principal is when it is outside the zone; undefined when inside or not judged. */
function outsider(principal: PrincipalValue, zone: ZoneOfTrust): { who: string; account?: string } | undefined {
  // Stryker disable next-line ArrayDeclaration: equivalent, no account ID is the text Stryker puts in
  const accounts = zone.accounts ?? [];
  if (isPublicPrincipal(principal)) return { who: 'everyone (public)' };
  if (principal.type === 'AWS') {
    const account = principalAccount(principal.value);
    return account && !accounts.includes(account) ? { who: `account ${account}`, account } : undefined;
  }
  if (principal.type === 'Federated') {
    const account = parseArn(principal.value)?.account;
    if (!account) return { who: `the web identity provider ${principal.value}` };
    return accounts.includes(account) ? undefined : { who: `the identity provider ${principal.value} of account ${account}`, account };
  }
  return undefined;
}

const ORG_KEYS = new Set(['aws:principalorgid', 'aws:sourceorgid']);
const PATH_KEYS = new Set(['aws:principalorgpaths', 'aws:sourceorgpaths']);
const ACCOUNT_KEYS = new Set(['aws:principalaccount', 'aws:sourceaccount']);
const ARN_KEYS = new Set(['aws:principalarn', 'aws:sourcearn']);
const NETWORK_KEYS = new Set(['aws:sourcevpce', 'aws:sourcevpc']);

/** Whether every value of a condition on `key` lies inside the zone. */
function valuesInZone(key: string, values: readonly string[], zone: ZoneOfTrust): boolean {
  const inZone = (value: string): boolean => {
    if (ORG_KEYS.has(key)) return value === zone.organizationId;
    if (PATH_KEYS.has(key)) {
      const prefix = value.split(/[*?]/)[0];
      // Stryker disable next-line ArrayDeclaration: equivalent, no OU path starts with the text Stryker puts in
      const roots = [...(zone.organizationalUnitPaths ?? []), ...(zone.organizationId ? [`${zone.organizationId}/`] : [])];
      return roots.some(root => prefix.startsWith(root));
    }
    // Stryker disable next-line ArrayDeclaration: equivalent, no account ID is the text Stryker puts in
    if (ACCOUNT_KEYS.has(key)) return (zone.accounts ?? []).includes(value);
    // Stryker disable next-line ArrayDeclaration,StringLiteral: equivalent, no account ID is empty or the text Stryker puts in
    if (ARN_KEYS.has(key)) return (zone.accounts ?? []).includes(parseArn(value)?.account ?? '');
    return NETWORK_KEYS.has(key) && value.length > 0;
  };
  return values.length > 0 && values.every(inZone);
}

/** The Allow's own conditions keep it inside: a narrowing condition on a zone key with values in the zone. */
function allowConfined(facts: StatementFacts, zone: ZoneOfTrust): boolean {
  return facts.conditions.some(c => narrows(c) && valuesInZone(c.key, c.values, zone));
}

function covers(deny: StringListElement | undefined, allow: StringListElement | undefined, matches: (pattern: string, value: string) => boolean): boolean {
  if (!deny) return allow === undefined;
  // an Allow without the element (NotAction, NotResource) grants what no list names: only "*" covers it
  if (!allow) return deny.items.some(d => d.value === '*');
  return allow.items.every(a => deny.items.some(d => matches(d.value, a.value)));
}

/** A Deny for everyone in the policy, negating a zone key, that covers the Allow's actions and resources. */
function denyConfines(facts: readonly StatementFacts[], allow: Statement, zone: ZoneOfTrust): boolean {
  return facts.some(
    deny =>
      deny.deny &&
      principalsOf(deny).some(isPublicPrincipal) &&
      covers(deny.statement.action, allow.action, actionMatch) &&
      covers(deny.statement.resource, allow.resource, wildcardMatch) &&
      deny.conditions.some(
        ({ operator, key, values }) => operator.base?.negated === true && operator.setQualifier !== 'ForAnyValue' && valuesInZone(key, values, zone),
      ),
  );
}

/** Every principal of an Allow in a resource or trust policy that reaches outside the zone. */
export function grantsOutsideZone(doc: PolicyDocument, catalog: Catalog, zone: ZoneOfTrust | undefined): OutsideGrant[] {
  if (isEmptyZone(zone) || !ZONE_KINDS.has(doc.kind)) return [];
  const facts = statementFacts(doc, catalog);
  const grants: OutsideGrant[] = [];
  for (const fact of facts) {
    const { statement } = fact;
    if (!fact.allow) continue;
    const outside: Array<Span & { who: string; account?: string }> = statement.notPrincipal
      ? [
          {
            who: 'everyone except the principals in NotPrincipal',
            offset: statement.notPrincipal.entry.keyNode.offset,
            length: statement.notPrincipal.entry.keyNode.length,
          },
        ]
      : principalsOf(fact).flatMap(p => {
          const found = outsider(p, zone);
          return found ? [{ ...found, offset: p.offset, length: p.length }] : [];
        });
    if (!outside.length || allowConfined(fact, zone) || denyConfines(facts, statement, zone)) continue;
    const actions = (statement.action ?? statement.notAction)?.items.map(i => (statement.action ? i.value : `everything but ${i.value}`)) ?? [];
    const resources = (statement.resource ?? statement.notResource)?.items.map(i => (statement.resource ? i.value : `everything but ${i.value}`)) ?? [];
    for (const span of outside) grants.push({ ...span, statement, actions, resources });
  }
  return grants;
}

// Stryker disable all: human text, the sentence of the IAM600 message and the hover (tests assert the grant's data)
function list(items: readonly string[], fallback: string): string {
  if (!items.length) return fallback;
  return items.length > 3 ? `${items.slice(0, 3).join(', ')} and ${items.length - 3} more` : items.join(', ');
}

/** One sentence: who, outside the zone, can do what (also the hover text on the principal). */
export function describeOutsideGrant(grant: OutsideGrant): string {
  return `${grant.who[0].toUpperCase()}${grant.who.slice(1)}, outside the zone of trust, can ${list(grant.actions, 'do the actions of this statement')} on ${list(grant.resources, 'this resource')}.`;
}

// Stryker restore all

/** The grant whose principal is at the offset, for the hover. */
export function outsideGrantAt(doc: PolicyDocument, catalog: Catalog, offset: number, zone: ZoneOfTrust | undefined): OutsideGrant | undefined {
  return grantsOutsideZone(doc, catalog, zone).find(g => offset >= g.offset && offset <= g.offset + g.length);
}
