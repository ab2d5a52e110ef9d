// Diagnostics of a template: every policy's own, each at its place in the template, and the
// template's own problems (IAM005). A policy whose text and kind did not change since the last
// version keeps its document, and so its diagnostics: an edit re-analyses only what it touched.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Catalog } from '../../catalog/types';
import type { IamPolicySettings } from '../../protocol';
import type { EmbeddedPolicy, TemplateDocument } from '../../templates/document';
import type { PolicyDocument } from '../../policy/model';
import { computeDiagnostics, severityOf, toDiagnostic, type RuleErrorHandler } from '../diagnostics';
import { hostRange } from './positions';

const byDocument = new WeakMap<PolicyDocument, { settings: IamPolicySettings; catalog: Catalog; diagnostics: Diagnostic[] }>();

/** A policy's diagnostics in its virtual text, computed once per document and settings. */
export function virtualDiagnostics(policy: EmbeddedPolicy, catalog: Catalog, settings: IamPolicySettings, onError: RuleErrorHandler): Diagnostic[] {
  const cached = byDocument.get(policy.doc);
  if (cached && cached.settings === settings && cached.catalog === catalog) return cached.diagnostics;
  const diagnostics = computeDiagnostics(policy.doc, catalog, settings, onError);
  byDocument.set(policy.doc, { settings, catalog, diagnostics });
  return diagnostics;
}

/** A diagnostic of the policy's virtual text, placed in the template. */
export function toHostDiagnostic(template: TemplateDocument, policy: EmbeddedPolicy, diagnostic: Diagnostic): Diagnostic {
  const mapped: Diagnostic = { ...diagnostic, range: hostRange(template, policy, diagnostic.range) };
  if (diagnostic.relatedInformation) {
    mapped.relatedInformation = diagnostic.relatedInformation.map(r => ({
      ...r,
      location: { uri: template.uri, range: hostRange(template, policy, r.location.range) },
    }));
  }
  return mapped;
}

/** The template's problems (it does not parse), as IAM005. */
function problemDiagnostics(template: TemplateDocument, settings: IamPolicySettings): Diagnostic[] {
  const severity = severityOf('IAM005', settings);
  if (!severity) return [];
  return template.read.problems.map(problem =>
    toDiagnostic(
      { textDocument: template.textDocument, uri: template.uri },
      { code: 'IAM005', offset: problem.offset, length: problem.length, message: problem.message },
      severity,
    ),
  );
}

export function templateDiagnostics(template: TemplateDocument, catalog: Catalog, settings: IamPolicySettings, onError: RuleErrorHandler): Diagnostic[] {
  return [
    ...problemDiagnostics(template, settings),
    ...template.policies.flatMap(policy => virtualDiagnostics(policy, catalog, settings, onError).map(d => toHostDiagnostic(template, policy, d))),
  ];
}
