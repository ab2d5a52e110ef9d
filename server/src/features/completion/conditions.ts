// Completion in Condition.
// Operators (the keys of the Condition object): every operator of the catalog, its ...IfExists form
// and its ForAllValues: / ForAnyValue: forms; when an operator is being changed, those that accept
// the types of the keys under it first (set forms first for multivalued keys).
// Keys (under an operator): the keys that the statement's actions and resource types support first,
// then the global keys, each with its type, keys of the operator's type before the others; a typed
// service prefix (`ec2:`) brings that service's keys. Tag keys insert a tab stop for the tag.
// Values where the set is known: true/false for Bool keys and Null, Regions for aws:RequestedRegion,
// aws:PrincipalType's values, service principals, account and organization IDs the document uses;
// ARNs segment by segment.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Catalog, ConditionKeyInfo, ConditionOperatorInfo, ParsedOperator } from '../../catalog/types';
import type { ConditionElement, PolicyDocument } from '../../policy/model';
import { arnSegmentItems } from './arnSegments';
import { baseType } from '../../analysis/conditionsEntries';
import { ORGANIZATION_KEYS, REGION_KEYS } from '../../catalog/tables/keyValueKinds';
import { PRINCIPAL_TYPE_VALUES, SERVICE_PRINCIPAL_KEYS } from './awsValues';
import { valuesBesideSite } from './documentValues';
import { CompletionItemKind, type ItemBuilder, placeholdersToTabStops, type Proposal, sortKey } from './items';
import { statementFacts } from './statementFacts';
import { variableCount } from '../../util/policyVariables';

interface OperatorForm {
  name: string;
  base: ConditionOperatorInfo;
  ifExists: boolean;
  set?: 'ForAllValues' | 'ForAnyValue';
}

const formsCache = new WeakMap<Catalog, OperatorForm[]>();

/** All operator forms, in the catalog's order: plain, IfExists, then the set-qualified ones. */
function operatorForms(catalog: Catalog): OperatorForm[] {
  let forms = formsCache.get(catalog);
  if (forms) return forms;
  const plain = catalog
    .operators()
    .flatMap(base => [{ name: base.name, base, ifExists: false }, ...(base.ifExistsAllowed ? [{ name: `${base.name}IfExists`, base, ifExists: true }] : [])]);
  // Null tests whether a key is present; it has no set form.
  const sets = (['ForAnyValue', 'ForAllValues'] as const).flatMap(set =>
    plain.filter(form => form.base.family !== 'Null').map(form => ({ ...form, name: `${set}:${form.name}`, set })),
  );
  forms = [...plain, ...sets];
  formsCache.set(catalog, forms);
  return forms;
}

/**
 * Rank of a form for the keys already under the operator (lower is better): the operators of the
 * keys' own type first (Date operators for aws:CurrentTime, although Numeric ones accept a date key
 * too), then the others that accept them, then the rest; in each, set forms for multivalued keys,
 * and the plain form before IfExists.
 */
function rank(form: OperatorForm, keys: readonly ConditionKeyInfo[]): number {
  if (keys.length === 0) return form.set ? 2 : form.ifExists ? 1 : 0;
  const own = keys.every(key => baseType(key) === form.base.family);
  const fits = keys.every(key => form.base.acceptsKeyTypes.includes(key.type));
  const multi = keys.some(key => key.multiValued);
  const setFits = multi === (form.set !== undefined);
  return (own ? 0 : fits ? 4 : 8) + (setFits ? 0 : 2) + (form.ifExists ? 1 : 0);
}

