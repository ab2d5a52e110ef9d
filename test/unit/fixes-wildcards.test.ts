// Wildcards and explicit actions: expansion, the access-level choices for `service:*` and `*`, and
// the shortest patterns that match exactly a set of actions (checked against the catalog).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import type { ActionInfo } from '../../server/src/catalog/types';
import { shortestPatterns } from '../../server/src/features/fixes/wildcards';
import { actionName } from '../../server/src/analysis/statementFacts';
import { applyFix, codes, diagnose, fixed, fixesFor, fixesOf, refactored, refactorsAt } from '../helpers/fixes';

const catalog = getCatalog();
const policy = (action: string, resource = '"*"') => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":${action},"Resource":${resource}}]}`;
const actionsOf = (text: string) => (JSON.parse(text) as { Statement: Array<{ Action: string | string[] }> }).Statement[0].Action;

test('shortest patterns match exactly the chosen actions, for random choices in several services', () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const prefix of ['s3', 'ec2', 'iam', 'sqs', 'dynamodb', 'kms']) {
    const all = catalog.service(prefix)!.actions;
    for (let round = 0; round < 6; round++) {
      const share = [0.05, 0.3, 0.7, 0.95][round % 4];
      const chosen = all.filter(() => random() < share);
      if (chosen.length === 0) continue;
      const patterns = shortestPatterns(catalog, chosen);
      const matched = new Set(patterns.flatMap(p => catalog.matchActions(p)).map(actionName));
      assert.deepEqual([...matched].sort(), chosen.map(actionName).sort(), `${prefix}: ${patterns.join(' ')}`);
      assert.ok(patterns.length <= chosen.length);
    }
  }
});

test('shortest patterns: whole words where they match the same set, the service wildcard for a whole service', () => {
  const s3 = catalog.service('s3')!.actions;
  const pick = (test: (a: ActionInfo) => boolean) => shortestPatterns(catalog, s3.filter(test));
  assert.deepEqual(
    pick(a => a.name.startsWith('GetObject')),
    ['s3:GetObject*'],
  );
  assert.deepEqual(
    pick(a => a.name === 'GetObject'),
    ['s3:GetObject'],
  );
  assert.deepEqual(
    pick(() => true),
    ['s3:*'],
  );
});

test('a list of actions shortens to wildcards (a refactoring), and only when that is shorter', () => {
  const names = catalog
    .service('sqs')!
    .actions.filter(a => a.name.startsWith('List'))
    .map(actionName);
  const marked = policy(JSON.stringify(names)).replace('"sqs:List', '"sqs:|List');
  const after = refactored(marked, /^Shorten/);
  assert.deepEqual(actionsOf(after), 'sqs:List*');
  const { doc } = diagnose(policy('["s3:GetObject","s3:PutObject"]'));
  assert.deepEqual(
    refactorsAt(doc, doc.text.indexOf('s3:Get')).filter(a => a.title.startsWith('Shorten')),
    [],
  );
});

test('a wildcard expands into its actions, in place in the list', () => {
  const after = refactored(policy('["s3:PutObject","s3:GetObjectVersion|*"]'), /^Expand/);
  const expected = catalog.matchActions('s3:GetObjectVersion*').map(actionName).sort();
  assert.deepEqual(actionsOf(after), ['s3:PutObject', ...expected]);
});

test('IAM401: `sqs:*` gets one fix per set of access levels it has (SQS has no List actions), then the full expansion; none preferred', () => {
  const text = policy('"sqs:*"', '"arn:aws:sqs:us-east-1:111122223333:q"');
  const { fixes } = fixesOf(text, 'IAM401');
  const sqs = catalog.service('sqs')!.actions;
  const count = (...levels: string[]) => sqs.filter(a => levels.includes(a.accessLevel)).length;
  assert.equal(count('List'), 0);
  assert.deepEqual(
    fixes.map(f => f.title),
    [
      `Replace "sqs:*" with read-only actions (List + Read): ${count('List', 'Read')}`,
      `Replace "sqs:*" with List, Read and Write actions: ${count('List', 'Read', 'Write')}`,
      `Replace "sqs:*" with all but Permissions management actions: ${count('List', 'Read', 'Write', 'Tagging')}`,
      `Expand "sqs:*" into its ${sqs.length} actions`,
    ],
  );
  assert.ok(fixes.every(f => !f.isPreferred));
  const readOnly = actionsOf(fixed(text, 'IAM401', /read-only/)) as string[];
  const levels = new Set(readOnly.map(name => catalog.action('sqs', name.slice(4))!.accessLevel));
  assert.deepEqual([...levels], ['Read']);
  assert.ok(!codes(fixed(text, 'IAM401', /read-only/)).includes('IAM401'));
});

