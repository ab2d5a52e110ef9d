// HCL expressions (tree-sitter nodes) as host values: literals and quoted templates as strings with
// literal and unknown parts, tuples and objects as arrays and objects, and everything Terraform only
// knows at plan or apply time (references, function calls, `for` expressions, conditionals,
// interpolations) as unknowns that carry their source text. Also the small node helpers the readers
// share. Never throws on a tree with ERROR or MISSING nodes: unexpected shapes become unknowns.
import type { Span } from '../../policy/model';
import type { HostEntry, HostValue, StringPart } from '../hostTree';
import { unknownToken } from '../virtual';
import type { HclNode } from './hclParser';

export function spanOf(node: HclNode): Span {
  return { offset: node.startIndex, length: node.endIndex - node.startIndex };
}

/** The named children that matter (comments can sit anywhere). */
export function partsOf(node: HclNode): HclNode[] {
  return node.namedChildren.filter((child): child is HclNode => child !== null && child.type !== 'comment');
}

/** The longest unknown text kept: enough to recognise the expression. */
const MAX_EXPRESSION_TEXT = 60;

/**
 * A short readable form of an expression for a `${...}` token: one line, no braces, quotes or
 * backslashes (it is written inside a JSON string as is), cut when long.
 */
export function expressionText(source: string): string {
  const flat = source
    .replace(/\$\{|\}/g, '')
    .replace(/"/g, "'")
    .replace(/\\/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const text = flat.length > MAX_EXPRESSION_TEXT ? `${flat.slice(0, MAX_EXPRESSION_TEXT - 3)}...` : flat;
  return text || 'expression';
}

export interface Block {
  node: HclNode;
  /** `resource`, `data`, `statement`, ... */
  type: string;
  typeNode: HclNode;
  labels: string[];
  /** the label nodes (quoted or bare) */
  labelNodes: HclNode[];
  body: HclNode | undefined;
}

export function blockOf(node: HclNode, text: string): Block | undefined {
  const [typeNode, ...rest] = partsOf(node);
  if (typeNode?.type !== 'identifier') return undefined;
  const labelNodes = rest.filter(child => child.type === 'string_lit' || child.type === 'identifier');
  return {
    node,
    type: typeNode.text,
    typeNode,
    labels: labelNodes.map(label => (label.type === 'identifier' ? label.text : (literalString(label, text) ?? ''))),
    labelNodes,
    body: rest.find(child => child.type === 'body'),
  };
}

export interface Attribute {
  name: string;
  nameNode: HclNode;
  value: HclNode;
  node: HclNode;
}

/** The attributes and blocks of a body, in order. */
export function bodyItems(body: HclNode | undefined, text: string): Array<{ attribute: Attribute } | { block: Block }> {
  if (!body) return [];
  const items: Array<{ attribute: Attribute } | { block: Block }> = [];
  for (const child of partsOf(body)) {
    if (child.type === 'attribute') {
      const [nameNode, value] = partsOf(child);
      if (nameNode?.type === 'identifier' && value?.type === 'expression') items.push({ attribute: { name: nameNode.text, nameNode, value, node: child } });
    } else if (child.type === 'block') {
      const block = blockOf(child, text);
      if (block) items.push({ block });
    }
  }
  return items;
}

export function attributesOf(body: HclNode | undefined, text: string): Attribute[] {
  return bodyItems(body, text).flatMap(item => ('attribute' in item ? [item.attribute] : []));
}

/** A block's attribute by name. */
export function attributeOf(block: Block, name: string, text: string): Attribute | undefined {
  return attributesOf(block.body, text).find(attribute => attribute.name === name);
}

export function blocksOf(body: HclNode | undefined, text: string, type?: string): Block[] {
  return bodyItems(body, text).flatMap(item => ('block' in item && (type === undefined || item.block.type === type) ? [item.block] : []));
}

/** An expression's single term, through parentheses; undefined for references, operations with index or attribute access. */
export function termOf(expression: HclNode): HclNode | undefined {
  const parts = partsOf(expression);
  if (parts.length !== 1) return undefined;
  const [term] = parts;
  return term.type === 'expression' ? termOf(term) : term;
}

/** The value of a string without interpolations (`"abc"`, a literal_value or string_lit node or an expression of one). */
export function literalString(node: HclNode, text: string): string | undefined {
  const string = node.type === 'string_lit' ? node : stringLitOf(node);
  if (!string) return undefined;
  const parts = templateParts(text, quotedContent(string), { policyVariables: false });
  return parts.every(part => 'literal' in part) ? parts.map(part => ('literal' in part ? part.literal : '')).join('') : undefined;
}

function stringLitOf(node: HclNode): HclNode | undefined {
  const term = node.type === 'expression' ? termOf(node) : node;
  if (term?.type !== 'literal_value') return undefined;
  const [literal] = partsOf(term);
  return literal?.type === 'string_lit' ? literal : undefined;
}

/** The template between a quoted string's quotes, or a heredoc's lines, and its interpolations and directives. */
export interface TemplateContent {
  start: number;
  end: number;
  /** `${...}` and `%{...}` nodes, in order */
  holes: HclNode[];
}

export function quotedContent(node: HclNode): TemplateContent {
  const children = node.children.filter((child): child is HclNode => child !== null);
  const open = children.find(child => child.type === 'quoted_template_start');
  const close = children.find(child => child.type === 'quoted_template_end');
  const start = open ? open.endIndex : node.startIndex;
  const end = close && close.endIndex > close.startIndex ? close.startIndex : node.endIndex;
  return { start, end: Math.max(start, end), holes: children.filter(isHole) };
}

function isHole(node: HclNode): boolean {
  return node.type === 'template_interpolation' || node.type === 'template_directive';
}

export interface DecodeOptions {
  /** aws_iam_policy_document reads `&{` as `${` (a policy variable) in resources, principals and condition values */
  policyVariables: boolean;
  /** quoted strings decode backslash escapes; heredocs have none */
  heredoc?: boolean;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * The literal text of a template between holes as parts: runs written character for character are
 * exact; each escape (`\"`, `\n`, `\u00e9`, `$${`, `%%{`, `&{`) is a part of its own that is not.
 */
export function literalParts(text: string, start: number, end: number, options: DecodeOptions): Array<Extract<StringPart, { literal: string }>> {
  const parts: Array<Extract<StringPart, { literal: string }>> = [];
  let runStart = start;
  const flush = (to: number) => {
    if (to > runStart) parts.push({ literal: text.slice(runStart, to), span: { offset: runStart, length: to - runStart }, exact: true });
  };
  const escape = (at: number, length: number, literal: string) => {
    flush(at);
    parts.push({ literal, span: { offset: at, length }, exact: false });
    runStart = at + length;
  };
  for (let i = start; i < end; i++) {
    const c = text[i];
    if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      escape(i, 3, `${c}{`);
      i += 2;
    } else if (c === '&' && options.policyVariables && text[i + 1] === '{') {
      escape(i, 2, '${');
      i += 1;
    } else if (c === '\\' && !options.heredoc && i + 1 < end) {
      const decoded = decodeBackslash(text, i, end);
      escape(i, decoded.length, decoded.literal);
      i += decoded.length - 1;
    }
  }
  flush(end);
  return parts;
}

function decodeBackslash(text: string, at: number, end: number): { literal: string; length: number } {
  const letter = text[at + 1];
  if (letter in SIMPLE_ESCAPES) return { literal: SIMPLE_ESCAPES[letter], length: 2 };
  const digits = letter === 'u' ? 4 : letter === 'U' ? 8 : 0;
  const hex = text.slice(at + 2, Math.min(end, at + 2 + digits));
  if (digits && hex.length === digits && /^[0-9a-fA-F]+$/.test(hex)) {
    const codePoint = Number.parseInt(hex, 16);
    if (codePoint <= 0x10ffff) return { literal: String.fromCodePoint(codePoint), length: 2 + digits };
  }
  return { literal: letter, length: 2 }; // not an HCL escape: Terraform rejects it, keep the letter
}

/** A hole's readable text: the interpolated expression, or the directive as written. */
export function holeText(hole: HclNode, text: string): string {
  if (hole.type === 'template_interpolation') {
    const expression = partsOf(hole).find(child => child.type === 'expression');
    return expressionText(expression ? sourceOf(expression, text) : '');
  }
  return expressionText(sourceOf(hole, text).replace(/%\{~?|~?\}/g, ' '));
}

export function sourceOf(node: HclNode, text: string): string {
  return text.slice(node.startIndex, node.endIndex);
}

/** The parts of a template (quoted string or heredoc) between start and end, holes as unknown parts. */
export function templateParts(text: string, content: TemplateContent, options: DecodeOptions): StringPart[] {
  const parts: StringPart[] = [];
  let at = content.start;
  for (const hole of content.holes) {
    parts.push(...literalParts(text, at, hole.startIndex, options));
    parts.push({ unknown: holeText(hole, text), span: spanOf(hole) });
    at = hole.endIndex;
  }
  parts.push(...literalParts(text, at, content.end, options));
  return parts;
}

/** The expression inside `"${expr}"`, which Terraform reads as expr itself. */
export function soleInterpolation(term: HclNode): HclNode | undefined {
  if (term.type !== 'template_expr') return undefined;
  const [quoted] = partsOf(term);
  if (quoted?.type !== 'quoted_template') return undefined;
  const content = quotedContent(quoted);
  const [hole] = content.holes;
  if (content.holes.length !== 1 || hole.type !== 'template_interpolation' || hole.startIndex !== content.start || hole.endIndex !== content.end)
    return undefined;
  return partsOf(hole).find(child => child.type === 'expression');
}

export class HclValueReader {
  constructor(private readonly text: string) {}

  unknown(node: HclNode): HostValue {
    return { kind: 'unknown', span: spanOf(node), text: expressionText(sourceOf(node, this.text)) };
  }

  /** The host value of an expression node. */
  value(expression: HclNode, options: DecodeOptions = { policyVariables: false }): HostValue {
    const term = expression.type === 'expression' ? termOf(expression) : expression;
    if (!term) return this.unknown(expression);
    const span = spanOf(expression);
    switch (term.type) {
      case 'literal_value': {
        const [literal] = partsOf(term);
        if (literal?.type === 'string_lit') return { kind: 'string', span, parts: templateParts(this.text, quotedContent(literal), options), style: 'hcl' };
        if (literal?.type === 'bool_lit') return { kind: 'boolean', span, value: literal.text === 'true' };
        if (literal?.type === 'null_lit') return { kind: 'null', span, value: null };
        const number = Number(literal?.text);
        return literal?.type === 'numeric_lit' && Number.isFinite(number) ? { kind: 'number', span, value: number } : this.unknown(expression);
      }
      case 'template_expr':
        return this.template(term, expression, options);
      case 'collection_value': {
        const [collection] = partsOf(term);
        if (collection?.type === 'tuple')
          return {
            kind: 'array',
            span,
            items: partsOf(collection)
              .filter(item => item.type === 'expression')
              .map(item => this.value(item, options)),
          };
        if (collection?.type === 'object') return { kind: 'object', span, entries: this.entries(collection, options) };
        return this.unknown(expression);
      }
      default:
        return this.unknown(expression);
    }
  }

  private template(term: HclNode, expression: HclNode, options: DecodeOptions): HostValue {
    if (soleInterpolation(term)) return this.unknown(expression);
    const [template] = partsOf(term);
    const span = spanOf(expression);
    if (template?.type === 'quoted_template') return { kind: 'string', span, parts: templateParts(this.text, quotedContent(template), options), style: 'hcl' };
    if (template?.type === 'heredoc_template') {
      const content = heredocContent(template, this.text);
      if (content) return { kind: 'string', span, parts: templateParts(this.text, content, { ...options, heredoc: true }), style: 'hcl' };
    }
    return this.unknown(expression);
  }

  private entries(object: HclNode, options: DecodeOptions): HostEntry[] {
    return partsOf(object)
      .filter(elem => elem.type === 'object_elem')
      .flatMap(elem => {
        const keyNode = elem.childForFieldName('key');
        const valueNode = elem.childForFieldName('val');
        if (!keyNode || !valueNode) return [];
        return [{ ...this.key(keyNode), value: this.value(valueNode, options), span: spanOf(elem) }];
      });
  }

  /** An object key: a bare identifier or a string is the name itself; anything else is unknown. */
  private key(keyNode: HclNode): Pick<HostEntry, 'key' | 'keySpan' | 'keyStyle' | 'renamable'> {
    const term = termOf(keyNode);
    if (term?.type === 'variable_expr') return { key: sourceOf(term, this.text), keySpan: spanOf(term), keyStyle: 'hcl', renamable: true };
    const literal = literalString(keyNode, this.text);
    if (literal !== undefined) return { key: literal, keySpan: spanOf(keyNode), keyStyle: 'hcl', renamable: true };
    return { key: unknownToken(expressionText(sourceOf(keyNode, this.text))), keySpan: spanOf(keyNode), keyStyle: 'hcl', renamable: false };
  }
}

/**
 * A heredoc's lines: from the line after `<<EOF` to the end of the line before the closing marker;
 * undefined when the heredoc is not closed. `<<-` indentation is kept: outside JSON strings it is
 * only white space.
 */
export function heredocContent(heredoc: HclNode, text: string): TemplateContent | undefined {
  const children = heredoc.children.filter((child): child is HclNode => child !== null);
  const markers = children.filter(child => child.type === 'heredoc_identifier');
  if (markers.length < 2 || markers[1].endIndex === markers[1].startIndex) return undefined;
  const lineEnd = text.indexOf('\n', markers[0].endIndex);
  const start = lineEnd < 0 ? markers[0].endIndex : lineEnd + 1;
  const closingLine = text.lastIndexOf('\n', markers[1].startIndex - 1) + 1;
  return { start, end: Math.max(start, closingLine), holes: children.filter(isHole) };
}
