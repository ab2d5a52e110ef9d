// Fixes in Condition blocks: the operator that fits the key's type, set qualifiers, the Null check
// of ForAllValues:; a key moves with its values, into the block of its new operator if there is one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conditionEntries } from '../../server/src/analysis/conditionsEntries';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { operatorForKeyType } from '../../server/src/features/fixes/operatorTypes';
import { withDefaults } from '../../server/src/protocol';
import { applyFix, codes, diagnose, fixed, fixesFor, fixesOf } from '../helpers/fixes';

const ONE = (statement: string) => `{ "Version": "2012-10-17", "Statement": [ ${statement} ] }`;
const withCondition = (condition: string, effect = 'Allow') =>
  ONE(`{ "Effect": "${effect}", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": ${condition} }`);

test("an operator that does not fit the key's type: renamed when the key is alone in it", () => {
  const text = ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringNotEquals": { "aws:SourceIp": "10.0.0.0/8" } } }');
  assert.match(fixed(text, 'IAM320'), /"Condition": \{ "NotIpAddress": \{ "aws:SourceIp": "10.0.0.0\/8" \} \}/);
  const bool = ONE('{ "Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": { "StringEqualsIfExists": { "aws:SecureTransport": "false" } } }');
  assert.match(fixed(bool, 'IAM321'), /"BoolIfExists": \{ "aws:SecureTransport": "false" \}/);
  const age = ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "DateGreaterThan": { "aws:MultiFactorAuthAge": "3600" } } }');
  assert.match(fixed(age, 'IAM320'), /"NumericGreaterThan": \{ "aws:MultiFactorAuthAge"/);
});

test('an operator that does not fit: the key moves out of a shared block, into the right one if there is one', () => {
  const shared = ONE(
    '{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "aws:SourceIp": "10.0.0.0/8", "aws:username": "bob" } } }',
  );
  assert.match(fixed(shared, 'IAM320'), /"Condition": \{ "StringEquals": \{ "aws:username": "bob" \}, "IpAddress": \{ "aws:SourceIp": "10.0.0.0\/8" \} \}/);
  const existing = ONE(
    '{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "IpAddress": { "aws:VpcSourceIp": "10.1.0.0/16" }, "StringEquals": { "aws:SourceIp": "10.0.0.0/8" } } }',
  );
  assert.match(fixed(existing, 'IAM320'), /"Condition": \{ "IpAddress": \{ "aws:VpcSourceIp": "10.1.0.0\/16", "aws:SourceIp": "10.0.0.0\/8" \} \}/);
});

test('no operator fix where no operator keeps the meaning (StringLike on a date)', () => {
  const text = ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringLike": { "aws:CurrentTime": "2030-*" } } }');
  assert.deepEqual(
    fixesOf(text, 'IAM321').fixes.map(f => f.title),
    [],
  );
});

test('IAM330: a Numeric operator on a date key with an ISO date gets the matching Date operator', () => {
  const text = ONE(
    '{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "NumericGreaterThanIfExists": { "aws:CurrentTime": "2030-01-01T00:00:00Z" } } }',
  );
  const { fixes } = fixesOf(text, 'IAM330');
  assert.deepEqual(
    fixes.map(f => [f.title, f.isPreferred]),
    [['Use DateGreaterThanIfExists for "aws:CurrentTime"', true]],
  );
  const after = fixed(text, 'IAM330');
  assert.match(after, /"DateGreaterThanIfExists": \{ "aws:CurrentTime": "2030-01-01T00:00:00Z" \}/);
  assert.deepEqual(codes(after), []);
  const epoch = ONE('{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "NumericLessThan": { "aws:EpochTime": "2030-01-01" } } }');
  assert.match(fixed(epoch, 'IAM330'), /"DateLessThan": \{ "aws:EpochTime": "2030-01-01" \}/);
});

test('IAM330: no Date operator for a value that is no date, or a key that is no date', () => {
  const notDate = ONE('{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "NumericLessThan": { "aws:CurrentTime": "tomorrow" } } }');
  assert.deepEqual(
    fixesOf(notDate, 'IAM330').fixes.map(f => f.title),
    [],
  );
  const age = ONE('{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "NumericLessThan": { "aws:MultiFactorAuthAge": "2030-01-01" } } }');
  assert.deepEqual(
    fixesOf(age, 'IAM330').fixes.map(f => f.title),
    [],
  );
});

