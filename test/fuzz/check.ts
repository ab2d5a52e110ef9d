// Runs every pure feature on one (mutated) policy text and lists what went wrong: an exception, a
// range outside the document, or an edit that cannot be applied. An empty list is a pass. The
// features: diagnostics, code actions of each, completion and hover, code lenses, the access
// summary, the request simulator, fix all, and the CLI's output formats.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { Catalog } from '../../server/src/catalog/types';
import { provideCodeActions } from '../../server/src/features/codeActions';
import { provideCodeLenses } from '../../server/src/features/codeLens';
import { doComplete } from '../../server/src/features/completion';
import { computeDiagnostics } from '../../server/src/features/diagnostics';
import { fixAll } from '../../server/src/features/fixes/fixAll';
import { doHover } from '../../server/src/features/hover';
import { formatSummaryText, summarizePolicy } from '../../server/src/features/summary';
import type { PolicyDocument } from '../../server/src/policy/model';
import { parsePolicy } from '../../server/src/policy/parse';
import { policyFromText } from '../../server/src/documents/policyDocuments';
import type { IamPolicySettings } from '../../server/src/protocol';
import { FORMATS } from '../../server/src/cli/args';
import { formatterFor } from '../../server/src/cli/formatters';
import { totalsOf } from '../../server/src/cli/report';
import { simulateInEditor } from '../../server/src/evaluation/editor';
import { rethrow } from '../helpers/findings';
import { int, pick, type Random } from './mutate';

/** Offsets where the features are asked at: random ones plus the ends. */
const POSITIONS_PER_CASE = 4;

function checkRange(doc: PolicyDocument, range: Range | undefined, what: string, failures: string[]): void {
  if (!range) return;
  const { textDocument } = doc;
  const inside = (p: Range['start']) => {
    if (p.line < 0 || p.character < 0 || p.line >= textDocument.lineCount) return false;
    const offset = textDocument.offsetAt(p);
    const back = textDocument.positionAt(offset);
    return back.line === p.line && back.character === p.character;
  };
  if (!inside(range.start) || !inside(range.end)) failures.push(`${what}: range ${JSON.stringify(range)} is outside the document`);
  else if (textDocument.offsetAt(range.start) > textDocument.offsetAt(range.end))
    failures.push(`${what}: range ${JSON.stringify(range)} ends before it starts`);
}

/** Edits of code actions applied and re-parsed per case: every action is checked, a few re-parsed. */
const REPARSED_FIXES = 8;

function checkEdits(doc: PolicyDocument, edits: TextEdit[], what: string, failures: string[], reparse: boolean): void {
  for (const edit of edits) checkRange(doc, edit.range, what, failures);
  if (failures.length || !reparse) return;
  const fixed = TextDocument.applyEdits(doc.textDocument, edits);
  parsePolicy(fixed, doc.uri, { languageId: 'iam-policy' });
}

function checkCompletionItem(doc: PolicyDocument, item: CompletionItem, failures: string[]): void {
  const edit = item.textEdit;
  if (edit && 'range' in edit) checkRange(doc, edit.range, `completion "${item.label}"`, failures);
  if (edit && 'insert' in edit) {
    checkRange(doc, edit.insert, `completion "${item.label}" insert`, failures);
    checkRange(doc, edit.replace, `completion "${item.label}" replace`, failures);
  }
  for (const extra of item.additionalTextEdits ?? []) checkRange(doc, extra.range, `completion "${item.label}" additional edit`, failures);
}

/** Runs one feature; an exception becomes a failure naming the feature. */
function guarded(failures: string[], what: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    const text = error instanceof Error ? `${error.message.slice(0, 300)}\n${error.stack?.split('\n').slice(1, 6).join('\n')}` : String(error);
    failures.push(`${what} threw: ${text}`);
  }
}

export function checkText(text: string, catalog: Catalog, settings: IamPolicySettings, random: Random, uri = 'file:///fuzz/policy.json'): string[] {
  const failures: string[] = [];
  let doc: PolicyDocument | undefined;
  guarded(failures, 'parse', () => {
    doc = parsePolicy(text, uri, { languageId: 'iam-policy' });
    policyFromText(uri, 'json', text, settings);
  });
  if (!doc) return failures;
  const policy = doc;
  let diagnostics: Diagnostic[] = [];
  guarded(failures, 'diagnostics', () => {
    diagnostics = computeDiagnostics(policy, catalog, settings, rethrow);
    let reparsed = 0;
    for (const d of diagnostics) {
      checkRange(policy, d.range, `diagnostic ${d.code}`, failures);
      for (const related of d.relatedInformation ?? []) checkRange(policy, related.location.range, `related of ${d.code}`, failures);
      guarded(failures, `code actions of ${d.code}`, () => {
        for (const action of provideCodeActions(policy, [d], catalog, settings, {}, rethrow)) {
          checkEdits(policy, Object.values(action.edit?.changes ?? {}).flat(), `code action "${action.title}"`, failures, reparsed++ < REPARSED_FIXES);
        }
      });
    }
  });
  const offsets = [0, text.length, ...Array.from({ length: POSITIONS_PER_CASE }, () => int(random, text.length + 1))];
  for (const offset of offsets) {
    guarded(failures, `completion at ${offset}`, () => {
      for (const item of doComplete(policy, offset, catalog, settings).items) checkCompletionItem(policy, item, failures);
    });
    guarded(failures, `hover at ${offset}`, () => checkRange(policy, doHover(policy, offset, catalog, settings)?.range, `hover at ${offset}`, failures));
  }
  guarded(failures, 'code lenses', () => {
    for (const lens of provideCodeLenses(policy, catalog, settings)) checkRange(policy, lens.range, 'code lens', failures);
  });
  let summary = '';
  guarded(failures, 'access summary', () => {
    summary = formatSummaryText(summarizePolicy(policy, catalog));
  });
  guarded(failures, 'simulator', () => {
    const action = policy.statements.flatMap(st => st.action?.items ?? [])[0]?.value ?? 's3:GetObject';
    const request = {
      action,
      resource: pick(random, ['*', 'arn:aws:s3:::bucket/key', 'arn:aws:iam::111122223333:role/x']),
      principal: pick(random, [undefined, '111122223333', 'arn:aws:iam::111122223333:user/x', 's3.amazonaws.com']),
      context: { 'aws:SourceIp': '203.0.113.7', 'aws:SecureTransport': 'true', 'aws:PrincipalTag/team': ['a', 'b'] },
    };
    const response = simulateInEditor(policy, { uri, request });
    for (const statement of response.statements ?? []) {
      checkRange(policy, statement.range, 'simulated statement', failures);
      for (const mismatch of statement.mismatches) checkRange(policy, mismatch.range, 'simulation mismatch', failures);
    }
  });
  guarded(failures, 'fix all', () => checkEdits(policy, fixAll(policy, catalog, settings, rethrow), 'fix all', failures, true));
  guarded(failures, 'CLI formats', () => {
    const report = { file: { display: 'fuzz/policy.json', uri, explicit: true, languageId: 'iam-policy' as const }, doc: policy, diagnostics, fixed: 0 };
    for (const format of FORMATS) {
      const formatter = formatterFor(format, '/fuzz', true, true, { version: catalog.dataVersion, date: catalog.dataDate });
      const entry = formatter.entry(report, summary);
      const totals = totalsOf([{ entry, counts: { error: 1, warning: 0, information: 0, hint: 0 }, fixed: 0, problems: [] }], []);
      formatter.end([entry], totals);
      formatter.stepSummary?.([entry], totals);
    }
  });
  return failures;
}
