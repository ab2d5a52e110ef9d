import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCESS_LEVELS, type AccessLevel } from '../../server/src/catalog/types';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { formatSummaryMarkdown, formatSummaryText, summarizePolicy, type AccessSet } from '../../server/src/features/summary';
import { parse } from '../helpers/cursor';

const catalog = getCatalog();
const summarize = (statements: string) => summarizePolicy(parse(`{"Version": "2012-10-17", "Statement": [${statements}]}`), catalog);
const levelsOf = (pattern: string) => {
  const counts = Object.fromEntries(ACCESS_LEVELS.map(level => [level, 0])) as Record<AccessLevel, number>;
  for (const action of catalog.matchActions(pattern)) counts[action.accessLevel]++;
  return counts;
};
const service = (access: AccessSet, prefix: string) => access.services.find(s => s.prefix === prefix)!;
const counts = (access: AccessSet, prefix: string) => Object.fromEntries(ACCESS_LEVELS.map(level => [level, service(access, prefix).actions[level].length]));

test("the count for s3:Get* equals the catalog's, split by access level", () => {
  const summary = summarize('{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}');
  const s3 = service(summary.statements[0].access, 's3');
  const total = ACCESS_LEVELS.reduce((sum, level) => sum + s3.actions[level].length, 0);
  assert.equal(total, catalog.matchActions('s3:Get*').length);
  assert.deepEqual(counts(summary.statements[0].access, 's3'), levelsOf('s3:Get*'));
  assert.deepEqual(s3.totals, levelsOf('s3:*'));
  assert.equal(s3.full, false);
  assert.equal(s3.name, 'Amazon S3');
});

test('full access marks: service:* and "*"; Permissions management marks', () => {
  const summary = summarize('{"Effect": "Allow", "Action": ["iam:*", "s3:GetObject"], "Resource": "*"}, {"Effect": "Allow", "Action": "*", "Resource": "*"}');
  const [first, second] = summary.statements;
  assert.equal(service(first.access, 'iam').full, true);
  assert.equal(service(first.access, 'iam').permissionsManagement, true);
  assert.equal(service(first.access, 's3').full, false);
  assert.equal(service(first.access, 's3').permissionsManagement, false);
  assert.deepEqual(second.access, { allOtherServices: true, services: [] });
  assert.equal(summary.allow.allOtherServices, true);
  assert.equal(service(summary.allow, 's3').full, true, 'the union with "*" makes every listed service full');
});

test('the policy totals are the union of the Allow statements; Deny is kept apart', () => {
  const summary = summarize(`
    {"Effect": "Allow", "Action": ["s3:Get*", "s3:GetObject"], "Resource": "*"},
    {"Effect": "Allow", "Action": ["s3:GetObject", "s3:Put*"], "Resource": "*"},
    {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"},
    {"Effect": "allow", "Action": "ec2:*", "Resource": "*"}`);
  const union = new Set([...catalog.matchActions('s3:Get*'), ...catalog.matchActions('s3:Put*')]);
  const s3 = service(summary.allow, 's3');
  assert.equal(
    ACCESS_LEVELS.reduce((sum, level) => sum + s3.actions[level].length, 0),
    union.size,
  );
  assert.deepEqual(
    summary.deny.services.map(s => s.prefix),
    ['s3'],
  );
  assert.deepEqual(service(summary.deny, 's3').actions.Write, ['DeleteBucket']);
  assert.equal(summary.statements[3].effect, undefined, 'an invalid Effect counts for neither side');
  assert.equal(
    summary.allow.services.some(s => s.prefix === 'ec2'),
    false,
  );
});

test('NotAction: the complement of the listed actions, and the exclusions', () => {
  const summary = summarize('{"Effect": "Allow", "NotAction": ["iam:*", "s3:Get*"], "Resource": "*"}');
  const [statement] = summary.statements;
  assert.equal(statement.notAction, true);
  assert.equal(statement.access.allOtherServices, true);
  assert.equal(service(statement.access, 'iam').actions.Write.length, 0);
  const s3 = service(statement.access, 's3');
  const s3Total = catalog.matchActions('s3:*').length;
  assert.equal(
    ACCESS_LEVELS.reduce((sum, level) => sum + s3.actions[level].length, 0),
    s3Total - catalog.matchActions('s3:Get*').length,
  );
  assert.deepEqual(
    statement.excluded.map(s => s.prefix),
    ['iam', 's3'],
  );
  assert.equal(service({ allOtherServices: false, services: statement.excluded }, 'iam').full, true);
});

test('resources, conditions, unmatched patterns', () => {
  const summary = summarize(`
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*", "arn:aws:s3:::a/*"], "Condition": {"Bool": {"aws:SecureTransport": "true"}}},
    {"Effect": "Deny", "Action": ["s3:Nope*", "s3:PutObject"], "NotResource": "arn:aws:s3:::a/*"},
    {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}`);
  const [first, second, third] = summary.statements;
  assert.deepEqual(first.resources, { element: 'Resource', all: false, resources: ['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*'] });
  assert.equal(first.conditional, true);
  assert.deepEqual(second.resources.element, 'NotResource');
  assert.deepEqual(second.unmatched, ['s3:Nope*']);
  assert.equal(third.resources.element, 'none');
  assert.equal(summary.resourceCount, 2);
});

test('markdown: a table of services x access levels with the actions behind each cell', () => {
  const summary = summarize('{"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "iam:PassRole", "s3:*Tagging"], "Resource": "*"}');
  const markdown = formatSummaryMarkdown(summary);
  assert.ok(markdown.includes('| Service | List | Read | Write | Permissions management | Tagging |'));
  const tagging = levelsOf('s3:*Tagging');
  assert.ok(markdown.includes(`| Amazon S3 (\`s3\`) | — | ${tagging.Read + 1} of ${levelsOf('s3:*').Read} |`));
  assert.ok(markdown.includes('- Write (1): `PassRole`'));
  assert.ok(markdown.includes('### 1. `Read` — Allow · iam: 1 Write; s3: '));
});

test('text for the CLI: the table and one line per statement', () => {
  const summary = summarize(
    '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}, {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}',
  );
  const text = formatSummaryText(summary);
  const read = levelsOf('s3:*').Read;
  assert.match(text, new RegExp(`^  s3 +- +1/${read} +- +- +-$`, 'm'));
  assert.match(text, /^Denied:$/m);
  assert.match(text, /^  iam ⚠ +\d+\/\d+/m);
  assert.match(text, /^  1\. Allow · s3: 1 Read · on 1 resource$/m);
  assert.match(text, /^  2\. Deny · iam: Full access ⚠ · on all resources$/m);
});
