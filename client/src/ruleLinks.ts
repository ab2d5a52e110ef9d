// Rule links that work offline: a diagnostic's code links to the rule's entry in docs/rules.md.
// The server names the entry by its anchor (#iam100); the client rewrites the link to the copy of
// docs/rules.md inside the extension, at the line of that anchor (VS Code opens `file:...#L12` at
// line 12), so the link needs no network and no public repository.
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { anchorLines } from './ruleAnchors';

export function ruleLinkMiddleware(extensionUri: vscode.Uri): Middleware {
  const docUri = vscode.Uri.joinPath(extensionUri, 'docs', 'rules.md');
  let lines: Map<string, number> | undefined;
  const lineOf = (code: string): number | undefined => {
    try {
      lines ??= anchorLines(readFileSync(docUri.fsPath, 'utf8'));
    } catch {
      lines = new Map();
    }
    return lines.get(code.toLowerCase());
  };
  return {
    handleDiagnostics(uri, diagnostics, next) {
      for (const diagnostic of diagnostics) {
        const code = diagnostic.code;
        if (typeof code !== 'object' || typeof code.value !== 'string') continue;
        const line = lineOf(code.value);
        if (line !== undefined) diagnostic.code = { value: code.value, target: docUri.with({ fragment: `L${line}` }) };
      }
      next(uri, diagnostics);
    },
  };
}
