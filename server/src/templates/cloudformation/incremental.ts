// A CloudFormation YAML template read again after an edit inside one resource: only that resource's
// text is parsed (as a template of its own), and the rest of the last reading is kept. Resources are
// read independently of each other, and YAML parsing is the slow part of reading a large template
// (a 3,500-line template takes tens of milliseconds), so an edit costs what its resource costs.
import { changedRegion, readingAt, splicedReading } from '../incremental';
import type { TemplateReadResult } from '../types';

const RESOURCES_LINE = /^Resources[ \t]*:[ \t]*(#.*)?$/m;

/** The resources' blocks of a YAML template: [start, end) of each `  Name:` line with the lines under it. */
function resourceBlocks(text: string): { indent: number; blocks: Array<[number, number]> } | undefined {
  const header = RESOURCES_LINE.exec(text);
  if (!header) return undefined;
  const bodyStart = text.indexOf('\n', header.index) + 1;
  if (bodyStart === 0) return undefined;
  const blocks: Array<[number, number]> = [];
  let indent = -1;
  let at = bodyStart;
  let blockStart = -1;
  while (at < text.length) {
    const lineEnd = text.indexOf('\n', at);
    const end = lineEnd < 0 ? text.length : lineEnd + 1;
    const line = text.slice(at, lineEnd < 0 ? text.length : lineEnd);
    const content = line.trimStart();
    if (content !== '' && !content.startsWith('#')) {
      const lineIndent = line.length - content.length;
      if (lineIndent === 0) break; // the next top-level section (Outputs:...)
      if (indent < 0) indent = lineIndent;
      if (lineIndent < indent || /\t/.test(line.slice(0, lineIndent))) return undefined;
      if (lineIndent === indent) {
        if (blockStart >= 0) blocks.push([blockStart, at]);
        blockStart = at;
      }
    }
    at = end;
  }
  if (blockStart >= 0) blocks.push([blockStart, at]);
  return indent > 0 ? { indent, blocks } : undefined;
}

/** Whether every line of the text is blank, a comment, or indented deeper than `indent` (it starts no resource). */
function staysInside(text: string, indent: number): boolean {
  return text.split('\n').every(line => {
    const content = line.trimStart();
    return content === '' || content.startsWith('#') || line.length - content.length > indent;
  });
}

/**
 * The reading of `text` from the last one, when the edit stays inside one resource below its name;
 * undefined when the whole text must be read (an edit elsewhere, a template the last reading found
 * broken or one the edit breaks, an edit that adds or removes a resource).
 */
export function readYamlChange(
  previous: { text: string; read: TemplateReadResult },
  text: string,
  readWhole: (text: string) => TemplateReadResult | undefined,
): TemplateReadResult | undefined {
  if (previous.read.problems.length > 0) return undefined;
  if (text === previous.text) return previous.read;
  const change = changedRegion(previous.text, text);
  const layout = resourceBlocks(previous.text);
  const block = layout?.blocks.find(([start, end]) => change.start > previous.text.indexOf('\n', start) && change.oldEnd < end);
  if (!layout || !block) return undefined;
  const delta = change.newEnd - change.oldEnd;
  const [start, end] = block;
  const firstLineEnd = previous.text.indexOf('\n', start) + 1;
  const newBlock = text.slice(start, end + delta);
  if (!staysInside(text.slice(firstLineEnd, end + delta), layout.indent)) return undefined;
  const prefix = 'Resources:\n';
  const part = readWhole(prefix + newBlock);
  // a broken resource may break what follows it too (an unclosed quote runs on): read it all
  if (!part || part.problems.length > 0) return undefined;
  return splicedReading(previous.read, start, end, delta, readingAt(part, start - prefix.length));
}
