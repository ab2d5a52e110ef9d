import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, diagnose, fixesFor } from '../helpers/fixes';

/** Applies the preferred fix of the first diagnostic with `code`, and returns the new text. */
function fixFirst(text: string, code: string): string {
  const { doc, diagnostics } = diagnose(text);
  const diagnostic = diagnostics.find(d => d.code === code);
  assert.ok(diagnostic, `${code} reported`);
  const fixes = fixesFor(doc, diagnostic);
  const preferred = fixes.find(f => f.isPreferred) ?? fixes[0];
  assert.ok(preferred, `a fix for ${code}`);
  return applyFix(doc, preferred);
}

function assertFixed(before: string, code: string, expected?: string): string {
  const after = fixFirst(before, code);
  if (expected !== undefined) assert.equal(after, expected);
  const again = diagnose(after);
  assert.equal(again.doc.syntaxErrors.filter(e => e.code !== code).length, diagnose(before).doc.syntaxErrors.filter(e => e.code !== code).length);
  assert.ok(again.diagnostics.filter(d => d.code === code).length < diagnose(before).diagnostics.filter(d => d.code === code).length, `${code} gone`);
  return after;
}

test('removes a comment on its own line with its line break', () => {
  assertFixed('// note\n{ "Version": "2012-10-17", "Statement": [] }', 'IAM002', '{ "Version": "2012-10-17", "Statement": [] }');
});

test('removes a trailing comma', () => {
  assertFixed('{ "Version": "2012-10-17", "Statement": [], }', 'IAM003', '{ "Version": "2012-10-17", "Statement": [] }');
});

test('inserts a missing comma after the previous value', () => {
  assertFixed('{ "Version": "2012-10-17"\n  "Statement": [] }', 'IAM004', '{ "Version": "2012-10-17",\n  "Statement": [] }');
});

test('repairs s3.ListBucket to s3:ListBucket', () => {
  const text = '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3.ListBucket", "Resource": "*" } ] }';
  const after = assertFixed(text, 'IAM100');
  assert.match(after, /"s3:ListBucket"/);
});

test('offers the closest actions for a misspelled one', () => {
  const text = '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*" } ] }';
  const after = assertFixed(text, 'IAM102');
  assert.match(after, /"s3:GetObject"/);
});

test('fixes the case of Effect', () => {
  const text = '{ "Version": "2012-10-17", "Statement": [ { "Effect": "allow", "Action": "s3:GetObject", "Resource": "*" } ] }';
  assert.match(assertFixed(text, 'IAM012'), /"Effect": "Allow"/);
});

test('every fix of the seed policy leaves parseable JSON', () => {
  const seed =
    '// c\n{\n "Version": "2012-10-17",\n "Statement": [\n  { "Effect": "Allow", "Action": [ "s3.GetObject"\n "s3.PutObject" ], "Resource": "arn:aws:s3:::b/*", },\n ]\n}\n';
  let text = seed;
  for (let round = 0; round < 10; round++) {
    const { doc, diagnostics } = diagnose(text);
    const fixable = diagnostics.find(d => fixesFor(doc, d).some(f => f.isPreferred));
    if (!fixable) break;
    text = applyFix(
      doc,
      fixesFor(doc, fixable).find(f => f.isPreferred)!,
    );
  }
  const { doc, diagnostics } = diagnose(text);
  assert.deepEqual(doc.syntaxErrors, []);
  assert.deepEqual(
    diagnostics.filter(d => d.severity === 1).map(d => d.code),
    [],
  );
});
