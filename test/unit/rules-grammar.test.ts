// Grammar rules IAM010-IAM042 (IAM038 only in its own test: the others' policies leave Version out): each one triggered, and the near misses that must stay silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import type { Catalog } from '../../server/src/catalog/types';
import { collectFindings } from '../../server/src/features/diagnostics';
import type { PolicyKind } from '../../server/src/policy/model';
import { withDefaults } from '../../server/src/protocol';
import { isFullAccess, KIND_REQUIREMENTS } from '../../server/src/analysis/kindRequirements';
import { parsePolicy } from '../../server/src/policy/parse';
import { cleanSid } from '../../server/src/analysis/sid';
import { parse } from '../helpers/cursor';
import { findingsOf, rethrow } from '../helpers/findings';

const GRAMMAR = /^IAM0(1[4-9]|2\d|3[0-7])$/;

/** The grammar codes a policy text gets, in text order. */
function codes(text: string, kind?: PolicyKind): string[] {
  const doc = parse(text, 'file:///test/policy.json', { languageId: 'iam-policy', kind });
  return collectFindings(doc, getCatalog(), withDefaults(undefined), e => {
    throw e;
  })
    .map(f => f.code)
    .filter(c => GRAMMAR.test(c));
}

const statement = (body: string) => `{"Version":"2012-10-17","Statement":[${body}]}`;
const ALLOW = '"Effect":"Allow","Action":"s3:GetObject","Resource":"*"';

/** The IAM010-IAM013 findings of a text: code, the text they point at, and their replacements. */
function elementFindings(text: string): Array<[string, string, string[] | undefined]> {
  return findingsOf(text)
    .filter(f => /^IAM01[0-3]$/.test(f.code))
    .map(f => [f.code, text.slice(f.offset, f.offset + f.length), f.data?.replacements]);
}

test('IAM010: an unknown element at the top level (names are case-sensitive), with the closest names', () => {
  assert.deepEqual(elementFindings(`{"Version":"2012-10-17","Statment":[{${ALLOW}}]}`), [['IAM010', '"Statment"', ['"Statement"']]]);
  assert.deepEqual(elementFindings(`{"version":"2012-10-17","Statement":[{${ALLOW}}]}`), [['IAM010', '"version"', ['"Version"']]]);
  assert.deepEqual(elementFindings(`{"Version":"2012-10-17","Id":"x","Comment":"y","Statement":[{${ALLOW}}]}`), [['IAM010', '"Comment"', []]]);
  assert.deepEqual(elementFindings(`{"Version":"2012-10-17","Id":"x","Statement":[{${ALLOW}}]}`), [], 'Version, Id and Statement');
  assert.match(findingsOf(`{"Comment":"y","Statement":[{${ALLOW}}]}`).find(f => f.code === 'IAM010')!.message, /Allowed: Version, Id, Statement\./);
});

test('IAM011: an unknown element in a statement; a top-level name there is no IAM010', () => {
  assert.deepEqual(elementFindings(statement('{"Effect":"Allow","Actions":"s3:GetObject","Resource":"*"}')), [['IAM011', '"Actions"', ['"Action"']]]);
  assert.deepEqual(elementFindings(statement(`{${ALLOW},"Version":"2012-10-17"}`)), [['IAM011', '"Version"', []]]);
  assert.deepEqual(elementFindings(statement('{"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{}}')), []);
});

test('IAM012, IAM013: Effect and Version values, exactly', () => {
  assert.deepEqual(elementFindings(statement('{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}')), [['IAM012', '"allow"', ['"Allow"']]]);
  assert.deepEqual(elementFindings(statement('{"Effect":true,"Action":"s3:GetObject","Resource":"*"}')), [['IAM012', 'true', ['"Allow"', '"Deny"']]]);
  assert.deepEqual(
    elementFindings(statement('{"Effect":"Permission","Action":"s3:GetObject","Resource":"*"}')),
    [['IAM012', '"Permission"', ['"Allow"', '"Deny"']]],
    'nothing close: both',
  );
  assert.deepEqual(elementFindings(statement('{"Effect":"Deny","Action":"s3:GetObject","Resource":"*"}')), []);
  assert.deepEqual(elementFindings(`{"Version":"2012-10-18","Statement":[{${ALLOW}}]}`), [['IAM013', '"2012-10-18"', ['"2012-10-17"', '"2008-10-17"']]]);
  assert.deepEqual(elementFindings(`{"Version":2012,"Statement":[{${ALLOW}}]}`), [['IAM013', '2012', ['"2012-10-17"', '"2008-10-17"']]]);
  assert.deepEqual(elementFindings(`{"Version":"2008-10-17","Statement":[{${ALLOW}}]}`), []);
});

test('IAM014: no Statement, or an empty one', () => {
  assert.deepEqual(codes('{"Version":"2012-10-17"}'), ['IAM014']);
  assert.deepEqual(codes('{"Version":"2012-10-17","Statement":[]}'), ['IAM014']);
  assert.deepEqual(codes(statement(`{${ALLOW}}`)), []);
  assert.deepEqual(codes(`{"Statement":{${ALLOW}}}`), [], 'a single statement object is fine');
});

