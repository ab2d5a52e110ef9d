// Runs every rule on a parsed policy and turns findings into LSP diagnostics, with the severity
// that the settings give each code. A rule that throws is skipped so that one bug never hides every
// other diagnostic, and reported to `onError`, which every caller must give: the server logs it,
// the CLI reports it, tests rethrow it. Nothing hides a rule's crash.
import { Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/types';
import { rangeOf } from '../policy/locate';
import { brokenStructure } from '../policy/syntax';
import type { PolicyDocument } from '../policy/model';
import type { IamPolicySettings, SeveritySetting } from '../protocol';
import { foldFindings, RULE_MODULES, RULES_BY_CODE } from '../rules';
import { rulesDocUri } from '../catalog/ruleDocs';
import type { Finding, Severity } from '../rules/types';

export const DIAGNOSTIC_SOURCE = 'iam-policy';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The severity a code gets under these settings, or undefined when it is off. */
export function severityOf(code: string, settings: IamPolicySettings): Severity | undefined {
  const meta = RULES_BY_CODE.get(code);
  if (meta?.category === 'security' && !settings.securityRules) return undefined;
  const configured: SeveritySetting | undefined = settings.rules[code] ?? settings.rules[meta?.name ?? ''];
  const severity = configured ?? meta?.defaultSeverity ?? 'warning';
  if (severity === 'off') return undefined;
  return LSP_SEVERITY[severity] <= LSP_SEVERITY[settings.minimumSeverity] ? severity : undefined;
}

/** What a caller does with a rule's exception; `rules` names the codes of the module that threw. */
export type RuleErrorHandler = (error: unknown, rules: string) => void;

/** Every finding of every rule, sorted by position; one problem's findings folded into its most specific shown one. */
export function collectFindings(doc: PolicyDocument, catalog: Catalog, settings: IamPolicySettings, onError: RuleErrorHandler): Finding[] {
  const findings: Finding[] = [];
  if (!doc.looksLikePolicy) return findings;
  const ctx = {
    doc,
    catalog,
    settings,
    report: (f: Finding) => {
      findings.push(f);
    },
  };
  for (const module of RULE_MODULES) {
    try {
      module.check(ctx);
    } catch (error) {
      onError(error, module.rules.map(r => r.code).join(' '));
    }
  }
  const broken = brokenStructure(doc);
  if (broken) {
    // the rules judge only what parses soundly: not the statement that holds a syntax error, nor
    // anything after it, nor a missing element of a node around it
    const syntax = new Set(broken.issues.map(i => i.code));
    const sound = findings.filter(
      f => (syntax.has(f.code) && RULES_BY_CODE.get(f.code)?.category === 'syntax') || (f.offset < broken.guessedFrom && !broken.enclosingStarts.has(f.offset)),
    );
    findings.length = 0;
    findings.push(...sound);
  }
  // codes are plain ASCII (IAMnnn): code-unit order, without localeCompare's cost per comparison
  findings.sort((a, b) => a.offset - b.offset || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return foldFindings(findings, doc, catalog, code => severityOf(code, settings));
}

const docLinks = new Map<string, { href: string }>();

/**
 * The link to a code's entry in the installed docs/rules.md (one object a code, not one a
 * diagnostic); none when the file is missing.
 */
function docLinkOf(code: string): { href: string } | undefined {
  const doc = rulesDocUri();
  if (doc === null) return undefined;
  let link = docLinks.get(code);
  if (link === undefined) docLinks.set(code, (link = { href: `${doc}#${code.toLowerCase()}` }));
  return link;
}

export function toDiagnostic(doc: Pick<PolicyDocument, 'uri' | 'textDocument'>, finding: Finding, severity: Severity): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(doc, finding.offset, finding.length),
    severity: LSP_SEVERITY[severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  const codeDescription = docLinkOf(finding.code);
  if (codeDescription) diagnostic.codeDescription = codeDescription;
  if (finding.data) diagnostic.data = finding.data;
  if (finding.unnecessary) diagnostic.tags = [DiagnosticTag.Unnecessary];
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map(r => ({
      location: { uri: doc.uri, range: rangeOf(doc, r.offset, r.length) },
      message: r.message,
    }));
  }
  return diagnostic;
}

export function computeDiagnostics(doc: PolicyDocument, catalog: Catalog, settings: IamPolicySettings, onError: RuleErrorHandler): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of collectFindings(doc, catalog, settings, onError)) {
    const severity = severityOf(finding.code, settings);
    if (severity) diagnostics.push(toDiagnostic(doc, finding, severity));
  }
  return diagnostics;
}
