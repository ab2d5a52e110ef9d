// Access Analyzer's redundancy suggestions and the size of SCPs (issue 18, part A): each code triggered
// and its near miss silent; each fix applied and the result parsed again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codesOf, findingsOf, policyOf, stmt } from '../helpers/findings';
import { fixed } from '../helpers/fixes';

const only = (...codes: string[]) => new RegExp(`^(${codes.join('|')})$`);

function repaired(text: string, code: string, title: RegExp): string {
  const after = fixed(text, code, title);
  assert.ok(!codesOf(after, /^IAM/).includes(code), `${code} still there after the fix:\n${after}`);
  JSON.parse(after);
  return after;
}

test('IAM051, IAM052: an empty Sid and an empty Condition; the fixes remove them', () => {
  const text = policyOf(stmt({ Sid: '', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: {} }));
  assert.deepEqual(codesOf(text, only('IAM051', 'IAM052')), ['IAM051', 'IAM052']);
  assert.deepEqual(codesOf(policyOf(stmt({ Sid: 'Read', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })), only('IAM051', 'IAM052')), []);
  assert.doesNotMatch(repaired(text, 'IAM051', /Remove "Sid"/), /"Sid"/);
  assert.doesNotMatch(repaired(text, 'IAM052', /Remove "Condition"/), /"Condition"/);
});

