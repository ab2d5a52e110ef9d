// analysis/conditionsEntries.ts: the operator -> key pairs of a document's Condition blocks, whether
// a condition holds when its key is absent, the value types and the dates Date operators read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import type { ConditionKeyInfo } from '../../server/src/catalog/types';
import { parsePolicy } from '../../server/src/policy/parse';
import { baseType, conditionEntries, isDate, matchesWhenAbsent } from '../../server/src/analysis/conditionsEntries';
import { policyOf, stmt } from '../helpers/findings';

function entriesOf(condition: Record<string, unknown>) {
  return conditionEntries(parsePolicy(policyOf(stmt({ Action: 's3:GetObject', Resource: '*', Condition: condition }))), getCatalog());
}

test('conditionEntries: every operator -> key pair, the key looked up; worked out once per document and catalog', () => {
  const doc = parsePolicy(
    policyOf(
      stmt({
        Action: '*',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalTag/team': 'a', 'no:SuchKey': 'b' }, Bool: { 'aws:SecureTransport': 'true' } },
      }),
      stmt({ Action: '*', Resource: '*' }),
    ),
  );
  const catalog = getCatalog();
  const entries = conditionEntries(doc, catalog);
  assert.deepEqual(
    entries.map(e => [e.operatorEntry.entry.name, e.keyEntry.entry.name, e.key?.key, e.operator.base?.family]),
    [
      ['StringEquals', 'aws:PrincipalTag/team', 'aws:PrincipalTag/${TagKey}', 'String'],
      ['StringEquals', 'no:SuchKey', undefined, 'String'],
      ['Bool', 'aws:SecureTransport', 'aws:SecureTransport', 'Bool'],
    ],
  );
  assert.equal(conditionEntries(doc, catalog), entries, 'the same list again');
});

test('baseType: the value type without its ArrayOf prefix', () => {
  const [tags, transport] = entriesOf({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'a' }, Bool: { 'aws:SecureTransport': 'true' } });
  assert.equal(tags.key?.type, 'ArrayOfString');
  assert.equal(baseType(tags.key!), 'String');
  assert.equal(baseType(transport.key!), 'Bool');
  assert.equal(baseType({ ...transport.key!, type: 'StringArrayOf' as ConditionKeyInfo['type'] }), 'StringArrayOf', 'only a prefix');
});

test('matchesWhenAbsent: Null true / false / odd; negated, IfExists and ForAllValues operators match', () => {
  const absent = (operator: string, value: unknown) => matchesWhenAbsent(entriesOf({ [operator]: { 'aws:SourceVpc': value } })[0]);
  assert.equal(absent('Null', 'true'), true);
  assert.equal(absent('Null', ['true', 'TRUE']), true);
  assert.equal(absent('Null', 'false'), false);
  assert.equal(absent('Null', ['false', 'False']), false);
  assert.equal(absent('Null', ['true', 'false']), undefined);
  assert.equal(absent('Null', []), undefined);
  assert.equal(absent('Null', 'maybe'), undefined);
  assert.equal(absent('StringEquals', 'vpc-1'), false);
  assert.equal(absent('StringNotEquals', 'vpc-1'), true);
  assert.equal(absent('StringEqualsIfExists', 'vpc-1'), true);
  assert.equal(absent('ForAllValues:StringEquals', 'vpc-1'), true);
  assert.equal(absent('ForAnyValue:StringEquals', 'vpc-1'), false);
});

test('isDate: epoch seconds and ISO 8601 dates, with each field in range', () => {
  for (const date of [
    '1700000000',
    '1700000000.5',
    '2024',
    '2024-01',
    '2024-12-31',
    '2024-01-01T00:00',
    '2024-01-01T24:59:60Z',
    '2024-01-01T12:30:00.123+02:00',
    '2024-01-01t12:30:00z',
  ]) {
    assert.equal(isDate(date), true, date);
  }
  for (const date of [
    '',
    'yesterday',
    '2024-00',
    '2024-13',
    '2024-01-00',
    '2024-01-32',
    '2024-01-01T25:00',
    '2024-01-01T12:60',
    '2024-01-01T12:00:61',
    '24-01-01',
    '2024-1-1',
  ]) {
    assert.equal(isDate(date), false, date);
  }
});
