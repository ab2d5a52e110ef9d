// The "IAM Policy: Show Access Summary" command: asks the server for the summary of a policy
// (services x access levels, as markdown) and shows it in a webview beside the editor
// (markdownView.ts). The view follows edits to the policy while it is open. The code lenses carry the
// server's access-summary command, which every editor can run; here the middleware opens this view in
// its place.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient, Middleware } from 'vscode-languageclient/node';
import {
  ACCESS_SUMMARY_COMMAND, ACCESS_SUMMARY_REQUEST, SHOW_ACCESS_SUMMARY_COMMAND, type AccessSummaryParams,
} from '../../server/src/protocol';
import { escapeHtml, page, toHtml } from './markdownView';

/** The server's access-summary command (a code lens) opens the summary view instead of a message. */
export function accessSummaryMiddleware(): Middleware {
  return {
    executeCommand: (command, args, next) => (command === ACCESS_SUMMARY_COMMAND
      ? vscode.commands.executeCommand(SHOW_ACCESS_SUMMARY_COMMAND, args[0])
      : next(command, args)),
  };
}

const REFRESH_DELAY_MS = 400;

export function registerAccessSummary(context: vscode.ExtensionContext, client: LanguageClient): void {
  const panels = new Map<string, vscode.WebviewPanel>();
  const pending = new Map<string, NodeJS.Timeout>();

  async function render(uri: string, panel: vscode.WebviewPanel): Promise<void> {
    const params: AccessSummaryParams = { uri };
    const markdown = await client.sendRequest<string | null>(ACCESS_SUMMARY_REQUEST, params);
    const body = markdown ? await toHtml(markdown) : '<p>This document is not an IAM policy the extension serves.</p>';
    panel.webview.html = page(body);
  }

  async function show(target?: string | vscode.Uri): Promise<void> {
    const uri = typeof target === 'string' ? target : (target ?? vscode.window.activeTextEditor?.document.uri)?.toString();
    if (!uri) {
      void vscode.window.showInformationMessage('Open an IAM policy to see its access summary.');
      return;
    }
    let panel = panels.get(uri);
    if (panel) {
      panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const title = `Access summary: ${path.basename(vscode.Uri.parse(uri).path)}`;
      panel = vscode.window.createWebviewPanel('iamPolicy.accessSummary', title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false });
      panels.set(uri, panel);
      panel.onDidDispose(() => panels.delete(uri));
    }
    try {
      await render(uri, panel);
    } catch (error) {
      panel.webview.html = page(`<p>Could not compute the access summary: ${escapeHtml(String(error))}</p>`);
    }
  }

  function refreshLater(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    const panel = panels.get(uri);
    if (!panel) return;
    clearTimeout(pending.get(uri));
    pending.set(uri, setTimeout(() => {
      pending.delete(uri);
      render(uri, panel).catch(() => undefined);   // the next edit or the command tries again
    }, REFRESH_DELAY_MS));
  }

  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_ACCESS_SUMMARY_COMMAND, show),
    vscode.workspace.onDidChangeTextDocument(event => refreshLater(event.document)),
    { dispose: () => { for (const timer of pending.values()) clearTimeout(timer); } },
  );
}
