// The text edits every fix is made of (features/fixes/jsonEdits.ts): the file's style read from its text, and members added, removed or replaced in that style;
// and the code action made of them (framework.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Node } from 'jsonc-parser';
import {
  appendItem,
  appendToList,
  type Change,
  detectIndentUnit,
  insertProperty,
  lineIndent,
  memberIndent,
  removeMembers,
  renderJson,
  replaceItem,
  startsLine,
  styleOf,
  type TextStyle,
} from '../../server/src/features/fixes/jsonEdits';
import { changeAction, fixAction, minimize, quickFix, statementAt, touches } from '../../server/src/features/fixes/framework';
import { literalEnds, placeholder, plainText, snippetText } from '../../server/src/features/fixes/template';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import type { PolicyDocument } from '../../server/src/policy/model';
import { withDefaults } from '../../server/src/protocol';
import { parse } from '../helpers/cursor';

const apply = (text: string, change: Change) => text.slice(0, change.offset) + change.text + text.slice(change.offset + change.length);

/** The text after one change made on the parsed text. */
function edited(text: string, change: (doc: PolicyDocument, root: Node) => Change): string {
  const doc = parse(text);
  return apply(text, change(doc, doc.root!));
}

const child = (node: Node, ...path: number[]) => path.reduce((n, i) => n.children![i], node);

test('detectIndentUnit: the most common step wins, the smaller on a tie', () => {
  const deeper = '{\n  "a": 1,\n  "b": {\n      "c": 1,\n      "d": {\n          "e": 1\n      }\n  }\n}';
  assert.equal(detectIndentUnit(deeper), '    ', 'steps of 4 twice, of 2 once');
  assert.equal(detectIndentUnit('{\n  "a": {\n      "b": 1\n  }\n}'), '  ', 'one step of 2, one of 4');
  assert.equal(detectIndentUnit('{\n    "a": {\n      "b": 1\n    }\n}'), '  ', 'one step of 4, one of 2');
});

test('detectIndentUnit: lines of white space only are skipped', () => {
  assert.equal(detectIndentUnit('{\n    "a": 1,\n   \n    "b": 1,\n   \n    "c": 1\n}'), '    ');
});

test('detectIndentUnit: a line is tab-indented by its first character; unindented lines count for neither', () => {
  assert.equal(detectIndentUnit('{\n\t  "a": 1,\n\t  "b": 1,\n\t  "c": 1\n}'), '\t');
  assert.equal(detectIndentUnit('{\n\t"a": 1\n}\n\n{\n}'), '\t', 'one tab line, four unindented');
  // a tab line has no width: the steps come from the space-indented lines around it
  assert.equal(detectIndentUnit('{\n    "a": 1,\n\t    "b": 1,\n    "c": 1,\n\t    "d": 1,\n    "e": 1\n}'), '    ');
  assert.equal(detectIndentUnit('{"a": 1}'), undefined);
  assert.equal(detectIndentUnit(''), undefined);
});

test('styleOf: padding, commas and colons as the text writes them, the defaults when it does not say', () => {
  assert.deepEqual(styleOf(parse('{"a":{"b":"c"}}')), { unit: '  ', eol: '\n', pad: { '[': ' ', '{': '' }, comma: ', ', colon: ':' });
  assert.deepEqual(styleOf(parse('{"a":1}')), { unit: '  ', eol: '\n', pad: { '[': ' ', '{': '' }, comma: ', ', colon: ': ' });
  assert.deepEqual(styleOf(parse('{\r\n\t"a": [ "x" ], "b": { "c": 1 }\r\n}')), {
    unit: '\t',
    eol: '\r\n',
    pad: { '[': ' ', '{': ' ' },
    comma: ', ',
    colon: ': ',
  });
  assert.deepEqual(styleOf(parse('{"a":["x"],"b":"y"}')), { unit: '  ', eol: '\n', pad: { '[': '', '{': '' }, comma: ',', colon: ':' });
});

test('lineIndent and startsLine: the text before an offset on its line', () => {
  const text = 'ab\n  cd\n\tx';
  assert.equal(lineIndent(text, 5), '  ');
  assert.equal(lineIndent(text, 6), '  ');
  assert.equal(lineIndent(text, 10), '\t');
  assert.equal(lineIndent(text, 1), '');
  assert.equal(startsLine(text, 5), true);
  assert.equal(startsLine(text, 6), false);
  assert.equal(startsLine(text, 0), true);
  assert.equal(startsLine(text, 2), false, 'the offset of a line end: "ab" comes before it');
  assert.equal(startsLine(text, 3), true);
});

