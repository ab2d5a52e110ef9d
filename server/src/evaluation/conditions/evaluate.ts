// A statement's Condition block against a request context.
// Sources (IAM User Guide):
// - "Conditions with multiple context keys or values" (reference_policies_multi-value-conditions.html):
//   several operators, and several keys under one operator, are ANDed; several values for one key are
//   ORed; for a negated operator (StringNotEquals, NotIpAddress, ...) the values are NORed: the
//   request value must match none of them.
// - "IAM JSON policy elements: Condition operators": a key absent from the request makes the
//   condition false, except for negated operators, where it is true; `...IfExists` makes an absent key
//   true; `Null` tests presence.
// - "Single-valued vs. multivalued context keys" (reference_policies_condition-single-vs-multi-valued-context-keys.html):
//   `ForAllValues:` is true when every request value matches (and when the key is absent or its values
//   are an empty set, e.g. an empty string); `ForAnyValue:` is true when at least one request value
//   matches (false when the key is absent). With a negated operator, a request value "matches" when it
//   equals none of the policy values.
// A multivalued request key under an operator without a set qualifier: a positive operator holds when
// any request value matches, a negated one when none does (the negation of the positive operator).
import type { ConditionElement, Span } from '../../policy/model';
import { parseOperator } from '../../catalog/tables/operators';
import type { ConditionOperatorInfo, OperatorFamily, ParsedOperator } from '../../catalog/types';
import type { RequestContext } from '../request';
import { literalParts, parseTemplate, partsToText, resolveTemplate, type ResolvedPart, type Template } from '../variables';
import { arnFamily } from './arn';
import { binaryFamily } from './binary';
import { boolFamily } from './bool';
import { dateFamily } from './date';
import { ipFamily } from './ip';
import { compileNull } from './null';
import { numericFamily } from './numeric';
import { stringFamily } from './string';
import type { Comparison, ConditionFamily, ValueTest } from './types';

const FAMILIES: Record<Exclude<OperatorFamily, 'Null'>, ConditionFamily> = {
  String: stringFamily,
  Numeric: numericFamily,
  Date: dateFamily,
  Bool: boolFamily,
  Binary: binaryFamily,
  IPAddress: ipFamily,
  ARN: arnFamily,
};

interface CompiledValue {
  raw: string;
  template?: Template; // set when the value has variables: compiled per request
  test?: ValueTest;
  error?: string;
}

export interface CompiledConditionKey extends Span {
  operator: ParsedOperator;
  /** the key as written, and lower-cased for lookups */
  key: string;
  keyLower: string;
  comparison: Comparison;
  values: CompiledValue[];
}

export interface KeyOutcome {
  holds: boolean;
  /** why it does not hold (set when holds is false) */
  reason?: string;
}

function comparisonOf(info: ConditionOperatorInfo): Comparison {
  if (info.family === 'Numeric' || info.family === 'Date') {
    const order = /(LessThan|GreaterThan)(Equals)?$/.exec(info.name);
    if (order) return `${order[1] === 'LessThan' ? 'lessThan' : 'greaterThan'}${order[2] ? 'Equals' : ''}` as Comparison;
  }
  if (info.name.includes('IgnoreCase')) return 'equalsIgnoreCase';
  return info.wildcards ? 'like' : 'equals';
}

function compileValue(info: ConditionOperatorInfo, parts: readonly ResolvedPart[], comparison: Comparison): ValueTest | string {
  return info.family === 'Null' ? compileNull(partsToText(parts)) : FAMILIES[info.family].compile(parts, comparison);
}

/** Compiles every operator/key pair of a Condition block. `variables`: the policy is 2012-10-17. */
export function compileCondition(condition: ConditionElement | undefined, variables: boolean): CompiledConditionKey[] {
  const keys: CompiledConditionKey[] = [];
  for (const operatorEntry of condition?.operators ?? []) {
    const operator = parseOperator(operatorEntry.entry.name);
    const info = operator.base;
    const comparison = info ? comparisonOf(info) : 'equals';
    for (const keyEntry of operatorEntry.keys) {
      const values: CompiledValue[] = keyEntry.values.map(v => {
        if (v.value === null) return { raw: v.node.type, error: `a ${v.node.type} is not a condition value` };
        const raw = String(v.value);
        if (!info) return { raw };
        const template = parseTemplate(raw, info.wildcards, variables && info.variables);
        if (template.hasVariables) return { raw, template };
        const compiled = compileValue(info, literalParts(template), comparison);
        return typeof compiled === 'string' ? { raw, error: compiled } : { raw, test: compiled };
      });
      keys.push({
        operator,
        key: keyEntry.entry.name,
        keyLower: keyEntry.entry.name.toLowerCase(),
        comparison,
        values,
        offset: keyEntry.entry.node.offset,
        length: keyEntry.entry.node.length,
      });
    }
  }
  return keys;
}

