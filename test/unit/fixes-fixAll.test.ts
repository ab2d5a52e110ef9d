// source.fixAll and the code-action request: the safe fixes all at once (never a guess or a
// narrowing), `context.only`, refactorings only with a selection.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { runCli } from '../../server/src/cli/main';
import { CODE_ACTION_KINDS, provideCodeActions } from '../../server/src/features/codeActions';
import { fixAll, fixAllAction } from '../../server/src/features/fixes/fixAll';
import { withDefaults } from '../../server/src/protocol';
import { limitRules } from '../../server/src/rules/limits';
import { codes, diagnose } from '../helpers/fixes';
import { rethrow } from '../helpers/findings';

const settings = withDefaults(undefined);

function fixAllText(text: string): string {
  const { doc } = diagnose(text);
  return TextDocument.applyEdits(doc.textDocument, fixAll(doc, getCatalog(), settings, rethrow));
}

const MESSY = `// draft
{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "A", "effect": "Allow", "Action": ["s3.GetObject", "S3:getobjectacl", "s3:Get*", "s3:GetObjectTagging", "s3:Get*"], "Resource": "*" },
    { "Sid": "A", "Effect": "allow", "Action": "s3:GetObjekt", "Resource": "*",
      "Condition": { "stringequals": { "aws:username": "bob" } } },
  ]
}`;

test('fixAll: syntax, malformed action, case, repeated and covered actions, Sids in one pass; no guesses, no narrowing', () => {
  const after = fixAllText(MESSY);
  assert.equal(
    after,
    `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "A", "Effect": "Allow", "Action": ["s3:GetObject", "s3:Get*"], "Resource": "*" },
    { "Sid": "A2", "Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*",
      "Condition": { "StringEquals": { "aws:username": "bob" } } }
  ]
}`,
  );
  assert.ok(codes(after).includes('IAM102'), 'the misspelled action is left to a person');
  assert.ok(codes(after).includes('IAM407'), 'so is the narrowing');
});

test('fixAll follows the settings: a rule turned off is not fixed', () => {
  const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:GetObject"],"Resource":"*"}]}';
  const { doc } = diagnose(text);
  assert.equal(fixAll(doc, getCatalog(), withDefaults({ rules: { IAM104: 'off' } }), rethrow).length, 0);
  assert.equal(fixAll(doc, getCatalog(), settings, rethrow).length, 1);
});

test('source.fixAll is offered only when asked for; context.only picks the kinds', () => {
  const { doc, diagnostics } = diagnose(MESSY);
  const catalog = getCatalog();
  const range = { start: doc.textDocument.positionAt(MESSY.indexOf('S3:get')), end: doc.textDocument.positionAt(MESSY.indexOf('S3:get')) };
  const kinds = (only?: string[]) => [...new Set(provideCodeActions(doc, diagnostics, catalog, settings, { range, only }, rethrow).map(a => a.kind))].sort();
  assert.deepEqual(kinds(), ['quickfix', 'refactor.rewrite']);
  assert.deepEqual(kinds(['source.fixAll']), ['source.fixAll']);
  assert.deepEqual(kinds(['source']), ['source.fixAll']);
  assert.deepEqual(kinds(['quickfix']), ['quickfix']);
  assert.deepEqual(kinds(['refactor']), ['refactor.rewrite']);
  assert.deepEqual(provideCodeActions(doc, [], catalog, settings, {}, rethrow).length, 0, 'no refactorings without a selection');
  assert.ok(CODE_ACTION_KINDS.includes('source.fixAll') && CODE_ACTION_KINDS.includes('refactor.rewrite'));
});

test('a refactoring that repeats a quick-fix of the same request is left out', () => {
  const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject","s3:ListAllMyBuckets"],"Resource":"*"}]}';
  const { doc, diagnostics } = diagnose(text);
  const at = doc.textDocument.positionAt(text.indexOf('"*"') + 1);
  const actions = provideCodeActions(doc, diagnostics, getCatalog(), settings, { range: { start: at, end: at } }, rethrow);
  assert.equal(actions.filter(a => a.title.startsWith('Split')).length, 1);
});

