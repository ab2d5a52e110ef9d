// Splitting a statement by resource type: one statement per set of resource types, unique Sids,
// actions without resource-level permissions on "*", the file's layout kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, codes, diagnose, fixed, fixesFor, fixesOf, refactored, refactorsAt } from '../helpers/fixes';

const TABS =
  '{\n\t"Version": "2012-10-17",\n\t"Statement": [\n\t\t{\n\t\t\t"Sid": "Reports",\n\t\t\t"Effect": "Allow",\n' +
  '\t\t\t"Action": [\n\t\t\t\t"s3:ListBucket",\n\t\t\t\t"s3:GetObject",\n\t\t\t\t"s3:ListAllMyBuckets"\n\t\t\t],\n' +
  '\t\t\t"Resource": "*",\n\t\t\t"Condition": { "Bool": { "aws:SecureTransport": "true" } }\n\t\t}\n\t]\n}\n';

function statementsOf(text: string): Array<{ Sid?: string; Action: string[]; Resource: string | string[]; Condition?: unknown }> {
  return (JSON.parse(text) as { Statement: [] }).Statement;
}

test('"*" with bucket, object and account-wide actions: three statements', () => {
  const after = fixed(TABS, 'IAM407', /^Split/);
  const statements = statementsOf(after);
  assert.deepEqual(
    statements.map(s => [s.Sid, s.Action, s.Resource]),
    [
      ['Reports', ['s3:ListBucket'], 'arn:aws:s3:::<bucket-name>'],
      ['ReportsObject', ['s3:GetObject'], 'arn:aws:s3:::<bucket-name>/<object-name>'],
      ['ReportsAnyResource', ['s3:ListAllMyBuckets'], '*'],
    ],
  );
  assert.ok(
    statements.every(s => JSON.stringify(s.Condition) === '{"Bool":{"aws:SecureTransport":"true"}}'),
    'conditions copied',
  );
  assert.ok(
    after.split('\n').every(line => !/^ +/.test(line)),
    'tabs only',
  );
  assert.match(after, /\t\t},\n\t\t{\n\t\t\t"Sid": "ReportsObject",/);
  assert.ok(!codes(after).includes('IAM407'));
});

test('a Sid made unique stays unique when the policy has it already', () => {
  const text = TABS.replace(
    '\t\t}\n\t]',
    '\t\t},\n\t\t{ "Sid": "ReportsObject", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::b/*" }\n\t]',
  );
  const sids = statementsOf(fixed(text, 'IAM407', /^Split/)).map(s => s.Sid);
  assert.deepEqual(sids, ['Reports', 'ReportsObject2', 'ReportsAnyResource', 'ReportsObject']);
});

test('without a Sid the statements get none', () => {
  const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject"],"Resource":"*"}]}';
  const after = fixed(text, 'IAM407', /^Split/);
  assert.equal(
    after,
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:ListBucket"],"Resource":"arn:aws:s3:::<bucket-name>"},' +
      '{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::<bucket-name>/<object-name>"}]}',
  );
});