test("memberIndent: the first member's on its own line, else the container's line and one unit", () => {
  const text = '{\n  "a": { "b": 1 },\n  "c": {\n      "d": 1\n  }\n}';
  const doc = parse(text);
  const style = styleOf(doc);
  assert.equal(memberIndent(text, doc.root!, style), '  ');
  assert.equal(memberIndent(text, child(doc.root!, 0, 1), style), '    ');
  assert.equal(memberIndent(text, child(doc.root!, 1, 1), style), '      ');
  assert.equal(memberIndent('{}', parse('{}').root!, style), '  ');
});

test('renderJson: empty containers, one-item arrays on one line, members one unit deeper', () => {
  const style: TextStyle = { unit: '  ', eol: '\n', pad: { '[': ' ', '{': ' ' }, comma: ', ', colon: ': ' };
  assert.equal(renderJson([], style, '', true), '[]');
  assert.equal(renderJson({}, style, '', false), '{}');
  assert.equal(renderJson(['a'], style, '', true), '[ "a" ]');
  assert.equal(renderJson(['a', 'b'], style, '  ', true), '[\n    "a",\n    "b"\n  ]');
  assert.equal(renderJson({ a: ['b'] }, style, '', true), '{\n  "a": [ "b" ]\n}');
  assert.equal(renderJson({ a: 'b', c: 'd' }, { ...style, pad: { '[': '', '{': '' }, comma: ',', colon: ':' }, '', false), '{"a":"b","c":"d"}');
});

test('removeMembers: the changes themselves, none for an empty container', () => {
  const root = parse('[1, 2]').root!;
  assert.deepEqual(removeMembers(root, new Set([root.children![0]])), [{ offset: 1, length: 3, text: '' }]);
  assert.deepEqual(removeMembers(root, new Set([root.children![1]])), [{ offset: 2, length: 3, text: '' }]);
  assert.deepEqual(removeMembers(parse('[]').root!, new Set()), []);
});

test('insertProperty and appendItem: into empty containers, first, after a member, last', () => {
  assert.equal(
    edited('{}', (doc, root) => insertProperty(doc, root, 'C', 'x')),
    '{ "C": "x" }',
  );
  assert.equal(
    edited('[]', (doc, root) => appendItem(doc, root, 'x')),
    '[ "x" ]',
  );
  assert.equal(
    edited('{\n  "a": 1\n}', (doc, root) => insertProperty(doc, root, 'C', { x: 'y' })),
    '{\n  "a": 1,\n  "C": {\n    "x": "y"\n  }\n}',
    'an object value in a multi-line object is multi-line',
  );
  assert.equal(
    edited('{\n  "a": 1\n}', (doc, root) => insertProperty(doc, root, 'C', 'z', 'first')),
    '{\n  "C": "z",\n  "a": 1\n}',
  );
  assert.equal(
    edited('{ "a": 1 }', (doc, root) => insertProperty(doc, root, 'C', 'z', 'first')),
    '{ "C": "z", "a": 1 }',
  );
  assert.equal(
    edited('{ "a": 1, "b": 2 }', (doc, root) => insertProperty(doc, root, 'C', 'z', { after: root.children![0] })),
    '{ "a": 1, "C": "z", "b": 2 }',
  );
  assert.equal(
    edited('[\n  { "a": 1 }\n]', (doc, root) => appendItem(doc, root, { b: 'c' })),
    '[\n  { "a": 1 },\n  { "b": "c" }\n]',
    'an item laid out like the last one',
  );
  assert.equal(
    edited('[1, 2  ,]', (doc, root) => appendItem(doc, root, 'x')),
    '[1, 2  , "x"]',
    'after a trailing comma, no second comma',
  );
});