test('IAM340: a set qualifier on a single-valued key goes', () => {
  const text = withCondition('{ "ForAnyValue:StringEquals": { "aws:username": "bob" } }');
  const after = fixed(text, 'IAM340');
  assert.match(after, /"Condition": \{ "StringEquals": \{ "aws:username": "bob" \} \}/);
  assert.ok(!codes(after).includes('IAM340'));
});

test('IAM341: a multivalued key gets ForAnyValue: or ForAllValues:, a choice', () => {
  const text = withCondition('{ "StringEquals": { "aws:TagKeys": ["team"] } }');
  const { fixes } = fixesOf(text, 'IAM341');
  assert.deepEqual(
    fixes.map(f => [f.title, f.isPreferred]),
    [
      ['Use ForAnyValue:StringEquals', false],
      ['Use ForAllValues:StringEquals', false],
    ],
  );
  assert.match(fixed(text, 'IAM341', /ForAnyValue/), /"ForAnyValue:StringEquals": \{ "aws:TagKeys": \["team"\] \}/);
});

test('IAM342: ForAllValues: in an Allow gets the Null check of its key', () => {
  const text = withCondition('{ "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] } }');
  const after = fixed(text, 'IAM342');
  assert.match(after, /"ForAllValues:StringEquals": \{ "aws:TagKeys": \["team"\] \}, "Null": \{ "aws:TagKeys": "false" \}/);
  assert.ok(!codes(after).includes('IAM342'));
});

/** Every fix of the first `code` finding as [title, preferred, text after it], and that none adds a finding. */
function offered(text: string, code: string): Array<[string, boolean | undefined, string]> {
  const { doc, fixes } = fixesOf(text, code);
  const before = new Set(codes(text));
  return fixes.map(f => {
    const after = applyFix(doc, f);
    assert.deepEqual(
      codes(after).filter(c => !before.has(c)),
      [],
      `${f.title} adds no finding`,
    );
    assert.equal(f.kind, 'quickfix');
    return [f.title, f.isPreferred, after];
  });
}

test('IAM338: the Like operator, keeping the set qualifier and IfExists; not preferred', () => {
  assert.deepEqual(offered(withCondition('{ "StringEquals": { "aws:PrincipalTag/team": "dev*" } }'), 'IAM338'), [
    ['Use StringLike (the value\'s "*" and "?" are wildcards)', false, withCondition('{ "StringLike": { "aws:PrincipalTag/team": "dev*" } }')],
  ]);
  assert.deepEqual(offered(withCondition('{ "ForAnyValue:StringEqualsIfExists": { "aws:TagKeys": ["dev*"] } }'), 'IAM338'), [
    [
      'Use ForAnyValue:StringLikeIfExists (the value\'s "*" and "?" are wildcards)',
      false,
      withCondition('{ "ForAnyValue:StringLikeIfExists": { "aws:TagKeys": ["dev*"] } }'),
    ],
  ]);
});

test('IAM370: the presence test becomes a Null condition, joining a Null block there is; preferred', () => {
  assert.deepEqual(offered(withCondition('{ "StringLike": { "aws:PrincipalTag/team": "*" } }'), 'IAM370'), [
    ['Use "Null": { "aws:PrincipalTag/team": "false" }', true, withCondition('{ "Null": { "aws:PrincipalTag/team": "false" } }')],
  ]);
  assert.deepEqual(offered(withCondition('{ "StringNotLike": { "aws:PrincipalTag/team": "*" }, "Null": { "aws:username": "false" } }'), 'IAM370'), [
    ['Use "Null": { "aws:PrincipalTag/team": "true" }', true, withCondition('{ "Null": { "aws:username": "false", "aws:PrincipalTag/team": "true" } }')],
  ]);
  assert.deepEqual(
    offered(withCondition('{ "StringLike": { "aws:PrincipalTag/team": "*" }, "Null": { "aws:PrincipalTag/team": "true" } }'), 'IAM370'),
    [],
    'the key has a Null test already',
  );
});

