// Action rules IAM100-IAM106: malformed and unknown names, repeated names, names a wildcard already grants, letter case.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { repairSeparator } from '../../server/src/rules/actions';
import { codesOf, findingsOf, policyOf, stmt } from '../helpers/findings';
import type { Finding } from '../../server/src/rules/types';

const ACTION_CODES = /^IAM10[4-6]$/;
/** The texts of a finding's span and of its related spans. */
const spans = (text: string, finding: Finding | undefined) =>
  [finding, ...(finding?.related ?? [])].map(at => text.slice(at?.offset, (at?.offset ?? 0) + (at?.length ?? 0)));
const codes = (action: unknown, element = 'Action') => codesOf(policyOf(stmt({ [element]: action, Resource: '*' })), ACTION_CODES);

test('IAM104: an action listed twice in one statement, in any letter case', () => {
  assert.deepEqual(codes(['s3:GetObject', 's3:PutObject', 's3:GetObject']), ['IAM104']);
  assert.deepEqual(codes(['s3:GetObject', 's3:getobject']), ['IAM104', 'IAM106'], 'a repetition in another case: duplicate and case hint');
  assert.deepEqual(codes(['s3:*', 's3:*'], 'NotAction'), ['IAM104']);
  const text = policyOf(stmt({ Action: ['s3:GetObject', 's3:GetObject'], Resource: '*' }));
  const [finding] = findingsOf(text).filter(f => f.code === 'IAM104');
  assert.equal(finding.unnecessary, true);
  assert.deepEqual(
    [finding.offset, finding.related?.[0].offset],
    [text.lastIndexOf('"s3:GetObject"'), text.indexOf('"s3:GetObject"')],
    'the repetition, related to the first',
  );
  assert.deepEqual(spans(text, finding), ['"s3:GetObject"', '"s3:GetObject"']);
});

test('IAM104 near misses: different actions, or the same action in two statements', () => {
  assert.deepEqual(codes(['s3:GetObject', 's3:GetObjectAcl']), []);
  assert.deepEqual(
    codesOf(policyOf(stmt({ Action: 's3:GetObject', Resource: '*' }), stmt({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })), ACTION_CODES),
    [],
  );
});

test('IAM105: an action or wildcard that a wildcard in the same list already matches', () => {
  assert.deepEqual(codes(['s3:Get*', 's3:GetObject']), ['IAM105']);
  assert.deepEqual(codes(['s3:GetObject', 's3:Get*']), ['IAM105'], 'order does not matter');
  assert.deepEqual(codes(['s3:*', 's3:Get*', 's3:PutObject']), ['IAM105', 'IAM105']);
  assert.deepEqual(codes(['*', 'ec2:RunInstances']), ['IAM105']);
  assert.deepEqual(codes(['s3:get*', 's3:GetObject']), ['IAM105'], 'case-insensitive');
  assert.deepEqual(codes(['s3:*', 's3:**']), ['IAM105'], 'of two that match each other, the later is reported');
  assert.deepEqual(codes(['iam:Get*', 'iam:GetRole'], 'NotAction'), ['IAM105']);
  const text = policyOf(stmt({ Action: ['s3:Get*', 's3:GetObject'], Resource: '*' }));
  const finding = findingsOf(text).find(f => f.code === 'IAM105');
  assert.equal(finding?.data?.coveredBy, 's3:Get*');
  assert.equal(finding?.unnecessary, true);
  assert.deepEqual(spans(text, finding), ['"s3:GetObject"', '"s3:Get*"'], 'the covered name, related to the wildcard');
});

test("IAM105: the covering wildcard of the name's own service first, then one of any service", () => {
  const coveredBy = (action: string[]) =>
    findingsOf(policyOf(stmt({ Action: action, Resource: '*' })))
      .filter(f => f.code === 'IAM105')
      .map(f => f.data?.coveredBy);
  assert.deepEqual(coveredBy(['*', 's3:Get*', 's3:GetObject']), ['*', 's3:Get*']);
  assert.deepEqual(coveredBy(['*', 'S3:Get*', 's3:GetObject']), ['*', 'S3:Get*'], 'the service prefix in any letter case');
  assert.deepEqual(coveredBy(['*', 'ec2:Get*', 's3:GetObject']), ['*', '*']);
});

test('IAM105: a wildcard is not covered by itself, and a name with a wildcard in its service prefix is only malformed', () => {
  assert.deepEqual(codes(['s3:Get*']), []);
  assert.deepEqual(codes(['s3:Get*', 's3:Put*']), []);
  assert.deepEqual(codesOf(policyOf(stmt({ Action: ['*', 's3*:GetObject'], Resource: '*' })), /^IAM10\d$/), ['IAM100']);
  assert.deepEqual(codesOf(policyOf(stmt({ Action: ['s3:*', 's3*:GetObject'], Resource: '*' })), /^IAM10\d$/), ['IAM100']);
});

