// What every fix is made of: the context a provider gets, and the code action it returns. A fix is
// a WorkspaceEdit on the smallest range (changes are trimmed to the text they really change); when
// it inserts placeholders and the client runs INSERT_SNIPPET_COMMAND, the action also carries that
// command, so that VS Code turns the placeholders into tab stops right after applying the edit.
// A fix is preferred (the one the keyboard shortcut runs) only when a user can accept it blind: one
// that leaves a placeholder to fill in (`<bucket-name>`, IAM090) never is, whatever its provider says.
import { CodeAction, CodeActionKind, TextEdit, type CodeActionKind as Kind, type Diagnostic } from 'vscode-languageserver-types';
import type { Catalog } from '../../catalog/types';
import { rangeOf } from '../../policy/locate';
import type { PolicyDocument, Statement } from '../../policy/model';
import { placeholdersIn } from '../../policy/placeholders';
import type { IamPolicySettings } from '../../protocol';
import { statementFacts, type StatementFacts } from '../../analysis/statementFacts';
import type { Change } from './jsonEdits';
import { INSERT_SNIPPET_COMMAND, type InsertSnippetArgs } from '../../protocol/snippet';
import { hasPlaceholders, literalEnds, plainText, snippetText } from './template';

interface BaseContext {
  doc: PolicyDocument;
  catalog: Catalog;
  settings: IamPolicySettings;
  /** the client runs INSERT_SNIPPET_COMMAND */
  snippets?: boolean;
}

/** A quick-fix provider gets one diagnostic at a time. */
export interface FixContext extends BaseContext {
  diagnostic: Diagnostic;
}

/** A refactoring provider gets the selection (offsets); it offers what applies there. */
export interface RefactorContext extends BaseContext {
  start: number;
  end: number;
}

/** A provider returns the fixes it knows for one diagnostic (usually of a few codes). */
export type FixProvider = (ctx: FixContext) => CodeAction[];
export type RefactorProvider = (ctx: RefactorContext) => CodeAction[];

/** One provider from providers by diagnostic code. */
export function byCode(providers: Readonly<Record<string, FixProvider>>): FixProvider {
  return ctx => providers[String(ctx.diagnostic.code)]?.(ctx) ?? [];
}

/** The statement whose object holds the offset. */
export function statementAt(doc: PolicyDocument, offset: number): Statement | undefined {
  return doc.statements.find(s => s.node.offset <= offset && offset < s.node.offset + s.node.length);
}

/** The facts (statementFacts) of the statement at the offset. */
export function factsAt(ctx: { doc: PolicyDocument; catalog: Catalog }, offset: number): StatementFacts | undefined {
  const statement = statementAt(ctx.doc, offset);
  return statement && statementFacts(ctx.doc, ctx.catalog)[statement.index];
}

/** The diagnostic's span as offsets. */
export function spanOf(ctx: FixContext): { start: number; end: number } {
  const { textDocument } = ctx.doc;
  return { start: textDocument.offsetAt(ctx.diagnostic.range.start), end: textDocument.offsetAt(ctx.diagnostic.range.end) };
}

export function quickFix(ctx: FixContext, title: string, edits: TextEdit[], isPreferred = false): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [ctx.diagnostic],
    isPreferred,
    edit: { changes: { [ctx.doc.uri]: edits } },
  };
}

/** Whether a change writes a placeholder (`<bucket-name>`) that the text it replaces did not have. */
function leavesPlaceholder(doc: PolicyDocument, change: Change): boolean {
  const before = new Set(placeholdersIn(doc.text.slice(change.offset, change.offset + change.length)));
  return placeholdersIn(plainText(change.text)).some(p => !before.has(p));
}

/** Trims the part of a change that leaves the text as it is (but never into a placeholder). */
export function minimize(doc: PolicyDocument, change: Change): Change {
  const old = doc.text.slice(change.offset, change.offset + change.length);
  const { head, tail } = literalEnds(change.text);
  const text = change.text;
  let start = 0;
  const maxStart = Math.min(head, old.length, text.length);
  while (start < maxStart && old[start] === text[start]) start++;
  let end = 0;
  const maxEnd = Math.min(tail, old.length - start, text.length - start);
  while (end < maxEnd && old[old.length - 1 - end] === text[text.length - 1 - end]) end++;
  return { offset: change.offset + start, length: change.length - start - end, text: text.slice(start, text.length - end) };
}

/**
 * A code action from changes (offsets in the document, non-overlapping). With placeholders in one
 * of them and a client that runs the snippet command, the action runs it after the edit.
 */
export function changeAction(
  ctx: BaseContext,
  title: string,
  kind: Kind,
  changes: Change[],
  options: { diagnostic?: Diagnostic; isPreferred?: boolean } = {},
): CodeAction {
  const { doc } = ctx;
  const minimal = changes.map(c => minimize(doc, c)).sort((a, b) => a.offset - b.offset);
  const edits = minimal.map(c => TextEdit.replace(rangeOf(doc, c.offset, c.length), plainText(c.text)));
  const action: CodeAction = { title, kind, edit: { changes: { [doc.uri]: edits } } };
  if (options.diagnostic) action.diagnostics = [options.diagnostic];
  if (options.isPreferred !== undefined) action.isPreferred = options.isPreferred && !minimal.some(c => leavesPlaceholder(doc, c));
  const marked = minimal.findIndex(c => hasPlaceholders(c.text));
  if (ctx.snippets && marked >= 0) {
    // The snippet starts at the start of its line: editors indent a snippet's lines like the text
    // before it on the first line, and there is none there. Offsets are those after the edit.
    const change = minimal[marked];
    const lineStart = doc.text.lastIndexOf('\n', change.offset - 1) + 1;
    const before = minimal.slice(0, marked);
    if (before.every(c => c.offset + c.length <= lineStart)) {
      const shift = before.reduce((sum, c) => sum + plainText(c.text).length - c.length, 0);
      const text = doc.text.slice(lineStart, change.offset) + change.text;
      const args: InsertSnippetArgs = { uri: doc.uri, offset: lineStart + shift, text: plainText(text), snippet: snippetText(text) };
      action.command = { title: 'Fill in the placeholders', command: INSERT_SNIPPET_COMMAND, arguments: [args] };
    }
  }
  return action;
}

/** A quick-fix for the context's diagnostic from changes. */
export function fixAction(ctx: FixContext, title: string, changes: Change[], isPreferred = false): CodeAction {
  return changeAction(ctx, title, CodeActionKind.QuickFix, changes, { diagnostic: ctx.diagnostic, isPreferred });
}

/** A refactoring (no diagnostic) from changes. */
export function refactorAction(ctx: RefactorContext, title: string, changes: Change[], kind: Kind = CodeActionKind.RefactorRewrite): CodeAction {
  return changeAction(ctx, title, kind, changes);
}

/** Whether the selection touches the span. */
export function touches(ctx: RefactorContext, offset: number, length: number): boolean {
  return ctx.start <= offset + length && ctx.end >= offset;
}