test('existing ARNs go to the statement of their type', () => {
  const text = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:ListBucket", "s3:GetObject", "cloudwatch:PutMetricData"],
      "Resource": ["arn:aws:s3:::logs", "arn:aws:s3:::logs/*"]
    }
  ]
}`;
  const statements = statementsOf(fixed(text, 'IAM212', /^Split/));
  assert.deepEqual(
    statements.map(s => [s.Action, s.Resource]),
    [
      [['s3:ListBucket'], 'arn:aws:s3:::logs'],
      [['s3:GetObject'], 'arn:aws:s3:::logs/*'],
      [['cloudwatch:PutMetricData'], 'arn:aws:cloudwatch:<region>:<account-id>:dataset/<dataset-id>'],
    ],
  );
});

test('an action without resource-level permissions among ARNs moves to "*" (the preferred fix of IAM212)', () => {
  const text =
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListAllMyBuckets"],"Resource":"arn:aws:s3:::b/report.csv"}]}';
  const after = fixed(text, 'IAM212');
  assert.deepEqual(
    statementsOf(after).map(s => [s.Action, s.Resource]),
    [
      [['s3:GetObject'], 'arn:aws:s3:::b/report.csv'],
      [['s3:ListAllMyBuckets'], '*'],
    ],
  );
});

test('an ARN of the wrong type is rewritten into the types of the split (IAM211)', () => {
  const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","sqs:SendMessage"],"Resource":"arn:aws:s3:::reports"}]}';
  const { fixes } = fixesOf(text, 'IAM211');
  assert.deepEqual(
    fixes.map(f => f.title),
    ['Change to "arn:aws:s3:::reports/*"', 'Split the statement by resource type: object; queue'],
  );
  const after = fixed(text, 'IAM211', /^Split/);
  assert.deepEqual(
    statementsOf(after).map(s => s.Resource),
    ['arn:aws:s3:::reports/<object-name>', 'arn:aws:sqs:<region>:<account-id>:<queue-name>'],
  );
});

test('the split is a refactoring wherever the cursor is on Action or Resource, also without a diagnostic', () => {
  const marked =
    '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["s3:ListBucket","s3:Delete|Object"],"Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"]}]}';
  const after = refactored(marked, /^Split/);
  assert.deepEqual(
    statementsOf(after).map(s => [s.Action, s.Resource]),
    [
      [['s3:ListBucket'], 'arn:aws:s3:::b'],
      [['s3:DeleteObject'], 'arn:aws:s3:::b/*'],
    ],
  );
  const { doc } = diagnose(marked.replace('|', ''));
  assert.deepEqual(
    refactorsAt(doc, 1).filter(a => a.title.startsWith('Split')),
    [],
    'not on the Version',
  );
});

test('no split for one resource type, NotAction, or unknown actions', () => {
  for (const statement of [
    '{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"*"}',
    '{"Effect":"Allow","NotAction":["s3:ListBucket","s3:GetObject"],"Resource":"*"}',
    '{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObjekt"],"Resource":"*"}',
  ]) {
    const { doc } = diagnose(`{"Version":"2012-10-17","Statement":[${statement}]}`);
    const offset = doc.text.indexOf('Action') + 1;
    assert.deepEqual(
      refactorsAt(doc, offset).filter(a => a.title.startsWith('Split')),
      [],
      statement,
    );
  }
});

const P = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;
const QUEUE = '{"Effect":"Allow","Action":"sqs:ReceiveMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:q"}';
const TOPIC = '{"Effect":"Allow","Action":"sns:GetTopicAttributes","Resource":"arn:aws:sns:us-east-1:111122223333:t"}';

/** The split fix of the first `code` finding as [title, kind, preferred, text after it]. */
function split(text: string, code: string): Array<[string, string | undefined, boolean | undefined, string]> {
  const { doc, fixes } = fixesOf(text, code);
  return fixes.filter(f => f.title.startsWith('Split')).map(f => [f.title, f.kind, f.isPreferred, applyFix(doc, f)]);
}

test('the split is preferred on "*" only when it cannot be narrowed in place, and on IAM212 only for an action without ARNs', () => {
  assert.deepEqual(split(P(`{"Effect":"Allow","Action":["sqs:SendMessage","sqs:ListQueues"],"Resource":"*"},${QUEUE}`), 'IAM402'), [
    [
      'Split the statement by resource type: queue; "*"',
      'quickfix',
      true,
      P(
        '{"Effect":"Allow","Action":["sqs:SendMessage"],"Resource":"arn:aws:sqs:us-east-1:111122223333:q"},{"Effect":"Allow","Action":["sqs:ListQueues"],"Resource":"*"},' +
          QUEUE,
      ),
    ],
  ]);
  assert.deepEqual(split(P(`{"Effect":"Allow","Action":["sqs:SendMessage","sns:Publish"],"Resource":"*"},${QUEUE},${TOPIC}`), 'IAM402'), [
    [
      'Split the statement by resource type: queue; topic',
      'quickfix',
      false,
      P(
        '{"Effect":"Allow","Action":["sqs:SendMessage"],"Resource":"arn:aws:sqs:us-east-1:111122223333:q"},' +
          `{"Effect":"Allow","Action":["sns:Publish"],"Resource":"arn:aws:sns:us-east-1:111122223333:t"},${QUEUE},${TOPIC}`,
      ),
    ],
  ]);
  assert.deepEqual(
    split(P(`{"Effect":"Allow","Action":["sqs:SendMessage","sns:Publish"],"Resource":"arn:aws:sqs:us-east-1:111122223333:q"},${TOPIC}`), 'IAM212').map(
      f => f[2],
    ),
    [false],
  );
});

test('the split is not offered on other findings, nor on a stale one', () => {
  const text = P('{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject"],"Resource":"arn:aws:sqs:us-east-1:111122223333:q"}');
  const finding = diagnose(text).diagnostics.find(d => d.code === 'IAM210')!;
  assert.ok(finding);
  assert.deepEqual(
    fixesFor(diagnose(text).doc, finding).filter(f => f.title.startsWith('Split')),
    [],
  );
  const star = P('{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject"],"Resource":"*"}');
  const onStar = diagnose(star).diagnostics.find(d => d.code === 'IAM407')!;
  assert.deepEqual(fixesFor(diagnose(`{${' '.repeat(star.length - 2)}}`).doc, onStar), []);
});

test('no split for an Action that is a string or holds a non-string, with NotResource or without Resource', () => {
  for (const statement of [
    '{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}',
    '{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject",1],"Resource":"*"}',
    '{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject"],"NotResource":"arn:aws:s3:::x"}',
    '{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject"],"Resource":"*","NotResource":"arn:aws:s3:::x"}',
    '{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject"]}',
  ]) {
    const { doc } = diagnose(P(statement));
    assert.deepEqual(
      refactorsAt(doc, doc.text.indexOf('Action') + 1).filter(a => a.title.startsWith('Split')),
      [],
      statement,
    );
  }
});

test('the split: actions of one type stay together; a Statement object becomes an array; a Sid that is no string is copied', () => {
  assert.equal(
    refactored(P('{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject","s3:Put|Object"],"Resource":"*"}'), /^Split/),
    P(
      '{"Effect":"Allow","Action":["s3:ListBucket"],"Resource":"arn:aws:s3:::<bucket-name>"},{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::<bucket-name>/<object-name>"}',
    ),
  );
  assert.equal(
    refactored('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:List|Bucket","s3:GetObject"],"Resource":"*"}}', /^Split/),
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:ListBucket"],"Resource":"arn:aws:s3:::<bucket-name>"}, {"Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::<bucket-name>/<object-name>"}]}',
  );
  assert.equal(
    refactored(P('{"Sid":1,"Effect":"Allow","Action":["s3:List|Bucket","s3:GetObject"],"Resource":"*"}'), /^Split/),
    P(
      '{"Sid":1,"Effect":"Allow","Action":["s3:ListBucket"],"Resource":"arn:aws:s3:::<bucket-name>"},{"Sid":1,"Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::<bucket-name>/<object-name>"}',
    ),
  );
});

test("the next free Sid number, and the Resource laid out as it was written (a one-line list, or the statement's lines)", () => {
  const text = P(
    '{"Sid":"R","Effect":"Allow","Action":["s3:List|Bucket","s3:GetObject"],"Resource":"*"},{"Sid":"RObject","Effect":"Deny","Action":"s3:PutObject","Resource":"*"},{"Sid":"RObject2","Effect":"Deny","Action":"s3:PutObject","Resource":"*"}',
  );
  assert.deepEqual(
    statementsOf(refactored(text, /^Split/)).map(s => s.Sid),
    ['R', 'RObject3', 'RObject', 'RObject2'],
  );
  const lines = (action: string, resource: string) =>
    `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ${action},\n      "Resource": ${resource}\n    }\n  ]\n}`;
  const attach = '"Resource": ["arn:aws:ec2:<region>:<account-id>:instance/<instance-id>", "arn:aws:ec2:<region>:<account-id>:volume/<volume-id>"]';
  const oneLine = refactored(lines('["s3:List|Bucket", "ec2:AttachVolume"]', '["arn:aws:s3:::a", "arn:aws:s3:::b"]'), /^Split/);
  assert.ok(oneLine.includes(`      ${attach}\n`), oneLine);
  const fromStar = refactored(lines('["s3:List|Bucket", "ec2:AttachVolume"]', '"*"'), /^Split/);
  assert.ok(
    fromStar.includes(
      '"Resource": [\n        "arn:aws:ec2:<region>:<account-id>:instance/<instance-id>",\n        "arn:aws:ec2:<region>:<account-id>:volume/<volume-id>"\n      ]',
    ),
    fromStar,
  );
});

test('the split on IAM407 is preferred when it is the one fix; titles join the types of a group with +', () => {
  const QUEUE_READ = '{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:q"}';
  assert.deepEqual(
    split(P(`{"Effect":"Allow","Action":["sqs:ReceiveMessage","sqs:ListQueues"],"Resource":"*"},${QUEUE_READ}`), 'IAM407').map(f => [f[0], f[2]]),
    [['Split the statement by resource type: queue; "*"', true]],
  );
  const { doc } = diagnose(P('{"Effect":"Allow","Action":["s3:GetObject","ec2:AttachVolume"],"Resource":"*"}'));
  assert.deepEqual(
    refactorsAt(doc, doc.text.indexOf('Action') + 1)
      .filter(a => a.title.startsWith('Split'))
      .map(a => a.title),
    ['Split the statement by resource type: object; instance + volume'],
  );
});

test('at most six statements from one split', () => {
  const six = ['s3:ListBucket', 's3:GetObject', 'sqs:SendMessage', 'sns:Publish', 'lambda:InvokeFunction', 'dynamodb:GetItem'];
  const titles = (actions: string[]) => {
    const { doc } = diagnose(P(`{"Effect":"Allow","Action":${JSON.stringify(actions)},"Resource":"*"}`));
    return refactorsAt(doc, doc.text.indexOf('Action') + 1)
      .filter(a => a.title.startsWith('Split'))
      .map(a => a.title);
  };
  assert.deepEqual(titles(six), ['Split the statement by resource type: bucket; object; queue; topic; function; table']);
  assert.deepEqual(titles([...six, 'kms:Decrypt']), []);
});