const quote = (values: readonly string[]) => values.map(v => JSON.stringify(v)).join(', ');

/** The value tests for this request (variables substituted), and why some values can never match. */
function valueTests(key: CompiledConditionKey, context: RequestContext): { tests: ValueTest[]; notes: string[] } {
  const tests: ValueTest[] = [];
  const notes: string[] = [];
  for (const value of key.values) {
    if (value.test) tests.push(value.test);
    else if (value.error) notes.push(value.error);
    else if (value.template && key.operator.base) {
      const resolved = resolveTemplate(value.template, context);
      if ('unresolved' in resolved) {
        notes.push(`${resolved.unresolved} has no value in the request, so ${JSON.stringify(value.raw)} matches nothing`);
        continue;
      }
      const compiled = compileValue(key.operator.base, resolved.parts, key.comparison);
      if (typeof compiled === 'string') notes.push(compiled);
      else tests.push(compiled);
    }
  }
  return { tests, notes };
}

function absentOutcome(key: CompiledConditionKey, info: ConditionOperatorInfo): KeyOutcome {
  const { operator } = key;
  const holds = operator.ifExists || operator.setQualifier === 'ForAllValues' || (operator.setQualifier !== 'ForAnyValue' && info.negated);
  if (holds) return { holds };
  const why = operator.setQualifier === 'ForAnyValue' ? ' (ForAnyValue: an empty set matches nothing)' : '';
  return { holds, reason: `not in the request context${why}` };
}

/** Evaluates one operator/key pair against the request context. */
export function evaluateConditionKey(key: CompiledConditionKey, context: RequestContext): KeyOutcome {
  const info = key.operator.base;
  const label = `${key.operator.text} ${key.key}`;
  if (!info) return { holds: false, reason: `${label}: unknown condition operator "${key.operator.text}"` };
  const requestValues = context.get(key.keyLower) ?? [];
  const present = requestValues.length > 0;
  const { tests, notes } = valueTests(key, context);
  const noteText = notes.length ? ` (${notes.join('; ')})` : '';
  if (info.family === 'Null') {
    const holds = tests.some(test => test(String(present)));
    return holds ? { holds } : { holds, reason: `${label}: the key is ${present ? 'present' : 'absent'}${noteText}` };
  }
  const emptySet = !present || (key.operator.setQualifier !== undefined && requestValues.length === 1 && requestValues[0] === '');
  if (emptySet) {
    const outcome = absentOutcome(key, info);
    return outcome.holds ? outcome : { holds: false, reason: `${label}: ${outcome.reason}` };
  }
  // holdsFor(v): the operator, negation included, is true of one request value (false when no policy value can compare it)
  const failures: string[] = [];
  const holdsFor = (value: string): boolean => {
    const results = tests.map(test => test(value));
    if (results.every(r => r === undefined)) {
      failures.push(`${JSON.stringify(value)} is not ${FAMILIES[info.family as keyof typeof FAMILIES].typeName}`);
      return false;
    }
    const matches = results.some(r => r === true);
    if (matches === info.negated)
      failures.push(`${JSON.stringify(value)} ${info.negated ? 'matches one of' : 'matches none of'} ${quote(key.values.map(v => v.raw))}`);
    return matches !== info.negated;
  };
  const qualifier = key.operator.setQualifier;
  const holds = qualifier === 'ForAllValues' || (!qualifier && info.negated) ? requestValues.every(holdsFor) : requestValues.some(holdsFor);
  if (holds) return { holds };
  const what =
    qualifier === 'ForAllValues' ? 'not every request value matches: ' : qualifier === 'ForAnyValue' ? 'no request value matches: ' : 'request value ';
  return { holds, reason: `${label}: ${what}${failures.join('; ')}${noteText}` };
}
