// Hover on an element name (Version, Statement, Effect, NotAction, Principal types, ...) and on
// the values of Effect and Version: short docs with the traps, from elementDocs.ts.
import { code } from './markdown';
import { ELEMENT_DOCS, PRINCIPAL_TYPE_DOCS, VALUE_DOCS, type ElementDoc } from './elementDocs';

function render(name: string, doc: ElementDoc): string {
  const parts = [`${code(name)} — ${doc.summary}`, doc.details];
  if (doc.trap) parts.push(`⚠ ${doc.trap}`);
  parts.push(`[IAM User Guide: ${name}](${doc.url})`);
  return parts.join('\n\n');
}

/** Docs of a top-level or statement element name (exact spelling: IAM element names are case-sensitive). */
export function elementMarkdown(name: string): string | undefined {
  const doc = ELEMENT_DOCS[name];
  return doc && render(name, doc);
}

export function principalTypeMarkdown(name: string): string | undefined {
  const doc = PRINCIPAL_TYPE_DOCS[name];
  return doc && render(name, doc);
}

export function valueMarkdown(value: string): string | undefined {
  return VALUE_DOCS[value];
}
