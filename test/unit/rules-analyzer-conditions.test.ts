// The condition checks of IAM Access Analyzer's policy check reference (issue 18, part A): each code
// triggered and its near miss silent; each fix applied and the result parsed again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { networkAddress, parseRange } from '../../server/src/rules/conditionsAddresses';
import { epochToIso } from '../../server/src/rules/conditionsValues';
import { codesOf, findingsOf, policyOf, stmt } from '../helpers/findings';
import { fixed } from '../helpers/fixes';

const CONDITION_CODES = /^IAM3\d\d$/;

/** A policy of one statement with the condition (Allow s3:GetObject on "*" unless given). */
function policy(condition: unknown, elements: Record<string, unknown> = {}): string {
  return policyOf(stmt({ Action: 's3:GetObject', Resource: '*', ...elements, Condition: condition }));
}
const codes = (condition: unknown, elements: Record<string, unknown> = {}) => codesOf(policy(condition, elements), CONDITION_CODES);

/** The text of each finding of `code` in the policy with the condition. */
function spansOf(condition: unknown, code: string, elements: Record<string, unknown> = {}): string[] {
  const text = policy(condition, elements);
  return findingsOf(text)
    .filter(f => f.code === code)
    .map(f => text.slice(f.offset, f.offset + f.length));
}

/** Each IAM372 of the condition as [the redundant value, the value that covers it], as written. */
function redundant(condition: unknown, elements: Record<string, unknown> = {}): Array<[string, string]> {
  const text = policy(condition, elements);
  const slice = (span: { offset: number; length: number }) => text.slice(span.offset, span.offset + span.length);
  return findingsOf(text)
    .filter(f => f.code === 'IAM372')
    .map(f => [slice(f), slice(f.related![0])]);
}

/** The fix of `code` whose title matches, applied; the result must not have the code any more. */
function repaired(text: string, code: string, title: RegExp): string {
  const after = fixed(text, code, title);
  assert.ok(!codesOf(after, /^IAM/).includes(code), `${code} still there after the fix:\n${after}`);
  return after;
}

test("IAM335: one key's values of different JSON types", () => {
  assert.deepEqual(codes({ NumericEquals: { 'aws:MultiFactorAuthAge': [3600, '7200'] } }), ['IAM335']);
  assert.deepEqual(codes({ NumericLessThan: { 'aws:MultiFactorAuthAge': ['3600', '7200'] } }), ['IAM372']);
  assert.deepEqual(codes({ NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 } }), []);
});

test('IAM335 is on the list of values; a null among strings (IAM016) is no other JSON type', () => {
  assert.deepEqual(spansOf({ NumericEquals: { 'aws:MultiFactorAuthAge': [3600, '7200'] } }, 'IAM335'), ['[3600,"7200"]']);
  assert.deepEqual(codes({ StringEquals: { 'aws:PrincipalTag/team': ['a', null] } }), []);
  assert.deepEqual(codes({ StringEquals: { 'aws:PrincipalTag/team': ['a', null, null] } }), [], 'nor a repeated value');
});

test('IAM336: a Boolean key with two values', () => {
  assert.deepEqual(codes({ Bool: { 'aws:SecureTransport': ['true', 'false'] } }), ['IAM336']);
  assert.deepEqual(codes({ Bool: { 'aws:SecureTransport': ['true', 'true'] } }), ['IAM336'], 'not IAM372 as well');
  assert.deepEqual(codes({ Bool: { 'aws:SecureTransport': ['true'] } }), []);
  assert.deepEqual(spansOf({ Bool: { 'aws:SecureTransport': ['true', 'false'] } }, 'IAM336'), ['["true","false"]'], 'on the list of values');
});

test('IAM372: a repeated value, and numeric values that the loosest covers; the fix removes the value', () => {
  assert.deepEqual(codes({ StringEquals: { 'aws:PrincipalTag/team': ['a', 'b', 'a'] } }), ['IAM372']);
  assert.deepEqual(codes({ NumericLessThan: { 'aws:MultiFactorAuthAge': ['2700', '3600'] } }), ['IAM372']);
  assert.deepEqual(codes({ NumericGreaterThan: { 's3:max-keys': ['10', '20', '30'] } }, { Action: 's3:ListBucket' }), ['IAM372', 'IAM372']);
  assert.deepEqual(codes({ NumericNotEquals: { 's3:max-keys': ['10', '20'] } }, { Action: 's3:ListBucket' }), [], 'no loosest value');
  const after = repaired(policy({ NumericLessThan: { 'aws:MultiFactorAuthAge': ['2700', '3600'] } }), 'IAM372', /Remove "2700"/);
  assert.match(after, /"aws:MultiFactorAuthAge":\["3600"\]/);
});

