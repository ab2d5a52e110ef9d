// Narrowing a broad resource (IAM402 / IAM407 "*", IAM403 an ARN that matches every resource of its type,
// IAM212 an action no resource applies to) to ARN templates, and the snippet that goes with them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import type { ResourceTypeInfo } from '../../server/src/catalog/types';
import { typeNames, valuesOfArns } from '../../server/src/features/fixes/arnTemplates';
import type { InsertSnippetArgs } from '../../server/src/protocol/snippet';
import { applyFix, codes, diagnose, fixed, fixesFor, fixesOf, resolveSnippet, snippetProblem } from '../helpers/fixes';

const policy = (statement: string, extra = '') => `{
  "Version": "2012-10-17",
  "Statement": [
    ${statement}${extra}
  ]
}`;

test('"*" for s3:GetObject becomes the object ARN with visible placeholders', () => {
  const text = policy('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }');
  const after = fixed(text, 'IAM407', /^Narrow/);
  assert.match(after, /"Resource": "arn:aws:s3:::<bucket-name>\/<object-name>"/);
  assert.ok(!codes(after).includes('IAM407'));
  assert.ok(codes(after).includes('IAM090'), 'the placeholder is pointed at');
});

test('the narrowing title names the resource types; it is preferred only when the document fills every placeholder', () => {
  const { fixes } = fixesOf(policy('{ "Effect": "Allow", "Action": ["dynamodb:Query", "dynamodb:GetItem"], "Resource": "*" }'), 'IAM407');
  assert.deepEqual(
    fixes.map(f => [f.title, f.isPreferred]),
    [['Narrow "*" to ARNs of the resources the actions need (table)', false]],
  );
  const filled = policy(
    '{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }',
    ',\n    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/2024/summary.csv" }',
  );
  assert.deepEqual(
    fixesOf(filled, 'IAM407').fixes.map(f => [f.title, f.isPreferred]),
    [['Narrow "*" to ARNs of the resources the actions need (object)', true]],
  );
});

test('values the document already uses fill the placeholders: partition, Region, account, bucket', () => {
  const text = policy(
    '{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }',
    ',\n    { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws-cn:s3:::reports" },\n' +
      '    { "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws-cn:sqs:cn-north-1:111122223333:q" }',
  );
  assert.match(fixed(text, 'IAM407', /^Narrow/), /"Resource": "arn:aws-cn:s3:::reports\/<object-name>"/);
  const dynamo = policy(
    '{ "Effect": "Allow", "Action": "dynamodb:Query", "Resource": "*" }',
    ',\n    { "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:eu-west-1:111122223333:q" }',
  );
  assert.match(fixed(dynamo, 'IAM407', /^Narrow/), /"arn:aws:dynamodb:eu-west-1:111122223333:table\/<table-name>"/);
});

