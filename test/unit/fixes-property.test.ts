// Property test of every code action: applied to the policies of the corpus, the test fixtures
// (test/fixtures/fixes, examples/) and the other linters' test policies, the result still parses
// with no syntax error that was not there, keeps the file's indentation unit, has no error that was
// not there, and (for a quick-fix) has fewer diagnostics of the code it fixed; a diagnostic has at
// most one preferred fix. Every offer is collected first; then a few of each kind (code and title
// shape), picked by a hash so the sample is the same on every run and spread over the inputs, are
// applied and checked.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { provideCodeActions } from '../../server/src/features/codeActions';
import { computeDiagnostics } from '../../server/src/features/diagnostics';
import { detectIndentUnit } from '../../server/src/features/fixes/jsonEdits';
import type { PolicyDocument } from '../../server/src/policy/model';
import { parsePolicy } from '../../server/src/policy/parse';
import { withDefaults } from '../../server/src/protocol';
import type { FindingData, FoldedFinding } from '../../server/src/rules/types';
import { corpusFiles } from '../helpers/corpus';
import { applyFix, snippetProblem } from '../helpers/fixes';
import { SHARED_DIR } from '../helpers/shared';
import { rethrow } from '../helpers/findings';

const SAMPLES_PER_KIND = 20;
const ROOT = join(__dirname, '..', '..');
const settings = withDefaults(undefined);

interface Input {
  name: string;
  text: string;
}

function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).flatMap(e =>
      e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [],
    );
  } catch {
    return [];
  }
}

