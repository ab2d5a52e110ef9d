// The server's commands (workspace/executeCommand), so that code lenses and code actions work in
// every editor, not only in VS Code: the access summary of a policy (answered, and shown as a
// message), and the zone of trust written into the project's .iam-lint.json through the client
// (workspace/applyEdit). What the server needs of the connection and the files comes in as a host.
import { MessageType, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { pathToFileURL } from 'node:url';
import type { Catalog } from '../catalog/types';
import { ACCESS_SUMMARY_COMMAND, SET_ZONE_OF_TRUST_COMMAND, type SetZoneOfTrustArgs } from '../protocol';
import { accessSummaryOf, accessSummaryTextOf, type ServedDocument } from './served';
import { zoneOfTrustEdit } from './zoneOfTrustFix';

/** The commands the server runs, announced in executeCommandProvider. */
export const SERVER_COMMANDS: readonly string[] = [ACCESS_SUMMARY_COMMAND, SET_ZONE_OF_TRUST_COMMAND];

export interface CommandHost {
  catalog: Catalog;
  /** an open document the server serves: a policy or a template */
  servedAt(uri: string): Promise<ServedDocument | undefined>;
  /** the settings file a document's settings go into (projectSettings.ts), undefined for a document that is not a file */
  settingsFileTarget(uri: string): { path: string; exists: boolean } | undefined;
  /** a file's text: the editor's, when it has the file open, else the disk's */
  readFile(path: string): string;
  /** the client can create files in a workspace edit (workspace.workspaceEdit.resourceOperations) */
  createsFiles: boolean;
  /** writes a new file on disk (for a client that cannot create one itself); throws on failure */
  writeNewFile(path: string, text: string): void;
  /** workspace/applyEdit; resolves with whether the client applied it */
  applyEdit(label: string, edit: WorkspaceEdit): Promise<boolean>;
  /** window/showDocument, where the client has it: the edited settings file, for the user to save */
  showDocument(uri: string): Promise<void>;
  showMessage(type: MessageType, message: string): void;
}

async function showAccessSummary(host: CommandHost, uri: unknown): Promise<string | null> {
  const served = typeof uri === 'string' ? await host.servedAt(uri) : undefined;
  if (!served) return null;
  host.showMessage(MessageType.Info, accessSummaryTextOf(served, host.catalog));
  return accessSummaryOf(served, host.catalog);
}

async function setZoneOfTrust(host: CommandHost, args: SetZoneOfTrustArgs | undefined): Promise<boolean> {
  const target = args?.uri ? host.settingsFileTarget(args.uri) : undefined;
  if (!args || !target) return false;
  const fileUri = pathToFileURL(target.path).href;
  const wanted = JSON.stringify({ zoneOfTrust: args.zoneOfTrust });
  let existing = target.exists ? host.readFile(target.path) : undefined;
  if (existing === undefined && !host.createsFiles) {
    // the client can only edit files that exist: the server creates an empty settings file first
    existing = '{}\n';
    try {
      host.writeNewFile(target.path, existing);
    } catch (error) {
      host.showMessage(MessageType.Warning, `Cannot create ${target.path} (${(error as Error).message}): create it with ${wanted} to set the zone of trust.`);
      return false;
    }
  }
  const edit = zoneOfTrustEdit(fileUri, existing, args.zoneOfTrust);
  const applied = await host.applyEdit('Set the zone of trust', edit);
  if (!applied) {
    host.showMessage(MessageType.Warning, `The zone of trust was not written: set ${wanted} in ${target.path}.`);
    return false;
  }
  await host.showDocument(fileUri);
  return true;
}

/** Runs a server command; an unknown command or bad arguments answer null. */
export async function executeServerCommand(host: CommandHost, command: string, args: unknown[] = []): Promise<unknown> {
  switch (command) {
    case ACCESS_SUMMARY_COMMAND:
      return showAccessSummary(host, args[0]);
    case SET_ZONE_OF_TRUST_COMMAND:
      return setZoneOfTrust(host, args[0] as SetZoneOfTrustArgs | undefined);
    default:
      return null;
  }
}
