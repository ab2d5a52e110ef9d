// Test helper: hover at the `|` of a policy text; returns the markdown and the exact text the
// hover's range covers.
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { doHover } from '../../server/src/features/hover';
import { withDefaults } from '../../server/src/protocol';
import { parseAtCursor } from './cursor';

export interface HoverResult {
  markdown: string;
  token: string;
  firstLine: string;
}

export function hoverAt(marked: string): HoverResult | null {
  const { doc, offset } = parseAtCursor(marked);
  const hover = doHover(doc, offset, getCatalog(), withDefaults(undefined));
  if (!hover) return null;
  const markdown = (hover.contents as { kind: string; value: string }).value;
  const range = hover.range!;
  const token = doc.text.slice(doc.textDocument.offsetAt(range.start), doc.textDocument.offsetAt(range.end));
  return { markdown, token, firstLine: markdown.split('\n')[0] };
}

/** A policy with one statement; `statement` is the statement's inner JSON. */
export function policy(statement: string, version = '2012-10-17'): string {
  return `{\n  "Version": "${version}",\n  "Statement": [\n    { ${statement} }\n  ]\n}`;
}
