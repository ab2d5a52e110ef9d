// Policy variables after `${` inside a string: where IAM substitutes them, in the resource part of an
// ARN in Resource / NotResource and in Condition values (IAM User Guide, "IAM policy elements: Variables
// and tags"). Tag variables insert a tab stop for the tag key.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Catalog } from '../../catalog/types';
import { arnSegmentOffsets } from '../../policy/arn';
import { CompletionItemKind, type ItemBuilder, placeholdersToTabStops, sortKey } from './items';
import { hasVariable } from '../../util/policyVariables';

const NAME_CHAR = /[A-Za-z0-9:/._-]/;
const KIND_ORDER = ['global', 'service', 'federated', 'special'];

/** The `${` being typed: its offset in the document, or undefined when the cursor is not in one. */
function openVariable(items: ItemBuilder, resourcePartOnly: boolean): number | undefined {
  const { site } = items;
  if (!site.quoted) return undefined;
  const open = site.typed.lastIndexOf('${');
  if (open < 0 || site.typed.indexOf('}', open) >= 0) return undefined;
  if (resourcePartOnly) {
    const resourceStart = arnSegmentOffsets(site.typed)[5];
    if (resourceStart === undefined || open < resourceStart) return undefined;
  }
  return site.contentStart + open;
}

/** Variable items, or undefined when the cursor is not after `${` in a place that takes variables. */
export function variableItems(items: ItemBuilder, catalog: Catalog, resourcePartOnly: boolean): CompletionItem[] | undefined {
  const start = openVariable(items, resourcePartOnly);
  if (start === undefined) return undefined;
  const text = items.doc.text;
  let end = items.site.offset;
  while (end < items.site.end && NAME_CHAR.test(text[end])) end++;
  if (text[end] === '}') end++;
  return catalog.policyVariables().map((variable, rank) => {
    const tagged = hasVariable(variable.name);
    return items.inner(
      {
        label: `\${${variable.name}}`,
        kind: CompletionItemKind.Variable,
        text: `\${${variable.name}}`,
        snippet: tagged ? `\\\${${placeholdersToTabStops(variable.name)}\\}` : undefined,
        detail: variable.description,
        sortText: sortKey(KIND_ORDER.indexOf(variable.kind ?? 'global') + 1, rank),
      },
      start,
      end,
    );
  });
}
