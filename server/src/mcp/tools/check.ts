// validate, fix and narrow: the editor's diagnostics and fixes on a policy text or file.
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { z } from 'zod';
import { applySafeFixes } from '../../cli/fix';
import { findingFields, noCounts, severityName } from '../../cli/report';
import { provideCodeActions } from '../../features/codeActions';
import { computeDiagnostics, type RuleErrorHandler } from '../../features/diagnostics';
import { fixAll } from '../../features/fixes/fixAll';
import type { PolicyDocument, Statement } from '../../policy/model';
import { statementAt } from '../../features/fixes/framework';
import type { IamPolicySettings } from '../../protocol';
import type { Catalog } from '../../catalog/types';
import { SEVERITIES } from '../../rules/types';
import { defineTool } from '../tool';
import { loadPolicy, policySourceShape, position } from '../sources';

const MAX_LISTED = 200;

const countsShape = z.object(Object.fromEntries(SEVERITIES.map(s => [s, z.number()])) as Record<(typeof SEVERITIES)[number], z.ZodNumber>);

const findingSchema = z.object({
  code: z.string(),
  severity: z.enum(SEVERITIES as unknown as [string, ...string[]]),
  message: z.string(),
  line: z.number(),
  column: z.number(),
  endLine: z.number(),
  endColumn: z.number(),
  fixes: z.array(z.string()).describe('titles of the quick-fixes the editor offers, the preferred one first'),
  help: z.string().optional(),
});

function quickFixTitles(doc: PolicyDocument, diagnostic: Diagnostic, catalog: Catalog, settings: IamPolicySettings, onError: RuleErrorHandler): string[] {
  const actions = provideCodeActions(doc, [diagnostic], catalog, settings, { only: ['quickfix'] }, onError);
  return [...actions.filter(a => a.isPreferred), ...actions.filter(a => !a.isPreferred)].map(a => a.title);
}

function findingsOf(doc: PolicyDocument, diagnostics: readonly Diagnostic[], catalog: Catalog, settings: IamPolicySettings, onError: RuleErrorHandler) {
  return diagnostics.slice(0, MAX_LISTED).map(d => ({
    ...findingFields(d),
    fixes: quickFixTitles(doc, d, catalog, settings, onError),
    help: d.codeDescription?.href,
  }));
}

function countsOf(diagnostics: readonly Diagnostic[]) {
  const counts = noCounts();
  for (const d of diagnostics) counts[severityName(d)]++;
  return counts;
}

const countsText = (counts: Record<string, number>) =>
  SEVERITIES.filter(s => counts[s])
    .map(s => `${counts[s]} ${s}`)
    .join(', ') || 'no findings';

export const validateTool = defineTool({
  name: 'validate',
  title: 'Validate an IAM policy',
  description:
    'Checks an AWS IAM policy (JSON text or a file) with the IAM Policy Tools rules: what IAM rejects, what does not work as written, and security risks. ' +
    'Returns each finding with its stable code (docs: docs/rules.md), severity, 1-based position, message and the quick-fixes available; ' +
    '`safelyFixable` counts the edits the `fix` tool would apply.',
  input: policySourceShape,
  output: {
    kind: z.string(),
    kindSource: z.string(),
    counts: countsShape,
    findings: z.array(findingSchema).describe(`the findings, at most ${MAX_LISTED}`),
    safelyFixable: z.number(),
  },
  run(input, env) {
    const { doc, settings } = loadPolicy(input, env);
    const catalog = env.catalog();
    const diagnostics = computeDiagnostics(doc, catalog, settings, env.onRuleError);
    const findings = findingsOf(doc, diagnostics, catalog, settings, env.onRuleError);
    const counts = countsOf(diagnostics);
    const lines = findings.slice(0, 20).map(f => `${f.line}:${f.column} ${f.severity} ${f.code}: ${f.message}${f.fixes.length ? ` [fix: ${f.fixes[0]}]` : ''}`);
    return {
      structured: { kind: doc.kind, kindSource: doc.kindSource, counts, findings, safelyFixable: fixAll(doc, catalog, settings, env.onRuleError).length },
      text: [`${doc.kind} policy: ${countsText(counts)}.`, ...lines, ...(findings.length > 20 ? [`... and ${findings.length - 20} more`] : [])].join('\n'),
    };
  },
});