test('IAM105 near misses: wildcards that do not cover the name', () => {
  assert.deepEqual(codes(['s3:Get*', 's3:PutObject']), []);
  assert.deepEqual(codes(['s3:Get*', 'ec2:GetConsoleOutput']), []);
  assert.deepEqual(codes(['s3:Get?', 's3:GetObject']), [], 'a ? matches one character');
  assert.deepEqual(codes(['s3:Get?', 's3:Get*']), ['IAM105'], 'but s3:Get* covers s3:Get?');
  assert.deepEqual(codes(['s3:*Object', 's3:Get*']), []);
});

test('IAM106: a known action in another letter case, with the usual spelling as the fix', () => {
  assert.deepEqual(codes('s3:getobject'), ['IAM106']);
  assert.deepEqual(codes('S3:GetObject'), ['IAM106']);
  const finding = findingsOf(policyOf(stmt({ Action: 's3:getobject', Resource: '*' }))).find(f => f.code === 'IAM106');
  assert.deepEqual(finding?.data?.replacements, ['"s3:GetObject"']);
});

test('IAM106 near misses: the usual spelling, wildcards, unknown names', () => {
  assert.deepEqual(codes(['s3:GetObject', 'iam:PassRole']), []);
  assert.deepEqual(codes('s3:get*'), []);
  assert.deepEqual(codes('s3:getnothing'), []);
});

test('IAM100-IAM103, IAM106: one finding a name, from the same expansion the other rules use', () => {
  const names = /^IAM10[0-36]$/;
  const codeOf = (action: string) => codesOf(policyOf(stmt({ Action: action, Resource: '*' })), names);
  assert.deepEqual(codeOf('s3.GetObject'), ['IAM100']);
  assert.deepEqual(codeOf('s3:Get:Object'), ['IAM100']);
  assert.deepEqual(codeOf('nosuch:GetObject'), ['IAM101']);
  assert.deepEqual(codeOf('nosuch:Get*'), ['IAM101'], 'an unknown service before a wildcard that matches nothing');
  assert.deepEqual(codeOf('s3:GetObjekt'), ['IAM102']);
  assert.deepEqual(codeOf('s3:Frobnicate*'), ['IAM103']);
  assert.deepEqual(codeOf('s3:getobject'), ['IAM106']);
  for (const fine of ['s3:GetObject', 's3:Get*', 'S3:get*', 's3:Get?bject', '*', 's3:<action>']) assert.deepEqual(codeOf(fine), [], fine);
});

test("IAM100: a malformed name, in Action and NotAction; the repair of a wrong separator in AWS's spelling", () => {
  const found = (action: string, element = 'Action') =>
    findingsOf(policyOf(stmt({ [element]: action, Resource: '*' })))
      .filter(f => /^IAM10[0-3]$/.test(f.code))
      .map(f => [f.code, f.data?.replacements]);
  assert.deepEqual(found('S3.getobject'), [['IAM100', ['"s3:GetObject"']]]);
  assert.deepEqual(found('s3.GetObject', 'NotAction'), [['IAM100', ['"s3:GetObject"']]]);
  assert.deepEqual(found('s3:Get:Object'), [['IAM100', []]], 'nothing to repair');
  assert.deepEqual(repairSeparator(' s3 .GetObject ', getCatalog()), 's3:GetObject', 'white space around the separator and the name');
  assert.equal(repairSeparator('S3.GetObjekt', getCatalog()), 's3:GetObjekt', 'a known service, an unknown action: the prefix in lower case');
  assert.equal(repairSeparator('nosuchservice.GetObject', getCatalog()), undefined);
  assert.equal(repairSeparator('my s3.GetObject', getCatalog()), undefined, 'the whole text, not its end');
  assert.equal(repairSeparator('s3.GetObject!', getCatalog()), undefined, 'the whole text, not its start');
});

test('IAM100: every malformed form, on the name itself', () => {
  for (const bad of [
    '',
    '  ',
    's3: GetObject',
    'GetObject',
    's3:Get:Object',
    ':GetObject',
    's3:',
    '*:*',
    's?:Get*',
    's3_x:GetObject',
    '-s3:GetObject',
    's3:Get.Object',
    's3:Get/Object',
  ]) {
    const text = policyOf(stmt({ Action: ['s3:PutObject', bad], Resource: '*' }));
    const found = findingsOf(text)
      .filter(f => /^IAM10[0-3]$/.test(f.code))
      .map(f => [f.code, text.slice(f.offset, f.offset + f.length)]);
    assert.deepEqual(found, [['IAM100', JSON.stringify(bad)]], bad);
  }
});

test('IAM101, IAM102: the replacements keep the rest of the name', () => {
  const replacements = (action: string, code: string) =>
    findingsOf(policyOf(stmt({ Action: action, Resource: '*' }))).find(f => f.code === code)?.data?.replacements;
  assert.ok((replacements('s4:GetObject', 'IAM101') as string[]).includes('"s3:GetObject"'));
  assert.ok((replacements('s3:GetObjekt', 'IAM102') as string[]).includes('"s3:GetObject"'));
});
