// The command behind the zone-of-trust quick-fixes: the server proposes the zone, only the client
// can write settings. It writes `iamPolicy.zoneOfTrust` for the document's workspace folder (or the
// user settings when the file is outside any folder). When the policy names no account of its own
// (only the principals' accounts, which the findings are about), the server asks for them: the
// command then prompts for the account IDs.
import * as vscode from 'vscode';
import { SET_ZONE_OF_TRUST_COMMAND, type SetZoneOfTrustArgs, type ZoneOfTrust } from '../../server/src/protocol';

const ACCOUNT_IDS = /^\s*\d{12}(\s*,\s*\d{12})*\s*$/;

async function askForAccounts(zone: ZoneOfTrust): Promise<ZoneOfTrust | undefined> {
  const typed = await vscode.window.showInputBox({
    title: 'IAM Policy: zone of trust',
    prompt: 'The AWS account IDs you trust (12 digits each, separated by commas)',
    placeHolder: '111122223333, 444455556666',
    validateInput: text => (ACCOUNT_IDS.test(text) ? undefined : 'Account IDs are 12 digits, separated by commas.'),
  });
  if (typed === undefined) return undefined;
  const accounts = [...new Set(typed.split(',').map(id => id.trim()))];
  return { ...zone, accounts: [...new Set([...(zone.accounts ?? []), ...accounts])] };
}

export function registerZoneOfTrust(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(SET_ZONE_OF_TRUST_COMMAND, async (args: SetZoneOfTrustArgs) => {
    const zoneOfTrust = args.ask ? await askForAccounts(args.zoneOfTrust) : args.zoneOfTrust;
    if (!zoneOfTrust) return;
    const uri = vscode.Uri.parse(args.uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration('iamPolicy', uri).update('zoneOfTrust', zoneOfTrust, target);
    void vscode.window.showInformationMessage(`IAM Policy: zone of trust set to ${JSON.stringify(zoneOfTrust)}.`);
  }));
}
