// Condition operators, the keys of the Condition object: every operator of the catalog, its
// ...IfExists form and its ForAllValues: / ForAnyValue: forms. When an existing operator is being
// changed, the operators that accept the types of the keys under it come first (set forms first for
// multivalued keys).
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Catalog, ConditionKeyInfo, ConditionOperatorInfo } from '../../catalog/types';
import type { ConditionElement } from '../../policy/model';
import { CompletionItemKind, type ItemBuilder, sortKey } from './items';

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
  const plain = catalog.operators().flatMap(base => [
    { name: base.name, base, ifExists: false },
    ...(base.ifExistsAllowed ? [{ name: `${base.name}IfExists`, base, ifExists: true }] : []),
  ]);
  // Null tests whether a key is present; it has no set form.
  const sets = (['ForAnyValue', 'ForAllValues'] as const).flatMap(set =>
    plain.filter(form => form.base.family !== 'Null').map(form => ({ ...form, name: `${set}:${form.name}`, set })));
  forms = [...plain, ...sets];
  formsCache.set(catalog, forms);
  return forms;
}

/** Rank of a form for the keys already under the operator (lower is better). */
function rank(form: OperatorForm, keys: readonly ConditionKeyInfo[]): number {
  if (keys.length === 0) return form.set ? 2 : form.ifExists ? 1 : 0;
  const fits = keys.every(key => form.base.acceptsKeyTypes.includes(key.type));
  const multi = keys.some(key => key.multiValued);
  const setFits = multi === (form.set !== undefined);
  return (fits ? 0 : 4) + (setFits ? 0 : 2) + (form.ifExists ? 1 : 0);
}

export function operatorItems(items: ItemBuilder, catalog: Catalog, condition: ConditionElement | undefined): CompletionItem[] {
  const { site } = items;
  const operators = condition?.operators ?? [];
  const edited = operators.find(op => op.entry.keyNode.offset === site.start);
  const present = new Set(operators.filter(op => op !== edited).map(op => op.entry.name));
  const keys = (edited?.keys ?? []).map(k => catalog.conditionKey(k.entry.name)).filter((k): k is ConditionKeyInfo => k !== undefined);
  return operatorForms(catalog).filter(form => !present.has(form.name)).map((form, index) => items.key({
    label: form.name, kind: CompletionItemKind.Operator, text: form.name, detail: `${form.base.family} operator`,
    sortText: sortKey(rank(form, keys), index), retrigger: true, resolve: 'operator',
  }, '{ "$1": "$2" }'));
}
