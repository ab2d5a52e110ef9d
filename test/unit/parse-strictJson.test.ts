// The strict-JSON fast path of parsePolicy must build exactly jsonc-parser's tree (same nodes, same
// fields in the same order, same parent links), and take a text only when the tolerant path would
// report no syntax issue for it; everything else it must leave to the tolerant path.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Node, ParseError, parseTree } from 'jsonc-parser';
import { parseStrictJson } from '../../server/src/policy/strictJson';
import { MAX_NESTING, scanTrivia } from '../../server/src/policy/syntax';
import { corpusFiles } from '../helpers/corpus';

/** jsonc-parser's tree and errors, with the options parsePolicy's tolerant path uses. */
function jsoncTree(text: string): { root: Node | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  return { root, errors };
}

/** Walks both trees together: same fields in the same order, and each child's parent is its node. */
function assertSameShape(fast: Node, expected: Node, path = '$'): void {
  assert.deepEqual(Object.keys(fast), Object.keys(expected), `fields of ${path}`);
  const children = fast.children ?? [];
  children.forEach((child, i) => {
    assert.equal(child.parent, fast, `parent of ${path}[${i}]`);
    assertSameShape(child, expected.children![i], `${path}[${i}]`);
  });
}

/** What the tolerant path says of the text: true when it reports no issue and has a tree. */
function tolerantFindsNothing(text: string): boolean {
  const { root, errors } = jsoncTree(text);
  return root !== undefined && errors.length === 0 && scanTrivia(text).issues.length === 0;
}

/** The fast parser takes the text, the tolerant path reports nothing for it, and both build the same tree. */
function assertSameTree(text: string): Node {
  const fast = parseStrictJson(text);
  assert.ok(fast, `the fast parser takes ${JSON.stringify(text.slice(0, 60))}`);
  const { root, errors } = jsoncTree(text);
  assert.deepEqual(errors, []);
  assert.deepEqual(scanTrivia(text).issues, []);
  assert.deepStrictEqual(fast, root);
  assertSameShape(fast, root!);
  return fast;
}

test('every corpus policy but the three broken ones gets the same tree as jsonc-parser', () => {
  const notTaken: string[] = [];
  for (const file of corpusFiles()) {
    if (parseStrictJson(file.text)) assertSameTree(file.text);
    else notTaken.push(file.name);
  }
  assert.equal(notTaken.length, 3, `not taken: ${notTaken.join(', ')}`);
});

test('escapes, unicode, numbers, literals, empty and nested values, duplicate keys, whitespace', () => {
  for (const text of [
    '"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u00E9\\uD83D\\uDE00\\ud800 x"',
    '{ "k\\u0065y": "é😀\u2028\u007f", "": "" }',
    '[0, -0, 1e5, 1E+5, 2e-3, -1.5e-3, 0.1, 123456789012345678901234567890, 1e400, -1e-400]',
    '[true, false, null, "true"]',
    '[[], {}, [[{}]], { "a": {}, "b": [] }]',
    '{ "a": 1, "a": 2, "a": { "a": [ "a" ] } }',
    '\r\n\t {  "a" : [ 1 , 2 ] ,"b":{"c":null}} \n',
    '"only a string"',
    '42',
    'null',
  ])
    assertSameTree(text);
});

test('number values are what jsonc-parser computes, -0 included', () => {
  const numbers = assertSameTree('[-0, 1e5, 1.50]').children!.map(n => n.value);
  assert.ok(Object.is(numbers[0], -0));
  assert.deepEqual(numbers.slice(1), [100000, 1.5]);
});

test('a 1 MB string, with and without escapes', () => {
  const long = 'x'.repeat(1 << 20);
  assert.equal(assertSameTree(`{ "a": "${long}" }`).children![0].children![1].value, long);
  assertSameTree(`{ "a": "${long}\\n${long}" }`);
});

test('nesting up to MAX_NESTING is taken; deeper gives up without recursing further', () => {
  assertSameTree('['.repeat(MAX_NESTING) + ']'.repeat(MAX_NESTING));
  assertSameTree('{"a":'.repeat(MAX_NESTING - 1) + '[]' + '}'.repeat(MAX_NESTING - 1));
  assert.equal(parseStrictJson('['.repeat(MAX_NESTING + 1) + ']'.repeat(MAX_NESTING + 1)), undefined);
  assert.equal(parseStrictJson('['.repeat(1_000_000) + ']'.repeat(1_000_000)), undefined);
  assert.equal(parseStrictJson('{"a":'.repeat(200_000)), undefined);
});

test('anything but plain strict JSON is left to the tolerant path', () => {
  for (const text of [
    '',
    '   \n',
    '\uFEFF{}',
    '{}\u00a0',
    '{}\v',
    '\f[]',
    '// note\n{}',
    '{ /* x */ }',
    '{} //',
    '{ "a": 1, }',
    '[1, 2,]',
    '[,]',
    '[1,,2]',
    '{,}',
    '{ "a": 1 "b": 2 }',
    '[1 2]',
    '{ "a" 1 }',
    '{ a: 1 }',
    "{ 'a': 1 }",
    '{ "a": }',
    '{ "a" }',
    '{ 1: 2 }',
    '{',
    '[',
    '{ "a": [1, 2 }',
    '{ "a": 1 ]',
    '{}}',
    '{} {}',
    '1 2',
    ']',
    '01',
    '1.',
    '.5',
    '-',
    '-a',
    '+1',
    '1e',
    '1e+',
    '1.e5',
    'NaN',
    'Infinity',
    '0x10',
    '1_000',
    '1-',
    'True',
    'nul',
    'truex',
    'nullnull',
    'undefined',
    '"unterminated',
    '"a\tb"',
    '"a\nb"',
    '"a\u0000b"',
    '"\\x"',
    '"\\u12G4"',
    '"\\u12"',
    '"\\',
    '"\\"',
  ]) {
    assert.equal(parseStrictJson(text), undefined, JSON.stringify(text));
    assert.equal(tolerantFindsNothing(text), false, `the tolerant path has something to say about ${JSON.stringify(text)}`);
  }
});

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('mutated corpus policies: the fast parser takes exactly those the tolerant path finds nothing in, with the same tree', () => {
  const next = random(20261201);
  const small = corpusFiles().filter(f => f.text.length < 2000);
  const inserts = ['', ',', '"', '\\', '/', '*', ' ', '\t', '{', '}', '[', ']', ':', '0', '-', 'e', '.', 'x', '\n', '\u0001'];
  let taken = 0;
  for (let i = 0; i < 3000; i++) {
    const { text } = small[Math.floor(next() * small.length)];
    const at = Math.floor(next() * text.length);
    const removed = Math.floor(next() * 3);
    const mutated = text.slice(0, at) + inserts[Math.floor(next() * inserts.length)] + text.slice(at + removed);
    const isTaken = parseStrictJson(mutated) !== undefined;
    assert.equal(isTaken, tolerantFindsNothing(mutated), `mutant ${i}: ${JSON.stringify(mutated)}`);
    if (!isTaken) continue;
    taken++;
    assertSameTree(mutated);
  }
  assert.ok(taken > 100, `some mutations stay valid JSON (${taken})`);
});