test('actions on several resource types get one ARN each, laid out like the statement', () => {
  const text = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": ["s3:ListBucket", "s3:GetObject"],
            "Resource": "*"
        }
    ]
}`;
  const after = fixed(text, 'IAM407', /^Narrow/);
  assert.match(after, /"Resource": \[\n {16}"arn:aws:s3:::<bucket-name>",\n {16}"arn:aws:s3:::<bucket-name>\/<object-name>"\n {12}\]/);
});

test('"*" among ARNs: only "*" is replaced', () => {
  const text = policy('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::a/*", "*"] }');
  assert.match(fixed(text, 'IAM407', /^Narrow/), /\["arn:aws:s3:::a\/\*", "arn:aws:s3:::a\/<object-name>"\]/);
});

test('no narrowing in place when an action needs "*": the split instead', () => {
  const { fixes } = fixesOf(policy('{ "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListAllMyBuckets"], "Resource": "*" }'), 'IAM407');
  assert.ok(!fixes.some(f => f.title.startsWith('Narrow')));
  assert.match(fixes[0]?.title ?? '', /^Split the statement by resource type: object; "\*"/);
});

test('IAM403: an ARN of every log group keeps what it says and names one (never preferred: the wildcard may be meant)', () => {
  const text = policy('{ "Effect": "Allow", "Action": "logs:CreateLogGroup", "Resource": "arn:aws-us-gov:logs:*:*:*" }');
  assert.deepEqual(
    fixesOf(text, 'IAM403').fixes.filter(f => f.isPreferred),
    [],
  );
  const after = fixed(text, 'IAM403', /^Narrow/);
  assert.match(after, /"arn:aws-us-gov:logs:<region>:<account-id>:log-group:<log-group-name>"/);
  assert.ok(!codes(after).includes('IAM403'));
});

test('IAM212: an ARN of the type an action needs is added to the list', () => {
  const text = policy('{ "Effect": "Allow", "Action": ["s3:GetObject", "sqs:SendMessage"], "Resource": "arn:aws:s3:::b/*" }');
  const after = fixed(text, 'IAM212', /^Add an ARN of queue/);
  assert.match(after, /"Resource": \["arn:aws:s3:::b\/\*", "arn:aws:sqs:<region>:<account-id>:<queue-name>"\]/);
});

test("with the client's snippet command, the fix carries it: tab stops on the placeholders, from the start of the line", () => {
  const text = policy('{ "Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetObject"], "Resource": "*" }');
  const { doc, fixes } = fixesOf(text, 'IAM407', { snippets: true });
  const narrow = fixes.find(f => f.title.startsWith('Narrow'))!;
  const args = narrow.command?.arguments?.[0] as InsertSnippetArgs;
  assert.equal(narrow.command?.command, 'iamPolicy.insertSnippet');
  assert.equal(snippetProblem(doc, narrow), undefined);
  assert.equal(doc.text[args.offset - 1], '\n', 'the snippet starts a line');
  assert.match(args.snippet, /"arn:aws:s3:::\$\{1:<bucket-name>\}", "arn:aws:s3:::\$1\/\$\{2:<object-name>\}"/);
  assert.equal(resolveSnippet(args.snippet), args.text);
  assert.equal(fixesOf(text, 'IAM407').fixes.find(f => f.title.startsWith('Narrow'))?.command, undefined, 'no command for clients without it');
});

test('IAM021: a missing Resource comes after the Action, with the ARNs it needs or "*"', () => {
  const text = policy('{ "Effect": "Allow", "Action": "sqs:SendMessage" }');
  const { fixes } = fixesOf(text, 'IAM021');
  assert.deepEqual(
    fixes.map(f => [f.title, f.isPreferred]),
    [
      ['Add "Resource" with ARNs of the resources the actions need (queue)', false],
      ['Add "Resource": "*"', false],
    ],
  );
  assert.match(fixed(text, 'IAM021', /with ARNs/), /"Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:<region>:<account-id>:<queue-name>" \}/);
  const unscoped = policy('{ "Effect": "Allow", "Action": "s3:ListAllMyBuckets" }');
  assert.deepEqual(
    fixesOf(unscoped, 'IAM021').fixes.map(f => [f.title, f.isPreferred]),
    [['Add "Resource": "*"', true]],
  );
});

test('in the snippet, the other Regions and accounts of the document are a choice', () => {
  const text = policy(
    '{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*" }',
    ',\n    { "Effect": "Allow", "Action": "sns:Publish", "Resource": ["arn:aws:sns:eu-west-1:111122223333:a", "arn:aws:sns:us-east-1:444455556666:b"] }',
  );
  const { doc, fixes } = fixesOf(text, 'IAM402', { snippets: true });
  const narrow = fixes.find(f => f.title.startsWith('Narrow'))!;
  const args = narrow.command?.arguments?.[0] as InsertSnippetArgs;
  assert.match(args.snippet, /"arn:aws:sqs:\$\{1\|eu-west-1,us-east-1\|\}:\$\{2\|111122223333,444455556666\|\}:\$\{3:<queue-name>\}/);
  assert.equal(snippetProblem(doc, narrow), undefined);
  assert.match(args.text, /"arn:aws:sqs:eu-west-1:111122223333:<queue-name>/);
});

/** Every fix of the first `code` finding as [title, preferred, text after it]. */
function offered(text: string, code: string): Array<[string, boolean | undefined, string]> {
  const { doc, fixes } = fixesOf(text, code);
  return fixes.map(f => [f.title, f.isPreferred, applyFix(doc, f)]);
}
const one = (statement: string) => `{ "Version": "2012-10-17", "Statement": [ ${statement} ] }`;

test('IAM021: ARNs of two types are a list; after NotAction "*" only; "*" preferred only when every action needs it', () => {
  assert.deepEqual(offered(one('{ "Effect": "Allow", "Action": "ec2:AttachVolume" }'), 'IAM021'), [
    [
      'Add "Resource" with ARNs of the resources the actions need (instance, volume)',
      false,
      one(
        '{ "Effect": "Allow", "Action": "ec2:AttachVolume", "Resource": [ "arn:aws:ec2:<region>:<account-id>:instance/<instance-id>", "arn:aws:ec2:<region>:<account-id>:volume/<volume-id>" ] }',
      ),
    ],
    ['Add "Resource": "*"', false, one('{ "Effect": "Allow", "Action": "ec2:AttachVolume", "Resource": "*" }')],
  ]);
  assert.deepEqual(offered(one('{ "Effect": "Allow", "NotAction": "s3:GetObject", "Sid": "A" }'), 'IAM021'), [
    ['Add "Resource": "*"', false, one('{ "Effect": "Allow", "NotAction": "s3:GetObject", "Resource": "*", "Sid": "A" }')],
  ]);
  assert.deepEqual(offered(one('{ "Effect": "Allow", "Action": ["s3:ListAllMyBuckets", "s3:GetObject"] }'), 'IAM021'), [
    ['Add "Resource": "*"', false, one('{ "Effect": "Allow", "Action": ["s3:ListAllMyBuckets", "s3:GetObject"], "Resource": "*" }')],
  ]);
  const queue = '{ "Effect": "Allow", "Action": "sqs:ReceiveMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:q" }';
  assert.deepEqual(offered(one(`{ "Effect": "Allow", "Action": "sqs:SendMessage" }, ${queue}`), 'IAM021'), [
    [
      'Add "Resource" with ARNs of the resources the actions need (queue)',
      true,
      one(`{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:q" }, ${queue}`),
    ],
    ['Add "Resource": "*"', false, one(`{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*" }, ${queue}`)],
  ]);
});

