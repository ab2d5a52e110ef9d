// --fix: applies the fixes that cannot change what a policy means (features/fixes/fixAll.ts, the
// same as the editor's source.fixAll): syntax IAM rejects anyway, the one certain repair of a
// malformed action ("s3.GetObject" -> "s3:GetObject"), letter case, repeated or covered actions, Sids.
// Guesses (closest names of unknown actions or services) are left for a person in the editor.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog } from '../catalog/types';
import type { RuleErrorHandler } from '../features/diagnostics';
import { fixAll } from '../features/fixes/fixAll';
import type { PolicyDocument } from '../policy/model';
import type { IamPolicySettings } from '../protocol';

/** A fix may make others possible (or move them): repeat a few times on the re-parsed text. */
const MAX_PASSES = 10;

/** Applies the safe fixes; returns the fixed document and how many edits were applied. A rule's exception goes to `onError`. */
export function applySafeFixes(
  doc: PolicyDocument,
  catalog: Catalog,
  settings: IamPolicySettings,
  reparse: (text: string) => PolicyDocument,
  onError: RuleErrorHandler,
): { doc: PolicyDocument; fixed: number } {
  let fixed = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = fixAll(doc, catalog, settings, onError);
    if (edits.length === 0) break;
    const text = TextDocument.applyEdits(doc.textDocument, edits);
    if (text === doc.text) break;
    fixed += edits.length;
    doc = reparse(text);
  }
  return { doc, fixed };
}