test('`*` offers access-level choices for the services of the statement\'s ARNs, and nothing on "*"', () => {
  const after = refactored(policy('"|*"', '"arn:aws:sqs:us-east-1:111122223333:q"'), /read-only/);
  assert.ok((actionsOf(after) as string[]).every(name => name.startsWith('sqs:')));
  const { doc } = diagnose(policy('"*"'));
  assert.deepEqual(
    refactorsAt(doc, doc.text.indexOf('"*"') + 1).map(a => a.title),
    [],
  );
});

test('titles count what they offer: one action or pattern in the singular', () => {
  const { doc } = diagnose(policy('["sqs:SendMessage*"]'));
  assert.deepEqual(
    refactorsAt(doc, doc.text.indexOf('sqs:Send')).map(a => [a.title, a.kind, actionsOf(applyFix(doc, a))]),
    [['Expand "sqs:SendMessage*" into its 1 action', 'refactor.rewrite', ['sqs:SendMessage']]],
  );
  const two = diagnose(policy('["sqs:ListQueueTags","sqs:ListQueues"]')).doc;
  assert.deepEqual(
    refactorsAt(two, two.text.indexOf('sqs:ListQueueT'))
      .filter(a => !a.title.startsWith('Split'))
      .map(a => [a.title, actionsOf(applyFix(two, a))]),
    [['Shorten the 2 actions to 1 wildcard pattern that matches exactly the same actions', 'sqs:ListQueue*']],
  );
  const withOthers = diagnose(policy('["sqs:ListQueueTags","sqs:ListQueues","sqs:Foo*","*"]')).doc;
  assert.deepEqual(
    refactorsAt(withOthers, withOthers.text.indexOf('sqs:ListQueueT'))
      .filter(a => !a.title.startsWith('Split'))
      .map(a => [a.title, actionsOf(applyFix(withOthers, a))]),
    [['Shorten the 4 actions to 3 wildcard patterns that match exactly the same actions', ['sqs:Foo*', '*', 'sqs:ListQueue*']]],
    'what matches nothing, and "*", are kept as they are',
  );
});

test('a wildcard expands into its actions sorted; no expansion of "*", of a name, of what matches nothing', () => {
  const { doc } = diagnose(policy('["sqs:*Message"]'));
  assert.deepEqual(
    refactorsAt(doc, doc.text.indexOf('sqs:*M')).map(a => [a.title, actionsOf(applyFix(doc, a))]),
    [['Expand "sqs:*Message" into its 3 actions', ['sqs:DeleteMessage', 'sqs:ReceiveMessage', 'sqs:SendMessage']]],
    'not the access levels: "sqs:*Message" is not the whole service',
  );
  for (const action of ['"sqs:SendMessage"', '"sqs:Foo*"']) {
    const plain = diagnose(policy(action)).doc;
    assert.deepEqual(
      refactorsAt(plain, plain.text.indexOf(action) + 1).map(a => a.title),
      [],
      action,
    );
  }
});