export const fixTool = defineTool({
  name: 'fix',
  title: 'Apply the safe fixes',
  description:
    'Applies the fixes that cannot change what the policy grants (syntax IAM rejects, malformed or mis-cased action names, repeated ' +
    'actions, Sids) and returns the new policy text and what is still found. Writes nothing: save the text yourself.',
  input: policySourceShape,
  output: { text: z.string(), fixesApplied: z.number(), remaining: countsShape },
  run(input, env) {
    const { doc, settings, reparse } = loadPolicy(input, env);
    const catalog = env.catalog();
    const fixed = applySafeFixes(doc, catalog, settings, reparse, env.onRuleError);
    const remaining = countsOf(computeDiagnostics(fixed.doc, catalog, settings, env.onRuleError));
    return {
      structured: { text: fixed.doc.text, fixesApplied: fixed.fixed, remaining },
      text: `${fixed.fixed} fixes applied; still ${countsText(remaining)}.\n\n${fixed.doc.text}`,
    };
  },
});

/** The fix that narrows `"Resource": "*"`: IAM402's quick-fix whose title says "Narrow". */
function narrowingOf(
  doc: PolicyDocument,
  diagnostic: Diagnostic,
  catalog: Catalog,
  settings: IamPolicySettings,
  onError: RuleErrorHandler,
): CodeAction | undefined {
  return provideCodeActions(doc, [diagnostic], catalog, settings, { only: ['quickfix'] }, onError).find(a => a.title.startsWith('Narrow "*"'));
}

/** More passes than statements cannot be needed: each pass narrows one statement. */
const MAX_NARROWING_PASSES = 200;

export const narrowTool = defineTool({
  name: 'narrow',
  title: 'Narrow "Resource": "*"',
  description:
    'Replaces `"Resource": "*"` in each statement with the ARN formats of the resource types its actions need (placeholders such as ' +
    '<bucket-name> are filled from ARNs elsewhere in the policy where possible, else left for you to fill). Statements whose actions cannot all be ' +
    'scoped to ARNs are listed, not changed. Returns the new text; writes nothing.',
  input: policySourceShape,
  output: {
    text: z.string(),
    narrowed: z.array(z.object({ statement: z.number(), sid: z.string().optional(), change: z.string() })),
    notNarrowed: z.array(z.object({ statement: z.number(), sid: z.string().optional(), line: z.number() })),
  },
  run(input, env) {
    const loaded = loadPolicy(input, env);
    const catalog = env.catalog();
    // broad grants are security findings: look for them even where a project turned the security rules off
    const settings = { ...loaded.settings, securityRules: true, rules: { ...loaded.settings.rules, IAM402: 'warning' as const } };
    let doc = loaded.doc;
    const narrowed: Array<{ statement: number; sid?: string; change: string }> = [];
    const skipped = new Set<number>();
    for (let pass = 0; pass < MAX_NARROWING_PASSES; pass++) {
      let next: { statement: Statement; action: CodeAction } | undefined;
      for (const diagnostic of computeDiagnostics(doc, catalog, settings, env.onRuleError).filter(d => d.code === 'IAM402')) {
        const statement = statementAt(doc, doc.textDocument.offsetAt(diagnostic.range.start));
        if (!statement || skipped.has(statement.index)) continue;
        const action = narrowingOf(doc, diagnostic, catalog, settings, env.onRuleError);
        if (action) {
          next = { statement, action };
          break;
        }
        skipped.add(statement.index);
      }
      if (!next) break;
      const { statement, action } = next;
      const sid = statement.sid?.valueNode?.value;
      narrowed.push({ statement: statement.index + 1, sid: typeof sid === 'string' ? sid : undefined, change: action.title });
      doc = loaded.reparse(TextDocument.applyEdits(doc.textDocument, Object.values(action.edit?.changes ?? {}).flat()));
    }
    const notNarrowed = doc.statements
      .filter(s => skipped.has(s.index))
      .map(s => {
        const sid = s.sid?.valueNode?.value;
        return { statement: s.index + 1, sid: typeof sid === 'string' ? sid : undefined, line: position(doc, s.node.offset).line };
      });
    const lines = [
      `${narrowed.length} statements narrowed${notNarrowed.length ? `; ${notNarrowed.length} left on "*" (some action takes no resource ARN, or too many resource types: split the statement)` : ''}.`,
      ...narrowed.map(n => `statement ${n.statement}: ${n.change}`),
    ];
    return { structured: { text: doc.text, narrowed, notNarrowed }, text: `${lines.join('\n')}\n\n${doc.text}` };
  },
});
