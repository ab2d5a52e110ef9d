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

/** Webview panels beside the editor, one per document, each showing the HTML body that `render` makes for it. */
export class DocumentPanels {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  constructor(
    private readonly viewType: string,
    private readonly title: (fileName: string) => string,
    private readonly render: (uri: string) => Promise<string>,
    /** "Could not compute the access summary" */
    private readonly failure: string,
  ) {}

  /** Opens (or reveals) the panel of a document, the active editor's without one, and renders it. */
  async show(target: string | vscode.Uri | undefined, nothingOpen: string): Promise<void> {
    const uri = typeof target === 'string' ? target : (target ?? vscode.window.activeTextEditor?.document.uri)?.toString();
    if (!uri) {
      void vscode.window.showInformationMessage(nothingOpen);
      return;
    }
    let panel = this.panels.get(uri);
    if (panel) {
      panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      panel = vscode.window.createWebviewPanel(
        this.viewType,
        this.title(vscode.Uri.parse(uri).path.split('/').pop() ?? uri),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false },
      );
      this.panels.set(uri, panel);
      panel.onDidDispose(() => this.panels.delete(uri));
    }
    await this.refresh(uri);
  }

  /** Renders the panel of a document again, when it is open. */
  async refresh(uri: string): Promise<void> {
    const panel = this.panels.get(uri);
    if (!panel) return;
    try {
      panel.webview.html = page(await this.render(uri));
    } catch (error) {
      panel.webview.html = page(`<p>${this.failure}: ${escapeHtml(String(error))}</p>`);
    }
  }

  isOpen(uri: string): boolean {
    return this.panels.has(uri);
  }
}
