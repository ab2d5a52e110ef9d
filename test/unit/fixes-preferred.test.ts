// A preferred fix is one a user can accept blind (the keyboard shortcut runs it without a look): on
// the corpus, the fixtures and the cases below, every preferred fix is applied, round after round as a
// user would accept them (each round the fixes that cannot collide), and each result is
// parsed again: no syntax error, error or placeholder (IAM090) that was not there before; and the
// rounds end (a fix that does not remove its problem is offered again and again).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { provideCodeActions } from '../../server/src/features/codeActions';
import { computeDiagnostics } from '../../server/src/features/diagnostics';
import { parsePolicy } from '../../server/src/policy/parse';
import { withDefaults } from '../../server/src/protocol';
import { corpusFiles } from '../helpers/corpus';
import { fixesOf } from '../helpers/fixes';
import { rethrow } from '../helpers/findings';

const ROOT = join(__dirname, '..', '..');
const settings = withDefaults(undefined);
/** More rounds than any input needs: a fix that brings its problem back loops. */
const MAX_ROUNDS = 60;

/** Policies whose preferred fixes were not safe (issue 19, item 6), and their neighbours. */
const CASES: Array<[string, string]> = [
  [
    'ec2-instances.json',
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:StartInstances", "Resource": "arn:aws:ec2:*:*:instance/*"}]}',
  ],
  ['partition.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws-foo:s3:::b/*"}]}'],
  ['version-case.json', '{"version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}'],
  ['version-upper.json', '{"VERSION": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}'],
  ['star.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}'],
  ['no-resource.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage"}]}'],
];

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [],
  );
}

function inputs(): Array<[string, string]> {
  const fixtures = [join(ROOT, 'test', 'fixtures', 'fixes'), join(ROOT, 'examples')]
    .flatMap(jsonFiles)
    .map((path): [string, string] => [relative(ROOT, path), readFileSync(path, 'utf8')]);
  return [...CASES, ...fixtures, ...corpusFiles().map((f): [string, string] => [`corpus/${f.name}`, f.text])];
}

function countBy(items: ReadonlyArray<{ code?: Diagnostic['code'] }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(String(item.code), (counts.get(String(item.code)) ?? 0) + 1);
  return counts;
}

function analyse(name: string, text: string) {
  const doc = parsePolicy(text, `file:///${name}`, { languageId: 'iam-policy' });
  const diagnostics = computeDiagnostics(doc, getCatalog(), settings, rethrow);
  return {
    doc,
    diagnostics,
    syntax: countBy(doc.syntaxErrors),
    errors: countBy(diagnostics.filter(d => d.severity === 1)),
    placeholders: diagnostics.filter(d => d.code === 'IAM090').length,
  };
}

/**
 * The preferred fixes of a round, none of whose edits touch: every fix that only rewrites its
 * diagnostic's own text (a letter case), and one other per statement (and one outside statements),
 * as two of those may each add the same block that accepting them one by one would merge.
 */
function separatePreferredFixes(current: ReturnType<typeof analyse>): Array<{ diagnostic: Diagnostic; fix: CodeAction }> {
  const { textDocument, statements } = current.doc;
  const taken: Array<[number, number]> = [];
  const used = new Set<number>();
  const chosen: Array<{ diagnostic: Diagnostic; fix: CodeAction }> = [];
  for (const diagnostic of current.diagnostics) {
    const fix = provideCodeActions(current.doc, [diagnostic], getCatalog(), settings, {}, rethrow).find(a => a.isPreferred);
    const edits = Object.values(fix?.edit?.changes ?? {}).flat();
    if (!fix || edits.length === 0) continue;
    const spans = edits.map(e => [textDocument.offsetAt(e.range.start), textDocument.offsetAt(e.range.end)] as [number, number]);
    if (spans.some(([from, to]) => taken.some(([a, b]) => from <= b && to >= a))) continue;
    const [start, end] = [textDocument.offsetAt(diagnostic.range.start), textDocument.offsetAt(diagnostic.range.end)];
    const inPlace = spans.every(([from, to]) => from >= start && to <= end);
    const statement = statements.find(s => s.node.offset <= spans[0][0] && spans[0][0] <= s.node.offset + s.node.length)?.index ?? -1;
    if (!inPlace && used.has(statement)) continue;
    if (!inPlace) used.add(statement);
    taken.push(...spans);
    chosen.push({ diagnostic, fix });
  }
  return chosen;
}

/** What goes wrong when every preferred fix of the text is accepted, round after round. */
function acceptEveryPreferredFix(name: string, text: string): string[] {
  const first = analyse(name, text);
  let current = first;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const offers = separatePreferredFixes(current);
    if (offers.length === 0) return [];
    const edits = offers.flatMap(o => Object.values(o.fix.edit?.changes ?? {}).flat());
    const after = analyse(name, TextDocument.applyEdits(current.doc.textDocument, edits));
    const what = offers
      .map(o => `${o.diagnostic.code} "${o.fix.title}"`)
      .slice(0, 3)
      .join(', ');
    const grew = (before: Map<string, number>, now: Map<string, number>) => [...now].filter(([code, n]) => n > (before.get(code) ?? 0)).map(([code]) => code);
    const problems = [
      ...grew(first.syntax, after.syntax).map(code => `new syntax error ${code}`),
      ...grew(first.errors, after.errors).map(code => `new error ${code}`),
      ...(after.placeholders > first.placeholders ? ['leaves a placeholder to fill in (IAM090)'] : []),
    ];
    if (problems.length) return problems.map(p => `${name}: ${what}: ${p}`);
    current = after;
  }
  return [`${name}: still a preferred fix after ${MAX_ROUNDS} rounds`];
}

test('every preferred fix, accepted blind one after another, leaves a valid policy with no new error or placeholder', () => {
  const failures = inputs().flatMap(([name, text]) => acceptEveryPreferredFix(name, text));
  assert.deepEqual(failures.slice(0, 30), []);
});

test('guesses are offered, never preferred: a partition that is not one', () => {
  const { fixes } = fixesOf(CASES.find(([name]) => name === 'partition.json')![1], 'IAM201');
  assert.ok(fixes.length > 0);
  assert.deepEqual(
    fixes.filter(f => f.isPreferred).map(f => f.title),
    [],
  );
  const typo = fixesOf(
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws-us-gof:s3:::b/*"}]}',
    'IAM201',
  );
  assert.deepEqual(
    typo.fixes.filter(f => f.isPreferred).map(f => f.title),
    ['Change to "arn:aws-us-gov:s3:::b/*"'],
    'one letter off: a typo',
  );
});

test('a deliberate wildcard ARN is narrowed only on request (IAM403: offered, not preferred)', () => {
  const { fixes } = fixesOf(CASES.find(([name]) => name === 'ec2-instances.json')![1], 'IAM403');
  assert.ok(fixes.length > 0);
  assert.deepEqual(
    fixes.filter(f => f.isPreferred).map(f => f.title),
    [],
  );
});
