// The fast path of parsePolicy: a parser for plain strict JSON, which almost every policy is. It
// builds exactly the tree that jsonc-parser's parseTree builds (same node shapes, fields and field
// order), in one pass over the text and without a token scanner. At the first thing that is not
// plain strict JSON (comments, trailing commas, any syntax error, nesting deeper than MAX_NESTING,
// an empty text) it gives up, and parsePolicy takes the tolerant path that reports the issues.
import type { Node } from 'jsonc-parser';
import { ownString } from './ownString';
import { MAX_NESTING } from './syntax';

const TAB = 9,
  LINE_FEED = 10,
  CARRIAGE_RETURN = 13,
  SPACE = 32;
const QUOTE = 34,
  COMMA = 44,
  MINUS = 45,
  DOT = 46,
  ZERO = 48,
  NINE = 57,
  COLON = 58,
  BACKSLASH = 92;
const OPEN_BRACKET = 91,
  CLOSE_BRACKET = 93,
  OPEN_BRACE = 123,
  CLOSE_BRACE = 125;
const UPPER_E = 69,
  LOWER_E = 101,
  LOWER_F = 102,
  LOWER_N = 110,
  LOWER_T = 116,
  LOWER_U = 117,
  PLUS = 43;

/** jsonc-parser's Node while it is built: length, colonOffset and the root's parent are set afterwards. */
type MutableNode = { -readonly [K in keyof Node]: Node[K] };

/** Thrown at the first thing that is not plain strict JSON; never escapes parseStrictJson. */
const NOT_STRICT_JSON = Symbol('not strict JSON');

function giveUp(): never {
  throw NOT_STRICT_JSON;
}

function isDigit(ch: number): boolean {
  return ch >= ZERO && ch <= NINE;
}

/** 0-9, A-F, a-f */
function isHexDigit(ch: number): boolean {
  return isDigit(ch) || (ch >= 65 && ch <= 70) || (ch >= 97 && ch <= 102);
}

/** The characters after a backslash that make an escape of strict JSON, besides \uXXXX. */
const SIMPLE_ESCAPES = new Set(Array.from('"\\/bfnrt', c => c.charCodeAt(0)));

/**
 * The tree of a strict JSON text, equal to `parseTree(text)` of jsonc-parser; undefined when the
 * text is anything else (then jsonc-parser's tree or errors could differ from what this would build).
 */
export function parseStrictJson(text: string): Node | undefined {
  try {
    return new StrictJsonParser(text).parseDocument();
  } catch (e) {
    if (e === NOT_STRICT_JSON) return undefined;
    throw e;
  }
}

