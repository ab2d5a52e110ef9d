// Text edits on the policy's JSON that keep the file's own style: its indentation unit (tabs or N
// spaces), its line ends, whether a container is written on one line or several, and whether
// brackets of one-line containers are padded (`[ "a" ]` or `["a"]`). Changes are offset based and
// may carry placeholders (template.ts); fixes turn them into TextEdits.
import type { Node } from 'jsonc-parser';
import type { PolicyDocument, Statement, StringItem } from '../../policy/model';

export interface TextStyle {
  /** one level of indentation: "\t" or some spaces */
  unit: string;
  eol: string;
  /** inside the brackets of a one-line array, and of a one-line object: " " or "" */
  pad: { '[': string; '{': string };
  /** between the members of a one-line container: ", " or "," */
  comma: string;
  /** between a property's name and its value: ": " or ":" */
  colon: string;
}

/** A replacement of `length` characters at `offset` by `text` (which may hold placeholders). */
export interface Change {
  offset: number;
  length: number;
  text: string;
}

/** JSON text taken over as it is (a value copied from the document, escapes and all). */
export class RawJson {
  constructor(readonly text: string) {}
}

export type JsonValue = string | RawJson | JsonValue[] | { [name: string]: JsonValue };

const DEFAULT_UNIT = '  ';

/** The indentation unit of a text: tabs, or the most common step between the indentation of consecutive lines. */
export function detectIndentUnit(text: string): string | undefined {
  const steps = new Map<number, number>();
  let tabs = 0;
  let spaces = 0;
  let previous = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    // Stryker disable next-line Regex: equivalent, the match starts at the line's start with or without ^
    const indent = /^[ \t]*/.exec(line)![0];
    if (indent.startsWith('\t')) tabs++;
    else if (indent.length > 0) spaces++;
    const width = indent.startsWith('\t') ? 0 : indent.length;
    if (width > previous) steps.set(width - previous, (steps.get(width - previous) ?? 0) + 1);
    previous = width;
  }
  if (tabs > spaces) return '\t';
  const step = [...steps].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  return step ? ' '.repeat(step) : undefined;
}

const styles = new WeakMap<PolicyDocument, TextStyle>();

export function styleOf(doc: PolicyDocument): TextStyle {
  let style = styles.get(doc);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: the style worked out again is the same
  if (!style) {
    const text = doc.text;
    const padding = (open: string) => (text.split(`${open}"`).length > text.split(`${open} "`).length ? '' : ' ');
    style = {
      unit: detectIndentUnit(text) ?? DEFAULT_UNIT,
      eol: text.includes('\r\n') ? '\r\n' : '\n',
      pad: { '[': padding('['), '{': padding('{') },
      comma: text.split(',"').length > text.split(', "').length ? ',' : ', ',
      colon: text.split('":"').length > text.split('": "').length ? ':' : ': ',
    };
    styles.set(doc, style);
  }
  return style;
}

/** The white space at the start of the line that holds `offset`. */
export function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  // Stryker disable next-line Regex: equivalent, the match starts at the slice's start with or without ^
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/** Whether only white space comes before `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return text.slice(start, offset).trim() === '';
}

export function isMultiline(text: string, node: Node): boolean {
  return text.slice(node.offset, node.offset + node.length).includes('\n');
}

export function nodeText(text: string, node: Node): string {
  return text.slice(node.offset, node.offset + node.length);
}

/** The indentation of a container's members: that of the first member that starts a line, else the container's plus one unit. */
export function memberIndent(text: string, container: Node, style: TextStyle): string {
  const member = (container.children ?? []).find(child => startsLine(text, child.offset));
  return member ? lineIndent(text, member.offset) : lineIndent(text, container.offset) + style.unit;
}

/** A JSON value as text; multi-line values put each member on its own line, one unit deeper than `indent`. */
export function renderJson(value: JsonValue, style: TextStyle, indent: string, multiline: boolean): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof RawJson) return value.text;
  const inner = indent + style.unit;
  const members = Array.isArray(value)
    ? value.map(v => renderJson(v, style, inner, multiline))
    : Object.entries(value).map(([name, v]) => `${JSON.stringify(name)}${style.colon}${renderJson(v, style, inner, multiline)}`);
  const [open, close] = Array.isArray(value) ? (['[', ']'] as const) : (['{', '}'] as const);
  if (members.length === 0) return open + close;
  if (!multiline || (Array.isArray(value) && members.length === 1)) return `${open}${style.pad[open]}${members.join(style.comma)}${style.pad[open]}${close}`;
  return `${open}${style.eol}${members.map(m => inner + m).join(`,${style.eol}`)}${style.eol}${indent}${close}`;
}

/**
 * Removes some members of an array or object (array items or property nodes) with their commas:
 * a member followed by another goes with the text up to that one; the members after the last one
 * kept go with the text from the end of that one. Removing every member empties the container.
 */
export function removeMembers(container: Node, remove: ReadonlySet<Node>): Change[] {
  const members = container.children ?? [];
  const lastKept = members.reduce((last, member, index) => (remove.has(member) ? last : index), -1);
  const changes: Change[] = [];
  if (lastKept < 0) {
    if (members.length === 0) return [];
    const first = members[0];
    const last = members[members.length - 1];
    return [{ offset: first.offset, length: last.offset + last.length - first.offset, text: '' }];
  }
  members.forEach((member, index) => {
    // Stryker disable next-line EqualityOperator: equivalent, the member at lastKept is kept, never removed
    if (remove.has(member) && index < lastKept) {
      changes.push({ offset: member.offset, length: members[index + 1].offset - member.offset, text: '' });
    }
  });
  if (lastKept < members.length - 1) {
    const kept = members[lastKept];
    const last = members[members.length - 1];
    changes.push({ offset: kept.offset + kept.length, length: last.offset + last.length - kept.offset - kept.length, text: '' });
  }
  return changes;
}