test('IAM371: the key goes, with its block when alone there, with the Condition when that was alone too', () => {
  assert.deepEqual(offered(withCondition('{ "StringLikeIfExists": { "aws:PrincipalTag/team": "*" } }'), 'IAM371'), [
    ['Remove "aws:PrincipalTag/team" (it is always true)', true, ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }')],
  ]);
  assert.deepEqual(offered(withCondition('{ "StringLikeIfExists": { "aws:PrincipalTag/team": "*", "aws:username": "bob" } }'), 'IAM371'), [
    ['Remove "aws:PrincipalTag/team" (it is always true)', true, withCondition('{ "StringLikeIfExists": { "aws:username": "bob" } }')],
  ]);
  assert.deepEqual(offered(withCondition('{ "StringLikeIfExists": { "aws:PrincipalTag/team": "*" }, "StringEquals": { "aws:username": "bob" } }'), 'IAM371'), [
    ['Remove "aws:PrincipalTag/team" (it is always true)', true, withCondition('{ "StringEquals": { "aws:username": "bob" } }')],
  ]);
});

test('IAM372: the redundant value leaves its own list only', () => {
  assert.deepEqual(offered(withCondition('{ "StringEquals": { "aws:PrincipalTag/team": ["a", "b", "a"] } }'), 'IAM372'), [
    ['Remove "a"', true, withCondition('{ "StringEquals": { "aws:PrincipalTag/team": ["a", "b"] } }')],
  ]);
  const two = withCondition('{ "StringEquals": { "aws:PrincipalTag/team": ["b", "a"], "aws:username": ["x", "y", "x"] } }');
  assert.deepEqual(
    fixesOf(two, 'IAM372').fixes.map(f => f.title),
    ['Remove "x"'],
  );
  assert.equal(fixed(two, 'IAM372'), withCondition('{ "StringEquals": { "aws:PrincipalTag/team": ["b", "a"], "aws:username": ["x", "y"] } }'));
});

test('IAM342: the Null check joins a Null block there is; none when the key is tested by Null already or Null is no object', () => {
  assert.deepEqual(offered(withCondition('{ "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] }, "Null": { "aws:username": "false" } }'), 'IAM342'), [
    [
      'Add "Null": { "aws:TagKeys": "false" } (the key must be in the request)',
      true,
      withCondition('{ "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] }, "Null": { "aws:username": "false", "aws:TagKeys": "false" } }'),
    ],
  ]);
  assert.deepEqual(
    fixesOf(withCondition('{ "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] }, "Null": { "aws:tagkeys": "true" } }'), 'IAM342').fixes,
    [],
  );
  assert.deepEqual(fixesOf(withCondition('{ "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] }, "Null": "x" }'), 'IAM342').fixes, []);
});

test('IAM330: the key leaves a shared Numeric block for the Date operator', () => {
  assert.deepEqual(offered(withCondition('{ "NumericLessThan": { "s3:max-keys": "1", "aws:CurrentTime": "2030-01-01T00:00:00Z" } }'), 'IAM330'), [
    [
      'Use DateLessThan for "aws:CurrentTime"',
      true,
      withCondition('{ "NumericLessThan": { "s3:max-keys": "1" }, "DateLessThan": { "aws:CurrentTime": "2030-01-01T00:00:00Z" } }'),
    ],
  ]);
});

test('IAM340: the key joins the block of the plain operator, unless that tests it already (in any case) or is no object', () => {
  assert.deepEqual(
    offered(withCondition('{ "ForAnyValue:StringEquals": { "aws:username": "bob" }, "StringEquals": { "aws:PrincipalTag/team": "x" } }'), 'IAM340'),
    [['Use StringEquals (without the set qualifier)', true, withCondition('{ "StringEquals": { "aws:PrincipalTag/team": "x", "aws:username": "bob" } }')]],
  );
  assert.deepEqual(
    fixesOf(withCondition('{ "ForAnyValue:StringEquals": { "aws:username": "bob" }, "StringEquals": { "aws:userName": "x" } }'), 'IAM340').fixes,
    [],
  );
  assert.deepEqual(
    fixesOf(withCondition('{ "ForAnyValue:StringEquals": { "aws:username": "bob" }, "StringEquals": "x" }'), 'IAM340').fixes,
    [],
    'its value is not written over',
  );
});

