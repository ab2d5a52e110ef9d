// The Terraform plan reader: the planned policies of `terraform show -json`, each once, as JSON text
// mapped back into the plan's JSON strings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { terraformPlanReader } from '../../server/src/templates/terraform/planReader';
import { terraformReader } from '../../server/src/templates/terraform/terraformReader';
import { hostTextOf, virtualOf } from '../helpers/terraform';

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const READ = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObjct', Resource: 'arn:aws:s3:::b/*' }] });

function change(address: string, type: string, actions: string[], after: object | null, afterUnknown: object = {}, mode = 'managed') {
  return { address, mode, type, name: address.split('.').pop(), change: { actions, before: null, after, after_unknown: afterUnknown } };
}

function plan(resourceChanges: object[]): string {
  const values = {
    root_module: { resources: resourceChanges.map(c => ({ ...(c as { address: string }), values: (c as { change: { after: object } }).change.after })) },
  };
  return JSON.stringify(
    { format_version: '1.2', terraform_version: '1.5.7', planned_values: values, resource_changes: resourceChanges, prior_state: { values } },
    null,
    2,
  );
}

const read = (text: string) => terraformPlanReader.read('file:///plan.json', text)!;

test('detects a plan or state by its first keys, not any JSON', () => {
  const text = plan([]);
  assert.ok(terraformPlanReader.detect('file:///tfplan.json', 'json', text));
  assert.ok(terraformPlanReader.detect('untitled:1', 'json', text));
  assert.ok(!terraformPlanReader.detect('file:///tfplan.json', 'json', '{"Version": "2012-10-17", "Statement": []}'));
  assert.ok(!terraformPlanReader.detect('file:///main.tf', 'terraform', text));
  assert.equal(terraformPlanReader.read('file:///x.json', '{"format_version": "1.0", "terraform_version": "1.5.0"}'), undefined);
});

test('each planned policy once, from resource_changes, with the kind of its argument and the plan address', () => {
  const text = plan([
    change('aws_iam_role.r', 'aws_iam_role', ['create'], { name: 'r', assume_role_policy: TRUST, inline_policy: [{ name: 'a', policy: READ }] }),
    change('module.m.aws_iam_policy.p["x"]', 'aws_iam_policy', ['update'], { policy: READ }),
    change('aws_s3_bucket_policy.gone', 'aws_s3_bucket_policy', ['delete'], null),
    change('aws_s3_bucket_policy.later', 'aws_s3_bucket_policy', ['create'], { bucket: 'b' }, { policy: true }),
    change(
      'aws_iam_role.later',
      'aws_iam_role',
      ['create'],
      { inline_policy: [{ name: 'a' }, { name: 'b', policy: READ }] },
      { inline_policy: [{ policy: true }, {}] },
    ),
    change('data.aws_iam_policy_document.d', 'aws_iam_policy_document', ['read'], { json: READ }, {}, 'data'),
    change('aws_sns_topic.t', 'aws_sns_topic', ['create'], { policy: '', delivery_policy: READ }),
    change('aws_organizations_policy.tags', 'aws_organizations_policy', ['create'], { type: 'TAG_POLICY', content: '{"tags": {}}' }),
    change('aws_organizations_policy.rcp', 'aws_organizations_policy', ['create'], { type: 'RESOURCE_CONTROL_POLICY', content: READ }),
  ]);
  const result = read(text);
  assert.equal(result.format, 'terraform-plan');
  assert.deepEqual(result.problems, []);
  assert.deepEqual(
    result.policies.map(p => [p.resource, p.property, p.kind, p.limit]),
    [
      ['aws_iam_role.r', 'assume_role_policy', 'trust', 'trust'],
      ['aws_iam_role.r', 'inline_policy.policy', 'identity', 'inline-role'],
      ['module.m.aws_iam_policy.p["x"]', 'policy', 'identity', 'managed'],
      ['aws_iam_role.later', 'inline_policy[1].policy', 'identity', 'inline-role'],
      ['aws_organizations_policy.rcp', 'content', 'rcp', 'rcp'],
    ],
  );
  const policy = result.policies[2];
  assert.equal((policy.body as { json: { escape: string } }).json.escape, 'json-string');
  const virtual = virtualOf(policy, text);
  assert.equal(virtual.text, READ);
  assert.equal(hostTextOf(virtual, text, 's3:GetObjct'), 's3:GetObjct');
  assert.equal(text.slice(policy.span.offset, policy.span.offset + policy.span.length), JSON.stringify(READ));
});

test('a state (no resource_changes) is read from its modules', () => {
  const text = JSON.stringify({
    format_version: '1.0',
    terraform_version: '1.5.7',
    values: {
      root_module: {
        resources: [],
        child_modules: [{ resources: [{ address: 'module.a.aws_kms_key.k', mode: 'managed', type: 'aws_kms_key', values: { policy: READ } }] }],
      },
    },
  });
  assert.deepEqual(
    read(text).policies.map(p => [p.resource, p.kind, p.limit]),
    [['module.a.aws_kms_key.k', 'resource', 'kms-key']],
  );
});

test("JSON string escapes decode, and the runs between them are the plan's characters", () => {
  const policy = '{\n  "Version": "2012-10-17", "Statement": [{"Sid": "caf\u00e9/x\\\\y", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]\n}';
  const text = plan([change('aws_iam_policy.p', 'aws_iam_policy', ['create'], { policy })])
    .replaceAll('caf\u00e9', 'caf\\u00e9')
    .replaceAll('/x', '\\/x');
  const [found] = read(text).policies;
  const { json } = found.body as { json: { text: string; runs: Array<{ offset: number; hostOffset: number; length: number }> } };
  assert.equal(json.text, policy);
  assert.ok(json.runs.length > 5);
  for (const run of json.runs) assert.equal(text.slice(run.hostOffset, run.hostOffset + run.length), json.text.slice(run.offset, run.offset + run.length));
  const virtual = virtualOf(found, text);
  assert.equal(hostTextOf(virtual, text, 's3:GetObject'), 's3:GetObject');
  assert.equal(hostTextOf(virtual, text, 'café'), undefined, 'an escape is not character for character');
});

test('a broken plan gets a problem, never an exception', () => {
  const text = plan([change('aws_iam_policy.p', 'aws_iam_policy', ['create'], { policy: READ })]);
  for (const cut of [text.length - 1, Math.floor(text.length / 2), 60]) {
    const result = terraformPlanReader.read('file:///plan.json', text.slice(0, cut));
    assert.ok(result === undefined || result.problems.length === 1, `cut at ${cut}`);
  }
});

test('plan: only managed resources with an address, a type and values after the change; nested blocks by index; unknown and non-JSON values skipped', () => {
  const inline = (...policies: Array<string | null>) => ({ inline_policy: policies.map((policy, i) => ({ name: `p${i}`, policy })) });
  const text = plan([
    change('aws_iam_role.two', 'aws_iam_role', ['create'], { assume_role_policy: TRUST, ...inline(READ, READ) }),
    change('aws_iam_role.one', 'aws_iam_role', ['create'], inline(READ)),
    change('aws_iam_role.later', 'aws_iam_role', ['create'], inline(READ, null), { inline_policy: [{}, { policy: true }] }),
    change('aws_iam_policy.unknown', 'aws_iam_policy', ['create'], { policy: null }, { policy: true }),
    change('aws_iam_policy.text', 'aws_iam_policy', ['create'], { policy: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    change('aws_iam_policy.number', 'aws_iam_policy', ['create'], { policy: 5 }),
    change('aws_iam_policy.spaced', 'aws_iam_policy', ['create'], { policy: `  ${READ}` }),
    change('aws_iam_policy.deleted', 'aws_iam_policy', ['delete'], null),
    change('data.aws_iam_policy.d', 'aws_iam_policy', ['read'], { policy: READ }, {}, 'data'),
    change('aws_instance.i', 'aws_instance', ['create'], { policy: READ }),
    change('aws_organizations_policy.rcp', 'aws_organizations_policy', ['create'], { type: 'RESOURCE_CONTROL_POLICY', content: READ }),
    change('aws_organizations_policy.scp', 'aws_organizations_policy', ['create'], { type: null, content: READ }),
    change('aws_organizations_policy.tag', 'aws_organizations_policy', ['create'], { type: 'TAG_POLICY', content: READ }),
    { address: 5, mode: 'managed', type: 'aws_iam_policy', change: { after: { policy: READ } } },
    { address: 'aws_iam_policy.typeless', mode: 'managed', change: { after: { policy: READ } } },
    { address: 'aws_iam_policy.changeless', mode: 'managed', type: 'aws_iam_policy', change: { before: { policy: READ } } },
  ]);
  const result = read(text);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(
    result.policies.map(p => [p.resource, p.property, p.kind, p.limit ?? null]),
    [
      ['aws_iam_role.two', 'assume_role_policy', 'trust', 'trust'],
      ['aws_iam_role.two', 'inline_policy[0].policy', 'identity', 'inline-role'],
      ['aws_iam_role.two', 'inline_policy[1].policy', 'identity', 'inline-role'],
      ['aws_iam_role.one', 'inline_policy.policy', 'identity', 'inline-role'],
      ['aws_iam_role.later', 'inline_policy[0].policy', 'identity', 'inline-role'],
      ['aws_iam_policy.spaced', 'policy', 'identity', 'managed'],
      ['aws_organizations_policy.rcp', 'content', 'rcp', 'rcp'],
      ['aws_organizations_policy.scp', 'content', 'scp', 'scp'],
    ],
  );
  // the span is the JSON string in the plan, quotes included
  const [first] = result.policies;
  assert.equal(JSON.parse(text.slice(first.span.offset, first.span.offset + first.span.length)), TRUST);
});

test('state: resources of nested child modules, managed ones with values only', () => {
  const resource = (address: string, extra: object = {}) => ({ address, mode: 'managed', type: 'aws_iam_policy', values: { policy: READ }, ...extra });
  const text = JSON.stringify({
    format_version: '1.0',
    values: {
      root_module: {
        resources: [resource('aws_iam_policy.root'), resource('data.aws_iam_policy.d', { mode: 'data' }), resource('aws_iam_policy.none', { values: null })],
        child_modules: [
          { child_modules: [{ resources: [resource('module.a.module.b.aws_iam_policy.deep')] }] },
          { resources: [resource('module.c.aws_iam_policy.c')] },
        ],
      },
    },
  });
  assert.deepEqual(
    read(text).policies.map(p => p.resource),
    ['aws_iam_policy.root', 'module.a.module.b.aws_iam_policy.deep', 'module.c.aws_iam_policy.c'],
  );
});

test('plan: JSON that is no plan is not read; a broken plan gets its first error', () => {
  assert.equal(terraformPlanReader.read('file:///x.json', '{"format_version": "1.2", "other": {}}'), undefined);
  assert.equal(terraformPlanReader.read('file:///x.json', ''), undefined);
  const broken = read('{"format_version": "1.2", "resource_changes": [], , }');
  assert.deepEqual(broken.problems, [{ offset: 50, length: 1, message: 'This Terraform plan is not valid JSON here (PropertyNameExpected).' }]);
  assert.deepEqual(read('{"planned_values": {}}').policies, []);
});

test('detect: a plan or state by language or a .json path (query and fragment ignored), its two keys in the first 4 KiB', () => {
  const head = '{"format_version": "1.2", "terraform_version": "1.5.7"}';
  const detect = (uri: string, languageId: string, text = head) => terraformPlanReader.detect(uri, languageId, text);
  assert.deepEqual(
    [
      detect('file:///a/plan.json', 'plaintext'),
      detect('file:///a/PLAN.JSON?x=1#top', 'plaintext'),
      detect('untitled:1', 'json'),
      detect('file:///a/plan.json.txt', 'plaintext'),
      detect('file:///a/plan.txt?f=.json', 'plaintext'),
      detect('file:///a/plan.json', 'json', '{"format_version" : "1.2",\n"terraform_version"\t: "1.5.7"}'),
      detect('file:///a/plan.json', 'json', '{"format_version": "1.2"}'),
      detect('file:///a/plan.json', 'json', '{"terraform_version": "1.5.7"}'),
      detect('file:///a/plan.json', 'json', '{"format_version"x: 1, "terraform_version": 2}'),
      detect('file:///a/plan.json', 'json', `{"pad": "${' '.repeat(4096)}", ${head.slice(1)}`),
    ],
    [true, true, true, false, false, true, false, false, false, false],
  );
  assert.deepEqual(
    ['file:///a/main.tf', 'file:///a/MAIN.TOFU', 'file:///a/main.tf?v=2#L3', 'file:///a/main.tf.json', 'file:///a/x.txt?f=.tf'].map(uri =>
      terraformReader.detect(uri, 'plaintext', ''),
    ),
    [true, true, true, false, false],
  );
  assert.equal(terraformReader.detect('untitled:1', 'tofu', ''), true);
});
