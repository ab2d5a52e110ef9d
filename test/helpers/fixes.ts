// Applying quick-fixes in tests: every fix is checked by applying it and parsing the result again.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { provideCodeActions, type CodeActionRequest } from '../../server/src/features/codeActions';
import { computeDiagnostics } from '../../server/src/features/diagnostics';
import type { InsertSnippetArgs } from '../../server/src/protocol/snippet';
import { parsePolicy } from '../../server/src/policy/parse';
import type { PolicyDocument } from '../../server/src/policy/model';
import { withDefaults, type IamPolicySettings } from '../../server/src/protocol';
import { rethrow } from './findings';

export function diagnose(
  text: string,
  uri = 'file:///test/policy.json',
  settings: IamPolicySettings = withDefaults(undefined),
): { doc: PolicyDocument; diagnostics: Diagnostic[] } {
  const doc = parsePolicy(text, uri, { languageId: 'iam-policy' });
  return { doc, diagnostics: computeDiagnostics(doc, getCatalog(), settings, rethrow) };
}

export function fixesFor(
  doc: PolicyDocument,
  diagnostic: Diagnostic,
  settings: IamPolicySettings = withDefaults(undefined),
  request: CodeActionRequest = {},
): CodeAction[] {
  return provideCodeActions(doc, [diagnostic], getCatalog(), settings, request, rethrow);
}

/** The refactorings offered with the cursor (or selection start) at `offset`. */
export function refactorsAt(doc: PolicyDocument, offset: number, end = offset, request: CodeActionRequest = {}): CodeAction[] {
  const range = { start: doc.textDocument.positionAt(offset), end: doc.textDocument.positionAt(end) };
  return provideCodeActions(doc, [], getCatalog(), withDefaults(undefined), { only: ['refactor'], ...request, range }, rethrow);
}

/** The text after applying a code action's edits (single-document edits). */
export function applyFix(doc: PolicyDocument, action: CodeAction): string {
  const edits = Object.values(action.edit?.changes ?? {}).flat();
  return TextDocument.applyEdits(doc.textDocument, edits);
}

/** The text a snippet inserts when every tab stop keeps its default: `${1:x}` -> x, `${1|x,y|}` -> x, `$1` -> x again. */
export function resolveSnippet(snippet: string): string {
  const values = new Map<string, string>();
  let text = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length) {
      text += snippet[++i];
      continue;
    }
    const stop = c === '$' ? /^\$\{(\d+):((?:\\.|[^\\}])*)\}|^\$(\d+)|^\$\{(\d+)\|((?:\\.|[^\\,|])*)(?:,(?:\\.|[^\\|])*)*\|\}/.exec(snippet.slice(i)) : null;
    if (!stop) {
      text += c;
      continue;
    }
    const number = stop[1] ?? stop[4];
    const first = stop[2] ?? stop[5];
    const value = number !== undefined ? first.replace(/\\(.)/g, '$1') : (values.get(stop[3]) ?? '');
    if (number !== undefined) values.set(number, value);
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

/** The fixes of the first diagnostic with `code` in the text (asserted to exist); the URI can name the kind (`x.rcp.json`). */
export function fixesOf(text: string, code: string, request: CodeActionRequest = {}, uri?: string): { doc: PolicyDocument; fixes: CodeAction[] } {
  const { doc, diagnostics } = diagnose(text, uri);
  const diagnostic = diagnostics.find(d => d.code === code);
  if (!diagnostic) throw new Error(`no ${code} in: ${diagnostics.map(d => d.code).join(' ')}`);
  return { doc, fixes: fixesFor(doc, diagnostic, undefined, request) };
}

/** The text after the fix of the first `code` diagnostic whose title matches (or the preferred one). */
export function fixed(text: string, code: string, title?: RegExp, uri?: string): string {
  const { doc, fixes } = fixesOf(text, code, {}, uri);
  const fix = title ? fixes.find(f => title.test(f.title)) : fixes.find(f => f.isPreferred);
  if (!fix) throw new Error(`no fix ${title ?? '(preferred)'} for ${code}; offered: ${fixes.map(f => f.title).join(' | ')}`);
  return applyFix(doc, fix);
}

/** The text after the refactoring whose title matches, offered at the `|` of a marked text. */
export function refactored(marked: string, title: RegExp): string {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const { doc } = diagnose(text);
  const actions = refactorsAt(doc, offset);
  const action = actions.find(a => title.test(a.title));
  if (!action) throw new Error(`no refactoring ${title}; offered: ${actions.map(a => a.title).join(' | ')}`);
  return applyFix(doc, action);
}

/** The codes of the diagnostics of a text. */
export function codes(text: string, uri?: string): string[] {
  return diagnose(text, uri).diagnostics.map(d => String(d.code));
}
