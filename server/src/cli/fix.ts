// --fix: applies the fixes that cannot change what a policy means, i.e. the repairs of syntax IAM
// rejects anyway and the one certain repair of a malformed action ("s3.GetObject" -> "s3:GetObject").
// Guesses (closest names of unknown actions or services) are left for a person in the editor.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/types';
import { provideCodeActions } from '../features/codeActions';
import { computeDiagnostics } from '../features/diagnostics';
import type { PolicyDocument } from '../policy/model';
import { SYNTAX_CODES } from '../policy/syntax';
import type { IamPolicySettings } from '../protocol';

export const SAFE_FIX_CODES: ReadonlySet<string> = new Set([
  SYNTAX_CODES.comment, SYNTAX_CODES.trailingComma, SYNTAX_CODES.missingComma,
  'IAM100', // malformed action: fixed only when exactly one repair exists (the preferred quick-fix)
]);

/** A fix may make others possible (or move them): repeat a few times on the re-parsed text. */
const MAX_PASSES = 10;

function offsetsOf(doc: PolicyDocument, edit: TextEdit): [number, number] {
  return [doc.textDocument.offsetAt(edit.range.start), doc.textDocument.offsetAt(edit.range.end)];
}

/** The preferred quick-fix edits of the safe diagnostics, without overlaps (first wins). */
function safeEdits(doc: PolicyDocument, catalog: Catalog, settings: IamPolicySettings): TextEdit[] {
  const diagnostics = computeDiagnostics(doc, catalog, settings).filter(d => SAFE_FIX_CODES.has(String(d.code)));
  const edits = provideCodeActions(doc, diagnostics, catalog, settings)
    .filter(action => action.isPreferred)
    .flatMap(action => Object.values(action.edit?.changes ?? {}).flat())
    .sort((a, b) => offsetsOf(doc, a)[0] - offsetsOf(doc, b)[0]);
  const chosen: TextEdit[] = [];
  let end = -1;
  for (const edit of edits) {
    const [from, to] = offsetsOf(doc, edit);
    if (from < end) continue; // overlaps the previous edit: left for the next pass
    chosen.push(edit);
    end = to;
  }
  return chosen;
}

/** Applies the safe fixes; returns the fixed document and how many edits were applied. */
export function applySafeFixes(
  doc: PolicyDocument, catalog: Catalog, settings: IamPolicySettings, reparse: (text: string) => PolicyDocument,
): { doc: PolicyDocument; fixed: number } {
  let fixed = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = safeEdits(doc, catalog, settings);
    if (edits.length === 0) break;
    const text = TextDocument.applyEdits(doc.textDocument, edits);
    if (text === doc.text) break;
    fixed += edits.length;
    doc = reparse(text);
  }
  return { doc, fixed };
}
