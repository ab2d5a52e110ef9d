// Action / NotAction: service prefixes, the actions of a service, wildcard forms, filtering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { doComplete, resolveCompletion } from '../../server/src/features/completion';
import { withDefaults } from '../../server/src/protocol';
import { parseAtCursor } from '../helpers/cursor';
import { applyItem, complete, editorKeeps, inStatement, jsonErrors, typedWord, newText } from '../helpers/completion';

const catalog = getCatalog();

test('actions: service prefixes first, with the service name, inserting "prefix:" and reopening completion', () => {
  const c = complete(inStatement('"Effect": "Allow", "Action": "s|"'));
  const s3 = c.item('s3');
  assert.equal(s3.labelDetails?.description, 'Amazon S3');
  assert.equal(newText(s3), '"s3:$0"');
  assert.equal(s3.command?.command, 'editor.action.triggerSuggest');
  assert.ok(applyItem(c.doc, s3).includes('"Action": "s3:"'));
});

test('actions: the service list is cut to a few hundred, the services the document uses first', () => {
  const { doc, offset } = parseAtCursor(inStatement('"Effect": "Allow", "Action": [ "sqs:SendMessage", "|" ]'));
  const list = doComplete(doc, offset, catalog, withDefaults(undefined));
  assert.ok(list.isIncomplete && list.items.length < catalog.services().length);
  const sorted = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  assert.equal(sorted[0].label, 'sqs');
  assert.equal(sorted.at(-1)!.label, '*');
});

test('actions: after "s3:" the actions of S3 with access level and description, AWS spelling', () => {
  const c = complete(inStatement('"Effect": "Allow", "Action": "s3:getob|"'));
  const item = c.item('s3:GetObject');
  const action = catalog.action('s3', 'GetObject')!;
  assert.equal(item.detail, 'Read');
  assert.equal(item.documentation, undefined, 'documentation comes on resolve');
  const resolved = resolveCompletion(item, catalog);
  assert.ok(typeof resolved.documentation === 'object' && resolved.documentation.value.includes(action.description));
  assert.equal(newText(item), '"s3:GetObject"');
  assert.ok(!c.labels.includes('s3:PutObject'), 'what the editor would filter out is not sent');
  assert.ok(complete(inStatement('"Action": "S3:|"')).labels.includes('s3:ListBucket'), 'service prefixes are case-insensitive');
});

test('actions: then wildcard forms with how many actions each covers', () => {
  const c = complete(inStatement('"Effect": "Allow", "Action": "s3:|"'));
  const get = c.item('s3:Get*');
  const all = c.item('s3:*');
  const getCount = catalog.matchActions('s3:Get*').length;
  assert.match(get.detail!, new RegExp(`^${getCount} actions \\(`));
  assert.match(all.detail!, new RegExp(`^${catalog.service('s3')!.actions.length} actions`));
  assert.ok(c.item('s3:GetObject').sortText! < get.sortText! && get.sortText! < all.sortText!);
  const typed = complete(inStatement('"Action": "s3:GetObjectA|"'));
  const retention = typed.item('s3:GetObjectA*');
  assert.match(retention.detail!, new RegExp(`^${catalog.matchActions('s3:GetObjectA*').length} actions`));
});

test('actions: actions already in the element are not offered again; the one being edited is', () => {
  const c = complete(inStatement('"Action": [ "s3:GetObject", "S3:putobject", "s3:|" ]'));
  assert.ok(!c.labels.includes('s3:GetObject') && !c.labels.includes('s3:PutObject'));
  assert.ok(c.labels.includes('s3:ListBucket'));
  const editing = complete(inStatement('"Action": [ "s3:GetObj|ect" ]'));
  assert.ok(editing.labels.includes('s3:GetObject'));
});

test('actions: NotAction works the same, in strings and arrays', () => {
  assert.ok(complete(inStatement('"Effect": "Deny", "NotAction": [ "iam:|" ]')).labels.includes('iam:PassRole'));
  assert.ok(complete(inStatement('"Effect": "Deny", "NotAction": "iam:Pa|"')).labels.includes('iam:PassRole'));
});

