// Fixes inside Condition blocks: a key moved to the operator that fits its type (IAM320, IAM321,
// IAM322; IAM330 when a Numeric operator compares a date key with an ISO date, which only Date
// operators read), a set qualifier removed from a single-valued key (IAM340) or chosen for a
// multivalued one (IAM341), the Null check that keeps ForAllValues: from matching requests without
// the key (IAM342), the Like operator for a value with wildcards (IAM338), a presence test written as
// Null (IAM370), and a key or value that adds nothing removed (IAM371, IAM372). A key moves with its
// values (or with the Null value that replaces them); its old block goes when it was the only key
// there, and it joins a block of the new operator when the statement has one.
import type { Catalog } from '../../catalog/types';
import type { PolicyDocument, Statement } from '../../policy/model';
import { baseType, conditionEntries, isDate, type ConditionEntry } from '../../analysis/conditionsEntries';
import { byCode, fixAction, spanOf, type FixContext, type FixProvider } from './framework';
import { insertProperty, nodeText, RawJson, removeMembers, type Change } from './jsonEdits';
import { operatorForKeyType } from './operatorTypes';

/** Adds `operator: { key: value }` to the statement's Condition (creating it, or the operator block, as needed). */
export function addCondition(doc: PolicyDocument, statement: Statement, operator: string, key: string, value: string): Change | undefined {
  if (statement.node.type !== 'object') return undefined;
  const condition = statement.condition;
  if (!condition) return insertProperty(doc, statement.node, 'Condition', { [operator]: { [key]: value } });
  const conditionNode = condition.entry.valueNode;
  if (conditionNode?.type !== 'object') return undefined;
  const block = condition.operators.find(o => o.entry.name === operator);
  if (!block) return insertProperty(doc, conditionNode, operator, { [key]: value });
  if (block.entry.valueNode?.type !== 'object' || block.keys.some(k => k.entry.name.toLowerCase() === key.toLowerCase())) return undefined;
  return insertProperty(doc, block.entry.valueNode, key, value);
}

/**
 * Moves a condition key to another operator (renaming the operator when the key is alone in it),
 * with its values, or with `newValue` in their place.
 */
function changeOperator(doc: PolicyDocument, entry: ConditionEntry, target: string, newValue?: string): Change[] | undefined {
  const condition = entry.statement.condition?.entry.valueNode;
  const block = entry.operatorEntry;
  if (!condition || !block.entry.valueNode) return undefined;
  const existing = entry.statement.condition!.operators.find(o => o.entry.name === target);
  const keyName = entry.keyEntry.entry.name;
  const valueNode = entry.keyEntry.entry.valueNode;
  if (!existing && block.keys.length === 1) {
    const key = block.entry.keyNode;
    const rename = { offset: key.offset, length: key.length, text: JSON.stringify(target) };
    return newValue === undefined || !valueNode ? [rename] : [rename, { offset: valueNode.offset, length: valueNode.length, text: JSON.stringify(newValue) }];
  }
  // a block of the target operator that is no object (an error of its own) is not overwritten
  if (existing && (existing.entry.valueNode?.type !== 'object' || existing.keys.some(k => k.entry.name.toLowerCase() === keyName.toLowerCase())))
    return undefined;
  const value = newValue !== undefined ? newValue : new RawJson(valueNode ? nodeText(doc.text, valueNode) : '""');
  const removal =
    block.keys.length === 1
      ? removeMembers(condition, new Set([block.entry.node]))
      : removeMembers(block.entry.valueNode, new Set([entry.keyEntry.entry.node]));
  const insertion = existing ? insertProperty(doc, existing.entry.valueNode!, keyName, value) : insertProperty(doc, condition, target, { [keyName]: value });
  return [...removal, insertion];
}

function conditionEntryAt(doc: PolicyDocument, catalog: Catalog, offset: number): ConditionEntry | undefined {
  return conditionEntries(doc, catalog).find(e => e.keyEntry.entry.keyNode.offset === offset);
}

const operatorType: FixProvider = ctx => {
  const entry = conditionEntryAt(ctx.doc, ctx.catalog, spanOf(ctx).start);
  const target = entry && operatorForKeyType(ctx.catalog, entry);
  const changes = entry && target && changeOperator(ctx.doc, entry, target);
  return changes ? [fixAction(ctx, `Use ${target} for "${entry.keyEntry.entry.name}"`, changes, true)] : [];
};

/** IAM330 on a date in a Numeric operator of a date key: the Date operator that compares the same way. */
const dateOperator: FixProvider = ctx => {
  const { start } = spanOf(ctx);
  const entry = conditionEntries(ctx.doc, ctx.catalog).find(e => e.keyEntry.values.some(v => v.offset === start));
  const value = entry?.keyEntry.values.find(v => v.offset === start);
  if (!entry?.key || entry.operator.base?.family !== 'Numeric' || baseType(entry.key) !== 'Date' || !isDate(String(value?.value))) return [];
  const target = operatorForKeyType(ctx.catalog, entry);
  const changes = target && changeOperator(ctx.doc, entry, target);
  return changes ? [fixAction(ctx, `Use ${target} for "${entry.keyEntry.entry.name}"`, changes, true)] : [];
};

