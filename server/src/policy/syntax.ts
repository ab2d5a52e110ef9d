// Syntax errors of a policy text. jsonc-parser parses tolerantly (comments and trailing commas
// allowed, so the tree stays useful), and this module reports everything IAM itself rejects:
// comments, trailing commas and every JSON error, each at the spot where it is.
import { createScanner, ParseError, ParseErrorCode, printParseErrorCode, SyntaxKind } from 'jsonc-parser';
import type { PolicyDocument, SyntaxIssue } from './model';

export const SYNTAX_CODES = {
  json: 'IAM001',
  comment: 'IAM002',
  trailingComma: 'IAM003',
  missingComma: 'IAM004',
} as const;

const PARSE_ERROR_TEXT: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'Unexpected text: IAM policies are strict JSON. Quote property names and string values.',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid number.',
  [ParseErrorCode.PropertyNameExpected]: 'A property name in double quotes is expected here.',
  [ParseErrorCode.ValueExpected]: 'A value is expected here.',
  [ParseErrorCode.ColonExpected]: 'A colon (:) is expected after the property name.',
  [ParseErrorCode.CloseBraceExpected]: 'A closing brace (}) is expected.',
  [ParseErrorCode.CloseBracketExpected]: 'A closing bracket (]) is expected.',
  [ParseErrorCode.EndOfFileExpected]: 'Unexpected content after the end of the policy: a policy is a single JSON object.',
  [ParseErrorCode.UnexpectedEndOfComment]: 'Unterminated comment (and IAM does not accept comments).',
  [ParseErrorCode.UnexpectedEndOfString]: 'Unterminated string: a closing double quote is missing.',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'Unterminated number.',
  [ParseErrorCode.InvalidUnicode]: 'Invalid \\u escape in a string.',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape character in a string.',
  [ParseErrorCode.InvalidCharacter]: 'Invalid character in a string: control characters must be escaped.',
};

/** The bracket or brace that is open at the offset (the innermost), if any. */
function openAt(text: string, offset: number): '[' | '{' | undefined {
  const open: Array<'[' | '{'> = [];
  const scanner = createScanner(text, true);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF && scanner.getTokenOffset() < offset; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBracketToken) open.push('[');
    else if (kind === SyntaxKind.OpenBraceToken) open.push('{');
    else if (kind === SyntaxKind.CloseBracketToken || kind === SyntaxKind.CloseBraceToken) open.pop();
  }
  return open[open.length - 1];
}

/** Converts jsonc-parser's errors; drops the ones we report more precisely ourselves. */
export function parseErrorsToIssues(errors: readonly ParseError[], text: string): SyntaxIssue[] {
  const issues: SyntaxIssue[] = [];
  for (const e of errors) {
    if (e.error === ParseErrorCode.InvalidCommentToken) continue; // reported by scanTrivia
    // `"Action": ["a", "b",` then `"Resource": ...`: the parser reads the property name as an item
    // and stumbles on its colon; what is missing is the list's "]"
    if (e.error === ParseErrorCode.CommaExpected && text[e.offset] === ':' && openAt(text, e.offset) === '[') {
      issues.push({
        code: SYNTAX_CODES.json,
        offset: e.offset,
        length: 1,
        message: 'A list is not closed: a closing bracket (]) is missing after its last item, before this property.',
      });
      continue;
    }
    if (e.error === ParseErrorCode.CommaExpected) {
      issues.push({
        code: SYNTAX_CODES.missingComma,
        offset: e.offset,
        length: Math.max(e.length, 1),
        message: 'A comma is missing before this value: separate array items and properties with commas.',
      });
      continue;
    }
    const message = PARSE_ERROR_TEXT[e.error] ?? `JSON syntax error: ${printParseErrorCode(e.error)}.`;
    issues.push({ code: SYNTAX_CODES.json, offset: e.offset, length: Math.max(e.length, 1), message });
  }
  return issues;
}

/**
 * Nesting deeper than any policy needs (a policy nests 6 levels: Statement, statement, Condition,
 * operator, key, values). jsonc-parser and the walks of the tree recurse once per level and
 * overflow the stack near 10,000 levels, so deeper values are left out of the tree.
 */
export const MAX_NESTING = 100;

