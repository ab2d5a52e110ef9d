// Completion in Resource / NotResource: the ARN formats of the resource types the statement's actions
// act on, as snippets, the ones required by most actions first and each labelled with its resource type
// and those actions; `*` (first when some action supports no resource-level permissions); then, while
// an ARN is typed, its segments (arnSegments.ts).
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import type { Catalog } from '../../catalog/types';
import type { PolicyDocument } from '../../policy/model';
import { arnSnippet } from './arnSnippets';
import { documentValues } from './documentValues';
import { CompletionItemKind, type ItemBuilder, sortKey } from './items';
import { type NeededResourceType, statementFacts } from './statementFacts';

const GROUP_REQUIRED = 1;
const GROUP_OPTIONAL = 2;
const GROUP_OTHER = 3;
/** Enough formats to cover a statement; `s3:*` touches dozens of resource types. */
const MAX_FORMATS = 40;

function listActions(names: readonly string[], max = 6): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

function documentation(needed: NeededResourceType): MarkupContent {
  const lines = [`\`${needed.type.arnFormat}\``, ''];
  if (needed.requiredBy.length) lines.push(`Required by ${listActions(needed.requiredBy, 20)}.`);
  if (needed.optionalFor.length) lines.push(`Also accepted by ${listActions(needed.optionalFor, 20)}.`);
  return { kind: 'markdown', value: lines.join('\n') };
}

export function resourceFormatItems(items: ItemBuilder, doc: PolicyDocument, catalog: Catalog): CompletionItem[] {
  const facts = statementFacts(items.site.context.statement, catalog);
  const values = documentValues(doc);
  const result = facts.resourceTypes.slice(0, MAX_FORMATS).map((needed, rank) => {
    const { snippet, display } = arnSnippet(needed.type.arnFormat, values);
    const required = needed.requiredBy.length > 0;
    const actions = required ? needed.requiredBy : needed.optionalFor;
    return items.string({
      label: display, kind: CompletionItemKind.Reference, text: display, snippet,
      description: `${needed.type.service} ${needed.type.name}`,
      detail: `${needed.type.service} ${needed.type.name}: ${required ? 'required by' : 'for'} ${listActions(actions.map(a => a.split(':')[1]), 3)}`,
      documentation: documentation(needed),
      sortText: sortKey(required ? GROUP_REQUIRED : GROUP_OPTIONAL, rank),
    });
  });
  // Actions without resource types take only "*" (IAM User Guide, "Resource" element).
  const needsStar = facts.actions.some(action => action.resourceTypes.length === 0);
  result.push(items.string({
    label: '*', kind: CompletionItemKind.Constant, text: '*',
    detail: needsStar ? 'all resources: some actions here support no resource-level permissions' : 'all resources',
    sortText: sortKey(needsStar ? 0 : GROUP_OTHER),
  }));
  if (facts.resourceTypes.length === 0) {
    result.push(items.string({
      label: 'arn:', kind: CompletionItemKind.Reference, text: 'arn:', retrigger: true,
      detail: 'an ARN, segment by segment', sortText: sortKey(GROUP_OTHER, 1),
    }));
  }
  return result;
}
