// Completion: finds what the cursor is on (completion/site.ts) and asks the module for that place:
// element names, Version / Effect values, actions, resources and ARNs, principals, condition
// operators, keys and values, policy variables; in an empty document, whole policies (skeletons.ts). Every item brings its own text edit (see items.ts).
import type { CompletionItem, CompletionList, Range } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/types';
import type { PolicyDocument, Statement } from '../policy/model';
import type { IamPolicySettings } from '../protocol';
import { actionItems } from './completion/actions';
import { arnSegmentItems } from './completion/arnSegments';
import { conditionKeyItems, conditionValueItems, operatorItems } from './completion/conditions';
import { effectItems, elementKeyItems, principalValueItems, statementItems, versionItems } from './completion/elements';
import { type CompletionClient, isSubsequence, ItemBuilder, type ResolveKind } from './completion/items';
import { principalItems } from './completion/principals';
import { resourceFormatItems } from './completion/resources';
import { type CompletionSite, completionSite } from './completion/site';
import { isNearlyEmpty, skeletonItems } from './completion/skeletons';
import { variableItems } from './completion/variables';
import { actionHoverMarkdown } from './hover/actions';
import { conditionKeyMarkdown, operatorMarkdown } from './hover/conditions';

const NONE: CompletionItem[] = [];

/** The site's path below its statement (`["Condition", "Bool"]`), or undefined outside statements. */
function pathInStatement(doc: PolicyDocument, site: CompletionSite): Array<string | number> | undefined {
  return site.context.statement ? site.path.slice(doc.statementIsArray ? 2 : 1) : undefined;
}

function keyItems(items: ItemBuilder, doc: PolicyDocument, catalog: Catalog): CompletionItem[] {
  const { site } = items;
  const statement = site.context.statement;
  const rest = pathInStatement(doc, site);
  if (!rest) return site.path.length === 0 ? elementKeyItems(items, 'top', doc.topEntries) : NONE;
  if (!statement) return NONE;
  const [element, operator, extra] = rest;
  if (element === undefined) return elementKeyItems(items, 'statement', statement.entries);
  if ((element === 'Principal' || element === 'NotPrincipal') && operator === undefined) {
    const principal = element === 'Principal' ? statement.principal : statement.notPrincipal;
    return elementKeyItems(items, 'principal', principal?.types.map(t => t.entry) ?? []);
  }
  if (element !== 'Condition' || extra !== undefined) return NONE;
  return operator === undefined ? operatorItems(items, catalog, statement.condition) : conditionKeyItems(items, catalog, statement.condition);
}

function resourceItems(items: ItemBuilder, doc: PolicyDocument, catalog: Catalog): CompletionItem[] {
  const variables = variableItems(items, catalog, true);
  if (variables) return variables;
  const segments = items.site.typed.startsWith('arn:') ? arnSegmentItems(items, doc, catalog) : NONE;
  return [...segments, ...resourceFormatItems(items, doc, catalog)];
}

function principalValues(items: ItemBuilder, doc: PolicyDocument, catalog: Catalog, statement: Statement, element: string): CompletionItem[] {
  const principal = element === 'Principal' ? statement.principal : statement.notPrincipal;
  const type = principal?.types.find(t => t.entry.name === items.site.context.principalType);
  return principalItems(items, doc, catalog, type?.values ?? []);
}

function valueItems(items: ItemBuilder, doc: PolicyDocument, catalog: Catalog): CompletionItem[] {
  const { site } = items;
  const statement = site.context.statement;
  const rest = pathInStatement(doc, site);
  if (!rest || !statement) {
    if (site.path.length !== 1) return NONE;
    if (site.path[0] === 'Version' && !site.inArray) return versionItems(items);
    return site.path[0] === 'Statement' ? statementItems(items, doc) : NONE;
  }
  const [element, second, third] = rest;
  switch (rest.length === 1 ? element : `${element}/${rest.length}`) {
    case 'Effect':
      return site.inArray ? NONE : effectItems(items);
    case 'Action':
      return actionItems(items, catalog, statement.action);
    case 'NotAction':
      return actionItems(items, catalog, statement.notAction);
    case 'Resource':
    case 'NotResource':
      return resourceItems(items, doc, catalog);
    case 'Principal':
    case 'NotPrincipal':
      return site.inArray ? NONE : principalValueItems(items);
    case 'Principal/2':
    case 'NotPrincipal/2':
      return typeof second === 'string' ? principalValues(items, doc, catalog, statement, String(element)) : NONE;
    case 'Condition/3':
      if (typeof second !== 'string' || typeof third !== 'string') return NONE;
      return variableItems(items, catalog, false) ?? conditionValueItems(items, doc, catalog);
    default:
      return NONE;
  }
}

/**
 * The items the editor's filter can keep: the text from an item's edit start to the cursor must be a
 * subsequence of its filter text (VS Code's fuzzy matching requires that, and more). Dropping the rest
 * keeps responses small while the list stays complete for every longer word typed; moving the cursor
 * left makes the editor ask again.
 */
function editorMayKeep(doc: PolicyDocument, offset: number, items: CompletionItem[]): CompletionItem[] {
  const words = new Map<Range, string>(); // most items share the site's range
  return items.filter(item => {
    const edit = item.textEdit;
    if (!edit || !('range' in edit)) return true;
    let word = words.get(edit.range);
    if (word === undefined) words.set(edit.range, (word = doc.text.slice(doc.textDocument.offsetAt(edit.range.start), offset).toLowerCase()));
    return isSubsequence(word, (item.filterText ?? item.label).toLowerCase());
  });
}

/**
 * The completion list at `offset`; `client` says whether items may be snippets and reopen completion
 * (default: VS Code's). An empty document (or `{}`) is offered whole policies of each kind too.
 */
export function doComplete(doc: PolicyDocument, offset: number, catalog: Catalog, _settings: IamPolicySettings, client?: CompletionClient): CompletionList {
  const skeletons = isNearlyEmpty(doc) ? skeletonItems(doc, offset, client) : NONE;
  const site = completionSite(doc, offset);
  if (!site) return { isIncomplete: false, items: skeletons };
  const items = new ItemBuilder(doc, site, client);
  const all = site.kind === 'key' ? keyItems(items, doc, catalog) : valueItems(items, doc, catalog);
  return { isIncomplete: items.incomplete, items: [...skeletons, ...editorMayKeep(doc, offset, all)] };
}

const RESOLVERS: Record<ResolveKind, (catalog: Catalog, label: string) => string | undefined> = {
  action: (catalog, label) => actionHoverMarkdown(catalog, label, false),
  operator: operatorMarkdown,
  key: (catalog, label) => conditionKeyMarkdown(catalog, label, undefined),
};

/**
 * completionItem/resolve: the documentation of actions, operators and condition keys (the hover's
 * text), which the lists leave out to stay small: EC2 alone has over 800 actions.
 */
export function resolveCompletion(item: CompletionItem, catalog: Catalog): CompletionItem {
  const resolve = typeof item.data === 'string' && Object.hasOwn(RESOLVERS, item.data) ? RESOLVERS[item.data as ResolveKind] : undefined;
  const markdown = resolve?.(catalog, item.label);
  return markdown ? { ...item, documentation: { kind: 'markdown', value: markdown } } : item;
}
