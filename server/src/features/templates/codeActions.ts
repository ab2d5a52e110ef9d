// Quick-fixes, refactorings and "fix all" on a policy inside a template: the policy's own code
// actions, each kept only when its edits can be written in the template and read back to the very
// policy the fix makes (templates/hostEdits.ts).
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { Catalog } from '../../catalog/types';
import type { IamPolicySettings } from '../../protocol';
import { policyAt, type EmbeddedPolicy, type TemplateDocument } from '../../templates/document';
import { verifiedHostEdits } from '../../templates/hostEdits';
import { changedRegion } from '../../templates/incremental';
import { fixTemplate } from './fixAll';
import type { TemplateReadResult } from '../../templates/types';
import { provideCodeActions } from '../codeActions';
import type { RuleErrorHandler } from '../diagnostics';
import { toHostDiagnostic, virtualDiagnostics } from './diagnostics';
import { hostEdit, hostOffsets, virtualChange } from './positions';

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The template edits of a virtual workspace edit, or undefined when they cannot be written there. */
export function hostTextEdits(
  template: TemplateDocument,
  policy: EmbeddedPolicy,
  edits: readonly TextEdit[],
  reread: (text: string) => TemplateReadResult | undefined,
): TextEdit[] | undefined {
  const changes = verifiedHostEdits(
    template.text,
    policy,
    edits.map(e => virtualChange(policy, e)),
    reread,
  );
  return changes?.map(c => hostEdit(template, c));
}

export interface TemplateActionRequest {
  range: Range;
  only?: readonly string[];
  /** reads the template's text again, with the reader that read it */
  reread: (text: string) => TemplateReadResult | undefined;
}

/** `source.fixAll` on a template: every policy's safe fixes, as one edit of the part of the template they change. */
function templateFixAll(
  template: TemplateDocument,
  catalog: Catalog,
  settings: IamPolicySettings,
  reread: TemplateActionRequest['reread'],
  onError: RuleErrorHandler,
): CodeAction[] {
  const { served, fixed } = fixTemplate({ template, reread }, catalog, settings, onError);
  if (fixed === 0) return [];
  const change = changedRegion(template.text, served.template.text);
  const edit = hostEdit(template, {
    offset: change.start,
    length: change.oldEnd - change.start,
    text: served.template.text.slice(change.start, change.newEnd),
  });
  return [{ title: 'Fix all safe IAM policy problems', kind: CodeActionKind.SourceFixAll, edit: { changes: { [template.uri]: [edit] } } }];
}

export function templateCodeActions(
  template: TemplateDocument,
  diagnostics: readonly Diagnostic[],
  catalog: Catalog,
  settings: IamPolicySettings,
  request: TemplateActionRequest,
  onError: RuleErrorHandler,
): CodeAction[] {
  // "fix all" is the whole template's, wherever the cursor is
  const fixAll = request.only?.some(kind => CodeActionKind.SourceFixAll === kind || CodeActionKind.SourceFixAll.startsWith(`${kind}.`)) === true;
  const only = request.only?.filter(kind => kind !== CodeActionKind.SourceFixAll);
  const { start, end } = hostOffsets(template, request.range);
  const at = policyAt(template, start);
  const wholeTemplate = fixAll ? templateFixAll(template, catalog, settings, request.reread, onError) : [];
  if (!at || (only && only.length === 0)) return wholeTemplate;
  const { policy } = at;
  const endOffset = policyAt(template, end)?.policy === policy ? policyAt(template, end)!.offset : at.offset;
  // the client sends the diagnostics it shows (template ranges): find the policy's own behind them
  const pairs = virtualDiagnostics(policy, catalog, settings, onError).map(virtual => ({ virtual, host: toHostDiagnostic(template, policy, virtual) }));
  const wanted = pairs.filter(p => diagnostics.some(d => d.code === p.host.code && sameRange(d.range, p.host.range)));
  const range = {
    start: policy.doc.textDocument.positionAt(Math.min(at.offset, endOffset)),
    end: policy.doc.textDocument.positionAt(Math.max(at.offset, endOffset)),
  };
  const actions = provideCodeActions(
    policy.doc,
    wanted.map(p => p.virtual),
    catalog,
    settings,
    { range, only, snippets: false },
    onError,
  );
  const hostOf = new Map(wanted.map(p => [p.virtual, p.host]));
  const result: CodeAction[] = [...wholeTemplate];
  for (const action of actions) {
    if (action.kind === CodeActionKind.SourceFixAll) continue;
    const edits = action.edit?.changes?.[policy.doc.uri];
    if (!edits) {
      if (!action.edit) result.push(action); // a command only (the zone of trust, in the settings)
      continue;
    }
    const mapped = hostTextEdits(template, policy, edits, request.reread);
    if (!mapped) continue;
    result.push({
      ...action,
      edit: { changes: { [template.uri]: mapped } },
      ...(action.diagnostics && { diagnostics: action.diagnostics.map(d => hostOf.get(d) ?? d) }),
    });
  }
  return result;
}
