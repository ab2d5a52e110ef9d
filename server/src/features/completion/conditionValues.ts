// Condition values where the set is known: true/false for Bool keys and the Null operator, Regions
// for aws:RequestedRegion, aws:PrincipalType's values, service principals for the keys that hold them,
// and account and organization IDs the document already uses; ARNs segment by segment.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Catalog } from '../../catalog/types';
import type { PolicyDocument } from '../../policy/model';
import { arnSegmentItems } from './arnSegments';
import { ORGANIZATION_KEYS, PRINCIPAL_TYPE_VALUES, REGION_KEYS, SERVICE_PRINCIPAL_KEYS } from './awsValues';
import { documentValues } from './documentValues';
import { CompletionItemKind, type ItemBuilder, type Proposal, sortKey } from './items';

type Choice = [value: string, detail?: string];

function choices(items: ItemBuilder, doc: PolicyDocument, catalog: Catalog): Choice[] | 'arn' {
  const { conditionKey = '', conditionOperator = '' } = items.site.context;
  const operator = catalog.parseOperator(conditionOperator);
  const info = catalog.conditionKey(conditionKey);
  const key = conditionKey.toLowerCase();
  const values = documentValues(doc);
  if (operator.base?.family === 'Null') return [['true', 'the key is absent from the request'], ['false', 'the key is present']];
  if (operator.base?.family === 'Bool' || info?.type === 'Bool' || info?.type === 'ArrayOfBool') return [['true'], ['false']];
  if (REGION_KEYS.has(key)) {
    const names = new Map(catalog.regions().map(r => [r.code, r.name]));
    return [...new Set([...values.regions, ...names.keys()])].map(code => [code, names.get(code)]);
  }
  if (key === 'aws:principaltype') return PRINCIPAL_TYPE_VALUES.map(([value, detail]) => [value, detail]);
  if (SERVICE_PRINCIPAL_KEYS.has(key)) return catalog.servicePrincipals().map(p => [p.name, p.description ?? p.service]);
  if (ORGANIZATION_KEYS.has(key)) return values.organizations.map(id => [id, 'used in this policy']);
  if (info?.type === 'ARN' || info?.type === 'ArrayOfARN' || operator.base?.family === 'ARN') return 'arn';
  if (/account$/.test(key)) return values.accounts.map(id => [id, 'used in this policy']);
  return [];
}

export function conditionValueItems(items: ItemBuilder, doc: PolicyDocument, catalog: Catalog): CompletionItem[] {
  const { site } = items;
  const found = choices(items, doc, catalog);
  if (found === 'arn') {
    if (site.typed.startsWith('arn:')) return arnSegmentItems(items, doc, catalog);
    return [items.string({ label: 'arn:', kind: CompletionItemKind.Reference, text: 'arn:', retrigger: true, sortText: sortKey(0), detail: 'an ARN, segment by segment' })];
  }
  const operator = site.context.statement?.condition?.operators.find(op => op.entry.name === site.context.conditionOperator);
  const entry = operator?.keys.find(k => k.entry.name === site.context.conditionKey);
  const listed = new Set((entry?.values ?? []).filter(v => v.offset !== site.start).map(v => String(v.value)));
  return found.filter(([value]) => !listed.has(value)).map(([value, detail], rank): CompletionItem => {
    const proposal: Proposal = { label: value, kind: CompletionItemKind.Value, text: value, detail, sortText: sortKey(0, rank) };
    return items.string(proposal);
  });
}