test('IAM212: an action of two resource types gets both ARNs', () => {
  assert.deepEqual(offered(one('{ "Effect": "Allow", "Action": ["s3:GetObject", "ec2:AttachVolume"], "Resource": "arn:aws:s3:::b/*" }'), 'IAM212')[0], [
    'Add ARNs of instance, volume for "ec2:AttachVolume" to Resource',
    false,
    one(
      '{ "Effect": "Allow", "Action": ["s3:GetObject", "ec2:AttachVolume"], "Resource": ["arn:aws:s3:::b/*", "arn:aws:ec2:<region>:<account-id>:instance/<instance-id>", "arn:aws:ec2:<region>:<account-id>:volume/<volume-id>"] }',
    ),
  ]);
});

test('IAM407: no narrowing for more resource types than one step should take (s3:Get*)', () => {
  assert.deepEqual(
    fixesOf(one('{ "Effect": "Allow", "Action": "s3:Get*", "Resource": "*" }'), 'IAM407').fixes.filter(f => f.title.startsWith('Narrow')),
    [],
  );
});

test('IAM403: the title names the type, "resource" when the finding does not say; nothing without the format', () => {
  const text = one('{ "Effect": "Allow", "Action": "logs:CreateLogGroup", "Resource": "arn:aws:logs:*:*:*" }');
  const after = one('{ "Effect": "Allow", "Action": "logs:CreateLogGroup", "Resource": "arn:aws:logs:<region>:<account-id>:log-group:<log-group-name>" }');
  assert.deepEqual(offered(text, 'IAM403'), [['Narrow to one log-group: arn:aws:logs:<region>:<account-id>:log-group:<log-group-name>', false, after]]);
  const { doc, diagnostics } = diagnose(text);
  const finding = diagnostics.find(d => d.code === 'IAM403')!;
  const { arnFormat } = finding.data as { arnFormat: string };
  assert.deepEqual(
    fixesFor(doc, { ...finding, data: { arnFormat } }).map(f => f.title),
    ['Narrow to one resource: arn:aws:logs:<region>:<account-id>:log-group:<log-group-name>'],
  );
  assert.deepEqual(fixesFor(doc, { ...finding, data: undefined }), []);
});

