// Every operator -> key pair of every Condition block, with the operator parsed and the key looked up
// in the catalog once per document: the condition rules (IAM300-IAM351) all start from this list.
import type { Catalog, ConditionKeyInfo, ParsedOperator } from '../catalog/types';
import type { ConditionKeyEntry, ConditionOperatorEntry, PolicyDocument, Span, Statement } from '../policy/model';

export interface ConditionEntry {
  statement: Statement;
  operatorEntry: ConditionOperatorEntry;
  operator: ParsedOperator;
  keyEntry: ConditionKeyEntry;
  /** undefined when the catalog does not know the key */
  key: ConditionKeyInfo | undefined;
}

const cache = new WeakMap<PolicyDocument, { catalog: Catalog; entries: ConditionEntry[] }>();

export function conditionEntries(doc: PolicyDocument, catalog: Catalog): ConditionEntry[] {
  const cached = cache.get(doc);
  if (cached?.catalog === catalog) return cached.entries;
  const entries: ConditionEntry[] = [];
  for (const statement of doc.statements) {
    for (const operatorEntry of statement.condition?.operators ?? []) {
      const operator = catalog.parseOperator(operatorEntry.entry.name);
      for (const keyEntry of operatorEntry.keys) {
        entries.push({ statement, operatorEntry, operator, keyEntry, key: catalog.conditionKey(keyEntry.entry.name) });
      }
    }
  }
  cache.set(doc, { catalog, entries });
  return entries;
}

/** The span of a key's name (with its quotes), where key findings go. */
export function keySpan(entry: ConditionEntry): Span {
  const node = entry.keyEntry.entry.keyNode;
  return { offset: node.offset, length: node.length };
}

/** The span of an operator's name (with its quotes). */
export function operatorSpan(operatorEntry: ConditionOperatorEntry): Span {
  const node = operatorEntry.entry.keyNode;
  return { offset: node.offset, length: node.length };
}

/** The key's value type without the ArrayOf prefix: "ArrayOfARN" -> "ARN". */
export function baseType(key: ConditionKeyInfo): string {
  return key.type.replace(/^ArrayOf/, '');
}

/**
 * Whether the condition is true when the key is absent from the request: Null with "true", negated
 * operators, ...IfExists and ForAllValues: match; the others do not. Source: IAM User Guide, "Condition
 * operators" (the Important note and ...IfExists) and "Single-valued vs. multivalued context keys"
 * (ForAllValues returns true when the key is missing). Undefined for a Null with an odd value.
 */
export function matchesWhenAbsent(entry: ConditionEntry): boolean | undefined {
  const { operator } = entry;
  if (operator.base?.family === 'Null') {
    const values = entry.keyEntry.values.map(v => String(v.value).toLowerCase());
    if (values.length > 0 && values.every(v => v === 'true')) return true;
    if (values.length > 0 && values.every(v => v === 'false')) return false;
    return undefined;
  }
  return Boolean(operator.base?.negated || operator.ifExists || operator.setQualifier === 'ForAllValues');
}

/** Epoch seconds, as Date operators take them. */
export const EPOCH_SECONDS = /^\d+(\.\d+)?$/;
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/i;

/**
 * A value Date operators read: "one of the W3C implementations of the ISO 8601 date formats" or
 * epoch seconds (IAM User Guide, "IAM JSON policy elements: Condition operators"; a time without a
 * zone is accepted, leniently).
 */
export function isDate(text: string): boolean {
  if (EPOCH_SECONDS.test(text)) return true;
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [, , month, day, hour, minute, second] = match.map(Number);
  return (
    // a year alone is epoch seconds (above): a date here has a month
    month >= 1 &&
    month <= 12 &&
    (match[3] === undefined || (day >= 1 && day <= 31)) &&
    (match[4] === undefined || (hour <= 24 && minute <= 59 && (match[6] === undefined || second <= 60)))
  );
}
