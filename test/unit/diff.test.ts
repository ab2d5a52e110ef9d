// "What does this change grant?": pairs of policies whose answer is known, written here (narrowing,
// broadening, a condition removed, NotAction, a wider resource, a Deny removed, ...) and real AWS
// managed policies from the shared corpus (a read-only policy and its full-access sibling, and
// retired policies with the ones that replaced them).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { addsAtOrAbove, diffPolicies, diffPolicy, type AccessDelta, type DeltaEntry, type PolicyDiff } from '../../server/src/features/diff/compare';
import { formatDiffMarkdown, formatDiffText } from '../../server/src/features/diff/format';
import { summarizePolicy } from '../../server/src/features/summary';
import type { PolicyKind } from '../../server/src/policy/model';
import { parsePolicy } from '../../server/src/policy/parse';
import { CORPUS_DIR } from '../helpers/corpus';

const catalog = getCatalog();
const policy = (statements: object[], kind?: PolicyKind) =>
  parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2), 'file:///p.json', { languageId: 'iam-policy', kind });
const compare = (before: object[], after: object[], kind?: PolicyKind): PolicyDiff => diffPolicy('p.json', policy(before, kind), policy(after, kind), catalog);

const actionsOf = (delta: AccessDelta) => [...new Set(delta.entries.flatMap(e => e.actions))].sort();
const only = (delta: AccessDelta): DeltaEntry => {
  assert.equal(delta.entries.length, 1, JSON.stringify(delta.entries.map(e => [e.change, e.actions.slice(0, 3)])));
  return delta.entries[0];
};

const GET = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' };

