// Applying quick-fixes in tests: every fix is checked by applying it and parsing the result again.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { provideCodeActions } from '../../server/src/features/codeActions';
import { computeDiagnostics } from '../../server/src/features/diagnostics';
import { parsePolicy } from '../../server/src/policy/parse';
import type { PolicyDocument } from '../../server/src/policy/model';
import { withDefaults, type IamPolicySettings } from '../../server/src/protocol';

export function diagnose(text: string, uri = 'file:///test/policy.json', settings: IamPolicySettings = withDefaults(undefined)): { doc: PolicyDocument; diagnostics: Diagnostic[] } {
  const doc = parsePolicy(text, uri, { languageId: 'iam-policy' });
  return { doc, diagnostics: computeDiagnostics(doc, getCatalog(), settings) };
}

export function fixesFor(doc: PolicyDocument, diagnostic: Diagnostic, settings: IamPolicySettings = withDefaults(undefined)): CodeAction[] {
  return provideCodeActions(doc, [diagnostic], getCatalog(), settings);
}

/** The text after applying a code action's edits (single-document edits). */
export function applyFix(doc: PolicyDocument, action: CodeAction): string {
  const edits = Object.values(action.edit?.changes ?? {}).flat();
  return TextDocument.applyEdits(doc.textDocument, edits);
}
