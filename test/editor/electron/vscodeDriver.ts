// EditorDriver on the VS Code API, for the scenarios run inside a downloaded VS Code by
// @vscode/test-electron. It asks the same providers the editor's widgets ask, since the API
// cannot read the widgets themselves; it takes no pictures.
import * as vscode from 'vscode';
import type { EditorDriver } from '../editorDriver';

function activeEditor(): vscode.TextEditor {
  const editor = vscode.window.activeTextEditor;
  if (!editor) throw new Error('no active editor');
  return editor;
}

function codeText(code: vscode.Diagnostic['code']): string {
  return typeof code === 'object' ? String(code.value) : String(code ?? '');
}

function labelText(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function hoverContentText(content: vscode.MarkdownString | vscode.MarkedString): string {
  if (typeof content === 'string') return content;
  return 'value' in content ? content.value : '';
}

export function vscodeDriver(): EditorDriver {
  const root = (): vscode.Uri => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('no workspace folder is open');
    return folder.uri;
  };
  const fileUri = (file: string) => vscode.Uri.joinPath(root(), ...file.split('/'));
  let completions: vscode.CompletionItem[] = [];
  let selectedCompletion: vscode.CompletionItem | undefined;
  let codeActions: (vscode.CodeAction | vscode.Command)[] = [];

  return {
    async openFile(file) {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fileUri(file)));
    },

    async problems(file) {
      return vscode.languages
        .getDiagnostics(fileUri(file))
        .map(d => `${d.message} ${d.source ?? ''} ${codeText(d.code)} [Ln ${d.range.start.line + 1}, Col ${d.range.start.character + 1}]`);
    },

    async statusBarErrorCount() {
      return vscode.languages
        .getDiagnostics()
        .flatMap(([, diagnostics]) => diagnostics)
        .filter(d => d.severity === vscode.DiagnosticSeverity.Error).length;
    },

    async squiggleCount() {
      return vscode.languages.getDiagnostics(activeEditor().document.uri).filter(d => d.severity !== vscode.DiagnosticSeverity.Hint).length;
    },

    async underlinedTexts() {
      const { document } = activeEditor();
      return vscode.languages
        .getDiagnostics(document.uri)
        .filter(d => d.severity !== vscode.DiagnosticSeverity.Hint)
        .map(d => document.getText(d.range));
    },

    async languageMode() {
      return activeEditor().document.languageId;
    },

    async moveCursor(line, column) {
      const position = new vscode.Position(line - 1, column - 1);
      activeEditor().selection = new vscode.Selection(position, position);
    },

    async type(text) {
      // One character at a time, as keys: the editor's auto-closing applies to each.
      for (const character of text) await vscode.commands.executeCommand('type', { text: character });
    },

    async openCompletion() {
      const editor = activeEditor();
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        editor.document.uri,
        editor.selection.active,
      );
      completions = list?.items ?? [];
      return completions.map(labelText);
    },

    async focusCompletion(label) {
      selectedCompletion = completions.find(item => label.test(labelText(item)));
      return selectedCompletion !== undefined;
    },

    async acceptCompletion() {
      const item = selectedCompletion;
      if (!item) throw new Error('no completion item is selected');
      const editor = activeEditor();
      const position = editor.selection.active;
      const range =
        item.range instanceof vscode.Range
          ? item.range
          : (item.range?.replacing ?? editor.document.getWordRangeAtPosition(position) ?? new vscode.Range(position, position));
      const text = item.insertText ?? labelText(item);
      if (text instanceof vscode.SnippetString) await editor.insertSnippet(text, range);
      else await editor.edit(edit => edit.replace(range, text));
      if (item.additionalTextEdits?.length) {
        await editor.edit(edit => item.additionalTextEdits!.forEach(extra => edit.replace(extra.range, extra.newText)));
      }
    },

    async saveAndRead(file) {
      await activeEditor().document.save();
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri(file)));
    },

    async writeWorkspaceFile(file, text) {
      if (text === undefined) await vscode.workspace.fs.delete(fileUri(file), { useTrash: false });
      else await vscode.workspace.fs.writeFile(fileUri(file), new TextEncoder().encode(text));
    },

    async hoverText() {
      const editor = activeEditor();
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.selection.active);
      return (hovers ?? []).flatMap(hover => hover.contents.map(hoverContentText)).join('\n');
    },

    async openQuickFixes() {
      const editor = activeEditor();
      codeActions =
        (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
          'vscode.executeCodeActionProvider',
          editor.document.uri,
          editor.selection,
        )) ?? [];
      return codeActions.map(action => action.title);
    },

    async applyQuickFix(title) {
      const action = codeActions.find(candidate => title.test(candidate.title));
      if (!action) throw new Error(`no quick fix matches ${title}`);
      if ('edit' in action && action.edit) await vscode.workspace.applyEdit(action.edit);
      const command = 'command' in action && typeof action.command === 'object' ? action.command : undefined;
      if (command) await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      else if (typeof action.command === 'string') {
        await vscode.commands.executeCommand(action.command, ...((action as vscode.Command).arguments ?? []));
      }
    },

    async codeLensTitles() {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', activeEditor().document.uri, 100);
      return (lenses ?? []).flatMap(lens => (lens.command ? [lens.command.title] : []));
    },

    async setUserSetting(key, value) {
      await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Global);
    },

    async dismiss() {
      await vscode.commands.executeCommand('hideSuggestWidget');
    },

    async screenshot() {
      // The extension host cannot see the window.
    },

    async extensionPage(displayName) {
      // The extension host cannot see the page either: the installed README's pictures (an inline
      // PNG counts as loaded) and its link targets, as the page gets them.
      const extension = vscode.extensions.all.find(e => e.packageJSON?.displayName === displayName);
      if (!extension) throw new Error(`${displayName} is not installed`);
      const readme = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'README.md'));
      const targets = [...new TextDecoder().decode(readme).matchAll(/(!?)\[[^\]]*\]\(([^)\s]+)[^)]*\)/g)];
      const isPng = (src: string) =>
        src.startsWith('data:image/png;base64,') && Buffer.from(src.slice('data:image/png;base64,'.length, 40), 'base64').subarray(1, 4).toString() === 'PNG';
      return {
        images: targets.filter(m => m[1]).map(m => ({ src: m[2], loaded: isPng(m[2]) })),
        links: targets.filter(m => !m[1]).map(m => m[2]),
      };
    },
  };
}
