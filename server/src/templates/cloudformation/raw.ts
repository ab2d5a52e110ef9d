// A template's values as both of its syntaxes write them (JSON through jsonc-parser, YAML through
// `yaml`), with spans and YAML tags, so that everything after parsing (intrinsics, resources, SAM,
// Serverless) is written once. Intrinsics are not resolved here (see intrinsics.ts).
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { isAlias, isMap, isPair, isScalar, isSeq, type Node as YamlNode, parseDocument, Scalar, type ScalarTag, type CollectionTag } from 'yaml';
import type { Span } from '../../policy/model';
import type { StringStyle } from '../hostTree';
import type { TemplateFormat, TemplateProblem, TemplateReadResult } from '../types';

export interface RawScalar {
  kind: 'scalar';
  /** the value as written, quotes included, tag excluded */
  span: Span;
  /** the tag too (`!Ref X`): the whole value */
  outer: Span;
  tag?: string;
  value: string | number | boolean | null;
  style: StringStyle;
}

export interface RawEntry {
  key: string;
  keySpan: Span;
  keyStyle: StringStyle;
  /** a key without a value reads as a null scalar at the key's end */
  value: RawNode;
  span: Span;
}

export interface RawMap {
  kind: 'map';
  span: Span;
  outer: Span;
  tag?: string;
  entries: RawEntry[];
}
export interface RawSeq {
  kind: 'seq';
  span: Span;
  outer: Span;
  tag?: string;
  items: RawNode[];
}
export type RawNode = RawScalar | RawMap | RawSeq;

export interface RawTemplate {
  root: RawNode | undefined;
  problems: TemplateProblem[];
}

/** Nesting deeper than any template: the rest reads as null rather than overflow the stack. */
const MAX_DEPTH = 256;

function nullAt(offset: number): RawScalar {
  const span = { offset, length: 0 };
  return { kind: 'scalar', span, outer: span, value: null, style: 'synthetic' };
}

// ---- JSON ----------------------------------------------------------------------------------

function fromJsonNode(node: Node, depth: number): RawNode {
  const span = { offset: node.offset, length: node.length };
  if (depth > MAX_DEPTH) return nullAt(node.offset);
  switch (node.type) {
    case 'object': {
      const entries: RawEntry[] = [];
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key?.type !== 'string') continue;
        entries.push({
          key: String(key.value),
          keySpan: { offset: key.offset, length: key.length },
          keyStyle: 'json',
          value: value ? fromJsonNode(value, depth + 1) : nullAt(key.offset + key.length),
          span: { offset: property.offset, length: property.length },
        });
      }
      return { kind: 'map', span, outer: span, entries };
    }
    case 'array':
      return { kind: 'seq', span, outer: span, items: (node.children ?? []).map(child => fromJsonNode(child, depth + 1)) };
    default:
      return { kind: 'scalar', span, outer: span, value: node.value ?? null, style: 'json' };
  }
}

/** A CloudFormation JSON template: strict JSON (no comments, no trailing commas), read as far as it goes. */
export function parseJsonTemplate(text: string): RawTemplate {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const problems = errors.map(e => ({
    offset: e.offset,
    length: Math.max(1, e.length),
    message: `The template is not valid JSON: ${jsonErrorText(printParseErrorCode(e.error))}.`,
  }));
  return { root: root ? fromJsonNode(root, 0) : undefined, problems };
}

function jsonErrorText(code: string): string {
  // 'CommaExpected' -> 'comma expected'
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

// ---- YAML ----------------------------------------------------------------------------------

/** CloudFormation's short-form tags (`!Ref`, `!Sub`...), each in its scalar, sequence and mapping forms. */
const CFN_TAG_NAMES = [
  'Ref',
  'Sub',
  'GetAtt',
  'Join',
  'If',
  'Select',
  'Split',
  'ImportValue',
  'FindInMap',
  'Base64',
  'Cidr',
  'GetAZs',
  'And',
  'Or',
  'Not',
  'Equals',
  'Condition',
  'Transform',
  'ToJsonString',
  'Length',
];
const CFN_TAGS: Array<ScalarTag | CollectionTag> = CFN_TAG_NAMES.flatMap(
  name =>
    [
      { tag: `!${name}`, resolve: (value: string) => value },
      { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => value },
      { tag: `!${name}`, collection: 'map' as const, resolve: (value: unknown) => value },
    ] as Array<ScalarTag | CollectionTag>,
);

const YAML_STYLES: Record<string, StringStyle> = {
  PLAIN: 'yaml-plain',
  QUOTE_SINGLE: 'yaml-single',
  QUOTE_DOUBLE: 'yaml-double',
  BLOCK_LITERAL: 'yaml-block',
  BLOCK_FOLDED: 'yaml-block',
};

/** Where a tagged node's tag starts: the `!Tag` written before the node, across spaces and line breaks. */
function tagStart(text: string, nodeStart: number, tag: string | undefined): number {
  if (!tag) return nodeStart;
  let at = nodeStart;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return text.startsWith(tag, at - tag.length) ? at - tag.length : nodeStart;
}

type OffsetMap = (offset: number) => number;

function yamlSpans(text: string, node: YamlNode, toOriginal: OffsetMap): { span: Span; outer: Span } {
  const [start, end] = (node.range ?? [0, 0]).map(toOriginal);
  const span = { offset: start, length: end - start };
  const from = tagStart(text, start, node.tag);
  return { span, outer: { offset: from, length: end - from } };
}

function fromYamlNode(text: string, node: YamlNode | null | undefined, at: number, depth: number, toOriginal: OffsetMap): RawNode {
  if (!node || depth > MAX_DEPTH) return nullAt(at);
  const { span, outer } = yamlSpans(text, node, toOriginal);
  const tag = node.tag?.startsWith('!') ? node.tag : undefined;
  if (isMap(node)) {
    const entries: RawEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = pair.key as Scalar;
      const keySpan = yamlSpans(text, key, toOriginal).span;
      const valueNode = pair.value as YamlNode | null;
      const value = fromYamlNode(text, valueNode, keySpan.offset + keySpan.length, depth + 1, toOriginal);
      const end = Math.max(keySpan.offset + keySpan.length, value.span.offset + value.span.length);
      entries.push({
        key: String(key.value),
        keySpan,
        keyStyle: YAML_STYLES[key.type ?? 'PLAIN'] ?? 'yaml-plain',
        value,
        span: { offset: keySpan.offset, length: end - keySpan.offset },
      });
    }
    return { kind: 'map', span, outer, tag, entries };
  }
  if (isSeq(node)) {
    return { kind: 'seq', span, outer, tag, items: node.items.map(item => fromYamlNode(text, item as YamlNode, span.offset, depth + 1, toOriginal)) };
  }
  if (isScalar(node)) {
    const style = YAML_STYLES[node.type ?? 'PLAIN'] ?? 'yaml-plain';
    return { kind: 'scalar', span, outer, tag, value: scalarValue(node, text.slice(span.offset, span.offset + span.length)), style };
  }
  // an alias (`*name`): CloudFormation does not support anchors, so nothing is known of it
  if (isAlias(node)) return { kind: 'scalar', span, outer, value: null, style: 'synthetic' };
  return nullAt(at);
}

