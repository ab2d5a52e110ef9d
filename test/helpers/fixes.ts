// Applying quick-fixes in tests: every fix is checked by applying it and parsing the result again.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { provideCodeActions, type CodeActionRequest } from '../../server/src/features/codeActions';
import { computeDiagnostics } from '../../server/src/features/diagnostics';
import type { InsertSnippetArgs } from '../../server/src/features/fixes/snippetProtocol';
import { parsePolicy } from '../../server/src/policy/parse';
import type { PolicyDocument } from '../../server/src/policy/model';
import { withDefaults, type IamPolicySettings } from '../../server/src/protocol';

export function diagnose(text: string, uri = 'file:///test/policy.json', settings: IamPolicySettings = withDefaults(undefined)): { doc: PolicyDocument; diagnostics: Diagnostic[] } {
  const doc = parsePolicy(text, uri, { languageId: 'iam-policy' });
  return { doc, diagnostics: computeDiagnostics(doc, getCatalog(), settings) };
}

export function fixesFor(doc: PolicyDocument, diagnostic: Diagnostic, settings: IamPolicySettings = withDefaults(undefined), request: CodeActionRequest = {}): CodeAction[] {
  return provideCodeActions(doc, [diagnostic], getCatalog(), settings, request);
}

/** The refactorings offered with the cursor (or selection start) at `offset`. */
export function refactorsAt(doc: PolicyDocument, offset: number, end = offset, request: CodeActionRequest = {}): CodeAction[] {
  const range = { start: doc.textDocument.positionAt(offset), end: doc.textDocument.positionAt(end) };
  return provideCodeActions(doc, [], getCatalog(), withDefaults(undefined), { only: ['refactor'], ...request, range });
}

/** The text after applying a code action's edits (single-document edits). */
export function applyFix(doc: PolicyDocument, action: CodeAction): string {
  const edits = Object.values(action.edit?.changes ?? {}).flat();
  return TextDocument.applyEdits(doc.textDocument, edits);
}

/** The text a snippet inserts when every tab stop keeps its default: `${1:x}` -> x, `$1` -> x again. */
export function resolveSnippet(snippet: string): string {
  const values = new Map<string, string>();
  let text = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length) {
      text += snippet[++i];
      continue;
    }
    const stop = c === '$' ? /^\$\{(\d+):((?:\\.|[^\\}])*)\}|^\$(\d+)/.exec(snippet.slice(i)) : null;
    if (!stop) {
      text += c;
      continue;
    }
    const value = stop[1] !== undefined ? stop[2].replace(/\\(.)/g, '$1') : values.get(stop[3]) ?? '';
    if (stop[1] !== undefined) values.set(stop[1], value);
    text += value;
    i += stop[0].length - 1;
  }
  return text;
}

/** What is wrong with an action's snippet command, if it has one: it must name the text its edit inserted. */
export function snippetProblem(doc: PolicyDocument, action: CodeAction): string | undefined {
  const args = action.command?.arguments?.[0] as InsertSnippetArgs | undefined;
  if (!args) return undefined;
  const after = applyFix(doc, action);
  if (after.slice(args.offset, args.offset + args.text.length) !== args.text) return 'the snippet range does not hold the inserted text';
  if (resolveSnippet(args.snippet) !== args.text) return 'the snippet with its defaults differs from the inserted text';
  return undefined;
}
