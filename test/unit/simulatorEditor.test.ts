// The server side of the editor's "Simulate a request": ranges of the deciding statement and of the
// reasons, and errors for a request it cannot read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulateInEditor } from '../../server/src/evaluation/editor';
import { parse } from '../helpers/cursor';

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
    {"Sid": "NoDelete", "Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"}
  ]
}`;

test('an entered request: decision, deciding statement range and the report', () => {
  const response = simulateInEditor(parse(POLICY), { uri: 'file:///test/policy.json', request: { action: 's3:DeleteObject', resource: 'arn:aws:s3:::b/k' } });
  assert.equal(response.decision, 'ExplicitDeny');
  assert.deepEqual(response.deciding, [1]);
  const line = POLICY.split('\n')[4];
  assert.deepEqual(response.statements?.[1].range, { start: { line: 4, character: 4 }, end: { line: 4, character: line.trimEnd().length } });
  const [mismatch] = response.statements?.[0].mismatches ?? [];
  assert.equal(mismatch.element, 'Action');
  assert.deepEqual(mismatch.range.start, { line: 3, character: POLICY.split('\n')[3].indexOf('"Action"') });
  assert.match(response.report ?? '', /^Decision: DENY \(explicit\)\n/);
  assert.match(response.report ?? '', /policy\.json:5:5 {2}statement 2 \(NoDelete\) {2}Deny: applies/);
});

test('a request file: parsed with comments; a bad one gives errors only', () => {
  const ok = simulateInEditor(parse(POLICY), {
    uri: 'file:///test/policy.json',
    requestText: '{"action": "s3:GetObject", /* the key */ "resource": "arn:aws:s3:::b/k"}',
  });
  assert.equal(ok.decision, 'Allow');
  const bad = simulateInEditor(parse(POLICY), { uri: 'file:///test/policy.json', requestText: '{"resource": 1' });
  assert.equal(bad.decision, undefined);
  assert.ok(bad.errors?.length);
  const missing = simulateInEditor(parse(POLICY), { uri: 'file:///test/policy.json' });
  assert.ok(missing.errors?.length);
});

test("the time: the current time unless the request's context gives aws:CurrentTime", () => {
  const timed = parse(
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': '2000-01-01T00:00:00Z' } } }],
    }),
  );
  const now = simulateInEditor(timed, { uri: 'file:///test/policy.json', request: { action: 's3:GetObject' } });
  assert.equal(now.decision, 'ImplicitDeny');
  assert.match(now.report ?? '', /current time/);
  const then = simulateInEditor(timed, {
    uri: 'file:///test/policy.json',
    request: { action: 's3:GetObject', context: { 'aws:CurrentTime': '1999-06-01T00:00:00Z' } },
  });
  assert.equal(then.decision, 'Allow');
});
