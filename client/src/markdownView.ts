// Markdown from the server in a webview: rendered with VS Code's own markdown renderer, styled with
// the theme's colours, no scripts. The access summary and "Compare with HEAD" show their tables so.
import * as vscode from 'vscode';

const STYLE = `
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground);
         background: var(--vscode-editor-background); padding: 0 16px 16px; line-height: 1.45; }
  a { color: var(--vscode-textLink-foreground); }
  code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 3px; border-radius: 3px; }
  table { border-collapse: collapse; margin: 8px 0 12px; }
  th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border)); padding: 3px 8px; text-align: left; }
  th { background: var(--vscode-editorWidget-background); }
  h1, h2, h3 { font-weight: 600; } h3 { font-size: 1em; margin-top: 1.4em; }
  hr { border: 0; border-top: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border)); }`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** Markdown to HTML with the built-in markdown extension's renderer; plain text if it is unavailable. */
export async function toHtml(markdown: string): Promise<string> {
  try {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', markdown);
    if (typeof html === 'string') return html;
  } catch {
    // the markdown extension is disabled: fall through to plain text
  }
  return `<pre>${escapeHtml(markdown)}</pre>`;
}

export function page(body: string): string {
  // No scripts: the page only shows the rendered summary.
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<style>${STYLE}</style></head><body>${body}</body></html>`;
}
