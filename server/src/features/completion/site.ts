// Where a completion goes: whether the cursor is on a key or a value, which element that belongs
// to, the span an item replaces, and what the inserted text needs around it (quotes, commas, a value
// skeleton or not) for the JSON to stay valid. Written for text being typed: unterminated strings,
// words without quotes, values still missing after `"Action": `, missing commas.
import { findNodeAtOffset, getNodePath, type JSONPath, type Node } from 'jsonc-parser';
import type { PolicyDocument } from '../../policy/model';
import { describePath, type PathContext } from '../../policy/locate';
import { SYNTAX_CODES } from '../../policy/syntax';

export interface CompletionSite {
  kind: 'key' | 'value';
  /** key: path of the object the key goes in; value: path of the property the value belongs to (no array index) */
  path: JSONPath;
  /** statement, element, condition operator and key, principal type of `path` */
  context: PathContext;
  /** the text an item replaces, [start, end) */
  start: number;
  end: number;
  /** the cursor */
  offset: number;
  /** the replaced text is a string with its opening quote (filter texts then start with a quote too) */
  quoted: boolean;
  /** the string has its closing quote (inside a string only) */
  closed: boolean;
  /** where the string's content (or the bare word) starts */
  contentStart: number;
  /** text from the content start to the cursor */
  typed: string;
  /** the whole word or string content being replaced */
  current: string;
  /** the value is an item of an array */
  inArray: boolean;
  /** where a missing comma before the inserted text goes */
  commaBefore?: number;
  /** the inserted text must end with a comma */
  commaAfter: boolean;
  /** key only: a `:` follows, so the key is replaced and no value skeleton inserted */
  keyOnly: boolean;
  /** a value typed right after the colon without quotes (`"Action":|`): the item starts with a space */
  spaceBefore: boolean;
}

