// The command behind the zone-of-trust quick-fixes: the server proposes the zone, only the client
// can write settings. It writes `iamPolicy.zoneOfTrust` for the document's workspace folder (or the
// user settings when the file is outside any folder).
import * as vscode from 'vscode';
import { SET_ZONE_OF_TRUST_COMMAND, type SetZoneOfTrustArgs } from '../../server/src/protocol';

export function registerZoneOfTrust(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(SET_ZONE_OF_TRUST_COMMAND, async (args: SetZoneOfTrustArgs) => {
    const uri = vscode.Uri.parse(args.uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration('iamPolicy', uri).update('zoneOfTrust', args.zoneOfTrust, target);
    void vscode.window.showInformationMessage(`IAM Policy: zone of trust set to ${JSON.stringify(args.zoneOfTrust)}.`);
  }));
}
