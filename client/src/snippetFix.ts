// Placeholders of quick-fixes as tab stops. LSP code actions cannot insert snippets, so the server's
// fix is a plain edit with visible placeholders ("<bucket-name>"), and, because this client says it
// can (an experimental client capability), a command to run right after the edit: it replaces the
// inserted text with the same text as a snippet, and Tab then walks through the placeholders.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { INSERT_SNIPPET_COMMAND, SNIPPET_CAPABILITY, TRIGGER_SUGGEST_CAPABILITY, type InsertSnippetArgs } from '../../server/src/protocol';

async function insertSnippet(args: InsertSnippetArgs): Promise<void> {
  const editor = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].find(e => e?.document.uri.toString() === args.uri);
  if (!editor) return;
  const { document } = editor;
  const range = new vscode.Range(document.positionAt(args.offset), document.positionAt(args.offset + args.text.length));
  if (document.getText(range) !== args.text) return; // the document changed in between: leave the plain text
  // The snippet starts at column 0, so editors that re-indent snippet lines add nothing;
  // keepWhitespace (newer VS Code) says so outright.
  const options = { undoStopBefore: false, undoStopAfter: true, keepWhitespace: true };
  await editor.insertSnippet(new vscode.SnippetString(args.snippet), range, options);
}

/**
 * Tells the server what only this client does: the snippet command above, and VS Code's
 * `editor.action.triggerSuggest` after a completion item (other editors get neither).
 */
export function registerClientCapabilities(client: LanguageClient): void {
  client.registerFeature({
    fillClientCapabilities(capabilities) {
      capabilities.experimental = { ...(capabilities.experimental as object | undefined), [SNIPPET_CAPABILITY]: true, [TRIGGER_SUGGEST_CAPABILITY]: true };
    },
    initialize() {},
    getState: () => ({ kind: 'static' }),
    clear() {},
  });
}

export function registerSnippetFix(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(INSERT_SNIPPET_COMMAND, insertSnippet));
}