test('no change: the same policy, or the same grant written otherwise (split, merged, reordered)', () => {
  assert.equal(compare([GET], [GET]).status, 'unchanged');
  const split = [
    { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::a/*' },
    { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
  ];
  const merged = [{ Effect: 'Allow', Action: ['s3:getobject'], Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::a/*'] }];
  const diff = compare(split, merged);
  assert.equal(diff.status, 'unchanged');
  assert.deepEqual(diff.added.entries, []);
  assert.deepEqual(diff.removed.entries, []);
});

test('broadening: new actions are added, certain, with the statement responsible', () => {
  const diff = compare([GET], [{ ...GET, Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'] }]);
  const entry = only(diff.added);
  assert.equal(entry.change, 'action');
  assert.equal(entry.via, 'Allow');
  assert.ok(entry.certain);
  assert.deepEqual(entry.actions, ['s3:DeleteObject', 's3:PutObject']);
  assert.equal(entry.levels.Write, 2);
  assert.equal(entry.statement.side, 'new');
  assert.equal(entry.statement.index, 0);
  assert.deepEqual(entry.resources, ['arn:aws:s3:::bucket/*']);
  assert.deepEqual(diff.removed.entries, []);
  assert.deepEqual(
    diff.added.services.map(s => [s.prefix, s.actions.Write]),
    [['s3', ['DeleteObject', 'PutObject']]],
  );
});

test('narrowing: fewer actions and a narrower resource are removed access, nothing added', () => {
  const diff = compare([{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }], [GET]);
  assert.deepEqual(diff.added.entries, []);
  assert.equal(diff.status, 'changed');
  const narrower = diff.removed.entries.find(e => e.change === 'narrower')!;
  assert.deepEqual(narrower.actions, ['s3:GetObject']);
  assert.deepEqual(narrower.dimensions, ['resource']);
  assert.equal(narrower.statement.side, 'old');
  const gone = diff.removed.entries.find(e => e.change === 'action')!;
  assert.ok(gone.actions.includes('s3:GetBucketPolicy') && !gone.actions.includes('s3:GetObject'));
});

test('a resource wildcard widened is added access on the wider resource', () => {
  const before = [{ ...GET, Resource: 'arn:aws:s3:::bucket/logs/*' }];
  const entry = only(compare(before, [GET]).added);
  assert.equal(entry.change, 'wider');
  assert.deepEqual(entry.dimensions, ['resource']);
  assert.ok(entry.certain);
  assert.deepEqual(entry.resources, ['arn:aws:s3:::bucket/*']);
  // the other way round, and a wildcard inside a segment: narrower, nothing added
  assert.deepEqual(compare([GET], before).added.entries, []);
  assert.deepEqual(compare([{ ...GET, Resource: 'arn:aws:s3:::*' }], [{ ...GET, Resource: 'arn:aws:s3:::bucket-?/*' }]).added.entries, []);
  // an ARN is case-sensitive: another case is another resource
  assert.equal(only(compare([GET], [{ ...GET, Resource: 'arn:aws:s3:::BUCKET/*' }]).added).dimensions[0], 'resource');
});

test('a condition removed is added access, certain; one added is removed access', () => {
  const conditioned = [{ ...GET, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }];
  const entry = only(compare(conditioned, [GET]).added);
  assert.equal(entry.change, 'wider');
  assert.deepEqual(entry.dimensions, ['condition']);
  assert.ok(entry.certain);
  assert.deepEqual(entry.conditions, [{ key: 'aws:PrincipalOrgID', operator: 'StringEquals', how: 'removed' }]);
  const removed = compare([GET], conditioned);
  assert.deepEqual(removed.added.entries, []);
  assert.equal(only(removed.removed).change, 'narrower');
});

test('conditions: looser values are certain, other changes possible, stricter ones add nothing', () => {
  const withValues = (operator: string, key: string, values: unknown) => [{ ...GET, Condition: { [operator]: { [key]: values } } }];
  // more values of a positive operator: looser
  const relaxed = only(compare(withValues('StringEquals', 'aws:SourceVpc', ['vpc-1']), withValues('StringEquals', 'aws:SourceVpc', ['vpc-1', 'vpc-2'])).added);
  assert.ok(relaxed.certain);
  assert.equal(relaxed.conditions[0].how, 'relaxed');
  // fewer values of a negated operator: looser
  assert.equal(
    only(compare(withValues('StringNotEquals', 'aws:SourceVpc', ['vpc-1', 'vpc-2']), withValues('StringNotEquals', 'aws:SourceVpc', ['vpc-1'])).added)
      .conditions[0].how,
    'relaxed',
  );
  // another value: possible (reported, not missed)
  const changed = only(compare(withValues('StringEquals', 'aws:SourceVpc', 'vpc-1'), withValues('StringEquals', 'aws:SourceVpc', 'vpc-2')).added);
  assert.equal(changed.certain, false);
  assert.equal(changed.conditions[0].how, 'changed');
  // another operator on the same key: possible
  assert.equal(only(compare(withValues('StringEquals', 'aws:SourceVpc', 'vpc-1'), withValues('StringLike', 'aws:SourceVpc', 'vpc-*')).added).certain, false);
  // stricter: a pattern inside a pattern, a lower bound, IfExists dropped, one more condition
  assert.deepEqual(compare(withValues('StringLike', 's3:prefix', 'home/*'), withValues('StringLike', 's3:prefix', 'home/alice/*')).added.entries, []);
  assert.deepEqual(compare(withValues('NumericLessThan', 's3:max-keys', '100'), withValues('NumericLessThan', 's3:max-keys', '10')).added.entries, []);
  assert.equal(
    only(compare(withValues('NumericLessThan', 's3:max-keys', '10'), withValues('NumericLessThan', 's3:max-keys', '100')).added).conditions[0].how,
    'relaxed',
  );
  assert.deepEqual(
    compare(withValues('StringEqualsIfExists', 'aws:SourceVpc', 'vpc-1'), withValues('StringEquals', 'aws:SourceVpc', 'vpc-1')).added.entries,
    [],
  );
  const two = [{ ...GET, Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' }, Bool: { 'aws:SecureTransport': 'true' } } }];
  assert.deepEqual(compare(withValues('StringEquals', 'aws:SourceVpc', 'vpc-1'), two).added.entries, []);
});

test('NotAction added: everything but the excluded actions is added', () => {
  const diff = compare([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }], [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]);
  const added = actionsOf(diff.added);
  assert.ok(added.includes('ec2:RunInstances'));
  assert.ok(!added.some(a => a.startsWith('iam:') || a.startsWith('s3:')));
  assert.ok(diff.added.entries.every(e => e.change === 'action' && e.certain));
  assert.deepEqual(diff.removed.entries, []);
  assert.ok(addsAtOrAbove({ dataDate: '', policies: [diff] }, 'Permissions management'));
});

test('a Deny removed (or narrowed) is added access; a Deny added is removed access', () => {
  const allowAll = { Effect: 'Allow', Action: 's3:*', Resource: '*' };
  const deny = { Sid: 'NoDelete', Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' };
  const lifted = only(compare([allowAll, deny], [allowAll]).added);
  assert.equal(lifted.via, 'Deny');
  assert.equal(lifted.change, 'action');
  assert.deepEqual(lifted.actions, ['s3:DeleteBucket']);
  assert.equal(lifted.statement.side, 'old');
  assert.equal(lifted.statement.sid, 'NoDelete');
  const imposed = compare([allowAll], [allowAll, deny]);
  assert.deepEqual(imposed.added.entries, []);
  assert.equal(only(imposed.removed).via, 'Deny');
  // a Deny with a condition added applies to less: what it blocked may be allowed again
  const narrowed = only(compare([deny], [{ ...deny, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }]).added);
  assert.equal(narrowed.change, 'narrower');
  assert.deepEqual(narrowed.dimensions, ['condition']);
  // an SCP of Deny statements only: removing one lifts the guardrail
  assert.equal(only(compare([deny], [], 'scp').added).via, 'Deny');
});

test('an Allow that an unconditional Deny blocks adds nothing', () => {
  const diff = compare(
    [],
    [
      { Effect: 'Allow', Action: 's3:*', Resource: '*' },
      { Effect: 'Deny', Action: 's3:Delete*', Resource: '*' },
    ],
  );
  const added = actionsOf(diff.added);
  assert.ok(added.includes('s3:GetObject'));
  assert.ok(!added.some(a => a.startsWith('s3:Delete')));
});

test('a principal widened in a resource policy is added access', () => {
  const grant = (principal: unknown) => [{ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }];
  const entry = only(compare(grant({ AWS: 'arn:aws:iam::111122223333:role/reader' }), grant('*'), 'resource').added);
  assert.deepEqual(entry.dimensions, ['principal']);
  assert.deepEqual(entry.principals, ['*']);
  // a role inside the account that was trusted: narrower
  assert.deepEqual(compare(grant({ AWS: '111122223333' }), grant({ AWS: 'arn:aws:iam::111122223333:role/reader' }), 'resource').added.entries, []);
  assert.equal(only(compare(grant({ AWS: '111122223333' }), grant({ AWS: '444455556666' }), 'resource').added).dimensions[0], 'principal');
});

test('NotResource: a Resource inside "all but" is covered; anything unsure is possible', () => {
  const notSecret = [{ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' }];
  assert.deepEqual(compare(notSecret, [GET]).added.entries, []);
  const entry = only(compare([GET], notSecret).added);
  assert.equal(entry.certain, false);
  assert.deepEqual(entry.resources, ['NotResource: arn:aws:s3:::secret/*']);
});

test('unknown action names newly allowed are a possible addition at an unknown level', () => {
  const diff = compare([GET], [GET, { Effect: 'Allow', Action: 'madeup:DoThing', Resource: '*' }]);
  assert.deepEqual(diff.added.unknownActions, ['madeup:dothing']);
  assert.ok(addsAtOrAbove({ dataDate: '', policies: [diff] }, 'Permissions management'));
});

test('policies matched by id: added and removed policies, --fail-on-added levels', () => {
  const report = diffPolicies(
    [
      { id: 'a.json', doc: policy([GET]) },
      { id: 'gone.json', doc: policy([GET]) },
    ],
    [
      { id: 'a.json', doc: policy([GET]) },
      { id: 'new.json', doc: policy([{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }]) },
    ],
    catalog,
  );
  assert.deepEqual(
    report.policies.map(p => [p.id, p.status]),
    [
      ['a.json', 'unchanged'],
      ['new.json', 'added'],
      ['gone.json', 'removed'],
    ],
  );
  assert.ok(addsAtOrAbove(report, 'Write'));
  assert.ok(!addsAtOrAbove(report, 'Permissions management'));
  const markdown = formatDiffMarkdown(report);
  assert.match(markdown, /### `new\.json`: new policy/);
  assert.match(markdown, /\| Amazon S3 \(`s3`\) \| — \| — \| \+1 \| — \| — \|/);
  assert.match(markdown, /newly allows 1 Write action \(on `\*`\): `s3:PutObject`/);
  assert.ok(!markdown.includes('a.json'), 'unchanged policies are left out');
  assert.match(formatDiffText(report), /gone\.json: policy removed/);
});

// ---- real pairs: AWS managed policies ----

const managed = (name: string, dir = 'aws-managed') => {
  const path = join(CORPUS_DIR, dir, `${name}.json`);
  return parsePolicy(readFileSync(path, 'utf8'), `file://${path}`, { languageId: 'iam-policy' });
};

test('AmazonS3ReadOnlyAccess -> AmazonS3FullAccess adds Write and Permissions management in S3, removes nothing', () => {
  const diff = diffPolicy('s3', managed('AmazonS3ReadOnlyAccess'), managed('AmazonS3FullAccess'), catalog);
  const s3 = diff.added.services.find(s => s.prefix === 's3')!;
  assert.ok(s3.actions.Write.includes('PutObject') && s3.actions['Permissions management'].includes('PutBucketPolicy'));
  assert.ok(!s3.actions.Read.includes('GetObject'), 'reads were granted already');
  assert.ok(diff.added.entries.every(e => e.certain));
  assert.deepEqual(
    diff.removed.services.filter(s => s.prefix === 's3'),
    [],
  );
  // the way back removes exactly what the way there added
  const back = diffPolicy('s3', managed('AmazonS3FullAccess'), managed('AmazonS3ReadOnlyAccess'), catalog);
  assert.deepEqual(actionsOf(back.removed), actionsOf(diff.added));
  assert.deepEqual(actionsOf(back.added), actionsOf(diff.removed));
});

test('retired managed policies and their successors: the mirror property holds', () => {
  for (const [retired, successor] of [
    ['AWSLambdaReadOnlyAccess', 'AWSLambda_ReadOnlyAccess'],
    ['AWSLambdaFullAccess', 'AWSLambda_FullAccess'],
  ]) {
    const there = diffPolicy(successor, managed(retired, 'aws-managed-deprecated'), managed(successor), catalog);
    const back = diffPolicy(successor, managed(successor), managed(retired, 'aws-managed-deprecated'), catalog);
    assert.equal(there.status, 'changed', successor);
    assert.deepEqual(actionsOf(back.removed), actionsOf(there.added), successor);
    assert.deepEqual(actionsOf(back.added), actionsOf(there.removed), successor);
  }
});

test('corpus: each managed policy against nothing adds exactly what its access summary allows; against itself, nothing', () => {
  const names = [
    'AdministratorAccess',
    'ReadOnlyAccess',
    'PowerUserAccess',
    'AmazonS3FullAccess',
    'AWSLambda_FullAccess',
    'SecurityAudit',
    'AmazonEC2FullAccess',
    'IAMFullAccess',
  ];
  for (const name of names) {
    const doc = managed(name);
    const summary = summarizePolicy(doc, catalog);
    const listed = new Set(summary.allow.services.map(s => s.prefix));
    const expected = [
      ...summary.allow.services.flatMap(s =>
        Object.values(s.actions)
          .flat()
          .map(a => `${s.prefix}:${a}`),
      ),
      ...(summary.allow.allOtherServices
        ? catalog
            .services()
            .filter(s => !listed.has(s.prefix))
            .flatMap(s => s.actions.map(a => `${a.service}:${a.name}`))
        : []),
    ];
    const denied = (a: string) =>
      summary.deny.services.some(
        s =>
          a.startsWith(`${s.prefix}:`) &&
          Object.values(s.actions)
            .flat()
            .includes(a.slice(s.prefix.length + 1)),
      );
    const fromNothing = diffPolicy(name, undefined, doc, catalog);
    assert.deepEqual(actionsOf(fromNothing.added), [...new Set(expected.filter(a => !denied(a)))].sort(), name);
    assert.equal(diffPolicy(name, doc, managed(name), catalog).status, 'unchanged', name);
  }
});

test('a policy of thousands of statements is compared whole, as possible changes, not one by one (no hang)', () => {
  const many = (n: number, extra: object[] = []) => [...Array.from({ length: n }, (_, i) => ({ ...GET, Resource: `arn:aws:s3:::bucket-${i}/*` })), ...extra];
  const diff = compare(many(3000), many(3000, [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }]));
  assert.match(diff.notes.join(' '), /Too many statements to compare one by one \(3000 and 3001\)/);
  assert.ok(diff.added.entries.length > 0 && diff.added.entries.every(e => !e.certain));
  assert.ok(actionsOf(diff.added).includes('iam:PassRole'));
  // a few hundred statements are still compared one by one
  const some = compare(many(300), many(300, [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }]));
  assert.deepEqual(some.notes, []);
  assert.deepEqual(actionsOf(some.added), ['iam:PassRole']);
});