test('IAM015: Statement of the wrong type, or items that are not objects', () => {
  assert.deepEqual(codes('{"Statement":"Allow"}'), ['IAM015']);
  assert.deepEqual(codes(statement(`{${ALLOW}}, "x", 3`)), ['IAM015', 'IAM015']);
});

test('IAM016: wrong JSON types of elements', () => {
  assert.deepEqual(codes(statement('{"Sid":1,"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}')), ['IAM016']);
  assert.deepEqual(codes(`{"Id":["x"],"Statement":[{${ALLOW}}]}`), ['IAM016']);
  assert.deepEqual(codes(statement('{"Effect":"Allow","Action":{"s3":"GetObject"},"Resource":"*"}')), ['IAM016']);
  assert.deepEqual(codes(statement('{"Effect":"Allow","Action":["s3:GetObject", 3, null],"Resource":"*"}')), ['IAM016', 'IAM016']);
  assert.deepEqual(codes(statement('{"Effect":"Allow","Action":"s3:GetObject","Resource":true}')), ['IAM016']);
  assert.deepEqual(codes(statement('{"Effect":"Allow","Principal":"arn:aws:iam::111122223333:root","Action":"s3:GetObject","Resource":"*"}'), 'resource'), [
    'IAM016',
  ]);
  assert.deepEqual(codes(statement('{"Effect":"Allow","Principal":{"AWS":[1]},"Action":"s3:GetObject","Resource":"*"}'), 'resource'), ['IAM016']);
});

test('IAM016: Condition shapes: operator -> key -> string, number, Boolean or an array of them', () => {
  const withCondition = (condition: string) => statement(`{${ALLOW},"Condition":${condition}}`);
  assert.deepEqual(codes(withCondition('"x"')), ['IAM016']);
  assert.deepEqual(codes(withCondition('{"StringEquals":"x"}')), ['IAM016']);
  assert.deepEqual(codes(withCondition('{"StringEquals":{"aws:username":{"a":1}}}')), ['IAM016']);
  assert.deepEqual(codes(withCondition('{"StringEquals":{"aws:username":["a",["b"],null]}}')), ['IAM016', 'IAM016']);
  // near misses: every allowed shape
  assert.deepEqual(
    codes(withCondition('{"Bool":{"aws:SecureTransport":true},"NumericLessThan":{"s3:max-keys":10},"StringEquals":{"aws:username":["a","b"]}}')),
    [],
  );
  assert.deepEqual(codes(withCondition('{}')), []);
});

test('IAM017, IAM019: missing Effect, missing Action', () => {
  assert.deepEqual(codes(statement('{"Action":"s3:GetObject","Resource":"*"}')), ['IAM017']);
  assert.deepEqual(codes(statement('{"Effect":"Deny","Resource":"*"}')), ['IAM019']);
  assert.deepEqual(codes(statement('{"Effect":"Deny","NotAction":"s3:*","Resource":"*"}')), []);
});

test('IAM018, IAM020, IAM023: mutually exclusive pairs', () => {
  assert.deepEqual(codes(statement('{"Effect":"Deny","Action":"s3:*","NotAction":"s3:Get*","Resource":"*"}')), ['IAM018']);
  assert.deepEqual(codes(statement('{"Effect":"Deny","Action":"s3:*","Resource":"*","NotResource":"arn:aws:s3:::b"}')), ['IAM020']);
  assert.deepEqual(codes(statement('{"Effect":"Deny","Principal":"*","NotPrincipal":{"AWS":"111122223333"},"Action":"s3:*","Resource":"*"}'), 'resource'), [
    'IAM023',
  ]);
  const text = statement('{"Effect":"Deny","Action":"s3:*","NotAction":"s3:Get*","Resource":"*"}');
  const [pair] = findingsOf(text).filter(f => f.code === 'IAM018');
  const span = (at: { offset: number; length: number }) => text.slice(at.offset, at.offset + at.length);
  assert.deepEqual([span(pair), pair.related?.map(span)], ['"NotAction"', ['"Action"']], 'on the second, the first related');
});

test("IAM014 without Statement: at the policy's opening brace", () => {
  const text = '  {"Version":"2012-10-17"}';
  assert.deepEqual(
    findingsOf(text)
      .filter(f => f.code === 'IAM014')
      .map(f => [f.offset, f.length]),
    [[2, 1]],
  );
});