/**
 * Adds a member (`"name": value` to an object, `value` to an array) at the container's end, its
 * start or after a member, in the container's style: on its own line in a multi-line container, laid out like the
 * members around it.
 */
/** Where a member goes: first, last, or right after a member. */
export type Place = 'first' | 'last' | { after: Node };

function insertMembers(doc: PolicyDocument, container: Node, added: Array<[name: string | undefined, value: JsonValue]>, where: Place): Change {
  const style = styleOf(doc);
  const text = doc.text;
  const members = container.children ?? [];
  const multiline = isMultiline(text, container);
  const indent = memberIndent(text, container, style);
  // an array item is laid out like its neighbours (one-line statements in a multi-line Statement array)
  const layout = container.type === 'array' && members.length > 0 ? isMultiline(text, members[members.length - 1]) : multiline;
  const separator = multiline ? `,${style.eol}${indent}` : style.comma;
  const member = added
    .map(([name, value]) => `${name === undefined ? '' : `${JSON.stringify(name)}${style.colon}`}${renderJson(value, style, indent, layout)}`)
    .join(separator);
  const [open, close] = container.type === 'array' ? (['[', ']'] as const) : (['{', '}'] as const);
  if (members.length === 0) {
    return { offset: container.offset, length: container.length, text: `${open}${style.pad[open]}${member}${style.pad[open]}${close}` };
  }
  if (where === 'first') {
    return { offset: container.offset + 1, length: 0, text: `${multiline ? style.eol + indent : style.pad[open]}${member},` };
  }
  if (where !== 'last') return { offset: where.after.offset + where.after.length, length: 0, text: `${separator}${member}` };
  const last = members[members.length - 1];
  let at = last.offset + last.length;
  let comma = ',';
  const trailing = /^\s*,/.exec(text.slice(at));
  if (trailing) {
    at += trailing[0].length;
    comma = '';
  }
  return { offset: at, length: 0, text: `${comma}${multiline ? style.eol + indent : style.comma.slice(1)}${member}` };
}

/** Adds a property to an object, at its end (or its start), in the object's style. */
export function insertProperty(doc: PolicyDocument, object: Node, name: string, value: JsonValue, where: Place = 'last'): Change {
  return insertMembers(doc, object, [[name, value]], where);
}

/** Adds properties at the end of an object, in one change. */
export function appendProperties(doc: PolicyDocument, object: Node, properties: Array<[string, JsonValue]>): Change {
  return insertMembers(doc, object, properties, 'last');
}

/** Adds an item at the end of an array, in the array's style. */
export function appendItem(doc: PolicyDocument, array: Node, value: JsonValue): Change {
  return insertMembers(doc, array, [[undefined, value]], 'last');
}

/** Replaces one item of an array with several, separated as the array separates its items. */
export function replaceItem(doc: PolicyDocument, array: Node, item: Node, values: Array<string | RawJson>): Change {
  const style = styleOf(doc);
  const text = doc.text;
  const items = array.children ?? [];
  const index = items.indexOf(item);
  const neighbour = index > 0 ? items[index - 1] : items[index + 1];
  let separator = isMultiline(text, array) ? `,${style.eol}${lineIndent(text, item.offset)}` : style.comma;
  if (neighbour) {
    const [from, to] = index > 0 ? [neighbour.offset + neighbour.length, item.offset] : [item.offset + item.length, neighbour.offset];
    const between = text.slice(from, to);
    if (/^\s*,\s*$/.test(between)) separator = between.trimStart();
  }
  // Stryker disable next-line StringLiteral,BooleanLiteral: equivalent, a string or raw JSON has no members to indent or lay out
  return { offset: item.offset, length: item.length, text: values.map(v => renderJson(v, style, '', false)).join(separator) };
}

/** A list value as text: one string alone, else an array, multi-line or not, indented as the line at `at`. */
export function listText(doc: PolicyDocument, at: number, values: Array<string | RawJson>, multiline: boolean): string {
  // Stryker disable next-line StringLiteral,BooleanLiteral: equivalent, a string or raw JSON has no members to indent or lay out
  if (values.length === 1) return renderJson(values[0], styleOf(doc), '', false);
  return renderJson(values, styleOf(doc), lineIndent(doc.text, at), multiline);
}

/** Adds values at the end of a list element's value: after the array's last item, or turning a string into an array. */
export function appendToList(doc: PolicyDocument, value: Node, values: string[], multiline: boolean): Change {
  const items = value.children ?? [];
  if (value.type === 'array' && items.length) {
    const last = items[items.length - 1];
    return replaceItem(doc, value, last, [new RawJson(nodeText(doc.text, last)), ...values]);
  }
  const existing = value.type === 'array' ? [] : [new RawJson(nodeText(doc.text, value))];
  return { offset: value.offset, length: value.length, text: listText(doc, value.offset, [...existing, ...values], multiline) };
}

/** Replaces one item of a list element (or the element's single string) with several values. */
export function replaceListItem(doc: PolicyDocument, statement: Statement, value: Node, item: StringItem, values: string[]): Change {
  if (value.type === 'array') return replaceItem(doc, value, item.node, values);
  return { offset: item.offset, length: item.length, text: listText(doc, value.offset, values, isMultiline(doc.text, statement.node)) };
}