test('replaceItem: the separator the array uses next to the item', () => {
  assert.equal(
    edited('["a",  "b", "c"]', (doc, root) => replaceItem(doc, root, root.children![0], ['x', 'y'])),
    '["x",  "y",  "b", "c"]',
  );
  assert.equal(
    edited('["a",  "b", "c"]', (doc, root) => replaceItem(doc, root, root.children![2], ['x', 'y'])),
    '["a",  "b", "x", "y"]',
  );
  assert.equal(
    edited('["a"  , "b","c","d"]', (doc, root) => replaceItem(doc, root, root.children![1], ['x', 'y'])),
    '["a"  , "x", "y","c","d"]',
    'white space before the comma is left out',
  );
  assert.equal(
    edited('["a", /*c*/ "b"]', (doc, root) => replaceItem(doc, root, root.children![1], ['x', 'y'])),
    '["a", /*c*/ "x", "y"]',
    'a comment is not a separator',
  );
  assert.equal(
    edited('["a" /*c*/, "b"]', (doc, root) => replaceItem(doc, root, root.children![1], ['x', 'y'])),
    '["a" /*c*/, "x", "y"]',
  );
  assert.equal(
    edited('["a",  "b", "c"]', (doc, root) => replaceItem(doc, root, root.children![1], ['x', 'y'])),
    '["a",  "x",  "y", "c"]',
    'the separator before the item',
  );
  assert.equal(
    edited('["a"]', (doc, root) => replaceItem(doc, root, root.children![0], ['x', 'y'])),
    '["x", "y"]',
  );
  assert.equal(
    edited('[\n  "a"\n]', (doc, root) => replaceItem(doc, root, root.children![0], ['x', 'y'])),
    '[\n  "x",\n  "y"\n]',
  );
});

test('appendToList: a string becomes an array, an array grows, an empty array takes the values', () => {
  const list = (doc: PolicyDocument) => child(doc.root!, 0, 1);
  assert.equal(
    edited('{"A": "a"}', doc => appendToList(doc, list(doc), ['x'], false)),
    '{"A": [ "a", "x" ]}',
  );
  assert.equal(
    edited('{"A": []}', doc => appendToList(doc, list(doc), ['x', 'y'], false)),
    '{"A": [ "x", "y" ]}',
  );
  assert.equal(
    edited('{"A": []}', doc => appendToList(doc, list(doc), ['x'], false)),
    '{"A": "x"}',
  );
  assert.equal(
    edited('{"A": ["a"]}', doc => appendToList(doc, list(doc), ['x'], false)),
    '{"A": ["a", "x"]}',
  );
  assert.equal(
    edited('{\n  "A": "a"\n}', doc => appendToList(doc, list(doc), ['x'], true)),
    '{\n  "A": [\n    "a",\n    "x"\n  ]\n}',
  );
});

// The code action made of changes (features/fixes/framework.ts): the smallest edits, in order, the
// preferred flag, the snippet command that turns placeholders into tab stops.

const BASE = { catalog: getCatalog(), settings: withDefaults(undefined) };

test('minimize: the change trimmed to what it really changes, never into a placeholder', () => {
  const doc = parse('"abcdef"');
  const at = (offset: number, length: number, text: string) => minimize(doc, { offset, length, text });
  assert.deepEqual(at(1, 6, 'abXYef'), { offset: 3, length: 2, text: 'XY' });
  assert.deepEqual(at(1, 6, 'abf'), { offset: 3, length: 3, text: '' });
  assert.deepEqual(at(1, 6, 'abcdef'), { offset: 7, length: 0, text: '' });
  assert.deepEqual(at(1, 4, 'ab'), { offset: 3, length: 2, text: '' }, 'a prefix is not also a suffix');
  const abab = parse('"abab"');
  assert.deepEqual(minimize(abab, { offset: 1, length: 4, text: 'ab' }), { offset: 3, length: 2, text: '' });
  const marked = `${placeholder('X', 'ab')}cd`;
  assert.deepEqual(at(1, 4, marked), { offset: 1, length: 2, text: placeholder('X', 'ab') }, 'the placeholder stays whole');
  assert.deepEqual(at(1, 4, `ab${placeholder('X', 'cd')}`), { offset: 3, length: 2, text: placeholder('X', 'cd') });
});

