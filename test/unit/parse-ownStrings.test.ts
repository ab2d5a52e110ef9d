// The parse's strings do not keep the policy text alive (policy/ownString.ts): rules cache action
// names and ARNs beyond a document's life, and a V8 slice would hold the whole closed document.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeHeapSnapshot } from 'node:v8';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePolicy } from '../../server/src/policy/parse';

/** 60 q's made at run time: no string of the test holds them, only the policy texts */
const MARKER_LENGTH = 60;
const policyText = (broken: boolean) => `{ "Version": "2012-10-17", "Id": "${'q'.repeat(MARKER_LENGTH)}", "Statement": [ {
  "Effect": "Allow", "Action": "s3:GetObjectVersionTagging", "Resource": "arn:aws:s3:::my-long-bucket-name/*"${broken ? ',' : ''}
} ] }`;

/** Whether a heap snapshot holds the policy text (or the Id, which nothing keeps). */
function heapHoldsMarker(): boolean {
  const file = join(tmpdir(), `own-strings-${process.pid}.heapsnapshot`);
  writeHeapSnapshot(file);
  const text = readFileSync(file, 'utf8');
  rmSync(file);
  return text.includes('q'.repeat(MARKER_LENGTH));
}

/** The values the rules would keep from a parse: an action, an ARN and a property name. */
function keptValues(broken: boolean): string[] {
  const doc = parsePolicy(policyText(broken));
  const [statement] = doc.statements;
  return [statement.action!.items[0].value, statement.resource!.items[0].value, doc.topEntries[0].name];
}

test('values kept after a parse (strict and tolerant) do not keep the policy text', () => {
  const kept = [...keptValues(false), ...keptValues(true)];
  assert.deepEqual(kept.slice(0, 2), ['s3:GetObjectVersionTagging', 'arn:aws:s3:::my-long-bucket-name/*']);
  assert.equal(heapHoldsMarker(), false);
});