test('IAM021, IAM022: Resource is required in identity policies and boundaries, expected elsewhere, not used in trust policies', () => {
  const noResource = statement('{"Effect":"Allow","Action":"s3:GetObject"}');
  assert.deepEqual(codes(noResource, 'identity'), ['IAM021']);
  assert.deepEqual(codes(noResource, 'boundary'), ['IAM021']);
  assert.deepEqual(codes(noResource, 'scp'), ['IAM022']);
  const withPrincipal = statement('{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sns:Publish"}');
  assert.deepEqual(codes(withPrincipal, 'resource'), ['IAM022']);
  assert.deepEqual(codes(withPrincipal, 'endpoint'), ['IAM022']);
  // ECR repository policies imply the repository (AWS's examples have no Resource); an endpoint policy does not
  const ecr = statement('{"Effect":"Deny","Principal":"*","Action":["ecr:BatchGetImage","ecr:*"]}');
  assert.deepEqual(codes(ecr, 'resource'), []);
  assert.deepEqual(codes(ecr, 'endpoint'), ['IAM022']);
  assert.deepEqual(
    codes(statement('{"Effect":"Deny","Principal":"*","NotAction":"ecr:BatchGetImage"}'), 'resource'),
    ['IAM022'],
    'no Action: no service implies the resource',
  );
  assert.deepEqual(codes(statement('{"Effect":"Allow","Principal":"*","Action":["ecr:BatchGetImage","s3:GetObject"]}'), 'resource'), ['IAM022']);
  assert.deepEqual(codes(statement('{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}'), 'trust'), []);
  assert.deepEqual(codes(statement('{"Effect":"Deny","Action":"s3:*","NotResource":"arn:aws:s3:::b/*"}'), 'identity'), []);
});

test('IAM024: Principal in an identity policy, boundary or SCP', () => {
  const withPrincipal = statement('{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}');
  for (const kind of ['identity', 'boundary', 'scp'] as const) assert.deepEqual(codes(withPrincipal, kind), ['IAM024'], kind);
  for (const kind of ['resource', 'rcp', 'endpoint'] as const) assert.deepEqual(codes(withPrincipal, kind), [], kind);
});

test('IAM025, IAM034: no Principal in a trust, RCP or endpoint policy (error), in a resource policy (warning)', () => {
  const noPrincipal = statement(`{${ALLOW}}`);
  for (const kind of ['trust', 'rcp', 'endpoint'] as const) assert.deepEqual(codes(noPrincipal, kind), ['IAM025'], kind);
  assert.deepEqual(codes(noPrincipal, 'resource'), ['IAM034']);
  assert.deepEqual(codes(statement('{"Effect":"Deny","NotPrincipal":{"AWS":"111122223333"},"Action":"s3:*","Resource":"*"}'), 'resource'), []);
});

test('the kinds that take a Principal require or expect one; the others reject it (statementShape relies on it)', () => {
  for (const [kind, rules] of Object.entries(KIND_REQUIREMENTS)) {
    assert.equal(rules.principalPresent === 'error', rules.missingPrincipal === 'none', kind);
  }
});

test('IAM026: NotPrincipal in a trust policy or RCP', () => {
  const notPrincipal = statement('{"Effect":"Deny","NotPrincipal":{"AWS":"111122223333"},"Action":"sts:AssumeRole","Resource":"*"}');
  assert.deepEqual(codes(notPrincipal, 'trust'), ['IAM026']);
  assert.deepEqual(codes(notPrincipal, 'rcp'), ['IAM026']);
  assert.deepEqual(codes(notPrincipal, 'endpoint'), []);
});

test('IAM027, IAM028: duplicate Sids (error in IAM policies, warning elsewhere); empty Sids are not compared', () => {
  const twice = statement(`{"Sid":"A",${ALLOW}},{"Sid":"A",${ALLOW}}`);
  assert.deepEqual(codes(twice, 'identity'), ['IAM027']);
  assert.deepEqual(codes(statement(`{"Sid":"A","Principal":"*",${ALLOW}},{"Sid":"A","Principal":"*",${ALLOW}}`), 'resource'), ['IAM028']);
  assert.deepEqual(codes(statement(`{"Sid":"A",${ALLOW}},{"Sid":"a",${ALLOW}}`), 'identity'), [], 'Sids differ by case');
  assert.deepEqual(codes(statement(`{"Sid":"",${ALLOW}},{"Sid":"",${ALLOW}}`), 'identity'), []);
});

test('IAM029, IAM030: Sid characters by kind', () => {
  const spaced = (kind: PolicyKind, principal = '') => codes(statement(`{"Sid":"Allow reads"${principal},${ALLOW}}`), kind);
  assert.deepEqual(spaced('identity'), ['IAM029']);
  assert.deepEqual(
    spaced('trust', ',"Principal":{"Service":"ec2.amazonaws.com"}').filter(c => c === 'IAM029'),
    ['IAM029'],
  );
  assert.deepEqual(spaced('scp'), ['IAM030']);
  assert.deepEqual(spaced('resource', ',"Principal":"*"'), [], 'S3, SQS, SNS policies allow spaces');
  assert.deepEqual(codes(statement(`{"Sid":"AllowReads2",${ALLOW}}`), 'identity'), []);
  assert.equal(cleanSid('Allow reads-of bucket'), 'AllowReadsOfBucket');
});

