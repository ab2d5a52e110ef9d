// Code actions that set the zone of trust: `zoneOfTrust` in the project's .iam-lint.json, which the
// editor and the checker both read. The action runs a server command (features/commands.ts) that
// sends the settings file's edit to the client (workspace/applyEdit), so that it works in every editor:
// - without a zone, on a principal of a resource or trust policy: "use the accounts of this
//   document's ARNs as the zone" (the resource ARNs' accounts, else those of the ARNs outside
//   Principal and NotPrincipal: a principal's account is the one a finding is about, never the
//   zone); with no such account, nothing (the user writes the zone);
// - on an IAM600 finding for another account: "add that account to the zone".
import { modify } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Command, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/types';
import { ACCOUNT_ID } from '../policy/identifiers';
import type { PolicyDocument } from '../policy/model';
import { parseArn } from '../policy/arn';
import { SET_ZONE_OF_TRUST_COMMAND, type IamPolicySettings, type SetZoneOfTrustArgs, type ZoneOfTrust } from '../protocol';
import { grantsOutsideZone, isEmptyZone } from '../analysis/zoneOfTrust';

/**
 * The edit that sets `zoneOfTrust` in a settings file: in its text when it exists (the rest of the
 * file kept as it is), else a new file that holds only the zone.
 */
export function zoneOfTrustEdit(fileUri: string, existingText: string | undefined, zone: ZoneOfTrust): WorkspaceEdit {
  const start = { line: 0, character: 0 };
  if (existingText === undefined) {
    return {
      documentChanges: [
        { kind: 'create', uri: fileUri, options: { ignoreIfExists: true } },
        {
          textDocument: { uri: fileUri, version: null },
          edits: [{ range: { start, end: start }, newText: `${JSON.stringify({ zoneOfTrust: zone }, null, 2)}\n` }],
        },
      ],
    };
  }
  const file = TextDocument.create(fileUri, 'json', 0, existingText);
  const edits = modify(existingText, ['zoneOfTrust'], zone, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  return {
    changes: {
      [fileUri]: edits.map(edit => ({
        range: { start: file.positionAt(edit.offset), end: file.positionAt(edit.offset + edit.length) },
        newText: edit.content,
      })),
    },
  };
}

const ARN_ACCOUNT = /arn:[a-z-]+:[a-z0-9-]*:[a-z0-9-]*:(\d{12}):/g;

/** The spans of the document's Principal and NotPrincipal values. */
function principalSpans(doc: PolicyDocument): Array<{ start: number; end: number }> {
  return doc.statements
    .flatMap(s => [s.principal, s.notPrincipal])
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
  const elsewhere = [...doc.text.matchAll(ARN_ACCOUNT)].filter(m => !principals.some(span => m.index >= span.start && m.index < span.end)).map(m => m[1]);
  return [...new Set(elsewhere)].sort();
}

function setZoneAction(title: string, args: SetZoneOfTrustArgs, isPreferred = false): CodeAction {
  const command: Command = { title, command: SET_ZONE_OF_TRUST_COMMAND, arguments: [args] };
  return { title, kind: CodeActionKind.QuickFix, command, isPreferred };
}

function onPrincipal(doc: PolicyDocument, start: number, end: number): boolean {
  return doc.statements.some(s =>
    [s.principal, s.notPrincipal].some(p => p !== undefined && start <= p.entry.node.offset + p.entry.node.length && end >= p.entry.node.offset),
  );
}

/** The zone-of-trust actions for a selection (start..end offsets) of the document. */
export function zoneOfTrustActions(doc: PolicyDocument, start: number, end: number, catalog: Catalog, settings: IamPolicySettings): CodeAction[] {
  if (doc.kind !== 'resource' && doc.kind !== 'trust') return [];
  const zone = settings.zoneOfTrust;
  if (isEmptyZone(zone)) {
    if (!onPrincipal(doc, start, end)) return [];
    const accounts = accountsInDocument(doc);
    if (!accounts.length) return [];
    return [
      setZoneAction(`Set the zone of trust (zoneOfTrust in .iam-lint.json) to account${accounts.length > 1 ? 's' : ''} ${accounts.join(', ')}`, {
        uri: doc.uri,
        zoneOfTrust: { accounts },
      }),
    ];
  }
  const actions: CodeAction[] = [];
  for (const grant of grantsOutsideZone(doc, catalog, zone)) {
    if (start > grant.offset + grant.length || end < grant.offset) continue;
    if (!grant.account) continue;
    actions.push(
      setZoneAction(`Add account ${grant.account} to the zone of trust (zoneOfTrust in .iam-lint.json)`, {
        uri: doc.uri,
        zoneOfTrust: { ...zone, accounts: [...(zone.accounts ?? []), grant.account] },
      }),
    );
  }
  return actions;
}
