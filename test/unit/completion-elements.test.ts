// Element names at each level, their value skeletons, and the fixed values of Version, Effect,
// Statement and Principal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InsertTextFormat } from 'vscode-languageserver-types';
import { SKELETON_KINDS } from '../../server/src/features/completion/skeletons';
import { applyItem, complete, expandSnippet, inStatement, jsonErrors, newText } from '../helpers/completion';

test('elements: top level offers what is missing (and, in an empty policy, the whole-policy skeletons)', () => {
  assert.deepEqual(
    complete('{ | }').labels.filter(label => !(label in SKELETON_KINDS)),
    ['Version', 'Id', 'Statement'],
  );
  assert.deepEqual(complete('{ "Version": "2012-10-17", | }').labels, ['Id', 'Statement']);
});

test('elements: statement level leaves out present elements and their counterparts', () => {
  const c = complete(inStatement('"Effect": "Allow", "NotAction": "iam:*", "Resource": "*", |'));
  assert.deepEqual(c.labels.sort(), ['Condition', 'NotPrincipal', 'Principal', 'Sid']);
  const d = complete(inStatement('"Effect": "Allow", "Principal": "*", |'));
  assert.ok(!d.labels.includes('NotPrincipal') && d.labels.includes('Action') && d.labels.includes('NotAction'));
});

test('elements: a key inserts a value skeleton and reopens completion inside it', () => {
  const action = complete(inStatement('"Effect": "Allow", |')).item('Action');
  assert.equal(newText(action), '"Action": [ "$1" ]');
  assert.equal(action.insertTextFormat, InsertTextFormat.Snippet);
  assert.equal(action.command?.command, 'editor.action.triggerSuggest');
  assert.equal(newText(complete(inStatement('|')).item('Effect')), '"Effect": "${1|Allow,Deny|}"');
});

test('elements: the key being edited is offered again, alone when a value follows', () => {
  const c = complete(inStatement('"Effect": "Allow", "Act|": [ "s3:GetObject" ]'));
  assert.equal(newText(c.item('Action')), '"Action"');
  assert.equal(c.item('Action').command, undefined);
  assert.equal(applyItem(c.doc, c.item('Action')), c.doc.text.replace('"Act"', '"Action"'));
});

test('elements: commas are added before and after as needed', () => {
  const before = complete(inStatement('"Effect": "Allow" |'));
  assert.ok(applyItem(before.doc, before.item('Action')).includes('"Effect": "Allow", "Action": [ "" ]'));
  const after = complete(inStatement('| "Effect": "Allow"'));
  assert.ok(applyItem(after.doc, after.item('Action')).includes('{ "Action": [ "" ], "Effect": "Allow" }'));
  for (const c of [before, after]) for (const item of c.items) assert.deepEqual(jsonErrors(applyItem(c.doc, item)), [], item.label);
});

test('elements: Principal goes last in an identity policy and first-class in a resource policy', () => {
  const identity = complete(inStatement('|'));
  const principal = identity.item('Principal');
  assert.ok(identity.items.every(i => i === principal || i.label === 'NotPrincipal' || i.sortText! < principal.sortText!));
  const resource = complete('{ "Statement": [ { "Effect": "Allow", | "Action": "s3:GetObject", "Resource": "*" } ] }', {
    languageId: 'iam-policy',
    kind: 'resource',
  });
  assert.ok(resource.item('Principal').sortText! < resource.item('Condition').sortText!);
  assert.ok(identity.item('Principal').sortText! > identity.item('Condition').sortText!);
});

test('elements: Principal object keys', () => {
  const c = complete(inStatement('"Effect": "Allow", "Principal": { "AWS": "*", | }'));
  assert.deepEqual(c.labels, ['Service', 'Federated', 'CanonicalUser']);
  assert.equal(newText(c.item('Service')), '"Service": "$1"');
});

test('elements: Version and Effect values', () => {
  assert.deepEqual(complete('{ "Version": "|" }').labels, ['2012-10-17', '2008-10-17']);
  const effect = complete(inStatement('"Effect": "|"'));
  assert.deepEqual(effect.labels, ['Allow', 'Deny']);
  assert.ok(applyItem(effect.doc, effect.item('Deny')).includes('"Effect": "Deny"'));
  assert.deepEqual(complete(inStatement('"Effect": |')).labels, ['Allow', 'Deny']);
});

test('elements: a new statement in the Statement array, shaped by the policy kind', () => {
  const c = complete('{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "*", "Resource": "*" } | ] }');
  assert.equal(c.items[0].label, 'Statement');
  const after = applyItem(c.doc, c.items[0]);
  assert.deepEqual(jsonErrors(after), []);
  assert.equal(JSON.parse(after).Statement.length, 2);
  const trust = complete('{ "Statement": [ | ] }', { languageId: 'iam-policy', kind: 'trust' });
  assert.match(trust.items[0].label, /Trust statement/);
  assert.match(expandSnippet(newText(trust.items[0])), /"Action": "sts:AssumeRole"/);
});

test('elements: the value of Principal itself: "*" or an object of a principal type', () => {
  const c = complete(inStatement('"Effect": "Allow", "Principal": |'));
  assert.ok(c.labels.includes('*'));
  const service = c.items.find(i => i.label.startsWith('{ "Service"'))!;
  assert.ok(applyItem(c.doc, service).includes('"Principal": { "Service": "" }'));
});