test('a stale finding (the text changed under it) or one without its data gets no condition fix, and no crash', () => {
  const cases: Array<[string, string]> = [
    [withCondition('{ "StringEquals": { "aws:SourceIp": "10.0.0.0/8" } }'), 'IAM320'],
    [withCondition('{ "NumericLessThan": { "aws:CurrentTime": "2030-01-01T00:00:00Z" } }'), 'IAM330'],
    [withCondition('{ "ForAnyValue:StringEquals": { "aws:username": "bob" } }'), 'IAM340'],
    [withCondition('{ "StringEquals": { "aws:TagKeys": ["team"] } }'), 'IAM341'],
    [withCondition('{ "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] } }'), 'IAM342'],
    [withCondition('{ "StringEquals": { "aws:PrincipalTag/team": "dev*" } }'), 'IAM338'],
    [withCondition('{ "StringLike": { "aws:PrincipalTag/team": "*" } }'), 'IAM370'],
    [withCondition('{ "StringLikeIfExists": { "aws:PrincipalTag/team": "*" } }'), 'IAM371'],
    [withCondition('{ "StringEquals": { "aws:PrincipalTag/team": ["a", "b", "a"] } }'), 'IAM372'],
  ];
  for (const [text, code] of cases) {
    const { diagnostics } = diagnose(text);
    const diagnostic = diagnostics.find(d => d.code === code)!;
    assert.ok(diagnostic, code);
    assert.ok(fixesFor(diagnose(text).doc, diagnostic).length > 0, `${code} has a fix`);
    // the same length, the finding's place now blank
    const stale = ONE(
      `{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"${' '.repeat(text.length - ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }').length)} }`,
    );
    assert.equal(stale.length, text.length);
    assert.deepEqual(fixesFor(diagnose(stale).doc, diagnostic), [], `${code} on a stale text`);
  }
  for (const [text, code] of cases.filter(([, code]) => code === 'IAM338' || code === 'IAM370')) {
    const { doc, diagnostics } = diagnose(text);
    const diagnostic = { ...diagnostics.find(d => d.code === code)!, data: undefined };
    assert.deepEqual(fixesFor(doc, diagnostic), [], `${code} without its data`);
  }
});

test("operatorForKeyType: the operator of the key's type with the same comparison, negation, qualifier and IfExists; none when nothing fits", () => {
  const catalog = getCatalog();
  const condition =
    '{ "StringEquals": { "aws:SourceIp": "10.0.0.0/8" }, "StringEqualsIgnoreCase": { "aws:SourceIp": "10.0.0.0/8" }, "StringLike": { "aws:SourceIp": "10.0.0.0/8" }, ' +
    '"Null": { "aws:SourceIp": "true" }, "StringNotEquals": { "aws:nosuchkey": "x", "aws:CurrentTime": "2030-01-01T00:00:00Z" }, "IpAddress": { "aws:SourceIp": "10.0.0.0/8" }, ' +
    '"ForAnyValue:StringNotEqualsIfExists": { "aws:SourceIp": "10.0.0.0/8" }, "StringEqualsIfExists": { "aws:PrincipalTag/x": "y" }, "Foo": { "aws:SourceIp": "x" }, ' +
    '"NumericLessThan": { "aws:SourceIp": "1" }, "BinaryEquals": { "aws:MultiFactorAuthAge": "1" }, "Bool": { "aws:SourceIp": "true" } }';
  const doc = diagnose(withCondition(condition)).doc;
  assert.deepEqual(
    conditionEntries(doc, catalog).map(e => [e.operatorEntry.entry.name, e.keyEntry.entry.name, operatorForKeyType(catalog, e)]),
    [
      ['StringEquals', 'aws:SourceIp', 'IpAddress'],
      ['StringEqualsIgnoreCase', 'aws:SourceIp', 'IpAddress'],
      ['StringLike', 'aws:SourceIp', undefined],
      ['Null', 'aws:SourceIp', undefined],
      ['StringNotEquals', 'aws:nosuchkey', undefined],
      ['StringNotEquals', 'aws:CurrentTime', 'DateNotEquals'],
      ['IpAddress', 'aws:SourceIp', undefined],
      ['ForAnyValue:StringNotEqualsIfExists', 'aws:SourceIp', 'ForAnyValue:NotIpAddressIfExists'],
      ['StringEqualsIfExists', 'aws:PrincipalTag/x', undefined],
      ['Foo', 'aws:SourceIp', undefined],
      ['NumericLessThan', 'aws:SourceIp', undefined],
      ['BinaryEquals', 'aws:MultiFactorAuthAge', 'NumericEquals'],
      ['Bool', 'aws:SourceIp', 'IpAddress'],
    ],
  );
});

