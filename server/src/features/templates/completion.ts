// Completion inside a policy of a template: the policy's own items, each edit written as the
// template writes that string (YAML plain or quoted, HCL, JSON). An item whose text cannot be
// written there as it is (it would need escapes that change what the user typed) is left out.
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-types';
import type { Catalog } from '../../catalog/types';
import type { IamPolicySettings } from '../../protocol';
import { policyAt, type EmbeddedPolicy, type TemplateDocument } from '../../templates/document';
import { hostChange } from '../../templates/hostEdits';
import { doComplete } from '../completion';
import type { CompletionClient } from '../completion/items';
import { hostEdit, virtualChange } from './positions';

/** The text a snippet inserts once its tab stops hold their defaults. */
function snippetPlainText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

/**
 * The snippet's text for where its plain text is written: the same when the template writes that
 * text as it is (bare, or in the same quotes); undefined when it needs escapes or other quotes.
 */
function snippetFor(snippet: string, plain: string, written: string): string | undefined {
  if (written === plain) return snippet;
  const quoted = /^"[^]*"$/;
  if (!quoted.test(plain) || !quoted.test(snippet)) return undefined;
  if (written === plain.slice(1, -1)) return snippet.slice(1, -1);
  return undefined;
}

function hostItem(template: TemplateDocument, policy: EmbeddedPolicy, item: CompletionItem): CompletionItem | undefined {
  const edit = item.textEdit;
  if (!edit || !('range' in edit)) return item;
  const { additionalTextEdits: _, ...rest } = item; // commas for JSON being typed: a template's policy has them
  const change = virtualChange(policy, edit as TextEdit);
  if (item.insertTextFormat !== 2) {
    const mapped = hostChange(policy, change);
    return mapped && { ...rest, textEdit: hostEdit(template, mapped) };
  }
  const plain = snippetPlainText(change.text);
  const mapped = hostChange(policy, { ...change, text: plain });
  if (!mapped) return undefined;
  const snippet = snippetFor(change.text, plain, mapped.text);
  // a snippet that cannot keep its tab stops there is offered as the text it would insert
  return snippet === undefined
    ? { ...rest, insertTextFormat: 1, textEdit: hostEdit(template, mapped) }
    : { ...rest, textEdit: hostEdit(template, { ...mapped, text: snippet }) };
}

export function templateCompletion(
  template: TemplateDocument,
  offset: number,
  catalog: Catalog,
  settings: IamPolicySettings,
  client?: CompletionClient,
): CompletionList | null {
  const at = policyAt(template, offset);
  if (!at) return null;
  const list = doComplete(at.policy.doc, at.offset, catalog, settings, client);
  const items: CompletionItem[] = [];
  for (const item of list.items) {
    const mapped = hostItem(template, at.policy, item);
    if (mapped) items.push(mapped);
  }
  return { isIncomplete: list.isIncomplete, items };
}