test('IAM053: a statement identical to another (Sid and key order aside); the fix removes it', () => {
  const a = stmt({ Sid: 'A', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' });
  const b = JSON.stringify({ Resource: 'arn:aws:s3:::b/*', Sid: 'B', Effect: 'Allow', Action: 's3:GetObject' });
  assert.deepEqual(codesOf(policyOf(a, b), only('IAM053')), ['IAM053']);
  assert.deepEqual(codesOf(policyOf(a, stmt({ Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*' })), only('IAM053')), []);
  const after = repaired(policyOf(a, b), 'IAM053', /Remove the repeated statement/);
  assert.equal((JSON.parse(after) as { Statement: unknown[] }).Statement.length, 1);
});

test("IAM051, IAM052: on the element's key, faded (unnecessary)", () => {
  const text = policyOf(stmt({ Sid: '', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: {} }));
  const found = findingsOf(text)
    .filter(f => only('IAM051', 'IAM052').test(f.code))
    .map(f => [f.code, text.slice(f.offset, f.offset + f.length), f.unnecessary]);
  assert.deepEqual(found, [
    ['IAM051', '"Sid"', true],
    ['IAM052', '"Condition"', true],
  ]);
});

test('IAM053: its place, faded, and the first statement as related; values compared as values', () => {
  const a = stmt({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' });
  const text = policyOf(a, a);
  const [finding] = findingsOf(text).filter(f => f.code === 'IAM053');
  const second = text.lastIndexOf('{"Effect"');
  assert.deepEqual([finding.offset, finding.length, finding.unnecessary], [second, 1, true]);
  assert.deepEqual(
    finding.related?.map(r => [r.offset, r.length]),
    [[text.indexOf('{"Effect"'), 1]],
  );
  const identical = (...statements: Array<Record<string, unknown>>) => codesOf(policyOf(...statements.map(stmt)), only('IAM053'));
  const age = (value: unknown) => ({ Action: 'iam:*', Resource: '*', Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': value } } });
  assert.deepEqual(identical(age([1, 23]), age([12, 3])), [], 'the items of a list are apart');
  assert.deepEqual(identical(age(1), age(2)), [], 'numbers');
  assert.deepEqual(identical(age(['1', '2']), age({ 0: '1', 1: '2' })), [], 'a list is not an object');
  assert.deepEqual(identical(age(['1']), age(['2'])), [], 'a list of other values');
});

test('IAM053 near miss: a statement that repeats a key (IAM031) is compared with none', () => {
  const dup = '{"Effect":"Allow","Action":"s3:GetObject","Action":"s3:PutObject","Resource":"*"}';
  const put = stmt({ Action: 's3:PutObject', Resource: '*' });
  assert.deepEqual(codesOf(policyOf(dup, put), only('IAM053')), []);
  assert.deepEqual(codesOf(policyOf(dup, dup.replace('GetObject', 'ListBucket')), only('IAM053')), []);
});

test("IAM208: a partial wildcard in an ARN's service part", () => {
  const resource = (arn: string) => codesOf(policyOf(stmt({ Action: '*', Resource: arn })), only('IAM208'));
  assert.deepEqual(resource('arn:aws:*code*::111122223333:*'), ['IAM208']);
  assert.deepEqual(resource('arn:aws:*:*:111122223333:*'), [], 'a whole "*" is deliberate');
  assert.deepEqual(resource('arn:aws:codebuild:*:111122223333:*'), []);
  assert.deepEqual(resource('arn:aws:**:*:111122223333:*'), [], 'stars alone are "*"');
});

test('IAM209: a resource that another of the list covers, or repeats; letter case counts; the fix removes it', () => {
  const list = (arns: string[]) => codesOf(policyOf(stmt({ Action: 'iam:PassRole', Resource: arns })), only('IAM209'));
  assert.deepEqual(list(['arn:aws:iam::111122223333:role/jane-admin', 'arn:aws:iam::111122223333:role/jane*']), ['IAM209']);
  assert.deepEqual(list(['arn:aws:iam::111122223333:role/a', 'arn:aws:iam::111122223333:role/a']), ['IAM209']);
  assert.deepEqual(list(['arn:aws:iam::111122223333:role/Jane-admin', 'arn:aws:iam::111122223333:role/jane*']), [], 'names are case-sensitive');
  assert.deepEqual(list(['arn:aws:iam::111122223333:role/jane*', 'arn:aws:iam::444455556666:role/jane-admin']), [], 'another account');
  assert.deepEqual(list(['arn:aws:iam::*:role/*', '*']), ['IAM209'], '"*" covers every ARN');
  const after = repaired(
    policyOf(stmt({ Action: 'iam:PassRole', Resource: ['arn:aws:iam::111122223333:role/jane-admin', 'arn:aws:iam::111122223333:role/jane*'] })),
    'IAM209',
    /Remove/,
  );
  assert.doesNotMatch(after, /jane-admin/);
});

const ROLE = 'arn:aws:iam::111122223333:role/';
/** Each IAM209 of the Resource list as [the covered resource, the one that covers it], as written. */
function covered(resources: string[]): Array<[string, string]> {
  const text = policyOf(stmt({ Action: 'iam:PassRole', Resource: resources }));
  const slice = (span: { offset: number; length: number }) => JSON.parse(text.slice(span.offset, span.offset + span.length)) as string;
  return findingsOf(text)
    .filter(f => f.code === 'IAM209')
    .map(f => {
      const [resource, covering] = [slice(f), slice(f.related![0])];
      assert.equal(f.unnecessary, true);
      assert.deepEqual(f.data, resource === covering ? undefined : { coveredBy: covering }, 'the fix names what covers it, not a repetition');
      return [resource, covering];
    });
}

test('IAM209: which resource covers which; of two that match each other, the later goes', () => {
  assert.deepEqual(covered([`${ROLE}a*`, `${ROLE}b*`, `${ROLE}abc`]), [[`${ROLE}abc`, `${ROLE}a*`]], 'the first of a service that covers it');
  assert.deepEqual(covered([`${ROLE}*`, `${ROLE}**`]), [[`${ROLE}**`, `${ROLE}*`]]);
  assert.deepEqual(covered([`${ROLE}**`, `${ROLE}*`]), [[`${ROLE}*`, `${ROLE}**`]]);
  assert.deepEqual(covered([`${ROLE}a*`, `${ROLE}*`]), [[`${ROLE}a*`, `${ROLE}*`]], 'a "*" covers a pattern with "*"');
  assert.deepEqual(covered([`${ROLE}a`, `${ROLE}a`, `${ROLE}a`]), [
    [`${ROLE}a`, `${ROLE}a`],
    [`${ROLE}a`, `${ROLE}a`],
  ]);
  const text = policyOf(stmt({ Action: 'iam:PassRole', Resource: [`${ROLE}a`, `${ROLE}a`, `${ROLE}a`] }));
  const related = findingsOf(text)
    .filter(f => f.code === 'IAM209')
    .map(f => f.related![0].offset);
  assert.deepEqual(related, [text.indexOf(ROLE) - 1, text.indexOf(ROLE) - 1], 'a repetition points at the first');
  assert.match(
    repaired(policyOf(stmt({ Action: 'iam:PassRole', Resource: [`${ROLE}a`, `${ROLE}a`] })), 'IAM209', /^Remove the repeated/),
    /"Resource":\["arn[^"]*"\]/,
  );
  repaired(policyOf(stmt({ Action: 'iam:PassRole', Resource: [`${ROLE}a`, `${ROLE}*`] })), 'IAM209', /\(matched by "arn:aws:iam::111122223333:role\/\*"\)$/);
});

test('IAM209: a "?" covers one character, not a "*"; near misses: an empty Region, placeholders and variables', () => {
  assert.deepEqual(covered([`${ROLE}a?`, `${ROLE}a*`]), [[`${ROLE}a?`, `${ROLE}a*`]], 'a* covers a?, not the other way');
  assert.deepEqual(covered([`${ROLE}a?`, `${ROLE}ab`]), [[`${ROLE}ab`, `${ROLE}a?`]], 'a? covers a name');
  assert.deepEqual(covered(['arn:aws:sqs::111122223333:*', 'arn:aws:sqs:us-east-1:111122223333:q']), []);
  assert.deepEqual(covered(['arn:aws:s3:::<bucket>/*', 'arn:aws:s3:::*']), []);
  assert.deepEqual(covered(['arn:aws:s3:::b/${aws:username}', 'arn:aws:s3:::b/*']), []);
});