test("IAM650: the team's required condition with the operator of the key's type; preferred only for one key of one value", () => {
  const required = (key: string, values?: string[]) => {
    const settings = withDefaults({ requiredConditions: [{ actions: 's3:GetObject', allOf: [values ? { key, values } : key] }] });
    const text = ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }');
    const { doc, diagnostics } = diagnose(text, undefined, settings);
    const finding = diagnostics.find(d => d.code === 'IAM650')!;
    return fixesFor(doc, finding, settings).map(f => {
      const after = applyFix(doc, f);
      const condition = JSON.stringify((JSON.parse(after) as { Statement: Array<{ Condition: unknown }> }).Statement[0].Condition);
      return [f.title, f.isPreferred, condition];
    });
  };
  const title = (key: string) => `Add the condition on ${key} that the team's rule requires`;
  assert.deepEqual(required('aws:TagKeys', ['team']), [[title('aws:TagKeys'), true, '{"ForAnyValue:StringEquals":{"aws:TagKeys":"team"}}']]);
  assert.deepEqual(required('aws:TagKeys', ['team-*']), [[title('aws:TagKeys'), true, '{"ForAnyValue:StringLike":{"aws:TagKeys":"team-*"}}']]);
  assert.deepEqual(required('aws:SourceArn', ['arn:aws:sns:us-east-1:111122223333:t']), [
    [title('aws:SourceArn'), true, '{"ArnLike":{"aws:SourceArn":"arn:aws:sns:us-east-1:111122223333:t"}}'],
  ]);
  assert.deepEqual(required('aws:SecureTransport', ['true']), [[title('aws:SecureTransport'), true, '{"Bool":{"aws:SecureTransport":"true"}}']]);
  assert.deepEqual(required('aws:MultiFactorAuthAge', ['3600']), [
    [title('aws:MultiFactorAuthAge'), true, '{"NumericEquals":{"aws:MultiFactorAuthAge":"3600"}}'],
  ]);
  assert.deepEqual(required('aws:PrincipalTag/team', ['a', 'b*']), [[title('aws:PrincipalTag/team'), false, '{"StringLike":{"aws:PrincipalTag/team":"a"}}']]);
  assert.deepEqual(required('team:unknown', ['x']), [[title('team:unknown'), true, '{"StringEquals":{"team:unknown":"x"}}']]);
  assert.deepEqual(required('aws:PrincipalTag/team'), [[title('aws:PrincipalTag/team'), false, '{"StringEquals":{"aws:PrincipalTag/team":"<value>"}}']]);
});

test('IAM650: a choice of keys (anyOf) is never preferred, even with their values given', () => {
  const settings = withDefaults({
    requiredConditions: [
      {
        actions: 's3:GetObject',
        anyOf: [
          { key: 'aws:PrincipalTag/a', values: ['x'] },
          { key: 'aws:PrincipalTag/b', values: ['y'] },
        ],
      },
    ],
  });
  const text = ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }');
  const { doc, diagnostics } = diagnose(text, undefined, settings);
  const fixes = fixesFor(
    doc,
    diagnostics.find(d => d.code === 'IAM650')!,
    settings,
  );
  assert.deepEqual(
    fixes.map(f => [f.title, f.isPreferred]),
    [
      ["Add the condition on aws:PrincipalTag/a that the team's rule requires", false],
      ["Add the condition on aws:PrincipalTag/b that the team's rule requires", false],
    ],
  );
});
