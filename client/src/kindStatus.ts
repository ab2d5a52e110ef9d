// The policy kind in the status bar, and the "IAM Policy: Set Policy Kind" command. The server tells
// the kind it detected for each document (iamPolicy/documentKind); the item shows it for the active
// editor with the date of the IAM catalog data, and a click lets the user pick another kind, which
// the server then uses for that document (iamPolicy/setKind) until the user picks "Detect".
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  DOCUMENT_KIND_NOTIFICATION,
  KIND_LABELS,
  POLICY_KINDS,
  SET_KIND_REQUEST,
  SET_POLICY_KIND_COMMAND,
  SHOW_ACCESS_SUMMARY_COMMAND,
  type DocumentKindParams,
  type PolicyKind,
  type SetKindParams,
} from '../../server/src/protocol';

const TEMPLATE_LABELS: Record<string, string> = {
  'cloudformation-json': 'CloudFormation template',
  'cloudformation-yaml': 'CloudFormation template',
  serverless: 'Serverless Framework service',
  terraform: 'Terraform file',
  'terraform-plan': 'Terraform plan',
};

const SOURCE_TEXT: Record<string, string> = {
  setting: 'set by you (command or iamPolicy.policyKinds)',
  template: 'from the template property that holds it',
  filename: 'detected from the file name',
  content: 'detected from the content',
  default: 'assumed (nothing else to go by)',
};

interface KindPick extends vscode.QuickPickItem {
  policyKind: PolicyKind | null;
}

export function registerKindStatus(context: vscode.ExtensionContext, client: LanguageClient): void {
  const kinds = new Map<string, DocumentKindParams>();
  const item = vscode.window.createStatusBarItem('iamPolicy.kind', vscode.StatusBarAlignment.Right, 100);
  item.name = 'IAM Policy Kind';
  item.command = SET_POLICY_KIND_COMMAND;

  const refresh = (): void => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const known = uri === undefined ? undefined : kinds.get(uri);
    if (known?.template) {
      const { format, policies } = known.template;
      const label = TEMPLATE_LABELS[format] ?? 'Template';
      item.text = `$(shield) ${policies} IAM ${policies === 1 ? 'policy' : 'policies'}`;
      item.tooltip = new vscode.MarkdownString(
        `**${label}** with ${policies} IAM ${policies === 1 ? 'policy' : 'policies'}; each policy's kind comes from the property that holds it.\n\nIAM catalog data of ${known.dataDate}.\n\nClick for the access summary.`,
      );
      item.command = SHOW_ACCESS_SUMMARY_COMMAND;
      item.show();
      return;
    }
    if (!known?.kind) {
      item.hide();
      return;
    }
    item.text = `$(shield) ${KIND_LABELS[known.kind]}`;
    item.command = SET_POLICY_KIND_COMMAND;
    item.tooltip = new vscode.MarkdownString(
      `**IAM policy kind:** ${KIND_LABELS[known.kind]}, ${SOURCE_TEXT[known.kindSource] ?? known.kindSource}.\n\n` +
        `IAM catalog data of ${known.dataDate}.\n\nClick to choose another kind.`,
    );
    item.show();
  };

  const setKind = async (uri?: vscode.Uri): Promise<void> => {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) return;
    const current = kinds.get(target.toString());
    const picks: KindPick[] = [
      { label: '$(search) Detect automatically', description: 'from the file name and content', policyKind: null },
      ...POLICY_KINDS.map(kind => ({
        label: KIND_LABELS[kind],
        policyKind: kind,
        description: current?.kind === kind ? `current, ${SOURCE_TEXT[current.kindSource] ?? current.kindSource}` : undefined,
      })),
    ];
    const choice = await vscode.window.showQuickPick(picks, { title: 'IAM Policy: Set Policy Kind', placeHolder: 'Which kind of policy is this document?' });
    if (!choice) return;
    const params: SetKindParams = { uri: target.toString(), kind: choice.policyKind };
    await client.sendRequest(SET_KIND_REQUEST, params);
  };

  context.subscriptions.push(
    item,
    client.onNotification(DOCUMENT_KIND_NOTIFICATION, (params: DocumentKindParams) => {
      kinds.set(params.uri, params);
      refresh();
    }),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.workspace.onDidCloseTextDocument(document => kinds.delete(document.uri.toString())),
    vscode.commands.registerCommand(SET_POLICY_KIND_COMMAND, setKind),
  );
  refresh();
}
