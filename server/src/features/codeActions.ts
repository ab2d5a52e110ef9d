// Code actions: the entry for quick-fixes, refactorings and `source.fixAll`. Each fix is a
// WorkspaceEdit on the smallest range; `isPreferred` marks the one to run on the keyboard shortcut.
// - Quick-fixes: FIX_PROVIDERS, each asked about every diagnostic of the request that is ours.
// - Refactorings: REFACTOR_PROVIDERS, asked about the selection (splitting a statement, wildcards,
//   adding the Version); one that repeats a quick-fix's title is left out.
// - `source.fixAll` (fixes/fixAll.ts), only when the request asks for source actions.
// Fixes that insert placeholders also carry the client's snippet command when the client has it
// (protocol/snippet.ts).
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/types';
import { zoneOfTrustActions } from './zoneOfTrustFix';
import type { PolicyDocument } from '../policy/model';
import type { IamPolicySettings } from '../protocol';
import { rangeOf } from '../policy/locate';
import type { FindingData, FoldedFinding } from '../rules/types';
import { replacementFixes, syntaxFixes } from './fixes/basic';
import { conditionFixes } from './fixes/conditions';
import { fixAllAction } from './fixes/fixAll';
import type { FixProvider, RefactorProvider } from './fixes/framework';
import { hardeningFixes } from './fixes/hardening';
import { requiredConditionFixes } from './fixes/requiredConditions';
import { principalFixes } from './fixes/principals';
import { narrowResourceFixes } from './fixes/narrowResources';
import { addVersionRefactor, repairFixes } from './fixes/repairs';
import { splitStatementFixes, splitStatementRefactors } from './fixes/splitStatement';
import { wildcardFixes, wildcardRefactors } from './fixes/wildcards';
import { DIAGNOSTIC_SOURCE, type RuleErrorHandler } from './diagnostics';

export { quickFix, type FixContext, type FixProvider, type RefactorContext, type RefactorProvider } from './fixes/framework';

export const FIX_PROVIDERS: FixProvider[] = [
  syntaxFixes,
  replacementFixes,
  repairFixes,
  conditionFixes,
  narrowResourceFixes,
  splitStatementFixes,
  wildcardFixes,
  hardeningFixes,
  requiredConditionFixes,
  principalFixes,
];

export const REFACTOR_PROVIDERS: RefactorProvider[] = [splitStatementRefactors, wildcardRefactors, addVersionRefactor];

/** The kinds the server offers, for the codeActionProvider capability. */
export const CODE_ACTION_KINDS: readonly string[] = [
  CodeActionKind.QuickFix,
  CodeActionKind.Refactor,
  CodeActionKind.RefactorRewrite,
  CodeActionKind.Source,
  CodeActionKind.SourceFixAll,
];

export interface CodeActionRequest {
  /** the selection; without it, no refactorings */
  range?: Range;
  /** `context.only` of the request: the kinds wanted (a kind includes its sub-kinds) */
  only?: readonly string[];
  /** the client runs the snippet command (protocol/snippet.ts) */
  snippets?: boolean;
}

/** Whether a kind is wanted: `only` absent means every kind but source actions, which must be asked for. */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only) return !kind.startsWith(CodeActionKind.Source);
  return only.some(k => kind === k || kind.startsWith(`${k}.`));
}

/**
 * The fixes of the findings folded into a diagnostic (rules/oneFinding.ts): offered on it, never
 * preferred (the diagnostic's own fix is); each names the folded finding it fixes as its diagnostic.
 */
function foldedFixes(doc: PolicyDocument, diagnostic: Diagnostic, catalog: Catalog, settings: IamPolicySettings, snippets?: boolean): CodeAction[] {
  const folded = ((diagnostic.data as FindingData | undefined)?.folded ?? []) as FoldedFinding[];
  const actions: CodeAction[] = [];
  for (const finding of folded) {
    const stand: Diagnostic = {
      ...diagnostic,
      code: finding.code,
      message: finding.message,
      data: finding.data,
      range: rangeOf(doc, finding.offset, finding.length),
    };
    for (const provider of FIX_PROVIDERS) {
      for (const action of provider({ doc, catalog, settings, diagnostic: stand, snippets })) {
        actions.push({ ...action, isPreferred: false });
      }
    }
  }
  return actions;
}

/**
 * The code actions of a request: quick-fixes for our diagnostics, refactorings of the selection,
 * source.fixAll (which runs the rules: a rule's exception goes to `onRuleError`).
 */
export function provideCodeActions(
  doc: PolicyDocument,
  diagnostics: readonly Diagnostic[],
  catalog: Catalog,
  settings: IamPolicySettings,
  request: CodeActionRequest,
  onRuleError: RuleErrorHandler,
): CodeAction[] {
  const { only, snippets } = request;
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix, only)) {
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const ctx = { doc, catalog, settings, diagnostic, snippets };
      for (const provider of FIX_PROVIDERS) actions.push(...provider(ctx));
      actions.push(...foldedFixes(doc, diagnostic, catalog, settings, snippets));
    }
    if (request.range) {
      const [start, end] = [request.range.start, request.range.end].map(p => doc.textDocument.offsetAt(p));
      actions.push(...zoneOfTrustActions(doc, start, end, catalog, settings));
    }
  }
  if (request.range && wanted(CodeActionKind.RefactorRewrite, only)) {
    const titles = new Set(actions.map(a => a.title));
    const ctx = {
      doc,
      catalog,
      settings,
      snippets,
      start: doc.textDocument.offsetAt(request.range.start),
      end: doc.textDocument.offsetAt(request.range.end),
    };
    for (const provider of REFACTOR_PROVIDERS) actions.push(...provider(ctx).filter(a => !titles.has(a.title)));
  }
  if (only && wanted(CodeActionKind.SourceFixAll, only)) {
    const fixAll = fixAllAction(doc, catalog, settings, onRuleError);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}
