// Shared pieces of every hover: the token span under the cursor, the Hover object, markdown
// escaping and shortened lists. (Computations that depend only on a pattern or a name, such as
// wildcard counts and key usage, are memoised with catalog/memo.ts's perCatalog.)
import type { Node } from 'jsonc-parser';
import type { Hover } from 'vscode-languageserver-types';
import { rangeOf } from '../../policy/locate';
import type { PolicyDocument, Span } from '../../policy/model';

/** The span of a string node's content, without its quotes; undefined when the offset is not inside it. */
export function stringContent(node: Node | undefined, offset: number): Span | undefined {
  if (!node || node.type !== 'string' || node.length < 3) return undefined;
  const start = node.offset + 1;
  const end = node.offset + node.length - 1;
  return offset >= start && offset < end ? { offset: start, length: end - start } : undefined;
}

/**
 * Maps a range of a string node's value to the text, when the value is written without escapes
 * (then value index i is text offset start + i). Otherwise undefined: callers fall back to the
 * whole string.
 */
export function valueToText(doc: PolicyDocument, node: Node, valueStart: number, valueLength: number): Span | undefined {
  const raw = doc.text.slice(node.offset + 1, node.offset + node.length - 1);
  if (raw.includes('\\')) return undefined;
  return { offset: node.offset + 1 + valueStart, length: valueLength };
}

export function markdownHover(doc: PolicyDocument, span: Span, value: string): Hover {
  return { contents: { kind: 'markdown', value }, range: rangeOf(doc, span.offset, span.length) };
}

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.includes('`') ? ` ${text} ` : text}${fence}`;
}

/** Escapes markdown punctuation in plain text (descriptions come from AWS and may contain `*` or `_`). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, '\\$&');
}

/** `a`, `b`, `c` and 12 more: a list shortened to `max` items. */
export function shortList(items: readonly string[], max: number, format: (item: string) => string = code): string {
  const shown = items.slice(0, max).map(format).join(', ');
  return items.length > max ? `${shown} … and ${items.length - max} more` : shown;
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
