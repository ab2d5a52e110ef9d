// Checks one input with the editor's engine: same kind detection, same rules, same severities.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/types';
import { computeDiagnostics } from '../features/diagnostics';
import type { PolicyDocument, PolicyKind } from '../policy/model';
import { policyFromText } from '../policyDocuments';
import type { IamPolicySettings } from '../protocol';
import type { InputFile } from './files';

export interface FileReport {
  file: InputFile;
  doc: PolicyDocument;
  diagnostics: Diagnostic[];
  /** number of fixes applied by --fix */
  fixed: number;
}

/** The parsed policy, or undefined when the file is not one to check (a JSON file that is no policy). */
export function policyOf(file: InputFile, text: string, settings: IamPolicySettings, kind?: PolicyKind): PolicyDocument | undefined {
  const doc = policyFromText(file.uri, file.languageId, text, settings, kind);
  if (!doc || (!file.explicit && !doc.statementEntry)) return undefined;
  return doc;
}

/** `onError` gets the exceptions of rules (bugs): the other rules still run, as in the editor. */
export function lintDocument(
  file: InputFile, doc: PolicyDocument, catalog: Catalog, settings: IamPolicySettings,
  onError: (error: unknown) => void, fixed = 0,
): FileReport {
  return { file, doc, diagnostics: computeDiagnostics(doc, catalog, settings, onError), fixed };
}
