// Every feature on a document the server serves: a policy file, or a template with policies inside
// (templates/). The server's handlers call these, one line each; a template's answers come from its
// policies' own, placed in the template (features/templates/).
import type { CodeAction, CodeLens, CompletionList, Diagnostic, Hover, Position, Range, SemanticTokens } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/types';
import { simulateInEditor } from '../evaluation/editor';
import type { PolicyDocument } from '../policy/model';
import type { DocumentKindParams, IamPolicySettings, SimulateParams, SimulateResponse } from '../protocol';
import { policyAt, type ServedTemplate } from '../templates/document';
import { provideCodeActions } from './codeActions';
import { provideCodeLenses } from './codeLens';
import { doComplete } from './completion';
import type { CompletionClient } from './completion/items';
import { computeDiagnostics, type RuleErrorHandler } from './diagnostics';
import { doHover } from './hover';
import { provideSemanticTokens } from './semanticTokens';
import { formatSummaryMarkdown, formatSummaryText, summarizePolicy } from './summary';
import { templateCodeActions } from './templates/codeActions';
import { templateCodeLenses } from './templates/codeLens';
import { templateCompletion } from './templates/completion';
import { templateDiagnostics } from './templates/diagnostics';
import { templateHover } from './templates/hover';
import { hostRange } from './templates/positions';
import { templateSummaryMarkdown, templateSummaryText } from './templates/summary';

/** A document as the server serves it: a policy, or a template. */
export type ServedDocument = { policy: PolicyDocument } | ServedTemplate;

export interface CodeActionParams {
  range: Range;
  diagnostics: readonly Diagnostic[];
  only?: readonly string[];
  /** the client turns fixes' placeholders into tab stops (policy files only) */
  snippets: boolean;
}

/** What the status bar shows of a document: a policy's kind, or a template's format and number of policies. */
export function documentKindOf(uri: string, served: ServedDocument | undefined, dataDate: string): DocumentKindParams {
  if (!served) return { uri, kind: null, kindSource: '', dataDate };
  if ('policy' in served) return { uri, kind: served.policy.kind, kindSource: served.policy.kindSource, dataDate };
  return { uri, kind: null, kindSource: '', dataDate, template: { format: served.template.read.format, policies: served.template.policies.length } };
}

/** The document's own text positions: the policy's, or the template's. */
export function offsetIn(served: ServedDocument, position: Position): number {
  return 'policy' in served ? served.policy.textDocument.offsetAt(position) : served.template.textDocument.offsetAt(position);
}

export function diagnosticsOf(served: ServedDocument, catalog: Catalog, settings: IamPolicySettings, onError: RuleErrorHandler): Diagnostic[] {
  return 'policy' in served ? computeDiagnostics(served.policy, catalog, settings, onError) : templateDiagnostics(served.template, catalog, settings, onError);
}

export function completionOf(
  served: ServedDocument,
  position: Position,
  catalog: Catalog,
  settings: IamPolicySettings,
  client?: CompletionClient,
): CompletionList | null {
  const offset = offsetIn(served, position);
  return 'policy' in served
    ? doComplete(served.policy, offset, catalog, settings, client)
    : templateCompletion(served.template, offset, catalog, settings, client);
}

export function hoverOf(served: ServedDocument, position: Position, catalog: Catalog, settings: IamPolicySettings): Hover | null {
  const offset = offsetIn(served, position);
  return 'policy' in served ? doHover(served.policy, offset, catalog, settings) : templateHover(served.template, offset, catalog, settings);
}

export function codeActionsOf(
  served: ServedDocument,
  params: CodeActionParams,
  catalog: Catalog,
  settings: IamPolicySettings,
  onError: RuleErrorHandler,
): CodeAction[] {
  if ('policy' in served) {
    return provideCodeActions(
      served.policy,
      params.diagnostics,
      catalog,
      settings,
      { range: params.range, only: params.only, snippets: params.snippets },
      onError,
    );
  }
  return templateCodeActions(
    served.template,
    params.diagnostics,
    catalog,
    settings,
    { range: params.range, only: params.only, reread: served.reread },
    onError,
  );
}

export function codeLensesOf(served: ServedDocument, catalog: Catalog, settings: IamPolicySettings): CodeLens[] {
  return 'policy' in served ? provideCodeLenses(served.policy, catalog, settings) : templateCodeLenses(served.template, catalog, settings);
}

/** Semantic tokens of a policy file; a template's own language extension colours it. */
export function semanticTokensOf(served: ServedDocument, catalog: Catalog): SemanticTokens {
  return 'policy' in served ? provideSemanticTokens(served.policy, catalog) : { data: [] };
}

export function accessSummaryOf(served: ServedDocument, catalog: Catalog): string {
  return 'policy' in served ? formatSummaryMarkdown(summarizePolicy(served.policy, catalog)) : templateSummaryMarkdown(served.template, catalog);
}

/** The access summary as plain text (a message, the checker's --summary). */
export function accessSummaryTextOf(served: ServedDocument, catalog: Catalog): string {
  return 'policy' in served ? formatSummaryText(summarizePolicy(served.policy, catalog)) : templateSummaryText(served.template, catalog);
}

/** The simulator on the policy file, or on the template's policy at the position (its first without one). */
export function simulateOf(served: ServedDocument, params: SimulateParams): SimulateResponse | null {
  if ('policy' in served) return simulateInEditor(served.policy, params);
  const { template } = served;
  const at = params.position ? policyAt(template, template.textDocument.offsetAt(params.position))?.policy : template.policies[0];
  if (!at) return null;
  return simulateInEditor(at.doc, params, (offset, length) => {
    const { textDocument } = at.doc;
    return hostRange(template, at, { start: textDocument.positionAt(offset), end: textDocument.positionAt(offset + length) });
  });
}