test("IAM027, IAM029: on the Sid's value; IAM027 relates the first use, IAM029 offers the Sid without its other characters", () => {
  const sidFindings = (body: string) => {
    const text = statement(body);
    const at = (span: { offset: number; length: number }) => text.slice(span.offset, span.offset + span.length);
    return findingsOf(text, { kind: 'identity' })
      .filter(f => f.code === 'IAM027' || f.code === 'IAM029')
      .map(f => [f.code, f.offset, at(f), f.data?.replacements ?? f.related?.map(r => [r.offset, at(r)])]);
  };
  const twice = `{"Sid":"A",${ALLOW}},{"Sid":"A",${ALLOW}}`;
  const first = statement(twice).indexOf('"A"');
  assert.deepEqual(sidFindings(twice), [['IAM027', statement(twice).lastIndexOf('"A"'), '"A"', [[first, '"A"']]]]);
  const spaced = `{"Sid":"Allow reads",${ALLOW}}`;
  assert.deepEqual(sidFindings(spaced), [['IAM029', statement(spaced).indexOf('"Allow reads"'), '"Allow reads"', ['"AllowReads"']]]);
  const symbols = `{"Sid":"#1!",${ALLOW}}`;
  assert.deepEqual(
    sidFindings(symbols).map(([code, , span, replacements]) => [code, span, replacements]),
    [['IAM029', '"#1!"', ['"1"']]],
  );
  const nothingLeft = `{"Sid":"-!-",${ALLOW}}`;
  assert.deepEqual(
    sidFindings(nothingLeft).map(([code, , span, replacements]) => [code, span, replacements]),
    [['IAM029', '"-!-"', []]],
    'nothing left to offer',
  );
});

test('IAM031: duplicate keys anywhere', () => {
  assert.deepEqual(codes(statement('{"Effect":"Allow","Effect":"Deny","Action":"s3:*","Resource":"*"}')), ['IAM031']);
  assert.deepEqual(codes(statement(`{${ALLOW},"Condition":{"StringEquals":{"aws:username":"a","aws:username":"b"}}}`)), ['IAM031']);
  assert.deepEqual(codes(`{"Version":"2012-10-17","Version":"2012-10-17","Statement":[{${ALLOW}}]}`), ['IAM031']);
  assert.deepEqual(
    codes(statement(`{${ALLOW},"Condition":{"StringEquals":{"aws:username":"a"},"StringLike":{"aws:username":"b*"}}}`)),
    [],
    'the same key under two operators is fine',
  );
  // on the repeated key, the first one related
  const twice = statement('{"Effect":"Allow","Effect":"Deny","Action":"s3:*","Resource":"*"}');
  const found = findingsOf(twice)
    .filter(f => f.code === 'IAM031')
    .map(f => [f.offset, f.length, f.related?.map(r => [r.offset, r.length])]);
  assert.deepEqual(found, [[twice.lastIndexOf('"Effect"'), 8, [[twice.indexOf('"Effect"'), 8]]]]);
  // lists repeat values, not keys: only objects are compared
  assert.deepEqual(codes(statement('{"Effect":"Allow","Action":["s3:GetObject","s3:GetObject"],"Resource":"*"}')), []);
  assert.deepEqual(codes(statement(`{${ALLOW},"Condition":{"StringEquals":{"aws:username":[["a"],["a"]]}}}`)), ['IAM016', 'IAM016']);
  // small objects compare keys one with another, large ones use a map: both find every repeat of the first
  for (const size of [3, 40]) {
    const keys = Array.from({ length: size }, (_, i) => `"aws:PrincipalTag/t${i}":"v"`);
    keys.splice(2, 0, '"aws:PrincipalTag/t0":"w"');
    keys.push('"aws:PrincipalTag/t0":"x"', '"aws:PrincipalTag/t1":"y"');
    const doc = parse(statement(`{${ALLOW},"Condition":{"StringEquals":{${keys.join(',')}}}}`), 'file:///test/policy.json', { languageId: 'iam-policy' });
    const found = collectFindings(doc, getCatalog(), withDefaults(undefined), e => {
      throw e;
    }).filter(f => f.code === 'IAM031');
    const first = doc.text.indexOf('"aws:PrincipalTag/t0"');
    assert.deepEqual(
      found.map(f => f.related?.[0].offset),
      [first, first, doc.text.indexOf('"aws:PrincipalTag/t1"')],
      `${size} keys`,
    );
  }
});

test('IAM032: empty lists and empty principals', () => {
  assert.deepEqual(codes(statement('{"Effect":"Allow","Action":[],"Resource":"*"}')), ['IAM032']);
  assert.deepEqual(codes(statement('{"Effect":"Allow","Action":"s3:*","Resource":[]}')), ['IAM032']);
  assert.deepEqual(codes(statement('{"Effect":"Allow","Principal":{"AWS":[]},"Action":"s3:*","Resource":"*"}'), 'resource'), ['IAM032']);
  assert.deepEqual(codes(statement('{"Effect":"Allow","Principal":{"AWS":""},"Action":"s3:*","Resource":"*"}'), 'resource'), ['IAM032']);
  assert.deepEqual(codes(statement('{"Effect":"Allow","Principal":{},"Action":"s3:*","Resource":"*"}'), 'resource'), ['IAM032']);
  assert.deepEqual(codes(statement(`{${ALLOW},"Condition":{"StringNotEquals":{"aws:PrincipalTag/team":""}}}`)), [], 'an empty condition value is meaningful');
});

