// Code actions that write the `iamPolicy.zoneOfTrust` setting (the client runs the command, since
// only it can write settings):
// - without a zone, on a principal of a resource or trust policy: "use the accounts of this
//   document's ARNs as the zone" (the resource ARNs' accounts, else those of the ARNs outside
//   Principal and NotPrincipal: a principal's account is the one a finding is about, never the
//   zone); with no such account, "set the zone..." asks the user for it;
// - on an IAM600 finding for another account: "add that account to the zone".
import { CodeActionKind, type CodeAction, type Command } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/types';
import { ACCOUNT_ID } from '../policy/identifiers';
import type { PolicyDocument } from '../policy/model';
import { parseArn } from '../policy/arn';
import { SET_ZONE_OF_TRUST_COMMAND, type IamPolicySettings, type SetZoneOfTrustArgs } from '../protocol';
import { grantsOutsideZone, isEmptyZone } from '../analysis/zoneOfTrust';

const ARN_ACCOUNT = /arn:[a-z-]+:[a-z0-9-]*:[a-z0-9-]*:(\d{12}):/g;

/** The spans of the document's Principal and NotPrincipal values. */
function principalSpans(doc: PolicyDocument): Array<{ start: number; end: number }> {
  return doc.statements.flatMap(s => [s.principal, s.notPrincipal])
    .flatMap(p => (p?.entry.valueNode ? [{ start: p.entry.valueNode.offset, end: p.entry.valueNode.offset + p.entry.valueNode.length }] : []));
}

/**
 * The account IDs of the document's resource ARNs, else of the ARNs in its text outside Principal and
 * NotPrincipal (a condition's aws:SourceArn, say); sorted, unique.
 */
export function accountsInDocument(doc: PolicyDocument): string[] {
  const fromResources = doc.statements
    .flatMap(s => [...(s.resource?.items ?? []), ...(s.notResource?.items ?? [])])
    .map(item => parseArn(item.value)?.account ?? '')
    .filter(account => ACCOUNT_ID.test(account));
  if (fromResources.length) return [...new Set(fromResources)].sort();
  const principals = principalSpans(doc);
  const elsewhere = [...doc.text.matchAll(ARN_ACCOUNT)]
    .filter(m => !principals.some(span => m.index >= span.start && m.index < span.end))
    .map(m => m[1]);
  return [...new Set(elsewhere)].sort();
}

function setZoneAction(title: string, args: SetZoneOfTrustArgs, isPreferred = false): CodeAction {
  const command: Command = { title, command: SET_ZONE_OF_TRUST_COMMAND, arguments: [args] };
  return { title, kind: CodeActionKind.QuickFix, command, isPreferred };
}

function onPrincipal(doc: PolicyDocument, start: number, end: number): boolean {
  return doc.statements.some(s => [s.principal, s.notPrincipal].some(p =>
    p !== undefined && start <= p.entry.node.offset + p.entry.node.length && end >= p.entry.node.offset));
}

/** The zone-of-trust actions for a selection (start..end offsets) of the document. */
export function zoneOfTrustActions(
  doc: PolicyDocument, start: number, end: number, catalog: Catalog, settings: IamPolicySettings,
): CodeAction[] {
  if (doc.kind !== 'resource' && doc.kind !== 'trust') return [];
  const zone = settings.zoneOfTrust;
  if (isEmptyZone(zone)) {
    if (!onPrincipal(doc, start, end)) return [];
    const accounts = accountsInDocument(doc);
    if (!accounts.length) {
      return [setZoneAction('Set the zone of trust (iamPolicy.zoneOfTrust)...', { uri: doc.uri, zoneOfTrust: {}, ask: true })];
    }
    return [setZoneAction(`Set the zone of trust (iamPolicy.zoneOfTrust) to account${accounts.length > 1 ? 's' : ''} ${accounts.join(', ')}`,
      { uri: doc.uri, zoneOfTrust: { accounts } })];
  }
  const actions: CodeAction[] = [];
  for (const grant of grantsOutsideZone(doc, catalog, zone)) {
    if (start > grant.offset + grant.length || end < grant.offset) continue;
    if (!grant.account) continue;
    actions.push(setZoneAction(`Add account ${grant.account} to the zone of trust (iamPolicy.zoneOfTrust)`,
      { uri: doc.uri, zoneOfTrust: { ...zone, accounts: [...(zone.accounts ?? []), grant.account] } }));
  }
  return actions;
}
