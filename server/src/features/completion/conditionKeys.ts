// Condition keys, the keys under an operator: the keys that the statement's actions and resource
// types support first, then the global keys, each with its type; keys of the operator's type before
// the others. A typed service prefix (`ec2:`) brings that service's keys too. Keys with a variable
// part (`aws:ResourceTag/${TagKey}`) insert a tab stop there.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Catalog, ConditionKeyInfo, ParsedOperator } from '../../catalog/types';
import type { ConditionElement } from '../../policy/model';
import { CompletionItemKind, type ItemBuilder, placeholdersToTabStops, sortKey } from './items';
import { statementFacts } from './statementFacts';

const GROUP_STATEMENT = 0;
const GROUP_GLOBAL = 1;
const GROUP_SERVICE = 2;
/** keys whose type the operator does not accept go after all others */
const MISMATCH = 3;

/** The value skeleton for a key under an operator, its tab stops numbered after the key's own. */
export function valueSkeleton(info: ConditionKeyInfo | undefined, operator: ParsedOperator, firstStop: number): string {
  const single = operator.base?.family === 'Null' || info?.type === 'Bool' || info?.type === 'ArrayOfBool'
    ? `"\${${firstStop}|true,false|}"` : `"$${firstStop}"`;
  return info?.multiValued || operator.setQualifier ? `[ ${single} ]` : single;
}

function candidates(items: ItemBuilder, catalog: Catalog): Array<{ info: ConditionKeyInfo; group: number }> {
  const facts = statementFacts(items.site.context.statement, catalog);
  const seen = new Set<string>();
  const result: Array<{ info: ConditionKeyInfo; group: number }> = [];
  const add = (info: ConditionKeyInfo | undefined, group: number) => {
    if (info && !seen.has(info.key.toLowerCase())) {
      seen.add(info.key.toLowerCase());
      result.push({ info, group });
    }
  };
  const byUse = [...facts.conditionKeys].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [key] of byUse) add(catalog.conditionKey(key), GROUP_STATEMENT);
  for (const info of catalog.globalConditionKeys()) add(info, GROUP_GLOBAL);
  const colon = items.site.typed.indexOf(':');
  const typedService = colon > 0 ? catalog.service(items.site.typed.slice(0, colon)) : undefined;
  for (const info of typedService?.conditionKeys ?? []) add(info, GROUP_SERVICE);
  return result;
}

export function conditionKeyItems(items: ItemBuilder, catalog: Catalog, condition: ConditionElement | undefined): CompletionItem[] {
  const { site } = items;
  const operatorName = site.context.conditionOperator ?? '';
  const operator = catalog.parseOperator(operatorName);
  const entry = condition?.operators.find(op => op.entry.name === operatorName && op.entry.valueNode
    && op.entry.valueNode.offset < site.start && site.start < op.entry.valueNode.offset + op.entry.valueNode.length);
  const present = new Set((entry?.keys ?? []).filter(k => k.entry.keyNode.offset !== site.start).map(k => k.entry.name.toLowerCase()));
  return candidates(items, catalog).filter(({ info }) => !present.has(info.key.toLowerCase())).map(({ info, group }, index) => {
    const accepted = !operator.base || operator.base.acceptsKeyTypes.includes(info.type);
    const stops = (info.key.match(/\$\{/g) ?? []).length;
    return items.key({
      label: info.key, kind: CompletionItemKind.Field, text: info.key,
      snippet: stops ? placeholdersToTabStops(info.key) : undefined,
      detail: `${info.type}${info.multiValued ? ' (multivalued)' : ''}${info.service ? '' : ' · global'}`,
      sortText: sortKey(accepted ? group : MISMATCH + group, index), resolve: 'key',
      retrigger: stops === 0,
    }, valueSkeleton(info, operator, stops + 1));
  });
}
