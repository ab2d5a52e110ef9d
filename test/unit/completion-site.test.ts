// Where completion inserts: key or value, the span replaced, quotes and commas, while text is being
// typed and in documents with syntax errors elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionSite } from '../../server/src/features/completion/site';
import { parseAtCursor } from '../helpers/cursor';
import { applyItem, complete, inStatement, jsonErrors } from '../helpers/completion';

function siteOf(marked: string) {
  const { doc, offset } = parseAtCursor(marked);
  const site = completionSite(doc, offset);
  return site && { ...site, replaced: doc.text.slice(site.start, site.end) };
}

test('site: inside a string value, the whole string with its quotes is replaced', () => {
  const site = siteOf(inStatement('"Action": "s3:Get|Obj"'))!;
  assert.equal(site.kind, 'value');
  assert.deepEqual(site.path, ['Statement', 0, 'Action']);
  assert.equal(site.replaced, '"s3:GetObj"');
  assert.equal(site.typed, 's3:Get');
  assert.equal(site.context.element, 'Action');
  assert.ok(site.quoted && site.closed && !site.commaAfter && site.commaBefore === undefined);
});

test('site: an unterminated string is replaced up to the end of its word, and a comma goes before the next key', () => {
  const site = siteOf('{ "Statement": [ { "Effect": "Allow", "Action": "s3:Get|\n "Resource": "*" } ] }')!;
  assert.equal(site.replaced, '"s3:Get');
  assert.ok(!site.closed && site.commaAfter);
});

test('site: array items, with the commas missing before and after', () => {
  const between = siteOf(inStatement('"Action": [ "s3:GetObject" | "s3:PutObject" ]'))!;
  assert.ok(between.inArray && between.commaAfter && between.commaBefore !== undefined);
  assert.equal(between.replaced, '');
  const afterComma = siteOf(inStatement('"Action": [ "s3:GetObject", | ]'))!;
  assert.ok(!afterComma.commaAfter && afterComma.commaBefore === undefined);
  assert.deepEqual(afterComma.path, ['Statement', 0, 'Action']);
});

test('site: a word typed without quotes is replaced (quotes come with the item)', () => {
  const site = siteOf(inStatement('"Action": [ s3:Get| ]'))!;
  assert.equal(site.replaced, 's3:Get');
  assert.ok(!site.quoted && site.kind === 'value');
  const key = siteOf(inStatement('"Effect": "Allow", Act| '))!;
  assert.equal(key.kind, 'key');
  assert.equal(key.replaced, 'Act');
});

test('site: a missing value after a colon, even when the parser took the next line as the value', () => {
  const site = siteOf('{ "Statement": [ { "Effect": "Allow", "Action": |\n "Resource": "*" } ] }')!;
  assert.equal(site.kind, 'value');
  assert.equal(site.context.element, 'Action');
  assert.ok(site.commaAfter);
  assert.equal(siteOf(inStatement('"Action": | "s3:GetObject"')), undefined, 'a value is already there');
});

test('site: keys: a key with a value after it is replaced alone; between a key and its colon nothing', () => {
  const site = siteOf(inStatement('"Effect": "Allow", "Act|": [ "s3:GetObject" ]'))!;
  assert.equal(site.kind, 'key');
  assert.ok(site.keyOnly);
  assert.deepEqual(site.path, ['Statement', 0]);
  assert.equal(siteOf(inStatement('"Effect": "Allow", "Action" | ')), undefined);
  const afterValue = siteOf(inStatement('"Effect": "Allow" | '))!;
  assert.ok(afterValue.kind === 'key' && afterValue.commaBefore !== undefined);
});

test('site: a value typed right after the colon gets a space before it', () => {
  const c = complete(inStatement('"Effect":|'));
  assert.ok(applyItem(c.doc, c.item('Allow')).includes('"Effect": "Allow"'));
});

test('site: nothing inside a comment', () => {
  assert.equal(siteOf('{ // the Act| element\n "Version": "2012-10-17" }'), undefined);
  const after = complete('{ /* note */ | "Version": "2012-10-17" }');
  assert.equal(applyItem(after.doc, after.item('Id')), '{ /* note */ "Id": "", "Version": "2012-10-17" }', 'comments are skipped for commas');
});

test('site: after a closing quote, outside the string, nothing is offered', () => {
  assert.equal(complete(inStatement('"Effect": "Allow"|, "Action": "*"')).items.length, 0);
});

test('site: syntax errors elsewhere (a comment, trailing commas, a missing comma) do not stop completion', () => {
  const broken = `// my policy
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": [ "s3.GetObject" "s3:PutObject", ], "Resource": "*", },
    { "Effect": "Allow", "Action": [ "ec2:Desc|" ], "Resource": "*" }
  ]
}`;
  const c = complete(broken);
  assert.ok(c.labels.includes('ec2:DescribeInstances'));
  const after = applyItem(c.doc, c.item('ec2:DescribeInstances'));
  assert.ok(after.includes('[ "ec2:DescribeInstances" ]'));
});

test('site: typing an unterminated value: the item closes the string and adds the comma', () => {
  const c = complete(
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3:GetObj|\n      "Resource": "*"\n    }\n  ]\n}',
  );
  const after = applyItem(c.doc, c.item('s3:GetObject'));
  assert.ok(after.includes('"Action": "s3:GetObject",\n'));
  assert.deepEqual(jsonErrors(after), []);
});
