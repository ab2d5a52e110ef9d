// Quick-fixes for the diagnostics in a request. Each fix is a WorkspaceEdit on the smallest range.
// Fixes come from two places: the finding's own `data.replacements` (one fix per candidate, the
// first preferred), and the syntax repairs below. Richer refactorings (narrowing resources,
// splitting statements) add providers to FIX_PROVIDERS.
import { CodeAction, CodeActionKind, Diagnostic, TextEdit, type Range } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/types';
import type { PolicyDocument } from '../policy/model';
import { SYNTAX_CODES } from '../policy/syntax';
import type { IamPolicySettings } from '../protocol';
import type { FindingData } from '../rules/types';

export interface FixContext {
  doc: PolicyDocument;
  catalog: Catalog;
  settings: IamPolicySettings;
  diagnostic: Diagnostic;
}

/** A provider returns the fixes it knows for one diagnostic (usually of a few codes). */
export type FixProvider = (ctx: FixContext) => CodeAction[];

export function quickFix(ctx: FixContext, title: string, edits: TextEdit[], isPreferred = false): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [ctx.diagnostic],
    isPreferred,
    edit: { changes: { [ctx.doc.uri]: edits } },
  };
}

function rangeOf(doc: PolicyDocument, offset: number, length: number): Range {
  return { start: doc.textDocument.positionAt(offset), end: doc.textDocument.positionAt(offset + length) };
}

/** Replaces the diagnostic's range with each of `data.replacements`. */
const replacementFixes: FixProvider = ctx => {
  const replacements = (ctx.diagnostic.data as FindingData | undefined)?.replacements ?? [];
  return replacements.map((text, index) =>
    quickFix(ctx, `Change to ${text}`, [TextEdit.replace(ctx.diagnostic.range, text)], index === 0 && replacements.length === 1));
};

/** Comments and trailing commas are deleted, with the white space before them; a missing comma is inserted. */
const syntaxFixes: FixProvider = ctx => {
  const { doc, diagnostic } = ctx;
  const text = doc.text;
  const start = doc.textDocument.offsetAt(diagnostic.range.start);
  const end = doc.textDocument.offsetAt(diagnostic.range.end);
  switch (diagnostic.code) {
    case SYNTAX_CODES.comment: {
      let from = start;
      while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
      let to = end;
      // a comment alone on its line goes with its line break
      if ((from === 0 || text[from - 1] === '\n') && text[to] === '\r') to++;
      if ((from === 0 || text[from - 1] === '\n') && text[to] === '\n') to++;
      return [quickFix(ctx, 'Remove the comment', [TextEdit.del(rangeOf(doc, from, to - from))], true)];
    }
    case SYNTAX_CODES.trailingComma:
      return [quickFix(ctx, 'Remove the trailing comma', [TextEdit.del(diagnostic.range)], true)];
    case SYNTAX_CODES.missingComma: {
      // insert right after the previous value, not before the next one, so the comma ends the line
      let at = start;
      while (at > 0 && /\s/.test(text[at - 1])) at--;
      return [quickFix(ctx, 'Insert the missing comma', [TextEdit.insert(doc.textDocument.positionAt(at), ',')], true)];
    }
    default:
      return [];
  }
};

export const FIX_PROVIDERS: FixProvider[] = [syntaxFixes, replacementFixes];

/** The quick-fixes for the diagnostics of a code-action request that are ours. */
export function provideCodeActions(
  doc: PolicyDocument, diagnostics: readonly Diagnostic[], catalog: Catalog, settings: IamPolicySettings,
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'iam-policy') continue;
    const ctx = { doc, catalog, settings, diagnostic };
    for (const provider of FIX_PROVIDERS) actions.push(...provider(ctx));
  }
  return actions;
}
