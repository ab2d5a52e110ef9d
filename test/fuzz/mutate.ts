// Seeded mutations of policy texts for the robustness harness. Every case draws from its own PRNG
// (seed, case number), so one failing case re-runs alone: npm run fuzz -- --seed S --case N.
import { createScanner, SyntaxKind } from 'jsonc-parser';

export type Random = () => number;

/** mulberry32: small, fast, good enough to spread mutations. */
export function prng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function caseRandom(seed: number, caseIndex: number): Random {
  return prng(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(caseIndex + 1, 0xc2b2ae35));
}

export const int = (random: Random, max: number) => Math.floor(random() * max);
export const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)];

interface Token {
  offset: number;
  length: number;
  kind: SyntaxKind;
}

function tokens(text: string): Token[] {
  const scanner = createScanner(text, false);
  const found: Token[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
    found.push({ offset: scanner.getTokenOffset(), length: scanner.getTokenLength(), kind });
  }
  return found;
}

const splice = (text: string, at: number, remove: number, insert: string) => text.slice(0, at) + insert + text.slice(at + remove);

/** Odd characters: lone surrogates, emoji, combining marks, zero-width and bidi controls, NUL, BOM. */
const ODD = [
  '\ud800',
  '\udfff',
  '😀',
  '👩‍👩‍👧',
  'e\u0301',
  '\u200b',
  '\u202e',
  '\u0000',
  '\ufeff',
  '\u2028',
  'ß',
  'İ',
  '\t',
  '\r',
  '"',
  '\\',
  '${',
  '*',
  '?',
  ':',
  '/',
];
const VALUES = ['0', '-1e999', 'true', 'null', '{}', '[]', '""', '"*"', '[[]]', '{"":{}}', '[1,"a",null]', '"arn:aws:s3:::*"', '"${aws:username}"'];
const FRAGMENTS = [
  ',',
  '}',
  ']',
  '{',
  '[',
  ':',
  '"',
  '"Action": "*"',
  '"Condition": {"StringEquals": {"aws:SourceIp": ["1.2.3.4/33"]}}',
  '"Principal": {"AWS": "*"}',
  '"Effect": "Allow",',
  '// c',
  '/* c */',
  '"NotAction": 5',
  '"Resource": ["arn:aws:',
  '"Sid": "x"',
];

export interface Mutation {
  name: string;
  apply(text: string, random: Random): string;
}

export const MUTATIONS: Mutation[] = [
  { name: 'delete chars', apply: (t, r) => splice(t, int(r, t.length + 1), 1 + int(r, 6), '') },
  {
    name: 'duplicate chars',
    apply: (t, r) => {
      const at = int(r, t.length + 1);
      return splice(t, at, 0, t.slice(at, at + 1 + int(r, 12)));
    },
  },
  {
    name: 'swap chars',
    apply: (t, r) => {
      const at = int(r, Math.max(1, t.length - 1));
      return splice(t, at, 2, (t[at + 1] ?? '') + (t[at] ?? ''));
    },
  },
  { name: 'truncate', apply: (t, r) => t.slice(0, int(r, t.length + 1)) },
  {
    name: 'delete token',
    apply: (t, r) => {
      const all = tokens(t);
      if (!all.length) return t;
      const k = pick(r, all);
      return splice(t, k.offset, k.length, '');
    },
  },
  {
    name: 'duplicate token',
    apply: (t, r) => {
      const all = tokens(t);
      if (!all.length) return t;
      const k = pick(r, all);
      return splice(t, k.offset, 0, t.substr(k.offset, k.length));
    },
  },
  {
    name: 'swap tokens',
    apply: (t, r) => {
      const all = tokens(t);
      if (all.length < 2) return t;
      const [a, b] = [pick(r, all), pick(r, all)].sort((x, y) => x.offset - y.offset);
      if (a.offset + a.length > b.offset) return t;
      return (
        t.slice(0, a.offset) +
        t.substr(b.offset, b.length) +
        t.slice(a.offset + a.length, b.offset) +
        t.substr(a.offset, a.length) +
        t.slice(b.offset + b.length)
      );
    },
  },
  {
    name: 'wrong type',
    apply: (t, r) => {
      const values = tokens(t).filter(k =>
        [SyntaxKind.StringLiteral, SyntaxKind.NumericLiteral, SyntaxKind.TrueKeyword, SyntaxKind.OpenBracketToken].includes(k.kind),
      );
      if (!values.length) return t;
      const k = pick(r, values);
      return splice(t, k.offset, k.kind === SyntaxKind.OpenBracketToken ? 0 : k.length, pick(r, VALUES) + (k.kind === SyntaxKind.OpenBracketToken ? ',' : ''));
    },
  },
  {
    name: 'huge string',
    apply: (t, r) => {
      const strings = tokens(t).filter(k => k.kind === SyntaxKind.StringLiteral);
      const piece = pick(r, ['a', '*', ':', 'arn:aws:s3:::', '${aws:username}', 'é', '?*', '/']);
      const huge = piece.repeat(Math.ceil((1000 + int(r, 60000)) / piece.length));
      if (!strings.length) return splice(t, int(r, t.length + 1), 0, `"${huge}"`);
      const k = pick(r, strings);
      return splice(t, k.offset + 1, 0, huge);
    },
  },
  {
    name: 'deep nesting',
    apply: (t, r) => {
      const depth = 10 + int(r, 1500);
      const [open, close] = pick(r, [
        ['[', ']'],
        ['{"a":', '}'],
        ['{"Condition":', '}'],
      ]);
      const inner = open.repeat(depth) + (r() < 0.5 ? '1' + close.repeat(depth) : '');
      return splice(t, int(r, t.length + 1), 0, inner);
    },
  },
  {
    name: 'random unicode',
    apply: (t, r) => {
      const code = r() < 0.5 ? pick(r, ODD) : String.fromCodePoint(int(r, 0x110000));
      return splice(t, int(r, t.length + 1), 0, code);
    },
  },
  { name: 'CRLF', apply: (t, r) => (r() < 0.7 ? t.replace(/\n/g, '\r\n') : t.replace(/\n/g, '\r')) },
  { name: 'fragment', apply: (t, r) => splice(t, int(r, t.length + 1), 0, pick(r, FRAGMENTS)) },
];

/** One to three mutations; returns the text and their names. */
export function mutate(text: string, random: Random): { text: string; applied: string[] } {
  const applied: string[] = [];
  for (let n = 1 + int(random, 3); n > 0; n--) {
    const mutation = pick(random, MUTATIONS);
    text = mutation.apply(text, random);
    applied.push(mutation.name);
  }
  return { text, applied };
}
