// The thin VS Code client: starts the bundled language server and registers the commands that
// need the editor. Everything about policies happens in the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { OPEN_RULE_DOCUMENTATION_COMMAND, RESTART_SERVER_COMMAND, SERVER_ENV, SERVER_NODE_OPTIONS } from '../../server/src/protocol';
import { accessSummaryMiddleware, registerAccessSummary } from './accessSummary';
import { registerCompareWithHead } from './compareWithHead';
import { registerSimulate } from './simulate';
import { registerKindStatus } from './kindStatus';
import { ruleLinkMiddleware } from './ruleLinks';
import { registerClientCapabilities, registerSnippetFix } from './snippetFix';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS], env: { ...SERVER_ENV } } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6009'], env: { ...SERVER_ENV } },
    },
  };
  const outputChannel = vscode.window.createOutputChannel('IAM Policy', { log: true });
  const clientOptions: LanguageClientOptions = {
    // JSON, YAML and Terraform documents are offered too; the server answers only for policies and
    // for templates with policies inside, and leaves every other file alone. Terraform files are
    // matched by name whatever language they open as: this extension contributes no language for them
    // (HashiCorp's extension does), so without that one they are plain text.
    documentSelector: [
      { language: 'iam-policy' },
      { language: 'json', scheme: 'file' },
      { language: 'jsonc', scheme: 'file' },
      { language: 'json', scheme: 'untitled' },
      { language: 'yaml', scheme: 'file' },
      { language: 'yaml', scheme: 'untitled' },
      { language: 'terraform', scheme: 'file' },
      { language: 'opentofu', scheme: 'file' },
      { scheme: 'file', pattern: '**/*.{tf,tofu,template}' },
    ],
    // The server asks the client to watch a project's .iam-lint.json itself (any editor can).
    synchronize: { configurationSection: 'iamPolicy' },
    outputChannel,
    traceOutputChannel: outputChannel,
    middleware: { ...ruleLinkMiddleware(context.extensionUri), ...accessSummaryMiddleware() },
  };
  client = new LanguageClient('iamPolicy', 'IAM Policy', serverOptions, clientOptions);
  registerAccessSummary(context, client);
  registerCompareWithHead(context, client);
  registerSimulate(context, client);
  registerKindStatus(context, client);
  registerClientCapabilities(client);
  registerSnippetFix(context);
  context.subscriptions.push(
    vscode.commands.registerCommand(RESTART_SERVER_COMMAND, async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand(OPEN_RULE_DOCUMENTATION_COMMAND, async (code?: string) => {
      const anchor = typeof code === 'string' ? `#${code.toLowerCase()}` : '';
      await vscode.commands.executeCommand(
        'markdown.showPreview',
        vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md').with({ fragment: anchor.slice(1) }),
      );
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
