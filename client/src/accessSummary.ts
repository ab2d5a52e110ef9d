// The "IAM Policy: Show Access Summary" command: asks the server for the summary of a policy
// (services x access levels, as markdown) and shows it in a webview beside the editor
// (markdownView.ts). The view follows edits to the policy while it is open. The code lenses carry the
// server's access-summary command, which every editor can run; here the middleware opens this view in
// its place.
import * as vscode from 'vscode';
import type { LanguageClient, Middleware } from 'vscode-languageclient/node';
import { ACCESS_SUMMARY_COMMAND, ACCESS_SUMMARY_REQUEST, SHOW_ACCESS_SUMMARY_COMMAND, type AccessSummaryParams } from '../../server/src/protocol';
import { DocumentPanels, toHtml } from './markdownView';

/** The server's access-summary command (a code lens) opens the summary view instead of a message. */
export function accessSummaryMiddleware(): Middleware {
  return {
    executeCommand: (command, args, next) =>
      command === ACCESS_SUMMARY_COMMAND ? vscode.commands.executeCommand(SHOW_ACCESS_SUMMARY_COMMAND, args[0]) : next(command, args),
  };
}

const REFRESH_DELAY_MS = 400;

export function registerAccessSummary(context: vscode.ExtensionContext, client: LanguageClient): void {
  const pending = new Map<string, NodeJS.Timeout>();
  const panels = new DocumentPanels(
    'iamPolicy.accessSummary',
    name => `Access summary: ${name}`,
    async uri => {
      const params: AccessSummaryParams = { uri };
      const markdown = await client.sendRequest<string | null>(ACCESS_SUMMARY_REQUEST, params);
      return markdown ? await toHtml(markdown) : '<p>This document is not an IAM policy the extension serves.</p>';
    },
    'Could not compute the access summary',
  );

  function refreshLater(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    if (!panels.isOpen(uri)) return;
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        void panels.refresh(uri); // a failure shows in the panel; the next edit tries again
      }, REFRESH_DELAY_MS),
    );
  }

  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_ACCESS_SUMMARY_COMMAND, (target?: string | vscode.Uri) =>
      panels.show(target, 'Open an IAM policy to see its access summary.'),
    ),
    vscode.workspace.onDidChangeTextDocument(event => refreshLater(event.document)),
    {
      dispose: () => {
        for (const timer of pending.values()) clearTimeout(timer);
      },
    },
  );
}