test('IAM033: unknown principal type', () => {
  assert.deepEqual(codes(statement('{"Effect":"Allow","Principal":{"aws":"111122223333"},"Action":"s3:*","Resource":"*"}'), 'resource'), ['IAM033']);
  assert.deepEqual(
    codes(
      statement(
        '{"Effect":"Allow","Principal":{"AWS":"111122223333","Service":"s3.amazonaws.com","Federated":"cognito-identity.amazonaws.com","CanonicalUser":"abc"},"Action":"s3:*","Resource":"*"}',
      ),
      'resource',
    ),
    [],
  );
});

test('IAM016, IAM032, IAM033: on the value or the principal type at fault; IAM033 offers the types', () => {
  const found = (body: string, kind: PolicyKind = 'resource') => {
    const text = statement(`{${ALLOW},${body}}`);
    return findingsOf(text, { kind })
      .filter(f => /^IAM0(16|32|33)$/.test(f.code))
      .map(f => [f.code, text.slice(f.offset, f.offset + f.length), f.data?.replacements]);
  };
  assert.deepEqual(found('"Principal":{"aws":"111122223333"}'), [['IAM033', '"aws"', ['"AWS"']]]);
  assert.deepEqual(
    found('"Principal":{"Users":"111122223333"}'),
    [['IAM033', '"Users"', ['"AWS"', '"Service"', '"Federated"', '"CanonicalUser"']]],
    'nothing close: every type',
  );
  assert.deepEqual(found('"Principal":{"AWS":["111122223333","  "]}'), [['IAM032', '"  "', undefined]], 'white space only is empty');
  assert.deepEqual(found('"Principal":{"AWS":{"id":"111122223333"}}'), [['IAM016', '{"id":"111122223333"}', undefined]]);
  assert.deepEqual(found('"Condition":{"StringEquals":{"aws:username":{"a":1}}}', 'identity'), [['IAM016', '{"a":1}', undefined]]);
  assert.deepEqual(found('"Condition":{"StringEquals":{"aws:username":["a",null,1,true,{}]}}', 'identity'), [
    ['IAM016', 'null', undefined],
    ['IAM016', '{}', undefined],
  ]);
  assert.deepEqual(found('"Condition":{"StringEquals":{"aws:username":null}}', 'identity'), [['IAM016', 'null', undefined]]);
});

test('elements without a value (the JSON breaks there): the syntax error alone, and no rule throws', () => {
  const allow = '"Effect":"Allow","Action":"s3:GetObject","Resource":"*"';
  for (const text of [
    `{"Version":"2012-10-17","Id":,"Statement":[{${allow}}]}`,
    statement(`{"Sid":,${allow}}`),
    statement('{"Effect":"Allow","Action":,"Resource":"*"}'),
    statement(`{${allow},"Principal":}`),
    statement(`{${allow},"Principal":{"AWS":}}`),
    statement(`{${allow},"Condition":}`),
    statement(`{${allow},"Condition":{"StringEquals":}}`),
    statement(`{${allow},"Condition":{"StringEquals":{"aws:username":}}}`),
  ]) {
    for (const kind of ['identity', 'resource'] as const)
      assert.deepEqual(
        findingsOf(text, { kind }).map(f => f.code),
        ['IAM001'],
        `${kind}: ${text}`,
      );
  }
});

test('grammar rules on odd input: no exception (codes rethrows), and no finding about elements a text that is no object cannot have', () => {
  const expected: Array<[string, string[]]> = [
    ['', []],
    ['[]', []],
    ['null', []],
    ['"Statement"', []],
    ['{', []],
    ['{"Version":"2012-10-17","Statement":}', []],
    ['{"Statement":[null, [], {"Effect":}]}', ['IAM015', 'IAM015']],
    ['{"Statement":{"Condition":{"A":{"b":[[[]]]}}}}', ['IAM017', 'IAM019', 'IAM021', 'IAM016']],
  ];
  for (const [text, grammar] of expected) assert.deepEqual(codes(text), grammar, text);
});