/**
 * The YAML 1.2 core schema reads `2012-10-17` as the string CloudFormation reads. A plain number
 * whose digits a JavaScript number would change (`012345678901`, a 20-digit ID) stays the string
 * written, so that no digit of an account ID is lost.
 */
function scalarValue(node: Scalar, written: string): string | number | boolean | null {
  const value = node.value;
  if (typeof value === 'number') {
    if (/^[-+]?0\d/.test(written) || (Number.isInteger(value) && !Number.isSafeInteger(value))) return written;
    return value;
  }
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  return String(value);
}

const YAML_OPTIONS = { version: '1.2', schema: 'core', customTags: CFN_TAGS, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false } as const;

/** A closing bracket of a flow collection at its parent's indentation (`Key: [{` ... `}]` below `Key`). */
const SHALLOW_FLOW_END = /^Flow (map|sequence) in block collection must be sufficiently indented/;
const MAX_INDENT_REPAIRS = 16;

/**
 * The YAML document, read as CloudFormation reads it. YAML 1.2 wants a flow collection's closing
 * bracket indented deeper than its parent key, which `yaml` enforces (eemeli/yaml#328); CloudFormation,
 * like PyYAML, accepts it at the key's indentation, and real templates write it so. Such a bracket is
 * indented by one space for the parser, and every span is mapped back to the text as written.
 */
function parseLeniently(text: string): { doc: ReturnType<typeof parseDocument>; toOriginal: (offset: number) => number } {
  let source = text;
  const inserted: number[] = [];
  let doc = parseDocument(source, YAML_OPTIONS);
  for (let repair = 0; repair < MAX_INDENT_REPAIRS; repair++) {
    const shallow = doc.errors.find(e => e.code === 'BAD_INDENT' && SHALLOW_FLOW_END.test(e.message));
    const at = shallow?.pos[0] ?? -1;
    // only a closing bracket that starts its line: an unclosed collection gets the same error
    if (!shallow || !/^[}\]]/.test(source.slice(at)) || !/(^|\n)[ \t]*$/.test(source.slice(Math.max(0, at - 200), at))) break;
    source = `${source.slice(0, at)} ${source.slice(at)}`;
    for (let i = 0; i < inserted.length; i++) if (inserted[i] >= at) inserted[i]++;
    inserted.push(at);
    doc = parseDocument(source, YAML_OPTIONS);
  }
  if (!inserted.length) return { doc, toOriginal: offset => offset };
  inserted.sort((a, b) => a - b);
  return { doc, toOriginal: offset => offset - inserted.filter(at => at < offset).length };
}

/** A CloudFormation (or Serverless) YAML template, read as far as it goes. */
export function parseYamlTemplate(text: string): RawTemplate {
  const { doc, toOriginal } = parseLeniently(text);
  // the first error only: the ones after it are mostly its echoes
  const problems = doc.errors.slice(0, 1).map(e => ({
    offset: toOriginal(e.pos[0]),
    length: Math.max(1, toOriginal(e.pos[1]) - toOriginal(e.pos[0])),
    message: `The template is not valid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}.`,
  }));
  const contents = doc.contents as YamlNode | null;
  return { root: contents ? fromYamlNode(text, contents, 0, 0, toOriginal) : undefined, problems };
}

/** The entry named `key` (the last one, as CloudFormation reads duplicates) of a map node. */
export function entryOf(node: RawNode | undefined, key: string): RawEntry | undefined {
  if (node?.kind !== 'map' || node.tag) return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i].key === key) return node.entries[i];
  return undefined;
}

/** A string scalar's value (untagged), or undefined. */
export function stringOf(node: RawNode | undefined): string | undefined {
  return node?.kind === 'scalar' && !node.tag && typeof node.value === 'string' ? node.value : undefined;
}

/** Reading never throws: a parser failure past all expectation (a stack overflow) is a problem at the start. */
export function readSafely(format: TemplateFormat, read: () => TemplateReadResult | undefined): TemplateReadResult | undefined {
  try {
    return read();
  } catch (error) {
    const problem: TemplateProblem = {
      offset: 0,
      length: 1,
      message: `The template could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
    return { format, policies: [], namedPolicies: [], policyFiles: [], problems: [problem] };
  }
}