test('IAM372: a faded hint, with the value that covers it as related', () => {
  const [finding] = findingsOf(policy({ StringEquals: { 'aws:PrincipalTag/team': ['a', 'a'] } })).filter(f => f.code === 'IAM372');
  assert.equal(finding.unnecessary, true);
  assert.equal(finding.data, undefined);
  assert.deepEqual(redundant({ StringEquals: { 'aws:PrincipalTag/team': ['a', 'b', 'a'] } }), [['"a"', '"a"']]);
  assert.ok(finding.related![0].offset < finding.offset, 'the first "a" covers the second');
});

test('IAM372: the loosest number is kept wherever it is; another spelling of it is not redundant to it', () => {
  for (const operator of ['NumericLessThan', 'NumericLessThanEquals']) {
    assert.deepEqual(
      redundant({ [operator]: { 'aws:MultiFactorAuthAge': ['2700', '3600', '3600.0', '1800'] } }),
      [
        ['"2700"', '"3600"'],
        ['"1800"', '"3600"'],
      ],
      operator,
    );
  }
  for (const operator of ['NumericGreaterThan', 'NumericGreaterThanEquals']) {
    assert.deepEqual(
      redundant({ [operator]: { 's3:max-keys': ['20', '10', '10.0', '30'] } }, { Action: 's3:ListBucket' }),
      [
        ['"20"', '"10"'],
        ['"30"', '"10"'],
      ],
      operator,
    );
  }
});

test('IAM372 near misses: values that are no numbers (IAM330), an unknown operator', () => {
  for (const blank of ['', ' ', 'abc']) {
    assert.deepEqual(redundant({ NumericLessThan: { 'aws:MultiFactorAuthAge': [blank, '3600'] } }), [], JSON.stringify(blank));
  }
  assert.deepEqual(redundant({ NumericLessThen: { 'aws:MultiFactorAuthAge': ['2700', '3600'] } }), [], 'no loosest value');
  assert.deepEqual(redundant({ StringEqualz: { 'aws:PrincipalTag/team': ['a', 'a'] } }), [['"a"', '"a"']], 'a repeated value all the same');
});

test('IAM337: epoch seconds with a Date operator; the fix writes the same instant in ISO 8601', () => {
  assert.deepEqual(codes({ DateGreaterThan: { 'aws:CurrentTime': '1700000000' } }), ['IAM337']);
  assert.deepEqual(codes({ DateGreaterThan: { 'aws:CurrentTime': '2023-11-14T22:13:20Z' } }), []);
  assert.deepEqual(codes({ DateGreaterThan: { 'aws:EpochTime': '1700000000' } }), [], 'aws:EpochTime holds epoch seconds');
  assert.equal(epochToIso('1700000000'), '2023-11-14T22:13:20Z');
  assert.equal(epochToIso('253402300799'), '9999-12-31T23:59:59Z');
  assert.equal(epochToIso('253402300800'), undefined, 'after 9999');
  assert.equal(epochToIso('1700000000.5'), undefined, 'not a whole second');
  const after = repaired(policy({ DateGreaterThan: { 'aws:CurrentTime': '1700000000' } }), 'IAM337', /2023-11-14T22:13:20Z/);
  assert.match(after, /"aws:CurrentTime":"2023-11-14T22:13:20Z"/);
});

