// Ranges of a policy's virtual text as ranges of its template, and back.
import type { Range } from 'vscode-languageserver-types';
import type { EmbeddedPolicy, TemplateDocument } from '../../templates/document';
import { toHostSpan } from '../../templates/mapping';
import type { TextChange } from '../../templates/hostEdits';

/**
 * A range of the policy's virtual text as a range of the template. A finding anchored on a
 * statement's or policy's opening brace maps onto the whole YAML or HCL block that holds it: it is
 * cut to the block's first line, as the brace is in a policy file.
 */
export function hostRange(template: TemplateDocument, policy: EmbeddedPolicy, range: Range): Range {
  const { textDocument } = policy.doc;
  const start = textDocument.offsetAt(range.start);
  const length = textDocument.offsetAt(range.end) - start;
  const span = toHostSpan(policy.virtual, { offset: start, length });
  const hostStart = template.textDocument.positionAt(span.offset);
  const hostEnd = template.textDocument.positionAt(span.offset + span.length);
  if (length > 1 || hostEnd.line === hostStart.line) return { start: hostStart, end: hostEnd };
  const lineEnd = template.textDocument.offsetAt({ line: hostStart.line + 1, character: 0 });
  const firstLine = template.text.slice(span.offset, lineEnd).trimEnd();
  return { start: hostStart, end: template.textDocument.positionAt(span.offset + firstLine.length) };
}

/** A range of the template as offsets of the template. */
export function hostOffsets(template: TemplateDocument, range: Range): { start: number; end: number } {
  return { start: template.textDocument.offsetAt(range.start), end: template.textDocument.offsetAt(range.end) };
}

/** An edit of the policy's virtual text as a change (offsets) of that text. */
export function virtualChange(policy: EmbeddedPolicy, edit: { range: Range; newText: string }): TextChange {
  const { textDocument } = policy.doc;
  const offset = textDocument.offsetAt(edit.range.start);
  return { offset, length: textDocument.offsetAt(edit.range.end) - offset, text: edit.newText };
}

/** A change of the template as an LSP text edit. */
export function hostEdit(template: TemplateDocument, change: TextChange): { range: Range; newText: string } {
  return {
    range: { start: template.textDocument.positionAt(change.offset), end: template.textDocument.positionAt(change.offset + change.length) },
    newText: change.text,
  };
}
