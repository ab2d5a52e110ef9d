// `source.fixAll` and the CLI's --fix: the fixes that are safe to apply without a choice, because
// they cannot change what the policy grants: syntax IAM rejects anyway (comments, trailing commas,
// a missing comma), the one repair of a malformed action (`s3.GetObject`), letter case (actions,
// operators, element names and Effect when only the case is wrong), repeated actions and actions a
// wildcard in the same list already matches, and Sids (repeated, or with characters IAM refuses).
// Guesses (closest names of unknown actions) and narrowing are left to a person. One pass: the
// edits do not overlap; a fix that another makes possible comes on the next call.
import type { Node } from 'jsonc-parser';
import { CodeActionKind, TextEdit, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { Catalog } from '../../catalog/types';
import { rangeOf } from '../../policy/locate';
import type { PolicyDocument } from '../../policy/model';
import { SYNTAX_CODES } from '../../policy/syntax';
import type { IamPolicySettings } from '../../protocol';
import type { FindingData } from '../../rules/types';
import { computeDiagnostics, type RuleErrorHandler } from '../diagnostics';
import { replacementFixes, syntaxFixes } from './basic';
import { statementAt, type FixContext } from './framework';
import { removeMembers } from './jsonEdits';
import { memberAt, uniqueSid } from './repairs';

/** Codes whose preferred fix is safe whenever there is one. */
const SAFE_CODES: ReadonlySet<string> = new Set([
  SYNTAX_CODES.comment,
  SYNTAX_CODES.trailingComma,
  SYNTAX_CODES.missingComma,
  'IAM100',
  'IAM106',
  'IAM301',
  'IAM029',
  'IAM030',
]);
/** Codes whose fix is safe when it only changes letter case. */
const CASE_CODES: ReadonlySet<string> = new Set(['IAM010', 'IAM011', 'IAM012']);
const REDUNDANT_CODES: ReadonlySet<string> = new Set(['IAM104', 'IAM105']);
const SID_CODES: ReadonlySet<string> = new Set(['IAM027', 'IAM028']);

function caseOnly(ctx: FixContext): boolean {
  const replacements = (ctx.diagnostic.data as FindingData | undefined)?.replacements ?? [];
  const current = ctx.doc.textDocument.getText(ctx.diagnostic.range);
  return replacements.length === 1 && replacements[0] !== current && replacements[0].toLowerCase() === current.toLowerCase();
}

/** The edits of every safe fix of the document, without overlaps (the first wins); a rule's exception goes to `onError`. */
export function fixAll(doc: PolicyDocument, catalog: Catalog, settings: IamPolicySettings, onError: RuleErrorHandler): TextEdit[] {
  const edits: TextEdit[] = [];
  const diagnostics = computeDiagnostics(doc, catalog, settings, onError);
  const startOf = (diagnostic: Diagnostic) => doc.textDocument.offsetAt(diagnostic.range.start);
  // repeated and covered actions are removed together, so that neighbours in one list take their
  // commas along correctly; nothing else is fixed inside an action that goes
  const removals = new Map<Node, Set<Node>>();
  const removed: Node[] = [];
  for (const diagnostic of diagnostics.filter(d => REDUNDANT_CODES.has(String(d.code)))) {
    const found = memberAt(doc, startOf(diagnostic));
    if (!found) continue;
    removals.set(found.container, (removals.get(found.container) ?? new Set()).add(found.member));
    removed.push(found.member);
  }
  const sids = new Set<string>();
  for (const diagnostic of diagnostics) {
    const code = String(diagnostic.code);
    const ctx: FixContext = { doc, catalog, settings, diagnostic };
    const start = startOf(diagnostic);
    if (REDUNDANT_CODES.has(code) || removed.some(m => m.offset <= start && start < m.offset + m.length)) continue;
    if (SID_CODES.has(code)) {
      const node = statementAt(doc, start)?.sid?.valueNode;
      if (node?.type !== 'string') continue;
      const sid = uniqueSid(doc, node.value as string, sids);
      sids.add(sid);
      edits.push(TextEdit.replace(rangeOf(doc, node.offset, node.length), JSON.stringify(sid)));
    } else if (SAFE_CODES.has(code) || (CASE_CODES.has(code) && caseOnly(ctx))) {
      const preferred = [...syntaxFixes(ctx), ...replacementFixes(ctx)].find(a => a.isPreferred);
      edits.push(...Object.values(preferred?.edit?.changes ?? {}).flat());
    }
  }
  for (const [container, members] of removals) {
    edits.push(...removeMembers(container, members).map(c => TextEdit.replace(rangeOf(doc, c.offset, c.length), c.text)));
  }
  const offsets = (edit: TextEdit) => [doc.textDocument.offsetAt(edit.range.start), doc.textDocument.offsetAt(edit.range.end)];
  const chosen: TextEdit[] = [];
  let end = -1;
  for (const edit of edits.sort((a, b) => offsets(a)[0] - offsets(b)[0] || offsets(a)[1] - offsets(b)[1])) {
    const [from, to] = offsets(edit);
    if (from < end || (from === end && to === from && chosen.length && offsets(chosen[chosen.length - 1])[0] === from)) continue;
    chosen.push(edit);
    end = to;
  }
  return chosen;
}

/** The `source.fixAll` code action, when there is something to fix. */
export function fixAllAction(doc: PolicyDocument, catalog: Catalog, settings: IamPolicySettings, onError: RuleErrorHandler): CodeAction | undefined {
  const edits = fixAll(doc, catalog, settings, onError);
  if (edits.length === 0) return undefined;
  return { title: 'Fix all safe IAM policy problems', kind: CodeActionKind.SourceFixAll, edit: { changes: { [doc.uri]: edits } } };
}