export function operatorItems(items: ItemBuilder, catalog: Catalog, condition: ConditionElement | undefined): CompletionItem[] {
  const { site } = items;
  const operators = condition?.operators ?? [];
  const edited = operators.find(op => op.entry.keyNode.offset === site.start);
  const present = new Set(operators.filter(op => op !== edited).map(op => op.entry.name));
  const keys = (edited?.keys ?? []).map(k => catalog.conditionKey(k.entry.name)).filter((k): k is ConditionKeyInfo => k !== undefined);
  return operatorForms(catalog)
    .filter(form => !present.has(form.name))
    .map((form, index) =>
      items.key(
        {
          label: form.name,
          kind: CompletionItemKind.Operator,
          text: form.name,
          detail: `${form.base.family} operator`,
          sortText: sortKey(rank(form, keys), index),
          retrigger: true,
          resolve: 'operator',
        },
        '{ "$1": "$2" }',
      ),
    );
}

const GROUP_STATEMENT = 0;
const GROUP_GLOBAL = 1;
const GROUP_SERVICE = 2;
/** keys whose type the operator does not accept go after all others */
const MISMATCH = 3;

/** The value skeleton for a key under an operator, its tab stops numbered after the key's own. */
function valueSkeleton(info: ConditionKeyInfo | undefined, operator: ParsedOperator, firstStop: number): string {
  const single =
    operator.base?.family === 'Null' || info?.type === 'Bool' || info?.type === 'ArrayOfBool' ? `"\${${firstStop}|true,false|}"` : `"$${firstStop}"`;
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
  const entry = condition?.operators.find(
    op =>
      op.entry.name === operatorName &&
      op.entry.valueNode &&
      op.entry.valueNode.offset < site.start &&
      site.start < op.entry.valueNode.offset + op.entry.valueNode.length,
  );
  const present = new Set((entry?.keys ?? []).filter(k => k.entry.keyNode.offset !== site.start).map(k => k.entry.name.toLowerCase()));
  return candidates(items, catalog)
    .filter(({ info }) => !present.has(info.key.toLowerCase()))
    .map(({ info, group }, index) => {
      const accepted = !operator.base || operator.base.acceptsKeyTypes.includes(info.type);
      const stops = variableCount(info.key);
      return items.key(
        {
          label: info.key,
          kind: CompletionItemKind.Field,
          text: info.key,
          snippet: stops ? placeholdersToTabStops(info.key) : undefined,
          detail: `${info.type}${info.multiValued ? ' (multivalued)' : ''}${info.service ? '' : ' · global'}`,
          sortText: sortKey(accepted ? group : MISMATCH + group, index),
          resolve: 'key',
          retrigger: stops === 0,
        },
        valueSkeleton(info, operator, stops + 1),
      );
    });
}

type Choice = [value: string, detail?: string];

function choices(items: ItemBuilder, doc: PolicyDocument, catalog: Catalog): Choice[] | 'arn' {
  const { conditionKey = '', conditionOperator = '' } = items.site.context;
  const operator = catalog.parseOperator(conditionOperator);
  const info = catalog.conditionKey(conditionKey);
  const key = conditionKey.toLowerCase();
  const values = valuesBesideSite(doc, items.site);
  if (operator.base?.family === 'Null')
    return [
      ['true', 'the key is absent from the request'],
      ['false', 'the key is present'],
    ];
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
    return [
      items.string({
        label: 'arn:',
        kind: CompletionItemKind.Reference,
        text: 'arn:',
        retrigger: true,
        sortText: sortKey(0),
        detail: 'an ARN, segment by segment',
      }),
    ];
  }
  const operator = site.context.statement?.condition?.operators.find(op => op.entry.name === site.context.conditionOperator);
  const entry = operator?.keys.find(k => k.entry.name === site.context.conditionKey);
  const listed = new Set((entry?.values ?? []).filter(v => v.offset !== site.start).map(v => String(v.value)));
  return found
    .filter(([value]) => !listed.has(value))
    .map(([value, detail], rank): CompletionItem => {
      const proposal: Proposal = { label: value, kind: CompletionItemKind.Value, text: value, detail, sortText: sortKey(0, rank) };
      return items.string(proposal);
    });
}