const setQualifierRemoved: FixProvider = ctx => {
  const entry = conditionEntryAt(ctx.doc, ctx.catalog, spanOf(ctx).start);
  const name = entry?.operatorEntry.entry.name;
  const plain = name?.slice(name.indexOf(':') + 1);
  const changes = entry && plain && changeOperator(ctx.doc, entry, plain);
  return changes ? [fixAction(ctx, `Use ${plain} (without the set qualifier)`, changes, true)] : [];
};

const setQualifierAdded: FixProvider = ctx => {
  const entry = conditionEntryAt(ctx.doc, ctx.catalog, spanOf(ctx).start);
  if (!entry) return [];
  return ['ForAnyValue', 'ForAllValues'].flatMap(qualifier => {
    const target = `${qualifier}:${entry.operatorEntry.entry.name}`;
    const changes = changeOperator(ctx.doc, entry, target);
    return changes ? [fixAction(ctx, `Use ${target}`, changes)] : [];
  });
};

const nullCheck: FixProvider = ctx => {
  const entry = conditionEntryAt(ctx.doc, ctx.catalog, spanOf(ctx).start);
  const name = entry?.keyEntry.entry.name;
  const change = entry && name && addCondition(ctx.doc, entry.statement, 'Null', name, 'false');
  return change ? [fixAction(ctx, `Add "Null": { "${name}": "false" } (the key must be in the request)`, [change], true)] : [];
};

/** IAM338: the Like form of the operator, keeping its set qualifier and IfExists. */
const likeOperator: FixProvider = ctx => {
  const entry = conditionEntryAt(ctx.doc, ctx.catalog, spanValueKey(ctx));
  const like = (ctx.diagnostic.data as { like?: string } | undefined)?.like;
  if (!entry || !like) return [];
  const target = `${entry.operator.setQualifier ? `${entry.operator.setQualifier}:` : ''}${like}${entry.operator.ifExists ? 'IfExists' : ''}`;
  const changes = changeOperator(ctx.doc, entry, target);
  return changes ? [fixAction(ctx, `Use ${target} (the value's "*" and "?" are wildcards)`, changes)] : [];
};

/** IAM338 and IAM372 are reported on a value: the key entry whose values hold the diagnostic's start. */
function spanValueKey(ctx: FixContext): number {
  const at = spanOf(ctx).start;
  const entry = conditionEntries(ctx.doc, ctx.catalog).find(e => e.keyEntry.values.some(v => v.offset === at));
  return entry?.keyEntry.entry.keyNode.offset ?? -1;
}

/** IAM370: the presence test as the Null condition it is. */
const presenceAsNull: FixProvider = ctx => {
  const entry = conditionEntryAt(ctx.doc, ctx.catalog, spanOf(ctx).start);
  const value = (ctx.diagnostic.data as { nullValue?: string } | undefined)?.nullValue;
  const changes = entry && value && changeOperator(ctx.doc, entry, 'Null', value);
  return changes ? [fixAction(ctx, `Use "Null": { "${entry.keyEntry.entry.name}": "${value}" }`, changes, true)] : [];
};

/** IAM371: the key goes; its operator block goes with it when it was alone, the Condition when that was too. */
const keyRemoved: FixProvider = ctx => {
  const entry = conditionEntryAt(ctx.doc, ctx.catalog, spanOf(ctx).start);
  const condition = entry?.statement.condition;
  const block = entry?.operatorEntry;
  if (!entry || !condition?.entry.valueNode || !block?.entry.valueNode || entry.statement.node.type !== 'object') return [];
  const changes =
    block.keys.length > 1
      ? removeMembers(block.entry.valueNode, new Set([entry.keyEntry.entry.node]))
      : condition.operators.length > 1
        ? removeMembers(condition.entry.valueNode, new Set([block.entry.node]))
        : removeMembers(entry.statement.node, new Set([condition.entry.node]));
  return [fixAction(ctx, `Remove "${entry.keyEntry.entry.name}" (it is always true)`, changes, true)];
};

/** IAM372: the redundant value leaves its list. */
const valueRemoved: FixProvider = ctx => {
  const at = spanOf(ctx).start;
  const entry = conditionEntries(ctx.doc, ctx.catalog).find(e => e.keyEntry.values.some(v => v.offset === at));
  const list = entry?.keyEntry.entry.valueNode;
  const value = entry?.keyEntry.values.find(v => v.offset === at);
  if (list?.type !== 'array' || !value) return [];
  return [fixAction(ctx, `Remove ${ctx.doc.text.slice(value.offset, value.offset + value.length)}`, removeMembers(list, new Set([value.node])), true)];
};

const PROVIDERS: Record<string, FixProvider> = {
  IAM320: operatorType,
  IAM321: operatorType,
  IAM322: operatorType,
  IAM330: dateOperator,
  IAM340: setQualifierRemoved,
  IAM341: setQualifierAdded,
  IAM342: nullCheck,
  IAM338: likeOperator,
  IAM370: presenceAsNull,
  IAM371: keyRemoved,
  IAM372: valueRemoved,
};

export const conditionFixes = byCode(PROVIDERS);
