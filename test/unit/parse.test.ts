import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePolicy } from '../../server/src/policy/parse';
import { locate } from '../../server/src/policy/locate';
import { detectKind, kindFromFileName } from '../../server/src/policy/kind';
import { parseArn } from '../../server/src/policy/arn';
import { wildcardMatch } from '../../server/src/util/wildcard';
import { parseAtCursor } from '../helpers/cursor';

const codes = (text: string) => parsePolicy(text).syntaxErrors.map(e => e.code);

test('valid JSON has no syntax errors', () => {
  assert.deepEqual(codes('{ "Version": "2012-10-17", "Statement": [] }'), []);
});

test('comments, trailing commas and missing commas are reported where they are', () => {
  const text = '// note\n{ "Statement": [ { "Effect": "Allow", /* x */ "Action": [ "a" "b" ], }, ] }';
  const errors = parsePolicy(text).syntaxErrors;
  assert.deepEqual(
    errors.map(e => e.code),
    ['IAM002', 'IAM002', 'IAM004', 'IAM003', 'IAM003'],
  );
  assert.equal(text.slice(errors[0].offset, errors[0].offset + errors[0].length), '// note');
  assert.equal(text.slice(errors[2].offset, errors[2].offset + errors[2].length), '"b"');
  assert.equal(text[errors[3].offset], ',');
});

test('other JSON errors are IAM001 and never throw', () => {
  // text -> the first error: code and offset (jsonc-parser recovers and may report more after it)
  const broken: Array<[string, string, number]> = [
    ['{', 'IAM001', 1],
    ['{ Version: 1 }', 'IAM001', 2],
    ['{ "a": "x\ny" }', 'IAM001', 7],
    ['[1,2', 'IAM001', 4],
    ['}}}', 'IAM001', 0],
    ['\u0000', 'IAM001', 0],
    ['{"a":}', 'IAM001', 5],
  ];
  for (const [text, code, offset] of broken) {
    const errors = parsePolicy(text).syntaxErrors;
    assert.deepEqual([errors[0]?.code, errors[0]?.offset], [code, offset], JSON.stringify(text));
    assert.deepEqual(
      errors.filter(e => e.code !== 'IAM001' && e.code !== 'IAM004'),
      [],
      JSON.stringify(text),
    );
  }
  for (const text of ['null', '', '"str"']) assert.deepEqual(codes(text), [], `${JSON.stringify(text)} is JSON (no policy, but no syntax error)`);
  assert.deepEqual(codes('{ Version: "2012-10-17" }'), ['IAM001', 'IAM001', 'IAM001']);
  assert.deepEqual(codes('{ "Sid": "a\nb" }').slice(0, 2), ['IAM001', 'IAM001'], 'a line break ends the string');
});

test('the model has every element with its span', () => {
  const text =
    '{ "Version": "2012-10-17", "Statement": [ { "Sid": "A", "Effect": "Allow", "Action": ["s3:GetObject", 3], "Resource": "*", ' +
    '"Principal": { "AWS": ["111122223333"] }, "Condition": { "Bool": { "aws:SecureTransport": ["true", false] } } } ] }';
  const doc = parsePolicy(text);
  const [s] = doc.statements;
  assert.equal(doc.version?.valueNode?.value, '2012-10-17');
  assert.equal(s.sid?.valueNode?.value, 'A');
  assert.deepEqual(
    s.action?.items.map(i => i.value),
    ['s3:GetObject'],
  );
  assert.equal(s.action?.invalid.length, 1);
  assert.equal(text.slice(s.action!.items[0].offset, s.action!.items[0].offset + s.action!.items[0].length), '"s3:GetObject"');
  assert.equal(s.resource?.isArray, false);
  assert.deepEqual(
    s.principal?.types.map(t => [t.entry.name, t.values.map(v => v.value)]),
    [['AWS', ['111122223333']]],
  );
  const key = s.condition!.operators[0].keys[0];
  assert.equal(key.entry.name, 'aws:SecureTransport');
  assert.deepEqual(
    key.values.map(v => v.value),
    ['true', false],
  );
});

test('a single statement object is a statement too', () => {
  const doc = parsePolicy('{ "Statement": { "Effect": "Deny", "Action": "*", "Resource": "*" } }');
  assert.equal(doc.statements.length, 1);
  assert.equal(doc.statementIsArray, false);
  assert.ok(doc.looksLikePolicy);
});

test('locate finds statement, element, condition operator and key', () => {
  const { doc, offset } = parseAtCursor('{ "Statement": [ {}, { "Condition": { "StringEquals": { "aws:Source|Ip": "x" } } } ] }');
  const at = locate(doc, offset);
  assert.equal(at.statement?.index, 1);
  assert.equal(at.element, 'Condition');
  assert.equal(at.conditionOperator, 'StringEquals');
  assert.equal(at.conditionKey, 'aws:SourceIp');
  assert.ok(at.inKey);
  const value = parseAtCursor('{ "Statement": [ { "Action": [ "s3:Get|" ] } ] }');
  const inValue = locate(value.doc, value.offset);
  assert.equal(inValue.element, 'Action');
  assert.equal(inValue.inKey, false);
  assert.equal(inValue.stringNode?.value, 's3:Get');
});

test('kind: file name hints, then content', () => {
  assert.equal(kindFromFileName('file:///x/deny-regions.scp.json'), 'scp');
  assert.equal(kindFromFileName('file:///x/service_control_policies__a.json'), 'scp');
  assert.equal(kindFromFileName('file:///x/resource_control_policies__a.json'), 'rcp');
  assert.equal(kindFromFileName('file:///x/vpc_endpoint_policies__s3.json'), 'endpoint');
  assert.equal(kindFromFileName('file:///x/role-trust.json'), 'trust');
  assert.equal(kindFromFileName('file:///x/bucket-policy.json'), 'resource');
  assert.equal(kindFromFileName('file:///x/policy.json'), undefined);
  const trust = parsePolicy(
    '{ "Statement": [ { "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" } ] }',
    'file:///x/p.json',
  );
  assert.equal(trust.kind, 'trust');
  const resource = parsePolicy('{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*" } ] }', 'file:///x/p.json');
  assert.equal(resource.kind, 'resource');
  assert.deepEqual(detectKind(resource, 'rcp'), { kind: 'rcp', source: 'setting' });
  assert.equal(parsePolicy('{ "Statement": [ { "Effect": "Allow" } ] }', 'file:///x/p.json').kind, 'identity');
});

test('ARNs and wildcards', () => {
  assert.deepEqual(parseArn('arn:aws:logs:us-east-1:123456789012:log-group:name:*'), {
    partition: 'aws',
    service: 'logs',
    region: 'us-east-1',
    account: '123456789012',
    resource: 'log-group:name:*',
  });
  assert.equal(parseArn('arn:aws:s3'), undefined);
  assert.ok(wildcardMatch('s3:Get*', 's3:getobject', true));
  assert.ok(!wildcardMatch('s3:Get*', 's3:getobject', false));
  assert.ok(wildcardMatch('arn:aws:s3:::b/?.txt', 'arn:aws:s3:::b/a.txt'));
  assert.ok(wildcardMatch('a.(b)+', 'a.(b)+'));
});