test('IAM035: an "AWS" principal that IAM does not accept', () => {
  const trust = (aws: string) => codes(statement(`{"Effect":"Allow","Principal":{"AWS":${JSON.stringify(aws)}},"Action":"sts:AssumeRole"}`), 'trust');
  for (const bad of [
    "Example Corp's AWS Account ID",
    'AccountB-ID',
    '12345678901',
    ' 111122223333',
    'arn:aws:iam::AccountB-ID:root',
    'arn:aws:iam::111122223333:JohnDoe',
    'arn:aws:iam::111122223333:group/Admins',
    'arn:aws:iam::111122223333:role/*',
    'arn:aws:iam::*:root',
    'arn:aws:s3:::my-bucket',
    'arn:aws:iam::111122223333:policy/p',
    'arn:aws:sts::111122223333:assumed-role/r',
  ])
    assert.deepEqual(trust(bad), ['IAM035'], bad);
  for (const good of [
    '*',
    '111122223333',
    'arn:aws:iam::111122223333:root',
    'arn:aws:iam::111122223333:user/division/Dave',
    'arn:aws:iam::111122223333:role/service-role/r',
    'arn:aws-cn:iam::111122223333:role/r',
    'arn:aws:sts::111122223333:assumed-role/r/session',
    'arn:aws:sts::111122223333:federated-user/Bob',
    'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E1ABCDEF2GHIJ3',
    'AROAEXAMPLEID1234567',
    'AIDAEXAMPLEID1234567',
    'arn:aws:iam::<ACCOUNT_ID>:root',
    'arn:aws:iam::${AWS::AccountId}:root',
  ])
    assert.deepEqual(trust(good), [], good);
  assert.deepEqual(
    codes(
      statement('{"Effect":"Deny","NotPrincipal":{"AWS":["111122223333","arn:aws:iam::111122223333:group/g"]},"Action":"s3:*","Resource":"*"}'),
      'resource',
    ),
    ['IAM035'],
  );
  assert.deepEqual(
    codes(statement('{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}'), 'trust'),
    [],
    'only "AWS" values',
  );
});

/** A trust policy whose Principal has the one value under `type` (and an action that fits it). */
const trustPolicy = (type: 'AWS' | 'Service' | 'Federated', value: string) =>
  statement(
    `{"Effect":"Allow","Principal":{"${type}":${JSON.stringify(value)}},"Action":"${type === 'Federated' ? 'sts:AssumeRoleWithWebIdentity' : 'sts:AssumeRole'}"}`,
  );
/** The data of each finding of `code` in that trust policy. */
const principalData = (code: string, type: 'AWS' | 'Service' | 'Federated', value: string) =>
  findingsOf(trustPolicy(type, value), { kind: 'trust' })
    .filter(f => f.code === code)
    .map(f => f.data);

test("IAM035: the white space around a good principal is the one repair; an empty value is IAM032's", () => {
  const replacements = (aws: string) => principalData('IAM035', 'AWS', aws).map(data => data?.replacements);
  assert.deepEqual(replacements('arn:aws:iam::111122223333:user/Dave '), [['"arn:aws:iam::111122223333:user/Dave"']]);
  assert.deepEqual(replacements(' 111122223333'), [['"111122223333"']]);
  assert.deepEqual(replacements('AccountB-ID'), [[]]);
  assert.deepEqual(replacements(' AccountB-ID'), [[]], 'trimmed, still no principal');
  assert.deepEqual(replacements(' '), []);
});

test('IAM036: a "Service" principal that is not service-name.amazonaws.com', () => {
  const trust = (service: string) =>
    codes(statement(`{"Effect":"Allow","Principal":{"Service":${JSON.stringify(service)}},"Action":"sts:AssumeRole"}`), 'trust');
  for (const bad of ['lambda.amazonaws.con', 'lambda', 'ec2.amazon.com', 'arn:aws:iam::111122223333:role/r', 'ec2.amazonaws.com ']) {
    assert.deepEqual(trust(bad), ['IAM036'], bad);
  }
  for (const good of [
    'lambda.amazonaws.com',
    'ec2.amazonaws.com.cn',
    'logs.us-east-1.amazonaws.com',
    'brand-new-service.amazonaws.com',
    'ec2.c2s.ic.gov',
    'lambda.amazonaws.eu',
    'Lambda.amazonaws.com',
    '*',
    '<SERVICE>',
    '${Service}',
  ]) {
    assert.deepEqual(trust(good), [], good);
  }
});

test('IAM036: "lambda", in any letter case, gets lambda.amazonaws.com as its replacement', () => {
  const replacements = (service: string) => principalData('IAM036', 'Service', service).map(data => data?.replacements);
  assert.deepEqual(replacements('lambda'), [['"lambda.amazonaws.com"']]);
  assert.deepEqual(replacements('Lambda'), [['"lambda.amazonaws.com"']]);
});

test("IAM036 follows the catalog: its partitions' DNS suffixes (amazonaws.com when none has one), the service principals it lists", () => {
  const catalog: Catalog = Object.assign(Object.create(getCatalog()), {
    partitions: () => [{ name: 'aws', description: 'aws', regionPattern: '^us-' }],
    servicePrincipals: () => [{ name: 'odd-principal' }],
  });
  const service = (name: string) => {
    const doc = parse(trustPolicy('Service', name), 'file:///test/policy.json', { languageId: 'iam-policy', kind: 'trust' });
    return collectFindings(doc, catalog, withDefaults(undefined), rethrow)
      .map(f => f.code)
      .filter(c => c === 'IAM036');
  };
  assert.deepEqual(service('ec2.amazonaws.com'), []);
  assert.deepEqual(service('odd-principal'), []);
  assert.deepEqual(service('ec2.amazonaws.com.cn'), ['IAM036']);
});