// Characters of a word typed without quotes (an action, an ARN, a key name).
const BARE_WORD = /[^\s"',[\]{}]/;
// Characters that end a word inside an unterminated string.
const STRING_WORD = /[^\s",[\]{}]/;

/** The comment around `i`, if any (IAM rejects comments, but a document being edited may have them). */
function commentAt(doc: PolicyDocument, i: number) {
  return doc.syntaxErrors.find(issue => issue.code === SYNTAX_CODES.comment && i >= issue.offset && i < issue.offset + issue.length);
}

/** The last character before `before` that is neither white space nor in a comment, or -1. */
function prevSignificant(doc: PolicyDocument, before: number): number {
  for (let i = before - 1; i >= 0; i--) {
    if (/\s/.test(doc.text[i])) continue;
    const comment = commentAt(doc, i);
    if (!comment) return i;
    i = comment.offset;
  }
  return -1;
}

/** The first character from `from` on that is neither white space nor in a comment, or -1. */
function nextSignificant(doc: PolicyDocument, from: number): number {
  for (let i = from; i < doc.text.length; i++) {
    if (/\s/.test(doc.text[i])) continue;
    const comment = commentAt(doc, i);
    if (!comment) return i;
    i = comment.offset + comment.length - 1;
  }
  return -1;
}

/** The string has its closing quote (an unescaped `"` that is not the opening one). */
function isClosedString(text: string, node: Node): boolean {
  const last = node.offset + node.length - 1;
  if (node.length < 2 || text[last] !== '"') return false;
  let backslashes = 0;
  for (let i = last - 1; i > node.offset && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

/** Inside a comment (which IAM rejects anyway): nothing to complete. */
function inComment(doc: PolicyDocument, offset: number): boolean {
  const comment = commentAt(doc, offset - 1);
  return comment !== undefined && offset > comment.offset;
}

function isKeyNode(node: Node): boolean {
  return node.parent?.type === 'property' && node.parent.children?.[0] === node;
}

function isClosedContainer(text: string, node: Node): boolean {
  return text[node.offset + node.length - 1] === (node.type === 'object' ? '}' : ']');
}

/** The innermost object or array whose inside contains `pos` (an unclosed one reaches to its end). */
function containerAt(text: string, root: Node, pos: number): Node | undefined {
  for (let n: Node | undefined = findNodeAtOffset(root, pos, true); n; n = n.parent) {
    if (
      (n.type === 'object' || n.type === 'array') &&
      pos > n.offset &&
      (pos < n.offset + n.length || (pos === n.offset + n.length && !isClosedContainer(text, n)))
    )
      return n;
  }
  return undefined;
}

/** Whether a value starts at `pos` (a string that is followed by `:` is the next key, not a value). */
function valueStartsAt(doc: PolicyDocument, root: Node, pos: number): boolean {
  const text = doc.text;
  if (pos < 0 || /[}\],]/.test(text[pos])) return false;
  if (text[pos] !== '"') return true;
  const node = findNodeAtOffset(root, pos, false);
  if (node?.type !== 'string') return true;
  const after = nextSignificant(doc, node.offset + node.length);
  return after < 0 || text[after] !== ':';
}

interface Span {
  start: number;
  end: number;
  quoted: boolean;
  closed: boolean;
  contentStart: number;
  current: string;
}

function finish(doc: PolicyDocument, offset: number, kind: CompletionSite['kind'], path: JSONPath, span: Span, inArray: boolean): CompletionSite {
  const text = doc.text;
  const prev = prevSignificant(doc, span.start);
  const next = nextSignificant(doc, span.end);
  const keyOnly = kind === 'key' && next >= 0 && text[next] === ':';
  return {
    kind,
    path,
    context: describePath(doc, path),
    offset,
    inArray,
    keyOnly,
    spaceBefore: !span.quoted && text[span.start - 1] === ':',
    ...span,
    typed: text.slice(span.contentStart, offset),
    commaBefore: prev >= 0 && !'[{,:'.includes(text[prev]) ? prev + 1 : undefined,
    commaAfter: !keyOnly && next >= 0 && !'}],:'.includes(text[next]),
  };
}

function stringSite(doc: PolicyDocument, node: Node, offset: number): CompletionSite {
  const text = doc.text;
  const closed = isClosedString(text, node);
  let end = node.offset + node.length;
  if (!closed) for (end = offset; end < text.length && STRING_WORD.test(text[end]);) end++;
  const span = {
    start: node.offset,
    end,
    quoted: true,
    closed,
    contentStart: node.offset + 1,
    current: closed ? String(node.value) : text.slice(node.offset + 1, end),
  };
  const path = getNodePath(node);
  if (isKeyNode(node)) return finish(doc, offset, 'key', path.slice(0, -1), span, false);
  const inArray = node.parent?.type === 'array';
  return finish(doc, offset, 'value', inArray ? path.slice(0, -1) : path, span, inArray);
}

/**
 * The completion site at `offset`, or undefined where nothing can be inserted (between a key and its
 * colon, before an existing value, outside the policy object).
 */
export function completionSite(doc: PolicyDocument, offset: number): CompletionSite | undefined {
  const { text, root } = doc;
  if (!root || inComment(doc, offset)) return undefined;
  const node = findNodeAtOffset(root, offset, true);
  if (node?.type === 'string' && offset > node.offset) {
    const closed = isClosedString(text, node);
    if (!closed || offset < node.offset + node.length) return stringSite(doc, node, offset);
  }
  let start = offset;
  while (start > 0 && BARE_WORD.test(text[start - 1])) start--;
  while (start < offset && text[start] === ':') start++; // the colon after a key is not part of the word
  let end = offset;
  while (end < text.length && BARE_WORD.test(text[end])) end++;
  const span = { start, end, quoted: false, closed: false, contentStart: start, current: text.slice(start, end) };
  const prev = prevSignificant(doc, start);
  if (prev >= 0 && text[prev] === ':') {
    // The value of `"Key": |`: the parser may have taken the next line's key as this value.
    const keyNode = findNodeAtOffset(root, prevSignificant(doc, prev), false);
    if (keyNode?.type !== 'string' || !isKeyNode(keyNode)) return undefined;
    if (start === end && valueStartsAt(doc, root, nextSignificant(doc, end))) return undefined;
    return finish(doc, offset, 'value', getNodePath(keyNode), span, false);
  }
  // Right after a closing quote or bracket (the `"` just typed that closes a string): nothing to offer.
  if (start === end && prev === offset - 1 && '"]}'.includes(text[prev])) return undefined;
  const container = containerAt(text, root, start);
  if (!container) return undefined;
  if (prev >= 0 && text[prev] === '"') {
    const before = findNodeAtOffset(root, prev, false);
    if (before?.type === 'string' && isKeyNode(before)) return undefined; // `"Action" |`: the colon is missing
  }
  const path = getNodePath(container);
  return container.type === 'object' ? finish(doc, offset, 'key', path, span, false) : finish(doc, offset, 'value', path, span, true);
}