export interface TextScan {
  issues: SyntaxIssue[];
  /** the text the tree is built from: values nested deeper than MAX_NESTING become `0` and spaces (same offsets) */
  treeText: string;
}

/** The text with each span replaced by `0` and spaces, so that every other offset stays the same. */
function blankOut(text: string, spans: Array<[number, number]>): string {
  if (spans.length === 0) return text;
  const pieces: string[] = [];
  let at = 0;
  for (const [start, end] of spans) (pieces.push(text.slice(at, start), '0', ' '.repeat(end - start - 1)), (at = end));
  pieces.push(text.slice(at));
  return pieces.join('');
}

/**
 * Finds comments, trailing commas and too deep nesting with one pass of the scanner. A comma is
 * trailing when the next token that is not trivia is `}` or `]`.
 */
export function scanTrivia(text: string): TextScan {
  const issues: SyntaxIssue[] = [];
  const scanner = createScanner(text, false);
  let pendingComma: { offset: number } | undefined;
  let depth = 0;
  let deepStart = -1;
  const tooDeep: Array<[number, number]> = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    switch (kind) {
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        issues.push({
          code: SYNTAX_CODES.comment,
          offset: scanner.getTokenOffset(),
          length: scanner.getTokenLength(),
          message: 'IAM does not accept comments in a policy: remove the comment (keep notes in the Sid or in a separate file).',
        });
        break;
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
        break;
      case SyntaxKind.CommaToken:
        pendingComma = { offset: scanner.getTokenOffset() };
        break;
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        if (++depth === MAX_NESTING + 1) deepStart = scanner.getTokenOffset();
        pendingComma = undefined;
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        if (depth === MAX_NESTING + 1 && deepStart >= 0) {
          tooDeep.push([deepStart, scanner.getTokenOffset() + 1]);
          deepStart = -1;
        }
        depth = Math.max(0, depth - 1);
        if (pendingComma) {
          issues.push({
            code: SYNTAX_CODES.trailingComma,
            offset: pendingComma.offset,
            length: 1,
            message: 'IAM does not accept a trailing comma: remove the comma before the closing bracket.',
          });
        }
        pendingComma = undefined;
        break;
      default:
        pendingComma = undefined;
    }
  }
  if (deepStart >= 0) tooDeep.push([deepStart, text.length]);
  if (tooDeep.length) {
    issues.push({
      code: SYNTAX_CODES.json,
      offset: tooDeep[0][0],
      length: 1,
      message: `This value is nested more than ${MAX_NESTING} levels deep: IAM policies nest a few levels. The deeper part is ignored.`,
    });
  }
  return { issues, treeText: blankOut(text, tooDeep) };
}

/**
 * A JSON error: the tolerant parser guesses past it, and what follows may be misread. Not a missing
 * comma between two values, comments or trailing commas, which it reads past exactly.
 */
function isStructural(issue: SyntaxIssue): boolean {
  return issue.code === SYNTAX_CODES.json;
}

/**
 * Where the structure of a document stops being sound, so that one syntax error is one finding: the
 * syntax issues to report (comments, trailing and missing commas up to the first JSON error, and that
 * error, not the ones the parser's guesses past it cascade into); the offset from which the tree is
 * a guess (the start of the statement that holds the error, else the error); and the starts of the
 * nodes around the error, at which a finding about a missing element would be a guess too.
 * Undefined when the text parses.
 */
export function brokenStructure(doc: PolicyDocument): { issues: SyntaxIssue[]; guessedFrom: number; enclosingStarts: ReadonlySet<number> } | undefined {
  const first = doc.syntaxErrors.find(isStructural);
  if (!first) return undefined;
  const encloses = (node: { offset: number; length: number } | undefined) =>
    node !== undefined && node.offset <= first.offset && first.offset <= node.offset + node.length;
  const statement = doc.statements.find(s => encloses(s.node));
  const enclosing = [doc.root, doc.statementEntry?.node, doc.statementEntry?.valueNode, statement?.node].filter(encloses);
  return {
    issues: doc.syntaxErrors.filter(issue => issue === first || (!isStructural(issue) && issue.offset < first.offset)),
    guessedFrom: statement?.node.offset ?? first.offset,
    enclosingStarts: new Set(enclosing.map(node => node!.offset)),
  };
}