test('a stale narrowing finding (the text changed under it) gets no fix, and no crash', () => {
  const cases: Array<[string, string, string]> = [
    [one('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }'), 'IAM407', '"*"'],
    // (on another ARN in its place, IAM403's fix still writes the format its finding carries)
    [one('{ "Effect": "Allow", "Action": "logs:CreateLogGroup", "Resource": "arn:aws:logs:*:*:*" }'), 'IAM403', ''],
    [one('{ "Effect": "Allow", "Action": ["s3:GetObject", "sqs:SendMessage"], "Resource": "arn:aws:s3:::b/*" }'), 'IAM212', '"sqs:SendMessage"'],
    [one('{ "Effect": "Allow", "Action": "sqs:SendMessage" }'), 'IAM021', ''],
  ];
  for (const [text, code, value] of cases) {
    const finding = diagnose(text).diagnostics.find(d => d.code === code)!;
    assert.ok(finding, code);
    const blank = `{${' '.repeat(text.length - 2)}}`;
    assert.deepEqual(fixesFor(diagnose(blank).doc, finding), [], `${code} on a blank text`);
    if (value) {
      // the same place now holds another value of the same length
      const other = text.replace(value, `"${'x'.repeat(value.length - 2)}"`);
      assert.deepEqual(
        fixesFor(diagnose(other).doc, finding).filter(f => !f.title.startsWith('Split')),
        [],
        `${code} on another value`,
      );
    }
  }
});

test('typeNames: at most four names, each once; valuesOfArns: the first ARN to give a value wins', () => {
  const type = (name: string) => ({ name }) as ResourceTypeInfo;
  assert.equal(typeNames(['a', 'b', 'a', 'c', 'd'].map(type)), 'a, b, c, d');
  assert.equal(typeNames(['a', 'b', 'c', 'd', 'e'].map(type)), 'a, b, c, d, ...');
  assert.equal(typeNames([type('a')]), 'a');
  assert.deepEqual(
    [...valuesOfArns(getCatalog(), ['arn:aws:sqs:us-east-1:111122223333:q', 'arn:aws-cn:sqs:us-west-2:444455556666:r'])],
    [
      ['sqs:Partition', 'aws'],
      ['sqs:Region', 'us-east-1'],
      ['sqs:Account', '111122223333'],
      ['sqs:QueueName', 'q'],
    ],
  );
});

test('no ARNs for a statement that has NotAction beside Action; IAM403 keeps the partition of its own ARN', () => {
  assert.deepEqual(
    offered(one('{ "Effect": "Allow", "Action": "sqs:SendMessage", "NotAction": "sqs:DeleteQueue" }'), 'IAM021').map(f => f[0]),
    ['Add "Resource": "*"'],
  );
  const text = one(
    '{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }, { "Effect": "Allow", "Action": "logs:CreateLogGroup", "Resource": "arn:aws-cn:logs:*:*:*" }',
  );
  assert.match(fixed(text, 'IAM403', /^Narrow/), /"arn:aws-cn:logs:<region>:<account-id>:log-group:<log-group-name>"/);
  assert.match(
    fixed(text.replace('arn:aws-cn:logs', 'arn:*:logs'), 'IAM403', /^Narrow/),
    /"arn:aws:logs:<region>:<account-id>:log-group:<log-group-name>"/,
    "a wildcard partition: the document's",
  );
});

test("the ARNs of an action's required resource types, not of its simplest optional ones", () => {
  assert.deepEqual(
    offered(one('{ "Effect": "Allow", "Action": "appmesh:CreateGatewayRoute" }'), 'IAM021').map(f => f[0]),
    ['Add "Resource" with ARNs of the resources the actions need (gatewayRoute)', 'Add "Resource": "*"'],
  );
});