test('`sqs:**` is the whole service too; a multi-line statement gets a multi-line list', () => {
  const { doc } = diagnose(policy('["sqs:**"]'));
  assert.deepEqual(
    refactorsAt(doc, doc.text.indexOf('sqs:**')).map(a => a.title.replace(/: \d+$/, '')),
    [
      'Replace "sqs:**" with read-only actions (List + Read)',
      'Replace "sqs:**" with List, Read and Write actions',
      'Replace "sqs:**" with all but Permissions management actions',
      `Expand "sqs:**" into its ${catalog.service('sqs')!.actions.length} actions`,
    ],
  );
  const lines =
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["sqs:ListQueueTags", "sqs:ListQueues", "sqs:GetQueueUrl"],\n      "Resource": "*"\n    }\n  ]\n}';
  assert.equal(
    refactored(lines.replace('"sqs:ListQueueT', '"sqs:|ListQueueT'), /^Shorten/),
    lines.replace('["sqs:ListQueueTags", "sqs:ListQueues", "sqs:GetQueueUrl"]', '[\n        "sqs:GetQueueUrl",\n        "sqs:ListQueue*"\n      ]'),
  );
});

test('`*` gets access-level choices only when every resource is an ARN of a known service, each service once', () => {
  const titles = (resource: string) => {
    const { doc } = diagnose(policy('"*"', resource));
    return refactorsAt(doc, doc.text.indexOf('"*"') + 1).map(a => a.title);
  };
  const sqs = catalog.service('sqs')!.actions;
  const readOnly = sqs.filter(a => a.accessLevel === 'List' || a.accessLevel === 'Read').length;
  assert.deepEqual(
    titles('["arn:aws:sqs:us-east-1:111122223333:q","arn:aws:sqs:us-east-1:111122223333:r"]')[0],
    `Replace "*" with read-only actions (List + Read): ${readOnly}`,
  );
  assert.deepEqual(titles('["arn:aws:sqs:us-east-1:111122223333:q","arn:aws:nosuch:us-east-1:111122223333:r"]'), []);
  assert.deepEqual(titles('["arn:aws:sqs:us-east-1:111122223333:q","*"]'), []);
  assert.deepEqual(titles('[]'), []);
});

test('IAM401: fixes only for IAM401, on its own item, and none for a stale finding', () => {
  const text = policy('["sqs:GetQueueUrl","sqs:*"]', '"arn:aws:sqs:us-east-1:111122223333:q"');
  const { doc, diagnostics } = diagnose(text);
  const diagnostic = diagnostics.find(d => d.code === 'IAM401')!;
  assert.equal(fixesFor(doc, diagnostic).length, 4);
  assert.deepEqual(
    fixesFor(doc, diagnostic).map(f => [f.kind, f.isPreferred]),
    Array(4).fill(['quickfix', false]),
  );
  assert.match(
    applyFix(doc, fixesFor(doc, diagnostic)[0]),
    /^\{"Version":"2012-10-17","Statement":\[\{"Effect":"Allow","Action":\["sqs:GetQueueUrl","sqs:GetQueueAttributes",/,
  );
  assert.deepEqual(fixesFor(doc, { ...diagnostic, code: 'IAM400' }), []);
  const stale = diagnose(text.replace('"sqs:GetQueueUrl","sqs:*"', '"sqs:GetQueueUrl"        ')).doc;
  assert.deepEqual(fixesFor(stale, diagnostic), []);
});

test('the shortened list keeps a one-line statement on one line; no shortening with an item that is no string; access levels only in Action', () => {
  const { doc } = diagnose(policy('["sqs:ListQueueTags","sqs:ListQueues","sqs:Foo*","*"]'));
  const shorten = refactorsAt(doc, doc.text.indexOf('sqs:ListQueueT')).find(a => a.title.startsWith('Shorten'))!;
  assert.equal(applyFix(doc, shorten), policy('["sqs:Foo*","*","sqs:ListQueue*"]'));
  const invalid = diagnose(policy('["sqs:ListQueueTags","sqs:ListQueues",1]')).doc;
  assert.deepEqual(
    refactorsAt(invalid, invalid.text.indexOf('sqs:ListQueueT')).filter(a => a.title.startsWith('Shorten')),
    [],
  );
  for (const [text, at] of [
    ['{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"sqs:*","Resource":"*"}]}', 'sqs:*'],
    [policy('"abc:sqs:*"'), 'abc:sqs'],
  ]) {
    const other = diagnose(text).doc;
    assert.deepEqual(
      refactorsAt(other, other.text.indexOf(at)).filter(a => a.title.startsWith('Replace')),
      [],
      text,
    );
  }
});
