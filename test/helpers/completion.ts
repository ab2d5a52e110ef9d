// Test helpers for completion: run doComplete on a cursor-marked text, and apply an item the way an
// editor does (its text edit, its additional edits, its snippet expanded with the defaults).
import { parseTree, type ParseError } from 'jsonc-parser';
import { type CompletionItem, InsertTextFormat, type TextEdit } from 'vscode-languageserver-types';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { doComplete } from '../../server/src/features/completion';
import { snippetToPlainText } from '../../server/src/features/completion/items';
import type { PolicyDocument } from '../../server/src/policy/model';
import { withDefaults } from '../../server/src/protocol';
import type { ParseOptions } from '../../server/src/policy/parse';
import { parseAtCursor } from './cursor';

export interface Completion {
  doc: PolicyDocument;
  offset: number;
  items: CompletionItem[];
  labels: string[];
  /** the item with this label (throws when missing) */
  item(label: string): CompletionItem;
}

/** A policy with one statement whose inside is `body` (cursor-marked). */
export function inStatement(body: string): string {
  return `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { ${body} }\n  ]\n}`;
}

export function complete(marked: string, options?: ParseOptions): Completion {
  const { doc, offset } = parseAtCursor(marked, 'file:///test/policy.json', options);
  const items = doComplete(doc, offset, getCatalog(), withDefaults(undefined)).items;
  return {
    doc,
    offset,
    items,
    labels: items.map(i => i.label),
    item(label) {
      const found = items.find(i => i.label === label);
      if (!found)
        throw new Error(
          `no item "${label}" among ${items
            .slice(0, 30)
            .map(i => i.label)
            .join(', ')}`,
        );
      return found;
    },
  };
}

/** Expands a snippet as an editor does when the user accepts every default (the server's own plain-text form). */
export const expandSnippet = snippetToPlainText;

function offsetEdit(doc: PolicyDocument, edit: TextEdit, snippet: boolean) {
  return {
    start: doc.textDocument.offsetAt(edit.range.start),
    end: doc.textDocument.offsetAt(edit.range.end),
    text: snippet ? expandSnippet(edit.newText) : edit.newText,
  };
}

/** The document text after accepting the item. */
export function applyItem(doc: PolicyDocument, item: CompletionItem): string {
  const main = item.textEdit;
  if (!main || !('range' in main)) throw new Error(`item "${item.label}" has no plain textEdit`);
  const edits = [
    offsetEdit(doc, main, item.insertTextFormat === InsertTextFormat.Snippet),
    ...(item.additionalTextEdits ?? []).map(e => offsetEdit(doc, e, false)),
  ].sort((a, b) => b.start - a.start);
  let text = doc.text;
  for (const edit of edits) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text;
}

/** Strict JSON syntax errors (no comments, no trailing commas) of a text, as "code@offset". */
export function jsonErrors(text: string): string[] {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  return errors.map(e => `${e.error}@${e.offset}`);
}

/** The text an item's main edit inserts. */
export function newText(item: CompletionItem): string {
  return (item.textEdit as TextEdit).newText;
}

/** The text the editor filters on for an item: from the edit's start to the cursor. */
export function typedWord(c: Completion, item: CompletionItem): string {
  const main = item.textEdit as TextEdit;
  return c.doc.text.slice(c.doc.textDocument.offsetAt(main.range.start), c.offset);
}

/** Whether an editor's fuzzy filter keeps the item: the typed word is a subsequence of its filter text. */
export function editorKeeps(c: Completion, item: CompletionItem): boolean {
  const word = typedWord(c, item).toLowerCase();
  const filter = (item.filterText ?? item.label).toLowerCase();
  let i = 0;
  for (const ch of filter) if (i < word.length && ch === word[i]) i++;
  return i === word.length;
}