test('actions: the edit replaces the whole word, including ":" and "*", and filters on any part of the name', () => {
  const star = complete(inStatement('"Action": [ "s3:Get*|" ]'));
  assert.equal(typedWord(star, star.item('s3:Get*')), '"s3:Get*');
  assert.ok(editorKeeps(star, star.item('s3:Get*')));
  assert.ok(applyItem(star.doc, star.item('s3:Get*')).includes('[ "s3:Get*" ]'));
  const part = complete(inStatement('"Action": [ "s3:obj|" ]'));
  assert.ok(editorKeeps(part, part.item('s3:GetObject')), 's3:obj finds s3:GetObject');
  assert.ok(editorKeeps(part, part.item('s3:PutObjectAcl')));
  assert.ok(!part.labels.includes('s3:ListBucket'));
  assert.ok(part.items.every(item => editorKeeps(part, item)));
});

test('actions: no quotes yet: items bring them, and the commas between entries', () => {
  const c = complete(inStatement('"Action": [ "s3:GetObject" | ]'));
  const after = applyItem(c.doc, c.item('s3'));
  assert.ok(after.includes('[ "s3:GetObject", "s3:" ]'));
  const d = complete(inStatement('"Action": [ | "s3:GetObject" ]'));
  assert.ok(applyItem(d.doc, d.item('iam')).includes('[ "iam:", "s3:GetObject" ]'));
  const bare = complete(inStatement('"Action": [ s3:GetObj| ]'));
  assert.ok(applyItem(bare.doc, bare.item('s3:GetObject')).includes('[ "s3:GetObject" ]'));
  assert.ok(editorKeeps(bare, bare.item('s3:GetObject')));
  for (const c2 of [c, d, bare]) for (const item of c2.items) assert.deepEqual(jsonErrors(applyItem(c2.doc, item)), [], item.label);
});

test('actions: a name typed without its service prefix finds the actions of every service', () => {
  const c = complete(inStatement('"Action": "AssumeRo|"'));
  assert.ok(c.labels.includes('sts:AssumeRole') && c.labels.includes('sts:AssumeRoleWithWebIdentity'));
  assert.ok(c.item('sts:AssumeRole').sortText! < c.item('iam:UpdateAssumeRolePolicy').sortText!, 'names that start so first');
  assert.ok(applyItem(c.doc, c.item('sts:AssumeRole')).includes('"Action": "sts:AssumeRole"'));
  assert.ok(editorKeeps(c, c.item('sts:AssumeRole')));
  const prefix = complete(inStatement('"Action": "cloudfor|"'));
  assert.ok(prefix.labels.includes('cloudformation') && !prefix.labels.some(l => l.includes(':')), 'a service prefix being typed');
  const { doc, offset } = parseAtCursor(inStatement('"Action": "Describ|"'));
  assert.ok(doComplete(doc, offset, catalog, withDefaults(undefined)).isIncomplete, 'a long result is cut short and marked incomplete');
});

test('actions: a service with very many actions gets a cut list, marked incomplete, wildcard forms kept', () => {
  const ec2 = parseAtCursor(inStatement('"Action": "ec2:|"'));
  const list = doComplete(ec2.doc, ec2.offset, catalog, withDefaults(undefined));
  assert.ok(list.isIncomplete);
  assert.ok(list.items.length < catalog.service('ec2')!.actions.length);
  assert.ok(list.items.some(i => i.label === 'ec2:Describe*') && list.items.some(i => i.label === 'ec2:*'));
  const narrow = parseAtCursor(inStatement('"Action": "ec2:DescribeInst|"'));
  const narrowList = doComplete(narrow.doc, narrow.offset, catalog, withDefaults(undefined));
  assert.ok(!narrowList.isIncomplete && narrowList.items.some(i => i.label === 'ec2:DescribeInstances'));
});

test('actions: an unknown service prefix offers nothing', () => {
  assert.deepEqual(complete(inStatement('"Action": "nosuchservice:|"')).items, []);
});