function inputs(): Input[] {
  const extra = [join(ROOT, 'test', 'fixtures', 'fixes'), join(ROOT, 'examples'), join(SHARED_DIR, 'fixtures', 'linter-tests')]
    .flatMap(jsonFiles)
    .map(path => ({ name: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
  return [...extra, ...corpusFiles().map(f => ({ name: `corpus/${f.name}`, text: f.text }))];
}

interface Analysis {
  doc: PolicyDocument;
  diagnostics: Diagnostic[];
}

function analyse(input: Input): Analysis {
  const doc = parsePolicy(input.text, `file:///${input.name}`, { languageId: 'iam-policy' });
  return { doc, diagnostics: computeDiagnostics(doc, getCatalog(), settings, rethrow) };
}

/** Where refactorings are asked for: on each Action and Resource element and the first items of the lists. */
function refactorOffsets(doc: PolicyDocument): number[] {
  return doc.statements
    .slice(0, 4)
    .flatMap(s => [s.action, s.notAction, s.resource].flatMap(e => (e ? [e.entry.keyNode.offset + 1, ...e.items.slice(0, 3).map(i => i.offset + 1)] : [])));
}

/** A request: one diagnostic, a refactoring at an offset, or source.fixAll. */
type Request = { diagnostic: number } | { offset: number } | { fixAll: true };

function actionsFor(analysis: Analysis, request: Request): CodeAction[] {
  const { doc, diagnostics } = analysis;
  if ('diagnostic' in request) return provideCodeActions(doc, [diagnostics[request.diagnostic]], getCatalog(), settings, { snippets: true }, rethrow);
  if ('fixAll' in request) return provideCodeActions(doc, [], getCatalog(), settings, { only: ['source.fixAll'] }, rethrow);
  const at = doc.textDocument.positionAt(request.offset);
  return provideCodeActions(doc, [], getCatalog(), settings, { range: { start: at, end: at }, only: ['refactor'], snippets: true }, rethrow);
}

/** The kind of an offer: its code (or kind) and the shape of its title, without names and numbers. */
function kindOf(analysis: Analysis, request: Request, action: CodeAction): string {
  const shape = action.title
    .replace(/"[^"]*"/g, '"…"')
    .split(/: |\(/)[0]
    .replace(/\b(of|one|on)\b.*$/, '$1')
    .replace(/\d+/g, 'N')
    .trim();
  const code = 'diagnostic' in request ? String(analysis.diagnostics[request.diagnostic].code) : (action.kind ?? '');
  return `${code} ${shape}`;
}

interface Candidate {
  input: number;
  request: Request;
  action: number;
  score: string;
}

function counts(diagnostics: readonly Diagnostic[], filter: (d: Diagnostic) => boolean): Map<string, number> {
  const result = new Map<string, number>();
  for (const d of diagnostics) if (filter(d)) result.set(String(d.code), (result.get(String(d.code)) ?? 0) + 1);
  return result;
}

/** What is wrong with the result of applying an action; empty when nothing. */
function check(analysis: Analysis, request: Request, action: CodeAction): string[] {
  const { doc, diagnostics } = analysis;
  const problems: string[] = [];
  const text = applyFix(doc, action);
  const after = analyse({ name: doc.uri.slice('file:///'.length), text });
  // a fix of a folded finding (rules/oneFinding.ts) names that finding as its diagnostic
  const fixedCode = 'diagnostic' in request ? String(action.diagnostics?.[0]?.code ?? diagnostics[request.diagnostic].code) : undefined;
  const syntaxBefore = counts(
    doc.syntaxErrors.map(e => ({ code: e.code }) as Diagnostic),
    () => true,
  );
  for (const [code, n] of counts(
    after.doc.syntaxErrors.map(e => ({ code: e.code }) as Diagnostic),
    () => true,
  )) {
    if (n > (syntaxBefore.get(code) ?? 0)) problems.push(`new syntax error ${code}`);
  }
  const unit = detectIndentUnit(doc.text);
  if (unit !== undefined && detectIndentUnit(text) !== unit)
    problems.push(`indentation ${JSON.stringify(unit)} became ${JSON.stringify(detectIndentUnit(text))}`);
  const errorsBefore = counts(diagnostics, d => d.severity === 1);
  for (const [code, n] of counts(after.diagnostics, d => d.severity === 1)) {
    if (n > (errorsBefore.get(code) ?? 0)) problems.push(`new error ${code}`);
  }
  if (fixedCode) {
    const count = (list: readonly Diagnostic[]) =>
      list
        .flatMap(d => [d.code, ...(((d.data as FindingData | undefined)?.folded as FoldedFinding[]) ?? []).map(f => f.code)])
        .filter(code => code === fixedCode).length;
    if (count(after.diagnostics) >= count(diagnostics)) problems.push(`${fixedCode} is still there`);
  }
  if (text === doc.text) problems.push('changes nothing');
  const snippet = snippetProblem(doc, action);
  if (snippet) problems.push(snippet);
  return problems;
}

/** Kinds the fixtures must offer at least once: every family of fixes. */
const EXPECTED_KINDS = [
  'IAM002',
  'IAM003',
  'IAM004',
  'IAM011',
  'IAM012',
  'IAM013',
  'IAM017',
  'IAM018',
  'IAM021',
  'IAM027',
  'IAM031',
  'IAM034',
  'IAM100',
  'IAM102',
  'IAM104',
  'IAM105',
  'IAM106',
  'IAM211',
  'IAM212',
  'IAM300',
  'IAM301',
  'IAM320',
  'IAM321',
  'IAM340',
  'IAM341',
  'IAM342',
  'IAM350',
  'IAM401',
  'IAM402 Narrow',
  'IAM402 Split',
  'IAM403',
  'IAM410',
  'IAM420',
  'IAM421',
  'IAM422',
  'IAM423',
  'IAM424',
  'IAM425',
  'IAM426',
  'refactor.rewrite Split',
  'refactor.rewrite Expand',
  'refactor.rewrite Replace',
  'refactor.rewrite Shorten',
  'refactor.rewrite Add',
  'source.fixAll',
];

test('every kind of fix, applied to the corpus and the fixtures, leaves a valid policy without the problem', () => {
  const all = inputs();
  const analyses = new Map<number, Analysis>();
  const byKind = new Map<string, Candidate[]>();
  const preferredTwice: string[] = [];
  all.forEach((input, index) => {
    const analysis = analyse(input);
    const requests: Request[] = [
      ...analysis.diagnostics.map((_, diagnostic) => ({ diagnostic })),
      ...refactorOffsets(analysis.doc).map(offset => ({ offset })),
      { fixAll: true },
    ];
    for (const request of requests) {
      const offered = actionsFor(analysis, request);
      if ('diagnostic' in request && offered.filter(a => a.isPreferred).length > 1) {
        preferredTwice.push(
          `${input.name}: ${offered
            .filter(a => a.isPreferred)
            .map(a => a.title)
            .join(' | ')}`,
        );
      }
      offered.forEach((action, actionIndex) => {
        const kind = kindOf(analysis, request, action);
        const score = createHash('sha1')
          .update(`${input.name} ${JSON.stringify(request)} ${actionIndex}`)
          .digest('hex');
        const list = byKind.get(kind) ?? [];
        list.push({ input: index, request, action: actionIndex, score });
        byKind.set(kind, list);
      });
    }
  });

  const failures: string[] = [];
  let applied = 0;
  for (const [kind, candidates] of byKind) {
    for (const candidate of candidates.sort((a, b) => a.score.localeCompare(b.score)).slice(0, SAMPLES_PER_KIND)) {
      let analysis = analyses.get(candidate.input);
      if (!analysis) analyses.set(candidate.input, (analysis = analyse(all[candidate.input])));
      const action = actionsFor(analysis, candidate.request)[candidate.action];
      applied++;
      for (const problem of check(analysis, candidate.request, action)) {
        failures.push(`${all[candidate.input].name}: [${kind}] "${action.title}": ${problem}`);
      }
    }
  }
  if (process.env.FIXES_STATS) console.log(`${byKind.size} kinds, ${applied} applied`, [...byKind].map(([k, c]) => `${k}: ${c.length}`).join('\n'));
  assert.deepEqual(failures.slice(0, 40), []);
  assert.deepEqual(preferredTwice.slice(0, 10), [], 'at most one preferred fix per diagnostic');
  const kinds = [...byKind.keys()];
  const missing = EXPECTED_KINDS.filter(expected => !kinds.some(k => k.startsWith(expected)));
  assert.deepEqual(missing, [], `kinds never offered; offered: ${kinds.sort().join(' | ')}`);
  assert.ok(applied > 100, `applied ${applied}`);
});