test('IAM338: a wildcard in a StringEquals value; ArnEquals, StringLike and ${*} are fine; the fix moves the key to StringLike', () => {
  assert.deepEqual(codes({ StringEquals: { 'aws:PrincipalTag/team': 'admin-*' } }), ['IAM338']);
  assert.deepEqual(codes({ StringNotEqualsIfExists: { 'aws:PrincipalTag/team': 'admin-?' } }), ['IAM338']);
  assert.deepEqual(codes({ StringLike: { 'aws:PrincipalTag/team': 'admin-*' } }), []);
  assert.deepEqual(codes({ ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:t' } }), []);
  assert.deepEqual(codes({ StringEquals: { 'aws:PrincipalTag/team': 'a${*}b' } }), []);
  assert.deepEqual(codes({ StringEquals: { 'aws:PrincipalTag/team': "${aws:PrincipalTag/unit, 'none?'}" } }), [], 'what a variable holds');
  const after = repaired(policy({ StringEquals: { 'aws:PrincipalTag/team': 'admin-*', 'aws:PrincipalTag/unit': 'x' } }), 'IAM338', /StringLike/);
  assert.match(after, /"StringLike":\{"aws:PrincipalTag\/team":"admin-\*"\}/);
  assert.match(after, /"StringEquals":\{"aws:PrincipalTag\/unit":"x"\}/);
});

test('IAM339: a KMS alias or key ID where the key holds the key ARN', () => {
  const kms = (value: string) => codes({ StringEquals: { 's3:x-amz-server-side-encryption-aws-kms-key-id': value } }, { Action: 's3:PutObject' });
  assert.deepEqual(kms('alias/my-key'), ['IAM339']);
  assert.deepEqual(kms('arn:aws:kms:us-east-1:111122223333:alias/my-key'), ['IAM339']);
  assert.deepEqual(kms('1234abcd-12ab-34cd-56ef-1234567890ab'), ['IAM339']);
  assert.deepEqual(kms('arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'), []);
  assert.deepEqual(
    codes({ ArnLike: { 's3:x-amz-server-side-encryption-aws-kms-key-id': 'arn:aws:kms:*:111122223333:key/*' } }, { Action: 's3:PutObject' }),
    [],
  );
  assert.deepEqual(codes({ ArnLike: { 's3:x-amz-server-side-encryption-aws-kms-key-id': 'arn:aws:kms:*:111122223333:alias/*' } }, { Action: 's3:PutObject' }), [
    'IAM339',
  ]);
});

test('IAM339: a Null test, a policy variable, a placeholder and a pattern that may match key ARNs are not judged; an alias pattern is', () => {
  const kms = (operator: string, value: unknown) =>
    codes({ [operator]: { 's3:x-amz-server-side-encryption-aws-kms-key-id': value } }, { Action: 's3:PutObject' });
  assert.deepEqual(kms('Null', 'true'), []);
  assert.deepEqual(kms('StringEquals', '${aws:PrincipalTag/kms}'), []);
  assert.deepEqual(kms('StringEquals', '<kms-key-arn>'), []);
  assert.deepEqual(kms('StringEquals', 5), [], 'not a string');
  assert.deepEqual(kms('ArnLike', 'arn:aws:kms:*:111122223333:*'), []);
  assert.deepEqual(kms('StringLike', '*'), ['IAM322', 'IAM370']);
  assert.deepEqual(kms('StringLike', 'alias/*'), ['IAM322', 'IAM339']);
});

test('IAM360, IAM361: private ranges in aws:SourceIp, all of them or some', () => {
  assert.deepEqual(codes({ IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.1.0/24'] } }), ['IAM360']);
  assert.deepEqual(codes({ NotIpAddress: { 'aws:SourceIp': 'fd00::/8' } }), ['IAM360']);
  assert.deepEqual(codes({ IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '203.0.113.0/24'] } }), ['IAM361']);
  assert.deepEqual(codes({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '172.32.0.0/16'] } }), [], '172.32/16 is public');
  assert.deepEqual(
    codes({ IpAddress: { 'aws:VpcSourceIp': '10.0.0.0/8' }, StringEquals: { 'aws:SourceVpc': 'vpc-1a2b3c4d' } }),
    [],
    'the VPC key takes private ranges',
  );
  assert.deepEqual(codes({ IpAddress: { 'aws:SourceIp': '10.0.0.0/7' } }), [], 'larger than the private range');
});

test('IAM360: the finding covers the values of the key', () => {
  const text = policy({ IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.1.0/24'] } });
  const spans = findingsOf(text)
    .filter(f => f.code === 'IAM360')
    .map(f => text.slice(f.offset, f.offset + f.length));
  assert.deepEqual(spans, ['["10.0.0.0/8","192.168.1.0/24"]']);
});

test('IAM360: single addresses are /32 or /128 ranges, in every IPv6 spelling; IPv4 ranges never match IPv6', () => {
  const sourceIp = (value: unknown) => codes({ IpAddress: { 'aws:SourceIp': value } });
  assert.deepEqual(sourceIp('10.1.2.3'), ['IAM360']);
  assert.deepEqual(sourceIp('10.1.2.3/32'), ['IAM360']);
  assert.deepEqual(sourceIp('fd12:3456:789a:1:2:3:4:5'), ['IAM360']);
  assert.deepEqual(sourceIp('fd12::5'), ['IAM360']);
  assert.deepEqual(sourceIp('2001:db8::a00:1'), [], 'its last 32 bits read as IPv4 would be 10.0.0.1');
});

test('IAM360-IAM362: values that are no IP range (IAM330) or that only IpAddress compares are not judged', () => {
  const sourceIp = (value: unknown) => codes({ IpAddress: { 'aws:SourceIp': value } });
  assert.deepEqual(sourceIp('10.0.0.0/8/8'), ['IAM330']);
  assert.deepEqual(sourceIp('10.0.0.0/ 8'), ['IAM330']);
  assert.deepEqual(sourceIp('10.0.0.0/8 '), ['IAM330']);
  assert.deepEqual(sourceIp('10.0.0.0/33'), ['IAM330']);
  assert.deepEqual(sourceIp('not-an-ip'), ['IAM330']);
  assert.deepEqual(sourceIp('::ffff:10.0.0.1/120'), [], 'IPv4-mapped: left alone');
  assert.deepEqual(sourceIp(10), ['IAM330']);
  assert.deepEqual(codes({ StringEquals: { 'aws:PrincipalTag/net': '10.0.0.7/24' } }), [], 'not an IpAddress operator');
});

test('IAM362: bits after the prefix; the fix writes the network address', () => {
  assert.equal(networkAddress('203.0.113.7/24'), '203.0.113.0/24');
  assert.equal(networkAddress('2001:db8::1/64'), '2001:db8::/64');
  assert.equal(networkAddress('203.0.113.0/24'), undefined);
  assert.equal(networkAddress('203.0.113.7'), undefined);
  assert.equal(networkAddress('not-an-ip/24'), undefined);
  assert.equal(parseRange('2001:db8::/32')?.prefix, 32);
  assert.deepEqual(codes({ IpAddress: { 'aws:SourceIp': '203.0.113.7/24' } }), ['IAM362']);
  assert.deepEqual(codes({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.7'] } }), []);
  const after = repaired(policy({ IpAddress: { 'aws:SourceIp': '203.0.113.7/24' } }), 'IAM362', /203\.0\.113\.0\/24/);
  assert.match(after, /"aws:SourceIp":"203\.0\.113\.0\/24"/);
});

test('IAM362: the network address is written as RFC 5952 says: the longest (first) run of two zero groups or more as "::"', () => {
  assert.equal(networkAddress('2001:db8:1:2:3:4:5:7/127'), '2001:db8:1:2:3:4:5:6/127');
  assert.equal(networkAddress('2001:db8:0:1:2:3:4:5/127'), '2001:db8:0:1:2:3:4:4/127');
  assert.equal(networkAddress('2001:db8::3/127'), '2001:db8::2/127');
  assert.equal(networkAddress('2001:db8::1:2:3/127'), '2001:db8::1:2:2/127');
  assert.equal(networkAddress('0:0:0:0:0:0:0:3/127'), '::2/127');
  assert.equal(networkAddress('2001:0:0:0:1:0:0:3/127'), '2001::1:0:0:2/127');
  assert.equal(networkAddress('2001:0:0:1:0:0:2:3/127'), '2001::1:0:0:2:2/127');
});

test('IAM373: a wildcard in an organization or account ID', () => {
  assert.deepEqual(codes({ StringLike: { 'aws:PrincipalOrgID': 'o-*' } }), ['IAM373']);
  assert.deepEqual(codes({ StringLike: { 'aws:SourceAccount': '1111*' } }), ['IAM373']);
  assert.deepEqual(codes({ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-*/r-ab12/*' } }), ['IAM373']);
  assert.deepEqual(codes({ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/ou-*' } }), []);
  assert.deepEqual(codes({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }), []);
});

test('IAM373: where the wildcard is; "*" alone is IAM370; variables, placeholders and other operators are not judged', () => {
  assert.deepEqual(codes({ StringLike: { 'aws:SourceAccount': '*3333' } }), ['IAM373']);
  assert.deepEqual(codes({ StringLike: { 'aws:SourceAccount': '**' } }), ['IAM370']);
  assert.deepEqual(codes({ StringLike: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5/*' } }), ['IAM373'], 'an organization ID is no path');
  assert.deepEqual(codes({ StringLike: { 'aws:PrincipalOrgID': '${aws:PrincipalTag/org}*' } }), []);
  assert.deepEqual(codes({ StringLike: { 'aws:PrincipalOrgID': '<my-org-id>*' } }), []);
  assert.deepEqual(codes({ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 12 } }), []);
  assert.deepEqual(codes({ ArnLike: { 'aws:SourceAccount': '1111*' } }), ['IAM330'], 'no ARN: IAM330 alone');
});

test('IAM322: StringLike with a wildcard on an ARN key; the fix moves it to ArnLike', () => {
  assert.deepEqual(codes({ StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin' } }), ['IAM322']);
  assert.deepEqual(codes({ StringEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/admin' } }), [], 'no wildcard');
  assert.deepEqual(codes({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin' } }), []);
  const after = repaired(policy({ StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin' } }), 'IAM322', /ArnLike/);
  assert.match(after, /"ArnLike":\{"aws:PrincipalArn"/);
});

test('IAM322: a wildcard in any value, outside policy variables; unknown operators and values that are no strings are not judged', () => {
  const role = (operator: string, value: unknown) => codes({ [operator]: { 'aws:PrincipalArn': value } });
  assert.deepEqual(role('StringLike', 'arn:aws:iam::111122223333:role/admin'), [], 'no wildcard');
  assert.deepEqual(role('StringLike', ['arn:aws:iam::111122223333:role/admin', 'arn:aws:iam::111122223333:role/ops-*']), ['IAM322']);
  assert.deepEqual(role('StringLike', 'arn:aws:iam::111122223333:role/${aws:username}-*'), ['IAM322']);
  assert.deepEqual(role('StringLike', 'arn:aws:iam::111122223333:role/a${*}b'), [], '${*} is a literal star');
  assert.deepEqual(role('StringLike', 5), []);
  assert.deepEqual(role('StringLik', 'arn:aws:iam::*:role/admin'), ['IAM300']);
});

test('IAM320: a Numeric operator on a date key, fixed to the Date operator; aws:EpochTime takes both', () => {
  assert.deepEqual(codes({ NumericLessThan: { 'aws:CurrentTime': '1700000000' } }), ['IAM320']);
  assert.deepEqual(codes({ NumericLessThan: { 'aws:EpochTime': '1700000000' } }), []);
  const after = repaired(policy({ NumericLessThan: { 'aws:CurrentTime': '1700000000' } }), 'IAM320', /DateLessThan/);
  assert.match(after, /"DateLessThan":\{"aws:CurrentTime":"1700000000"\}/);
});

test('IAM374: Null with a set qualifier', () => {
  assert.deepEqual(codes({ 'ForAllValues:Null': { 'aws:TagKeys': 'false' } }), ['IAM374']);
  assert.deepEqual(codes({ Null: { 'aws:TagKeys': 'false' } }), []);
});

test('IAM370, IAM371: a value that matches everything: a presence test, or always true', () => {
  assert.deepEqual(codes({ StringLike: { 'aws:ResourceTag/team': '*' } }), ['IAM370']);
  assert.deepEqual(codes({ StringNotLike: { 'aws:ResourceTag/team': '*' } }), ['IAM370']);
  assert.deepEqual(codes({ ArnLike: { 'aws:SourceArn': 'arn:*:*:*:*:*' } }), ['IAM370']);
  assert.deepEqual(codes({ StringLikeIfExists: { 'aws:ResourceTag/team': '*' } }), ['IAM371']);
  assert.deepEqual(codes({ StringLike: { 'aws:ResourceTag/team': 'a*' } }), []);
  assert.deepEqual(codes({ StringEquals: { 'aws:ResourceTag/team': '*' } }), ['IAM338'], 'StringEquals compares "*" as text');
  assert.deepEqual(codes({ StringLike: { 'aws:ResourceTag/team': ['a', '*'] } }), ['IAM370'], 'one value of several matches everything');
  assert.deepEqual(
    codesOf(policy({ StringLike: { 'aws:PrincipalArn': 'arn:*:*:*:*:*' } }), /^IAM37[01]$/),
    [],
    'a String operator matches the colons as written',
  );
  const [always] = findingsOf(policy({ StringLikeIfExists: { 'aws:ResourceTag/team': '*' } })).filter(f => f.code === 'IAM371');
  assert.equal(always.unnecessary, true, 'shown faded: the key tests nothing');
  const present = repaired(policy({ StringLike: { 'aws:ResourceTag/team': '*' } }), 'IAM370', /Null/);
  assert.match(present, /"Null":\{"aws:ResourceTag\/team":"false"\}/);
  const absent = repaired(policy({ StringNotLike: { 'aws:ResourceTag/team': '*' }, StringEquals: { 'aws:PrincipalTag/x': 'y' } }), 'IAM370', /Null/);
  assert.match(absent, /"Null":\{"aws:ResourceTag\/team":"true"\}/);
  const removed = repaired(policy({ StringLikeIfExists: { 'aws:ResourceTag/team': '*' } }), 'IAM371', /Remove/);
  assert.doesNotMatch(removed, /Condition/);
  const kept = repaired(policy({ StringLikeIfExists: { 'aws:ResourceTag/team': '*', 'aws:ResourceTag/unit': 'u' } }), 'IAM371', /Remove/);
  assert.match(kept, /"StringLikeIfExists":\{"aws:ResourceTag\/unit":"u"\}/);
});

test('IAM352: a variable without its closing brace, empty, with spaces or an unquoted default; the certain repairs', () => {
  const resource = (arn: string) => codesOf(policyOf(stmt({ Action: 's3:GetObject', Resource: arn })), CONDITION_CODES);
  assert.deepEqual(resource('arn:aws:s3:::b/${aws:username'), ['IAM352']);
  assert.deepEqual(resource('arn:aws:s3:::b/${}/x'), ['IAM352']);
  assert.deepEqual(resource('arn:aws:s3:::b/${ aws:username }/x'), ['IAM352']);
  assert.deepEqual(resource('arn:aws:s3:::b/${aws:username, anonymous}/x'), ['IAM352']);
  assert.deepEqual(resource("arn:aws:s3:::b/${aws:username, 'anonymous'}/x"), []);
  assert.deepEqual(resource('arn:aws:s3:::b/${aws:username}/x'), []);
  const spaced = repaired(policyOf(stmt({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${ aws:username }/x' })), 'IAM352', /aws:username/);
  assert.match(spaced, /"arn:aws:s3:::b\/\$\{aws:username\}\/x"/);
  const closed = repaired(policyOf(stmt({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username' })), 'IAM352', /aws:username/);
  assert.match(closed, /"arn:aws:s3:::b\/\$\{aws:username\}"/);
});

test('IAM353: a policy variable in Action or Principal; template substitutions are not variables', () => {
  const principal = (value: string) =>
    codesOf(policyOf(stmt({ Principal: { AWS: value }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })), /^IAM353$/, { kind: 'resource' });
  assert.deepEqual(principal('arn:aws:iam::${aws:PrincipalAccount}:root'), ['IAM353']);
  assert.deepEqual(principal('arn:aws:iam::${AWS::AccountId}:root'), []);
  assert.deepEqual(principal('arn:aws:iam::${var.account_id}:root'), []);
  assert.deepEqual(codesOf(policyOf(stmt({ Action: 's3:${aws:username}', Resource: '*' })), /^IAM353$/), ['IAM353']);
});

test('IAM314: a service key that the reference lists for some of the named actions only; wildcards are left out', () => {
  const list = (actions: string[]) => codes({ StringLike: { 's3:prefix': 'home/*' } }, { Action: actions, Resource: 'arn:aws:s3:::b' });
  assert.deepEqual(list(['s3:ListBucket', 's3:GetObject', 's3:PutObject']), ['IAM314']);
  assert.deepEqual(list(['s3:ListBucket', 's3:ListBucketVersions']), []);
  assert.deepEqual(list(['s3:ListBucket', 's3:Get*']), [], 'actions with wildcards are not judged');
  assert.deepEqual(list(['s3:List*', 's3:GetObject']), [], 'only an action with a wildcard lists it');
  const finding = findingsOf(policy({ StringLike: { 's3:prefix': 'home/*' } }, { Action: ['s3:ListBucket', 's3:GetObject', 's3:PutObject'] })).find(
    f => f.code === 'IAM314',
  );
  assert.deepEqual(finding?.data?.actions, ['s3:GetObject', 's3:PutObject'], 'the actions without the key');
});

test('IAM315, IAM316: a tag key with actions of a service that never sends it, in a Deny or an Allow', () => {
  const tagged = (effect: string, actions: unknown) => codes({ StringEquals: { 'aws:ResourceTag/team': 'a' } }, { Effect: effect, Action: actions });
  assert.deepEqual(tagged('Deny', ['ec2:TerminateInstances', 'support:DescribeCases']), ['IAM315']);
  assert.deepEqual(tagged('Allow', ['ec2:TerminateInstances', 'support:DescribeCases']), ['IAM316']);
  assert.deepEqual(tagged('Deny', '*'), ['IAM315'], '"*" covers services without tags');
  assert.deepEqual(tagged('Deny', ['ec2:TerminateInstances', 'ec2:StopInstances']), []);
  const services = (effect: string, actions: unknown) =>
    findingsOf(policy({ StringEquals: { 'aws:ResourceTag/team': 'a' } }, { Effect: effect, Action: actions }))
      .filter(f => /^IAM31[56]$/.test(f.code))
      .map(f => f.data?.services);
  assert.deepEqual(services('Allow', ['ec2:TerminateInstances', 'support:DescribeCases', 'SUPPORT:DescribeTrustedAdvisorChecks']), [['support']]);
});

test('IAM315, IAM316: which statements cover every service, and which name none', () => {
  const tagged = (elements: Record<string, unknown>) => codes({ StringEquals: { 'aws:ResourceTag/team': 'a' } }, { Effect: 'Deny', ...elements });
  assert.deepEqual(tagged({ Action: undefined, NotAction: 's3:GetObject' }), ['IAM315']);
  assert.deepEqual(tagged({ Action: ['*', 'ec2:TerminateInstances'] }), ['IAM315'], '"*" beside a service that sends the key');
  assert.deepEqual(tagged({ Action: undefined }), [], 'no Action: a statement IAM rejects, not one for every service');
  assert.deepEqual(tagged({ Action: 'supportx' }), [], 'a name without a colon names no service');
  assert.deepEqual(tagged({ Action: ['support*:DescribeCases'] }), [], 'nor a prefix with a wildcard');
  assert.deepEqual(tagged({ Effect: 'deny', Action: 'support:DescribeCases' }), [], 'an Effect that is neither Allow nor Deny');
  assert.deepEqual(tagged({ Effect: ['Deny'], Action: 'support:DescribeCases' }), [], 'an Effect that is not a string');
  const cutAfterEffect = policy({ StringEquals: { 'aws:ResourceTag/team': 'a' } }, { Action: 'support:DescribeCases', Effect: undefined }).replace(
    /\}\]\}$/,
    ',"Effect":',
  );
  assert.deepEqual(codesOf(cutAfterEffect, /^IAM31[56]$/), [], 'an Effect without a value (the text ends)');
  assert.deepEqual(
    codes({ StringEquals: { 'aws:RequestTag/team': 'a' } }, { Effect: 'Deny', Action: 'kinesis:CreateStream' }),
    [],
    "kinesis lists aws:RequestTag only on its actions' resource types",
  );
});

test('IAM318: aws:PrincipalOrgID with only service principals', () => {
  const principal = (value: unknown) =>
    codesOf(
      policyOf(
        stmt({ Principal: value, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }),
      ),
      /^IAM318$/,
      { kind: 'resource' },
    );
  assert.deepEqual(principal({ Service: 'cloudfront.amazonaws.com' }), ['IAM318']);
  assert.deepEqual(principal({ AWS: '*' }), []);
  assert.deepEqual(principal({ Service: 'cloudfront.amazonaws.com', AWS: '111122223333' }), []);
});

test('IAM318: a Principal without any service names none', () => {
  const principal = (value: unknown) =>
    codesOf(
      policyOf(
        stmt({ Principal: value, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }),
      ),
      /^IAM318$/,
      {
        kind: 'resource',
      },
    );
  assert.deepEqual(principal({}), []);
  assert.deepEqual(principal({ Service: [] }), []);
});

test('IAM319: aws:VpcSourceIp without aws:SourceVpc', () => {
  assert.deepEqual(codes({ IpAddress: { 'aws:VpcSourceIp': '10.0.0.0/16' } }), ['IAM319']);
  assert.deepEqual(codes({ IpAddress: { 'aws:VpcSourceIp': '10.0.0.0/16' }, StringEquals: { 'aws:SourceVpc': 'vpc-1a2b3c4d' } }), []);
});

test('IAM317: s3:prefix in a Deny, or negated in an Allow', () => {
  const list = (effect: string, operator: string) =>
    codes({ [operator]: { 's3:prefix': 'private/*' } }, { Effect: effect, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b' });
  assert.deepEqual(list('Deny', 'StringLike'), ['IAM317']);
  assert.deepEqual(list('Allow', 'StringNotLike'), ['IAM317']);
  assert.deepEqual(list('Allow', 'StringLike'), []);
  assert.deepEqual(list('Deny', 'StringNotLike'), []);
});

test('IAM317, IAM323: a statement cut after "Effect": is judged without a crash', () => {
  for (const condition of [{ StringLike: { 's3:prefix': 'private/*' } }, { 'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['id'] } }]) {
    const cut = `{"Statement":[{"Action":"s3:ListBucket","Resource":"*","Condition":${JSON.stringify(condition)},"Effect":`;
    assert.deepEqual(codesOf(cut, /^IAM3(17|23)$/), []);
  }
});

test('IAM323: dynamodb:Attributes without dynamodb:Select SPECIFIC_ATTRIBUTES', () => {
  const read = (condition: Record<string, unknown>) =>
    codesOf(policy(condition, { Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/t' }), /^IAM323$/);
  assert.deepEqual(read({ 'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['id', 'name'] } }), ['IAM323']);
  assert.deepEqual(
    read({ 'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['id', 'name'] }, StringEquals: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' } }),
    [],
  );
});

test('IAM323: in an Allow only; the Select must be in the same statement, positive, and allow SPECIFIC_ATTRIBUTES', () => {
  const TABLE = { Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/t' };
  const attributes = { 'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['id', 'name'] } };
  const read = (condition: Record<string, unknown>, elements: Record<string, unknown> = {}) =>
    codesOf(policy({ ...attributes, ...condition }, { ...TABLE, ...elements }), /^IAM323$/);
  assert.deepEqual(read({}, { Effect: 'Deny' }), []);
  assert.deepEqual(read({}, { Effect: undefined }), [], 'no Effect');
  assert.deepEqual(read({ StringEquals: { 'dynamodb:Select': 'ALL_ATTRIBUTES' } }), ['IAM323']);
  assert.deepEqual(read({ StringEquals: { 'dynamodb:Select': ['SPECIFIC_ATTRIBUTES', 'COUNT'] } }), [], 'COUNT returns no attribute');
  assert.deepEqual(read({ StringNotEquals: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' } }), ['IAM323']);
  assert.deepEqual(read({ StringEquals: { 'dynamodb:ReturnValues': 'SPECIFIC_ATTRIBUTES' } }), ['IAM323'], 'another key');
  assert.deepEqual(read({ StringEqual: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' } }), [], 'IAM300 for the operator: one finding');
  const elsewhere = policyOf(
    stmt({ ...TABLE, Condition: attributes }),
    stmt({ ...TABLE, Action: 'dynamodb:Query', Condition: { StringEquals: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' } } }),
  );
  assert.deepEqual(codesOf(elsewhere, /^IAM323$/), ['IAM323'], 'the Select of another statement');
});