class StrictJsonParser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  parseDocument(): MutableNode {
    const root = this.value(undefined, this.skipWhitespace());
    this.skipWhitespace();
    if (this.pos < this.text.length) giveUp();
    delete root.parent; // as parseTree does: the root has no parent field at all
    return root;
  }

  /** Skips JSON whitespace; the code of the next character, NaN at the end of the text. */
  private skipWhitespace(): number {
    const text = this.text;
    let pos = this.pos;
    let ch = text.charCodeAt(pos);
    while (ch === SPACE || ch === LINE_FEED || ch === CARRIAGE_RETURN || ch === TAB) ch = text.charCodeAt(++pos);
    this.pos = pos;
    return ch;
  }

  /** The value that starts at pos, whose first character is `ch`. */
  private value(parent: Node | undefined, ch: number): MutableNode {
    switch (ch) {
      case QUOTE: {
        const offset = this.pos;
        const value = this.string();
        return { type: 'string', offset, length: this.pos - offset, parent, value };
      }
      case OPEN_BRACE:
        return this.container('object', parent);
      case OPEN_BRACKET:
        return this.container('array', parent);
      case LOWER_T:
        return this.keyword(parent, 'true', true);
      case LOWER_F:
        return this.keyword(parent, 'false', false);
      case LOWER_N:
        return this.keyword(parent, 'null', null);
      default:
        return this.number(parent, ch);
    }
  }

  private keyword(parent: Node | undefined, word: string, value: boolean | null): MutableNode {
    if (!this.text.startsWith(word, this.pos)) giveUp();
    const offset = this.pos;
    this.pos += word.length;
    return { type: value === null ? 'null' : 'boolean', offset, length: word.length, parent, value };
  }

  /** -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? and its value as jsonc-parser computes it. */
  private number(parent: Node | undefined, ch: number): MutableNode {
    const text = this.text;
    const offset = this.pos;
    let pos = offset;
    if (ch === MINUS) ch = text.charCodeAt(++pos);
    if (ch === ZERO) pos++;
    else if (isDigit(ch)) pos = this.digits(pos);
    else giveUp();
    if (text.charCodeAt(pos) === DOT) pos = this.digits(pos + 1);
    ch = text.charCodeAt(pos);
    if (ch === UPPER_E || ch === LOWER_E) {
      ch = text.charCodeAt(++pos);
      pos = this.digits(ch === PLUS || ch === MINUS ? pos + 1 : pos);
    }
    this.pos = pos;
    return { type: 'number', offset, length: pos - offset, parent, value: Number(text.slice(offset, pos)) };
  }

  /** The end of the one or more digits at pos. */
  private digits(pos: number): number {
    if (!isDigit(this.text.charCodeAt(pos))) giveUp();
    while (isDigit(this.text.charCodeAt(++pos)));
    return pos;
  }

  /** The string whose opening quote is at pos; leaves pos after the closing quote. */
  private string(): string {
    const text = this.text;
    const start = this.pos;
    let pos = start + 1;
    let escaped = false;
    for (;;) {
      const ch = text.charCodeAt(pos);
      if (ch === QUOTE) break;
      if (ch === BACKSLASH) {
        pos = this.escapeEnd(pos);
        escaped = true;
      } else if (ch >= SPACE) {
        pos++;
      } else {
        giveUp(); // a control character, or NaN: the text ends inside the string
      }
    }
    this.pos = pos + 1;
    // the escapes are all valid, so JSON.parse decodes them as jsonc-parser's scanner does
    return escaped ? (JSON.parse(text.slice(start, pos + 1)) as string) : ownString(text.slice(start + 1, pos));
  }

  /** The end of the valid escape sequence whose backslash is at pos. */
  private escapeEnd(pos: number): number {
    const ch = this.text.charCodeAt(pos + 1);
    if (SIMPLE_ESCAPES.has(ch)) return pos + 2;
    if (ch !== LOWER_U) giveUp();
    for (let i = pos + 2; i < pos + 6; i++) if (!isHexDigit(this.text.charCodeAt(i))) giveUp();
    return pos + 6;
  }

  /** An array of values or an object of properties: items separated by commas up to the closing bracket or brace. */
  private container(type: 'array' | 'object', parent: Node | undefined): MutableNode {
    const node: MutableNode = { type, offset: this.pos, length: -1, parent, children: [] };
    const close = type === 'array' ? CLOSE_BRACKET : CLOSE_BRACE;
    if (++this.depth > MAX_NESTING) giveUp(); // scanTrivia blanks these out of the tree
    this.pos++;
    let ch = this.skipWhitespace();
    if (ch !== close) {
      for (;;) {
        node.children!.push(type === 'array' ? this.value(node, ch) : this.property(node, ch));
        ch = this.skipWhitespace();
        if (ch === close) break;
        if (ch !== COMMA) giveUp();
        this.pos++;
        ch = this.skipWhitespace();
      }
    }
    this.pos++;
    this.depth--;
    node.length = this.pos - node.offset;
    return node;
  }

  /** `"name": value`, a property node with the key's and the value's nodes as children. */
  private property(parent: Node, ch: number): MutableNode {
    if (ch !== QUOTE) giveUp();
    const offset = this.pos;
    const property: MutableNode = { type: 'property', offset, length: -1, parent, children: [] };
    const name = this.string();
    const key: Node = { type: 'string', value: name, offset, length: this.pos - offset, parent: property };
    if (this.skipWhitespace() !== COLON) giveUp();
    property.colonOffset = this.pos++;
    property.children = [key, this.value(property, this.skipWhitespace())];
    property.length = this.pos - offset;
    return property;
  }
}