test('IAM037: a "Federated" principal that is not a provider ARN or a web identity provider', () => {
  const trust = (federated: string) =>
    codes(statement(`{"Effect":"Allow","Principal":{"Federated":${JSON.stringify(federated)}},"Action":"sts:AssumeRoleWithWebIdentity"}`), 'trust');
  for (const bad of ['token.actions.githubusercontent.com', 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE', 'MySamlProvider', '111122223333']) {
    assert.deepEqual(trust(bad), ['IAM037'], bad);
  }
  for (const good of [
    'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
    'arn:aws:iam::111122223333:saml-provider/Okta',
    'cognito-identity.amazonaws.com',
    'www.amazon.com',
    'graph.facebook.com',
    'accounts.google.com',
    '*',
  ])
    assert.deepEqual(trust(good), [], good);
});

test('IAM037: a host name (and path) is taken for an OIDC provider, for its fix; a URL or a port is not', () => {
  const data = (federated: string) => principalData('IAM037', 'Federated', federated);
  assert.deepEqual(data('token.actions.githubusercontent.com'), [{ oidcHost: 'token.actions.githubusercontent.com' }]);
  assert.deepEqual(data('oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE'), [{ oidcHost: 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE' }]);
  for (const other of ['https://token.example.com', 'token.example.com:443', 'MySamlProvider']) assert.deepEqual(data(other), [undefined], other);
});

test('IAM038: a policy without Version, once, at its opening brace', () => {
  const versionCodes = (text: string) =>
    collectFindings(parse(text, 'file:///test/policy.json', { languageId: 'iam-policy' }), getCatalog(), withDefaults(undefined), e => {
      throw e;
    })
      .filter(f => f.code === 'IAM038')
      .map(f => [f.code, f.offset]);
  assert.deepEqual(versionCodes(` {"Statement":[{${ALLOW}}]}`), [['IAM038', 1]]);
  assert.deepEqual(versionCodes(statement(`{${ALLOW}}`)), []);
  assert.deepEqual(versionCodes('{"Version":"2008-10-17","Statement":[]}'), [], 'an old Version is a choice');
  assert.deepEqual(versionCodes('[]'), [], 'not an object: IAM014/IAM015 say so');
  // a misspelt Version is IAM010's, whose fix renames it: no second Version added
  assert.deepEqual(versionCodes(`{"version":"2012-10-17","Statement":[{${ALLOW}}]}`), []);
  assert.deepEqual(versionCodes(`{"Statement":[{${ALLOW}}],"Versoin":"2012-10-17"}`), []);
  assert.deepEqual(versionCodes(`{"Id":"x","Comment":"y","Statement":[{${ALLOW}}]}`), [['IAM038', 0]], 'other unknown elements are not a Version');
});

test('IAM039, IAM040: Resource and non-STS actions in a role trust policy', () => {
  const trustCodes = (body: string, kind?: PolicyKind) =>
    collectFindings(parse(statement(body), 'file:///test/policy.json', { languageId: 'iam-policy', kind }), getCatalog(), withDefaults(undefined), e => {
      throw e;
    })
      .map(f => f.code)
      .filter(c => c === 'IAM039' || c === 'IAM040');
  const principal = '"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"}';
  assert.deepEqual(trustCodes(`{${principal},"Action":"sts:AssumeRole","Resource":"*"}`), ['IAM039'], 'detected from the content');
  assert.deepEqual(trustCodes(`{${principal},"Action":["sts:AssumeRole","sts:TagSession"],"NotResource":"x"}`), ['IAM039']);
  assert.deepEqual(trustCodes(`{${principal},"Action":["sts:AssumeRole","s3:GetObject"]}`, 'trust'), ['IAM040']);
  assert.deepEqual(trustCodes(`{${principal},"Action":["sts:AssumeRole","sts:*","*"]}`, 'trust'), []);
  assert.deepEqual(trustCodes(`{${principal},"Action":"sts:AssumeRole","Resource":"*"}`, 'resource'), [], 'other kinds may have Resource');
  assert.deepEqual(trustCodes(`{${principal},"Action":":AssumeRole"}`, 'trust'), ['IAM040'], 'no service prefix is not STS (IAM100 too)');
});

test('IAM041: a federated principal that no statement lets sign in with its STS action', () => {
  const found = (text: string) =>
    collectFindings(parse(text, 'file:///test/policy.json', { languageId: 'iam-policy', kind: 'trust' }), getCatalog(), withDefaults(undefined), e => {
      throw e;
    }).filter(f => f.code === 'IAM041').length;
  const oidc = '{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}';
  const saml = '{"Federated":"arn:aws:iam::111122223333:saml-provider/Okta"}';
  assert.equal(found(statement(`{"Effect":"Allow","Principal":${oidc},"Action":"sts:AssumeRole"}`)), 1);
  assert.equal(found(statement(`{"Effect":"Allow","Principal":${saml},"Action":"sts:AssumeRoleWithWebIdentity"}`)), 1, 'SAML signs in with AssumeRoleWithSAML');
  assert.equal(
    found(statement(`{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}`)),
    1,
  );
  assert.equal(found(statement(`{"Effect":"Allow","Principal":${oidc},"Action":"sts:assumerolewithwebidentity"}`)), 0);
  assert.equal(found(statement(`{"Effect":"Allow","Principal":${saml},"Action":"sts:AssumeRoleWith*"}`)), 0);
  assert.equal(
    found(
      statement(
        `{"Effect":"Allow","Principal":${saml},"Action":"sts:AssumeRoleWithSAML"},{"Effect":"Allow","Principal":${saml},"Action":"sts:SetSourceIdentity"}`,
      ),
    ),
    0,
    'another statement lets it sign in',
  );
  assert.equal(found(statement(`{"Effect":"Deny","Principal":${oidc},"Action":"sts:AssumeRole"}`)), 0);
  for (const unknown of ['*', '${saml_provider_arn}']) {
    const principal = `{"Federated":"${unknown}"}`;
    assert.equal(found(statement(`{"Effect":"Allow","Principal":${principal},"Action":"sts:AssumeRoleWithSAML"}`)), 0, `${unknown} may be a SAML provider`);
    assert.equal(
      found(statement(`{"Effect":"Allow","Principal":${principal},"Action":"sts:AssumeRoleWithWebIdentity"}`)),
      0,
      `${unknown} may be an OIDC provider`,
    );
    assert.equal(found(statement(`{"Effect":"Allow","Principal":${principal},"Action":"sts:AssumeRole"}`)), 1);
  }
});

test('IAM041: the provider kind from its value; data names the one action; other principals and statements without Action', () => {
  const findings = (text: string) =>
    collectFindings(parse(text, 'file:///test/policy.json', { languageId: 'iam-policy', kind: 'trust' }), getCatalog(), withDefaults(undefined), e => {
      throw e;
    }).filter(f => f.code === 'IAM041');
  const federated = (value: string, action?: string) =>
    findings(statement(JSON.stringify({ Effect: 'Allow', Principal: { Federated: value }, ...(action ? { Action: action } : {}) })));
  const templateOidc = 'arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com';
  assert.equal(federated(templateOidc, 'sts:AssumeRoleWithSAML').length, 1, 'an OIDC provider ARN with a template value');
  assert.deepEqual(
    federated('accounts.google.com', 'sts:AssumeRoleWithSAML').map(f => f.data),
    [{ action: 'sts:AssumeRoleWithWebIdentity' }],
  );
  assert.deepEqual(
    federated('*', 'sts:AssumeRole').map(f => f.data),
    [undefined],
  );
  assert.equal(federated('accounts.google.com').length, 1, 'no Action');
  assert.deepEqual(findings(statement('{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}')), []);
  const cutShort = '{"Version":"2012-10-17","Statement":[{"Principal":{"Federated":"accounts.google.com"},"Action":"sts:AssumeRole","Effect":';
  assert.deepEqual(findings(cutShort), [], 'an Effect without a value (IAM001) allows nothing');
});

test("IAM042: Allow in an RCP, except RCPFullAWSAccess's", () => {
  const rcp = (body: string) =>
    collectFindings(parse(statement(body), 'file:///test/policy.json', { languageId: 'iam-policy', kind: 'rcp' }), getCatalog(), withDefaults(undefined), e => {
      throw e;
    })
      .map(f => f.code)
      .filter(c => c === 'IAM042');
  assert.deepEqual(rcp('{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}'), ['IAM042']);
  assert.deepEqual(rcp('{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}'), ['IAM042']);
  assert.deepEqual(rcp('{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}'), [], 'RCPFullAWSAccess');
  assert.deepEqual(rcp('{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}'), []);
});

test('isFullAccess: RCPFullAWSAccess\'s one Allow, "*" for everyone on everything, and nothing else', () => {
  const full = (statement: Record<string, unknown>) =>
    isFullAccess(
      parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...statement }] }), undefined, { kind: 'rcp' }).statements[0],
    );
  assert.equal(full({ Principal: '*', Action: '*', Resource: '*' }), true);
  assert.equal(full({ Principal: '*', Action: ['*'], Resource: ['*'] }), true);
  assert.equal(full({ Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: '*', Resource: '*' }), false);
  assert.equal(full({ Action: '*', Resource: '*' }), false, 'no Principal');
  assert.equal(full({ Principal: '*', Action: ['*', 's3:GetObject'], Resource: '*' }), false);
  assert.equal(full({ Principal: '*', Action: 's3:*', Resource: '*' }), false);
  assert.equal(full({ Principal: '*', Action: '*', Resource: ['*', 'arn:aws:s3:::b'] }), false);
  assert.equal(full({ Principal: '*', NotAction: '*', Resource: '*' }), false);
  assert.equal(full({ Principal: '*', Action: '*', NotResource: '*' }), false);
  assert.equal(full({ Principal: '*', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }), false);
});