test('diagnostics of other sources get no fixes', () => {
  const { doc, diagnostics } = diagnose(MESSY);
  assert.deepEqual(
    provideCodeActions(
      doc,
      diagnostics.map(d => ({ ...d, source: 'json' })),
      getCatalog(),
      settings,
      {},
      rethrow,
    ),
    [],
  );
});

/** The codes of the size rules, which withThrowingRule makes throw. */
const LIMIT_CODES = limitRules.rules.map(rule => rule.code).join(' ');

/** Runs `body` while the size rules (IAM500-IAM503) throw on every policy: a rule with a bug. */
async function withThrowingRule<T>(body: () => T | Promise<T>): Promise<T> {
  const check = limitRules.check;
  limitRules.check = () => {
    throw new Error('a rule with a bug');
  };
  try {
    return await body();
  } finally {
    limitRules.check = check;
  }
}

test("a rule that throws is reported by the editor's Fix all, and the other rules' fixes are still offered", async () => {
  const { doc } = diagnose(MESSY);
  const errors: string[] = [];
  const actions = await withThrowingRule(() =>
    provideCodeActions(doc, [], getCatalog(), settings, { only: ['source.fixAll'] }, (error, rules) => errors.push(`${rules}: ${(error as Error).message}`)),
  );
  assert.deepEqual(errors, [`${LIMIT_CODES}: a rule with a bug`]);
  assert.deepEqual(
    actions.map(a => a.kind),
    ['source.fixAll'],
  );
});

test("a rule that throws is one problem of the CLI's --fix run (exit 2), however many passes met it; the fixes are still made", async () => {
  let stdout = '';
  let stderr = '';
  const code = await withThrowingRule(() =>
    runCli(['-', '--fix', '--stdin-filename', 'messy.iam.json'], {
      stdout: text => {
        stdout += text;
      },
      stderr: text => {
        stderr += text;
      },
      readStdin: () => MESSY,
      cwd: '/',
      color: false,
    }),
  );
  assert.equal(code, 2);
  assert.equal(stderr.split(`internal error in rule ${LIMIT_CODES} (please report it): Error: a rule with a bug`).length - 1, 1, stderr);
  assert.ok(stdout.startsWith('{\n  "Version"') && !stdout.includes('// draft'), stdout);
});

test('fixAll: a letter-case finding is fixed only when its one replacement differs in case alone; other preferred fixes are left', () => {
  const one = (statement: string) => `{"Version":"2012-10-17","Statement":[${statement}]}`;
  const typo = one('{"Effekt":"Allow","Action":"s3:GetObject","Resource":"*"}');
  assert.ok(codes(typo).includes('IAM011'));
  assert.equal(fixAllText(typo), typo, 'a misspelling is a guess');
  const region = one('{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"us-east1"}}}');
  assert.ok(codes(region).includes('IAM334'));
  assert.equal(fixAllText(region), region, 'not a safe code');
});

test('fixAll: edits that touch (a trailing comma, then a comment right after it) are both made', () => {
  assert.equal(fixAllText('{"Version":"2012-10-17","Statement":[],// c\n}'), '{"Version":"2012-10-17","Statement":[]\n}');
});

test('fixAllAction: none when nothing is safe to fix, else one source.fixAll action with every edit', () => {
  const clean = diagnose('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}').doc;
  assert.equal(fixAllAction(clean, getCatalog(), settings, rethrow), undefined);
  const { doc } = diagnose('{"Version":"2012-10-17","Statement":[],}');
  assert.deepEqual(fixAllAction(doc, getCatalog(), settings, rethrow), {
    title: 'Fix all safe IAM policy problems',
    kind: 'source.fixAll',
    edit: { changes: { [doc.uri]: fixAll(doc, getCatalog(), settings, rethrow) } },
  });
  assert.equal(fixAll(doc, getCatalog(), settings, rethrow).length, 1);
});

test('fixAll: a trailing comma right after a repeated action that goes is removed too', () => {
  const one = (actions: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[${actions}],"Resource":"*"}]}`;
  assert.equal(fixAllText(one('"s3:GetObject","s3:GetObject",')), one('"s3:GetObject"'));
});
