// analysis/statementFacts.ts: what the rules read of each statement, worked out once per document.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { parsePolicy } from '../../server/src/policy/parse';
import { grantSiteOf, isPublicPrincipal, narrows, principalsOf, restrictsWith, statementFacts, unionOfEntries } from '../../server/src/analysis/statementFacts';
import { policyOf, stmt } from '../helpers/findings';

function factsOf(...statements: Array<Record<string, unknown>>) {
  const doc = parsePolicy(policyOf(...statements.map(stmt)));
  return { doc, facts: statementFacts(doc, getCatalog()) };
}

test('statementFacts: once per document and catalog; effect, entries and conditions (null values left out)', () => {
  const { doc, facts } = factsOf(
    { Action: ['s3:GetObject', 's3:*', '*'], Resource: '*', Condition: { StringEquals: { 'AWS:SourceVpc': [null, 'vpc-1', 2] } } },
    { Effect: 'Deny', Action: 's3:GetObject', Resource: '*' },
  );
  assert.equal(statementFacts(doc, getCatalog()), facts);
  assert.deepEqual(
    facts.map(f => [f.allow, f.deny]),
    [
      [true, false],
      [false, true],
    ],
  );
  assert.deepEqual(
    facts[0].actions.map(a => [a.item.value, a.everything, a.wildcard]),
    [
      ['s3:GetObject', false, false],
      ['s3:*', false, true],
      ['*', true, true],
    ],
  );
  assert.deepEqual(
    facts[0].conditions.map(c => [c.key, c.name, c.values]),
    [['aws:sourcevpc', 'AWS:SourceVpc', ['vpc-1', '2']]],
  );
});

test('unionOfEntries: the items of every entry once, in order; the one list itself when the others are empty', () => {
  const { facts } = factsOf({ Action: ['a:One', 'b:Two', 'c:Three', 'd:Four'], Resource: '*' });
  const lists: Record<string, string[]> = { 'a:One': [], 'b:Two': ['x', 'y'], 'c:Three': [], 'd:Four': ['y', 'z'] };
  assert.deepEqual(
    unionOfEntries(facts[0], e => lists[e.item.value]),
    ['x', 'y', 'z'],
  );
  const only: Record<string, string[]> = { 'a:One': [], 'b:Two': ['x', 'y'], 'c:Three': [], 'd:Four': [] };
  assert.equal(
    unionOfEntries(facts[0], e => only[e.item.value]),
    only['b:Two'],
  );
  assert.deepEqual(
    unionOfEntries(facts[0], () => []),
    [],
  );
});

test('narrows and restrictsWith: a positive operator on the key, with a value that is not only "*"', () => {
  const narrowing = (condition: object) => narrows(factsOf({ Action: 's3:GetObject', Resource: '*', Condition: condition }).facts[0].conditions[0]);
  assert.equal(narrowing({ StringEquals: { 'aws:SourceVpc': 'vpc-1' } }), true);
  assert.equal(narrowing({ StringLike: { 'aws:SourceVpc': ['*', 'vpc-1'] } }), true);
  assert.equal(narrowing({ StringLike: { 'aws:SourceVpc': '*' } }), false);
  assert.equal(narrowing({ StringEquals: { 'aws:SourceVpc': [] } }), false);
  assert.equal(narrowing({ StringNotEquals: { 'aws:SourceVpc': 'vpc-1' } }), false);
  assert.equal(narrowing({ StringEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } }), false);
  assert.equal(narrowing({ Null: { 'aws:SourceVpc': 'false' } }), false);
  assert.equal(narrowing({ 'ForAllValues:StringEquals': { 'aws:SourceVpc': 'vpc-1' } }), false);
  assert.equal(narrowing({ 'ForAnyValue:StringEquals': { 'aws:SourceVpc': 'vpc-1' } }), true);
  assert.equal(narrowing({ NoSuchOperator: { 'aws:SourceVpc': 'vpc-1' } }), false);
  const { facts } = factsOf({
    Action: 's3:GetObject',
    Resource: '*',
    Condition: { StringNotEquals: { 'aws:SourceVpc': 'vpc-1' }, StringEquals: { 'aws:SourceVpce': 'vpce-1' } },
  });
  assert.equal(
    restrictsWith(facts[0], key => key === 'aws:sourcevpce'),
    true,
  );
  assert.equal(
    restrictsWith(facts[0], key => key === 'aws:sourcevpc'),
    false,
  );
});

test('principalsOf and isPublicPrincipal: "*" and {"AWS": "*"} are everyone, {"Service": "*"} is not', () => {
  const publicOnes = (principal: unknown) =>
    principalsOf(factsOf({ Principal: principal, Action: 's3:GetObject', Resource: '*' }).facts[0]).map(isPublicPrincipal);
  assert.deepEqual(publicOnes('*'), [true]);
  assert.deepEqual(publicOnes({ AWS: ['*', 'arn:aws:iam::111122223333:root'] }), [true, false]);
  assert.deepEqual(publicOnes({ Service: '*', Federated: '*' }), [false, false]);
  assert.deepEqual(principalsOf(factsOf({ Action: 's3:GetObject', Resource: '*' }).facts[0]), []);
});

test('grantSiteOf: the first entry that names the action, "*" aside; NotAction when it leaves the action out', () => {
  const site = (statement: Record<string, unknown>, action: string) => {
    const { doc, facts } = factsOf(statement);
    const span = grantSiteOf(facts[0], action);
    return span && doc.text.slice(span.offset, span.offset + span.length);
  };
  assert.equal(site({ Action: ['*', 's3:Get*', 's3:GetObject'], Resource: '*' }, 's3:getobject'), '"s3:Get*"');
  assert.equal(site({ Action: '*', Resource: '*' }, 's3:getobject'), undefined);
  assert.equal(site({ NotAction: ['ec2:*', 's3:Get*'], Resource: '*' }, 's3:getobject'), undefined);
  assert.equal(site({ NotAction: ['ec2:*', 's3:Put*'], Resource: '*' }, 's3:getobject'), '"NotAction"');
});