test('changeAction: edits in text order, the diagnostic, the preferred flag only when given and no placeholder is left', () => {
  const doc = parse('"abcdef"');
  const ctx = { ...BASE, doc };
  const action = changeAction(ctx, 'T', 'quickfix', [
    { offset: 5, length: 1, text: 'E' },
    { offset: 1, length: 1, text: 'A' },
  ]);
  assert.deepEqual(action, {
    title: 'T',
    kind: 'quickfix',
    edit: {
      changes: {
        [doc.uri]: [
          { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, newText: 'A' },
          { range: { start: { line: 0, character: 5 }, end: { line: 0, character: 6 } }, newText: 'E' },
        ],
      },
    },
  });
  const diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm', code: 'IAM000' };
  const fix = fixAction({ ...ctx, diagnostic }, 'T', [{ offset: 1, length: 1, text: 'A' }], true);
  assert.deepEqual([fix.diagnostics, fix.isPreferred], [[diagnostic], true]);
  const quick = quickFix({ ...ctx, diagnostic }, 'Q', []);
  assert.deepEqual([quick.diagnostics, quick.isPreferred], [[diagnostic], false]);
  const mixed = fixAction(
    { ...ctx, diagnostic },
    'T',
    [
      { offset: 1, length: 1, text: 'A' },
      { offset: 5, length: 1, text: placeholder('X', '<x>') },
    ],
    true,
  );
  assert.equal(mixed.isPreferred, false, 'one of the changes leaves a placeholder');
  const kept = fixAction({ ...ctx, diagnostic }, 'T', [{ offset: 0, length: 8, text: `"${placeholder('X', '<x>')}"` }], true);
  assert.equal(kept.isPreferred, false);
  const same = parse('"<x>"');
  assert.equal(
    fixAction({ ...ctx, doc: same, diagnostic }, 'T', [{ offset: 0, length: 5, text: `"${placeholder('X', '<x>')}"` }], true).isPreferred,
    true,
    'a placeholder the text had already',
  );
});

test('changeAction: the snippet command from the start of the line, after the edits before it, only for clients that run it', () => {
  const doc = parse('["ab",\n "cd"]');
  const args = (changes: Array<{ offset: number; length: number; text: string }>, snippets = true) =>
    changeAction({ ...BASE, doc, snippets }, 'T', 'quickfix', changes).command;
  const cd = doc.text.indexOf('cd');
  assert.deepEqual(args([{ offset: cd, length: 0, text: placeholder('X', '<x>') }]), {
    title: 'Fill in the placeholders',
    command: 'iamPolicy.insertSnippet',
    arguments: [{ uri: doc.uri, offset: doc.text.indexOf(' "cd'), text: ' "<x>', snippet: ' "${1:<x>}' }],
  });
  assert.equal(args([{ offset: cd, length: 0, text: placeholder('X', '<x>') }], false), undefined);
  assert.deepEqual(
    args([{ offset: 2, length: 0, text: placeholder('X', '<x>') }])?.arguments,
    [{ uri: doc.uri, offset: 0, text: '["<x>', snippet: '["${1:<x>}' }],
    'on the first line',
  );
  assert.deepEqual(
    args([
      { offset: 2, length: 2, text: 'ABCD' },
      { offset: cd, length: 0, text: placeholder('X', '<x>') },
    ])?.arguments,
    [{ uri: doc.uri, offset: doc.text.indexOf(' "cd') + 2, text: ' "<x>', snippet: ' "${1:<x>}' }],
    'shifted by what the edit before it adds',
  );
  assert.equal(
    args([
      { offset: cd - 1, length: 0, text: 'Z' },
      { offset: cd, length: 0, text: placeholder('X', '<x>') },
    ]),
    undefined,
    'an edit earlier on the same line: no snippet',
  );
});

test('statementAt and touches: the bounds', () => {
  const doc = parse('{"Statement":[{"Sid":"a"},{"Sid":"b"}]}');
  const [first, second] = doc.statements;
  assert.equal(statementAt(doc, first.node.offset)?.index, 0);
  assert.equal(statementAt(doc, first.node.offset + first.node.length)?.index, undefined, 'the comma after it');
  assert.equal(statementAt(doc, second.node.offset + 1)?.index, 1);
  const at = (start: number, end: number) => ({ ...BASE, doc, start, end });
  assert.equal(touches(at(5, 5), 0, 5), true, 'a cursor at the end');
  assert.equal(touches(at(0, 0), 0, 5), true, 'a cursor at the start');
  assert.equal(touches(at(6, 9), 0, 5), false);
  assert.equal(touches(at(0, 2), 3, 5), false);
});

test('placeholders: a tab stop each, a choice only with alternatives; the literal text around them', () => {
  assert.equal(snippetText(`a${placeholder('X', 'v')}b`), 'a${1:v}b');
  assert.equal(plainText(`a${placeholder('X', 'v', ['w'])}b`), 'avb');
  assert.deepEqual(literalEnds('abc'), { head: 3, tail: 3 });
  assert.deepEqual(literalEnds(`${placeholder('X', 'v')}x`), { head: 0, tail: 1 });
  assert.deepEqual(literalEnds(`ab${placeholder('X', 'v')}c${placeholder('Y', 'w')}def`), { head: 2, tail: 3 });
});
