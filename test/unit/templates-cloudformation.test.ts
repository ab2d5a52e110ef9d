import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cloudFormationJsonReader as jsonReader, cloudFormationYamlReader as yamlReader } from '../../server/src/templates/cloudformation/readers';
import { unusedKindEntries, POLICY_PROPERTIES } from '../../server/src/templates/cloudformation/policyProperties';
import { serverlessReader } from '../../server/src/templates/serverless/serverless';
import { DETECT_HEAD, isCloudFormationJson, isCloudFormationYaml, isServerlessTemplate } from '../../server/src/templates/cloudformation/detect';
import { templateDocument } from '../../server/src/templates/document';
import { applyChanges, verifiedHostEdits } from '../../server/src/templates/hostEdits';
import { hostTextOf, policyValue, readTemplate, virtualOf } from '../helpers/templates';

const ROLE_YAML = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  BuildRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: 2012-10-17
        Statement:
          - Effect: Allow
            Principal: { Service: codebuild.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: logs
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: [logs:PutLogEvents]
                Resource: '*'
        - PolicyName: read
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              Effect: Allow
              Action: s3:GetObjectt
              Resource: !Sub "arn:\${AWS::Partition}:s3:::\${Bucket}/*"
`;

test("YAML: a role's trust policy and inline policies, with kind, quota, property and virtual JSON", () => {
  const result = readTemplate(yamlReader, ROLE_YAML);
  assert.equal(result.format, 'cloudformation-yaml');
  assert.deepEqual(result.problems, []);
  assert.deepEqual(
    result.policies.map(p => [p.resource, p.resourceType, p.property, p.kind, p.limit]),
    [
      ['BuildRole', 'AWS::IAM::Role', 'AssumeRolePolicyDocument', 'trust', 'trust'],
      ['BuildRole', 'AWS::IAM::Role', 'Policies[0].PolicyDocument', 'identity', 'inline-role'],
      ['BuildRole', 'AWS::IAM::Role', 'Policies[1].PolicyDocument', 'identity', 'inline-role'],
    ],
  );
  // the unquoted YAML 1.1 date stays the string CloudFormation reads
  assert.deepEqual(policyValue(result.policies[0], ROLE_YAML), {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  });
  // a single statement map is kept as written; the Sub's references are unknown
  const virtual = virtualOf(result.policies[2], ROLE_YAML);
  assert.equal(
    virtual.text,
    `{
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Allow",
    "Action": "s3:GetObjectt",
    "Resource": "arn:\${AWS::Partition}:s3:::\${Bucket}/*"
  }
}`,
  );
  assert.deepEqual(virtual.unknowns.sort(), ['${AWS::Partition}', '${Bucket}']);
  // the policy's span is the whole PolicyDocument value
  const span = result.policies[2].span;
  assert.ok(ROLE_YAML.slice(span.offset, span.offset + span.length).startsWith('Version: "2012-10-17"'));
});

test("YAML: the misspelled action's segment maps to exactly its scalar, offsets inside one to one", () => {
  const result = readTemplate(yamlReader, ROLE_YAML);
  const virtual = virtualOf(result.policies[2], ROLE_YAML);
  assert.equal(hostTextOf(virtual, ROLE_YAML, '"s3:GetObjectt"', 'string'), 's3:GetObjectt');
  const part = virtual.segments.find(s => s.role === 'part' && virtual.text.slice(s.offset, s.offset + s.length) === 's3:GetObjectt');
  assert.ok(part?.exact);
  assert.equal(part.style, 'yaml-plain');
  // a key maps to the key as written
  assert.equal(hostTextOf(virtual, ROLE_YAML, '"Action"', 'key'), 'Action');
  // the Sub's literal pieces map exactly, its references to `${...}` in the template
  assert.equal(hostTextOf(virtual, ROLE_YAML, ':s3:::', 'part'), ':s3:::');
  assert.equal(hostTextOf(virtual, ROLE_YAML, '${Bucket}', 'unknown'), '${Bucket}');
  const resource = virtual.segments.find(s => s.role === 'string' && s.sub);
  assert.equal(ROLE_YAML.slice(resource!.hostOffset, resource!.hostOffset + resource!.hostLength), '"arn:${AWS::Partition}:s3:::${Bucket}/*"');
});

const BUCKET_JSON = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "BucketPolicy": {
      "Type": "AWS::S3::BucketPolicy",
      "Properties": {
        "Bucket": { "Ref": "Bucket" },
        "PolicyDocument": {
          "Statement": [{
            "Effect": "Deny",
            "Principal": "*",
            "Action": "s3:*",
            "Resource": [
              { "Fn::Join": ["", ["arn:aws:s3:::", { "Ref": "Bucket" }, "/*"]] },
              { "Fn::GetAtt": ["Bucket", "Arn"] }
            ],
            "Condition": { "Bool": { "aws:SecureTransport": false } }
          }]
        }
      }
    }
  }
}`;

test('JSON: a bucket policy, Fn::Join as one string, Ref and GetAtt unknown', () => {
  const result = readTemplate(jsonReader, BUCKET_JSON);
  assert.equal(result.format, 'cloudformation-json');
  const [policy] = result.policies;
  assert.deepEqual(
    [policy.resource, policy.resourceType, policy.property, policy.kind, policy.limit],
    ['BucketPolicy', 'AWS::S3::BucketPolicy', 'PolicyDocument', 'resource', 's3-bucket'],
  );
  assert.deepEqual(policyValue(policy, BUCKET_JSON), {
    Statement: [
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: ['arn:aws:s3:::${Bucket}/*', '${Bucket.Arn}'],
        Condition: { Bool: { 'aws:SecureTransport': false } },
      },
    ],
  });
  const virtual = virtualOf(policy, BUCKET_JSON);
  assert.equal(hostTextOf(virtual, BUCKET_JSON, '"Deny"', 'string'), '"Deny"');
  assert.equal(hostTextOf(virtual, BUCKET_JSON, 'arn:aws:s3:::', 'part'), 'arn:aws:s3:::');
  assert.equal(hostTextOf(virtual, BUCKET_JSON, '"${Bucket.Arn}"', 'unknown'), '{ "Fn::GetAtt": ["Bucket", "Arn"] }');
});

test('a policy written as a JSON string is JSON text, mapped around its escapes', () => {
  const text = `{"Resources": {"Key": {"Type": "AWS::KMS::Key", "Properties": {"KeyPolicy":
    "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Principal\\": {\\"AWS\\": \\"*\\"}, \\"Action\\": \\"kms:Decryptt\\", \\"Resource\\": \\"*\\"}]}"}}}}`;
  const [policy] = readTemplate(jsonReader, text).policies;
  assert.equal(policy.kind, 'resource');
  assert.equal(policy.limit, 'kms-key');
  assert.ok('json' in policy.body);
  const body = policy.body.json;
  assert.equal(body.escape, 'json-string');
  assert.equal(JSON.parse(body.text).Statement[0].Action, 'kms:Decryptt');
  // every run is written as is in the template
  for (const run of body.runs) assert.equal(text.slice(run.hostOffset, run.hostOffset + run.length), body.text.slice(run.offset, run.offset + run.length));
  const at = body.text.indexOf('kms:Decryptt');
  assert.ok(body.runs.some(r => r.offset <= at && at + 12 <= r.offset + r.length));
});

test('a policy in a !Sub block string is JSON text with the references unknown', () => {
  const text = `Resources:
  Topic:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref T]
      PolicyDocument: !Sub |
        {
          "Statement": [{"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"},
            "Action": "sns:Publish", "Resource": "\${T}",
            "Condition": {"StringEquals": {"aws:SourceAccount": "\${AWS::AccountId}"}, "StringLike": {"s3:prefix": "\${!aws:username}/*"}}}]
        }
`;
  const [policy] = readTemplate(yamlReader, text).policies;
  assert.ok('json' in policy.body);
  const body = policy.body.json;
  assert.equal(body.escape, 'heredoc');
  const value = JSON.parse(body.text);
  assert.equal(value.Statement[0].Resource, '${T}');
  assert.equal(value.Statement[0].Condition.StringLike['s3:prefix'], '${aws:username}/*');
  assert.deepEqual(body.unknowns.sort(), ['${AWS::AccountId}', '${T}']);
  for (const run of body.runs) assert.equal(text.slice(run.hostOffset, run.hostOffset + run.length), body.text.slice(run.offset, run.offset + run.length));
});

test('intrinsics: Sub list form, ${!Literal}, Fn::If, AWS::NoValue, other functions', () => {
  const text = `Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: !If [IsProd, [s3:GetObject], !Ref AWS::NoValue]
            Resource:
              - !Sub ["arn:aws:s3:::\${Name}/\${!aws:username}/\${Other}", {Name: my-bucket, Other: !Ref X}]
              - !If [HasExtra, !Ref AWS::NoValue, "arn:aws:s3:::extra"]
              - !Ref AWS::NoValue
              - !FindInMap [M, !Ref AWS::Region, Arn]
              - Fn::ImportValue: Shared
            Condition: !Ref AWS::NoValue
          - !If [Cond, {Effect: Deny, Action: "*", Resource: "*"}, !Ref AWS::NoValue]
`;
  const [policy] = readTemplate(yamlReader, text).policies;
  assert.equal(policy.kind, 'identity');
  assert.equal(policy.limit, 'managed');
  assert.equal(policy.partial, true);
  assert.deepEqual(policyValue(policy, text), {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['s3:GetObject'],
        Resource: ['arn:aws:s3:::my-bucket/${aws:username}/${Other}', 'arn:aws:s3:::extra', '${Fn::FindInMap}', '${Fn::ImportValue}'],
      },
      { Effect: 'Deny', Action: '*', Resource: '*' },
    ],
  });
  // the policy variable stays a policy variable; only the template's reference is unknown
  assert.deepEqual(virtualOf(policy, text).unknowns.sort(), ['${Fn::FindInMap}', '${Fn::ImportValue}', '${Other}']);
});

test('a whole value known only at deploy time is one unknown', () => {
  const text = `Resources:
  P:
    Type: AWS::IAM::Policy
    Properties:
      Roles: [!Ref R]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: !Ref ActionList
            Resource: !Split [",", !Ref Arns]
`;
  const [policy] = readTemplate(yamlReader, text).policies;
  // attached to roles only: the role inline quota
  assert.equal(policy.limit, 'inline-role');
  const virtual = virtualOf(policy, text);
  assert.deepEqual(JSON.parse(virtual.text).Statement[0], { Effect: 'Allow', Action: '${ActionList}', Resource: '${Fn::Split}' });
  assert.equal(hostTextOf(virtual, text, '"${ActionList}"', 'unknown'), '!Ref ActionList');
});

test('Organizations policies: SCP and RCP by Type, other types skipped, an unknown Type left to the content', () => {
  const text = (type: string) => `Resources:
  Org:
    Type: AWS::Organizations::Policy
    Properties:
      Type: ${type}
      Content:
        Version: "2012-10-17"
        Statement: [{Effect: Deny, Action: "s3:*", Resource: "*"}]
`;
  assert.deepEqual(
    readTemplate(yamlReader, text('SERVICE_CONTROL_POLICY')).policies.map(p => [p.kind, p.limit]),
    [['scp', 'scp']],
  );
  assert.deepEqual(
    readTemplate(yamlReader, text('RESOURCE_CONTROL_POLICY')).policies.map(p => [p.kind, p.limit]),
    [['rcp', 'rcp']],
  );
  assert.deepEqual(readTemplate(yamlReader, text('TAG_POLICY')).policies, []);
  assert.deepEqual(
    readTemplate(yamlReader, text('!Ref PolicyType')).policies.map(p => p.kind),
    [undefined],
  );
});

test('EventBusPolicy: its one Statement becomes a one-statement resource policy', () => {
  const text = `{"Resources": {"BusPolicy": {"Type": "AWS::Events::EventBusPolicy", "Properties": {
  "EventBusName": "bus", "StatementId": "AllowOrg",
  "Statement": {"Effect": "Allow", "Principal": "*", "Action": "events:PutEvents", "Resource": "*",
    "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123def4"}}}}}}}`;
  const [policy] = readTemplate(jsonReader, text).policies;
  assert.deepEqual([policy.kind, policy.property, policy.partial], ['resource', 'Statement', true]);
  const value = policyValue(policy, text) as { Version: string; Statement: unknown[] };
  assert.equal(value.Version, '2012-10-17');
  assert.equal(value.Statement.length, 1);
  const virtual = virtualOf(policy, text);
  assert.equal(hostTextOf(virtual, text, '"Statement"', 'key'), '"Statement"');
  assert.ok(virtual.segments.some(s => s.role === 'key' && s.style === 'synthetic' && s.fixed));
});

test('other resource policies: kinds and quotas from the host', () => {
  const text = `Resources:
  Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      PolicyDocument: {Statement: [{Effect: Allow, Principal: "*", Action: "s3:GetObject", Resource: "*"}]}
  Secret:
    Type: AWS::SecretsManager::ResourcePolicy
    Properties:
      ResourcePolicy: {Statement: [{Effect: Deny, Principal: "*", Action: "secretsmanager:*", Resource: "*"}]}
  Set:
    Type: AWS::SSO::PermissionSet
    Properties:
      InlinePolicy: {Statement: [{Effect: Allow, Action: "s3:ListAllMyBuckets", Resource: "*"}]}
  Thing:
    Type: AWS::IoT::Policy
    Properties:
      PolicyDocument: {Statement: [{Effect: Allow, Action: "iot:Connect", Resource: "*"}]}
  Domain:
    Type: AWS::OpenSearchService::Domain
    Properties:
      AccessPolicies: {Statement: [{Effect: Allow, Principal: {AWS: "*"}, Action: "es:ESHttpGet", Resource: "*"}]}
  Layer:
    Type: AWS::Lambda::LayerVersionPermission
    Properties: {Action: lambda:GetLayerVersion, Principal: "*", LayerVersionArn: !Ref L}
`;
  assert.deepEqual(
    readTemplate(yamlReader, text).policies.map(p => [p.resource, p.kind, p.limit]),
    [
      ['Endpoint', 'endpoint', 'vpc-endpoint'],
      ['Secret', 'resource', 'secretsmanager'],
      ['Set', 'identity', undefined],
      ['Thing', 'identity', undefined],
      ['Domain', 'resource', undefined],
    ],
  );
});

test("an Fn::If in a role's Policies list: the branch that is not AWS::NoValue, partial", () => {
  const text = `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: !Ref TrustParameter
      Policies:
        - !If
          - WithS3
          - PolicyName: s3
            PolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "s3:*", Resource: "*"}]}
          - !Ref AWS::NoValue
        - PolicyName: always
          PolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "sqs:*", Resource: "*"}]}
`;
  const policies = readTemplate(yamlReader, text).policies;
  assert.deepEqual(
    policies.map(p => [p.property, p.partial ?? false]),
    [
      ['Policies[0].PolicyDocument', true],
      ['Policies[1].PolicyDocument', false],
    ],
  );
});

test('broken templates give one problem and no exception', () => {
  const yaml = 'AWSTemplateFormatVersion: 2010-09-09\nResources:\n  R:\n    Type: AWS::IAM::Role\n    Properties: [unclosed\n';
  const result = readTemplate(yamlReader, yaml);
  assert.equal(result.problems.length, 1);
  assert.match(result.problems[0].message, /not valid YAML/);
  const json =
    '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"R": {"Type": "AWS::S3::BucketPolicy", "Properties": {"PolicyDocument": {"Statement": [';
  const broken = readTemplate(jsonReader, json);
  assert.ok(broken.problems.length > 0);
  assert.match(broken.problems[0].message, /not valid JSON/);
  assert.equal(readTemplate(jsonReader, '{"AWSTemplateFormatVersion": "x", // note\n "Resources": {}}').problems.length, 1);
});

test("a flow collection closed at its key's indentation reads as CloudFormation reads it, spans unchanged", () => {
  const text = `Resources:
  Q:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Q]
      PolicyDocument:
        Statement: [{
          "Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessagee", "Resource": "*"
        }]
      Other: x
`;
  const result = readTemplate(yamlReader, text);
  assert.deepEqual(result.problems, []);
  const virtual = virtualOf(result.policies[0], text);
  assert.equal(hostTextOf(virtual, text, '"sqs:SendMessagee"', 'string'), '"sqs:SendMessagee"');
});

test('detect: templates by their keys, everything else false', () => {
  assert.ok(yamlReader.detect('file:///t.yaml', 'yaml', ROLE_YAML));
  assert.ok(jsonReader.detect('file:///t.json', 'json', BUCKET_JSON));
  assert.ok(yamlReader.detect('file:///t.yml', 'yaml', 'Transform:\n  - AWS::Serverless-2016-10-31\nResources: {}\n'));
  assert.ok(yamlReader.detect('file:///t.yml', 'yaml', 'Resources:\n  F:\n    Type: "AWS::Lambda::Function"\n'));
  assert.ok(jsonReader.detect('file:///x.template', 'plaintext', '{"Resources": {"F": {"Type": "AWS::SQS::Queue"}}}'));
  assert.ok(!jsonReader.detect('file:///t.json', 'json', ROLE_YAML));
  assert.ok(!yamlReader.detect('file:///t.yaml', 'yaml', BUCKET_JSON));
  assert.ok(!yamlReader.detect('file:///docker-compose.yml', 'yaml', 'services:\n  web:\n    image: nginx\n'));
  assert.ok(!yamlReader.detect('file:///workflow.yml', 'yaml', 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n'));
  assert.ok(!jsonReader.detect('file:///package.json', 'json', '{"name": "x", "version": "1.0.0"}'));
  assert.ok(!jsonReader.detect('file:///policy.json', 'json', '{"Version": "2012-10-17", "Statement": []}'));
  assert.ok(
    !yamlReader.detect('file:///serverless.yml', 'yaml', 'service: x\nprovider:\n  name: aws\nresources:\n  Resources:\n    Q:\n      Type: AWS::SQS::Queue\n'),
  );
  assert.ok(!yamlReader.detect('file:///a.py', 'python', ROLE_YAML));
  // a file that said yes but is no template after all
  assert.equal(yamlReader.read('file:///t.yaml', 'Resourcesish: 1\n'), undefined);
});

test('the kinds table names only properties the specification has, and every path is a plain path', () => {
  assert.deepEqual(unusedKindEntries(), []);
  for (const [type, properties] of POLICY_PROPERTIES) {
    for (const { path } of properties) assert.match(path, /^[A-Za-z][\w-]*(\[\])?(\.[A-Za-z][\w-]*(\[\])?)*$/, `${type} ${path}`);
  }
  assert.ok(POLICY_PROPERTIES.get('AWS::IAM::Role')?.some(p => p.path === 'Policies[].PolicyDocument'));
});

/** Each literal and unknown piece of the policy's virtual text, the template text it maps to, and whether one to one. */
function piecesOf(reader: typeof jsonReader, text: string): Array<[string, string, boolean]> {
  const [policy] = readTemplate(reader, text).policies;
  const virtual = virtualOf(policy, text);
  return virtual.segments
    .filter(s => s.role === 'part' || s.role === 'unknown')
    .map(s => [virtual.text.slice(s.offset, s.offset + s.length), text.slice(s.hostOffset, s.hostOffset + s.hostLength), s.exact ?? false]);
}

test('YAML strings: every style maps each character written as is one to one, escapes, folds and Sub references onto what they are written as', () => {
  const text = `Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Sid: "a\\x41b\\u00e9c\\U00000041d\\te"
            Action: 'it''s:x'
            Resource: !Sub "arn:\${AWS::Partition}:s3:::\${B}/\${!aws:username}/\${ Name }x"
            NotResource: !Sub
              - "a\${X}b\${Y}c\${Z}"
              - { X: known, Y: !Ref R }
            Condition:
              StringLike:
                k1: |
                  line one

                  line three
                k2: >
                  folded one
                  folded two
                k3: "two
                  lines"
                k4: plain \${x}
                k5: ""
                k6: !Sub "\${a\${b}c}d"
                k7: !Sub "x\${unclosed"
`;
  const key = (name: string): [string, string, boolean] => [name, name, true];
  assert.deepEqual(piecesOf(yamlReader, text), [
    key('Statement'),
    key('Sid'),
    ['a', 'a', true],
    ['A', '\\x41', false],
    ['b', 'b', true],
    ['é', '\\u00e9', false],
    ['c', 'c', true],
    ['A', '\\U00000041', false],
    ['d', 'd', true],
    ['\\t', '\\t', false],
    ['e', 'e', true],
    key('Action'),
    ['it', 'it', true],
    ["'", "''", false],
    ['s:x', 's:x', true],
    key('Resource'),
    ['arn:', 'arn:', true],
    ['${AWS::Partition}', '${AWS::Partition}', false],
    [':s3:::', ':s3:::', true],
    ['${B}', '${B}', false],
    ['/', '/', true],
    ['${aws:username}', '${!aws:username}', false],
    ['/', '/', true],
    ['${Name}', '${ Name }', false],
    ['x', 'x', true],
    key('NotResource'),
    ['a', 'a', true],
    ['known', '${X}', false],
    ['b', 'b', true],
    ['${Y}', '${Y}', false],
    ['c', 'c', true],
    ['${Z}', '${Z}', false],
    key('Condition'),
    key('StringLike'),
    key('k1'),
    ['line one', 'line one', true],
    ['\\n\\n', '\n\n                  ', false],
    ['line three', 'line three', true],
    ['\\n', '\n', false],
    key('k2'),
    ['folded one folded two\\n', '>\n                  folded one\n                  folded two\n', false],
    key('k3'),
    ['two lines', '"two\n                  lines"', false],
    key('k4'),
    ['plain ${x}', 'plain ${x}', true],
    key('k5'),
    key('k6'),
    ['${a b}', '${a${b}', false],
    ['c}d', 'c}d', true],
    key('k7'),
    ['x${unclosed', 'x${unclosed', true],
  ]);
});

test('JSON strings: runs between escapes, consecutive escapes as one piece, Fn::Sub references in between', () => {
  const text = `{"Resources": {"P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": {"Statement": [{"Sid": "a\\u0041b\\n\\"c\\\\d", "Resource": {"Fn::Sub": "arn:\${A}:\\u0041\${B}"}}]}}}}}`;
  assert.deepEqual(piecesOf(jsonReader, text), [
    ['Statement', 'Statement', true],
    ['Sid', 'Sid', true],
    ['a', 'a', true],
    ['A', '\\u0041', false],
    ['b', 'b', true],
    ['\\n\\"', '\\n\\"', false],
    ['c', 'c', true],
    ['\\\\', '\\\\', false],
    ['d', 'd', true],
    ['Resource', 'Resource', true],
    ['arn:', 'arn:', true],
    ['${A}', '${A}', false],
    [':', ':', true],
    ['A', '\\u0041', false],
    ['${B}', '${B}', false],
  ]);
});

test('YAML values: key styles, an alias as null, keys that are not scalars skipped, numbers that would lose digits kept as written', () => {
  const text = `Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - "Effect": Allow
            'Action': &a s3:x
            NotAction: *a
            ? [complex]
            : key
            1: one
            Resource: [{ a: 012345678901, b: 12345678901234567890, c: 1.5, d: true, e: null, f: 2012-10-17, g: ~, h: 0x1F },
      ]
            Condition: {
      }
`;
  const result = readTemplate(yamlReader, text);
  assert.deepEqual(result.problems, []);
  const virtual = virtualOf(result.policies[0], text);
  assert.deepEqual(JSON.parse(virtual.text).Statement[0], {
    Effect: 'Allow',
    Action: 's3:x',
    NotAction: null,
    1: 'one',
    Resource: [{ a: '012345678901', b: '12345678901234567890', c: 1.5, d: true, e: null, f: '2012-10-17', g: null, h: 31 }],
    Condition: {},
  });
  const keyStyle = (key: string) => virtual.segments.find(s => s.role === 'key' && virtual.text.slice(s.offset, s.offset + s.length) === `"${key}"`)?.style;
  assert.deepEqual(['Effect', 'Action', 'NotAction'].map(keyStyle), ['yaml-double', 'yaml-single', 'yaml-plain']);
  // two closing brackets at their key's indentation: both read, the spans after them unchanged
  assert.equal(hostTextOf(virtual, text, '"Condition"', 'key'), 'Condition');
  assert.equal(hostTextOf(virtual, text, '"2012-10-17"', 'string'), '2012-10-17');
});

test('JSON: a missing value is null with one problem at it; nesting past 256 levels is null, in JSON and YAML', () => {
  const text = `{"Resources": {"P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Sid": , "Action": "s3:x"}]}}}}}`;
  const result = readTemplate(jsonReader, text);
  assert.deepEqual(result.problems, [{ offset: text.indexOf(', "Action"'), length: 1, message: 'The template is not valid JSON: value expected.' }]);
  assert.deepEqual(policyValue(result.policies[0], text), { Statement: [{ Effect: 'Allow', Sid: null, Action: 's3:x' }] });
  const innermost = (value: unknown): unknown => (Array.isArray(value) ? innermost(value[0]) : value);
  // the statement's Resource is at depth 7 of the template: 249 brackets put "x" at depth 256
  for (const [brackets, expected] of [
    [249, 'x'],
    [250, null],
  ] as const) {
    const json = `{"Resources": {"P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": {"Statement": [{"Resource": ${'['.repeat(brackets)}"x"${']'.repeat(brackets)}}]}}}}}`;
    const yaml = `Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Resource: ${'['.repeat(brackets)}x${']'.repeat(brackets)}\n`;
    for (const [reader, template] of [
      [jsonReader, json],
      [yamlReader, yaml],
    ] as const) {
      const read = readTemplate(reader, template);
      assert.deepEqual(read.problems, []);
      assert.equal(innermost((policyValue(read.policies[0], template) as { Statement: Array<{ Resource: unknown }> }).Statement[0].Resource), expected);
    }
  }
});

test('fixes written into YAML: inside plain, single- and double-quoted scalars, whole numbers, Booleans and keys; unsafe or overlapping edits refused', () => {
  const text = `Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: [s3:GetObjct, 's3:PutObjct', "s3:ListBuckt"]
            Resource: !Sub "arn:\${AWS::Partition}:s3:::b/*"
            Condition:
              Bool: { "aws:SecureTransport": false }
              NumericLessThan: { "s3:max-keys": 10 }
`;
  const read = readTemplate(yamlReader, text);
  const [policy] = templateDocument('file:///fix/template.yaml', 'yaml', text, read).policies;
  const virtual = policy.virtual.text;
  const reread = (changed: string) => yamlReader.read('file:///fix/again.yaml', changed);
  /** The template after the virtual edits, or undefined when they are refused. */
  const fixed = (...changes: Array<[string, number, number, string]>) => {
    const edits = verifiedHostEdits(
      text,
      policy,
      changes.map(([piece, from, length, replacement]) => ({ offset: virtual.indexOf(piece) + from, length, text: replacement })),
      reread,
    );
    return edits && applyChanges(text, edits);
  };
  // an insertion inside a literal keeps its place, in each style
  assert.equal(fixed(['s3:GetObjct', 9, 0, 'e']), text.replace('s3:GetObjct', 's3:GetObject'), 'case 1');
  assert.equal(fixed(['s3:PutObjct', 9, 0, 'e']), text.replace('s3:PutObjct', 's3:PutObject'), 'case 2');
  assert.equal(fixed(['s3:ListBuckt', 11, 0, 'e']), text.replace('s3:ListBuckt', 's3:ListBucket'), 'case 3');
  // escaped as each style needs
  assert.equal(fixed(['s3:PutObjct', 3, 0, "it's"]), text.replace("'s3:PutObjct'", "'s3:it''sPutObjct'"), 'case 4');
  assert.equal(fixed([':s3:::b/', 8, 0, '${aws:username}/']), text.replace('s3:::b/*', 's3:::b/${!aws:username}/*'), 'case 5');
  // a plain scalar cannot take an indicator inside it
  assert.equal(fixed(['s3:GetObjct', 3, 0, ': #']), undefined, 'case 6');
  // whole values: a Boolean, a number, a key, a string
  assert.equal(fixed(['false', 0, 5, 'true']), text.replace('false', 'true'), 'case 7');
  assert.equal(fixed(['10', 0, 2, '20']), text.replace('10 }', '20 }'), 'case 8');
  assert.equal(fixed(['"Bool"', 0, 6, '"BoolIfExists"']), text.replace('Bool:', 'BoolIfExists:'), 'case 9');
  assert.equal(fixed(['"Allow"', 0, 7, '"Deny"']), text.replace('Effect: Allow', 'Effect: Deny'), 'case 10');
  // a whole value that is not a string, number or Boolean, and edits that overlap, are refused
  assert.equal(fixed(['"Allow"', 0, 7, '["Deny"]']), undefined, 'case 11');
  assert.equal(fixed(['s3:GetObjct', 0, 4, 'x'], ['s3:GetObjct', 2, 4, 'y']), undefined, 'case 12');
  assert.equal(fixed(), undefined, 'case 13');
});

test('detect: each sign of a template, and its near misses', () => {
  const json = (uri: string, languageId: string, text: string) => isCloudFormationJson(uri, languageId, text);
  const yaml = (uri: string, languageId: string, text: string) => isCloudFormationYaml(uri, languageId, text);
  const header = '{"AWSTemplateFormatVersion": "2010-09-09"}';
  // JSON: by language or by name (any case), the text starting with `{` within its first 4 KiB
  assert.deepEqual(
    [
      json('file:///a/t.json', 'plaintext', header),
      json('file:///a/T.JSON', 'plaintext', header),
      json('file:///a/t.template', 'plaintext', header),
      json('untitled:1', 'json', header),
      json('untitled:1', 'jsonc', header),
      json('file:///a/t.txt', 'plaintext', header),
      json('file:///a/t.json', 'json', `\n  ${header}`),
      json('file:///a/t.json', 'json', `${' '.repeat(4096)}${header}`),
      json('file:///a/t.json', 'json', `[${header}]`),
      json('file:///a/t.json', 'json', ''),
    ],
    [true, true, true, true, true, false, true, false, false, false],
  );
  // JSON: the header, or SAM's transform, within the head; or Resources with an AWS type anywhere
  const late = `{"Description": "${'x'.repeat(DETECT_HEAD)}", `;
  assert.deepEqual(
    [
      json('file:///t.json', 'json', '{"Transform": "AWS::Serverless-2016-10-31", "Resources": {}}'),
      json('file:///t.json', 'json', '{"Transform": ["AWS::LanguageExtensions"], "Resources": {}}'),
      json('file:///t.json', 'json', '{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}'),
      json('file:///t.json', 'json', '{"Resources": {"Q": {"Type": "Custom::Thing"}}}'),
      json('file:///t.json', 'json', '{"Resources": [], "Type": "AWS::SQS::Queue"}'),
      json('file:///t.json', 'json', `${late}"AWSTemplateFormatVersion": "2010-09-09"}`),
      json('file:///t.json', 'json', `${late}"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}`),
    ],
    [true, false, true, false, false, false, true],
  );
  // YAML: by language or name, not a flow mapping, not Serverless; the same keys, quoted or not
  const yamlHeader = 'AWSTemplateFormatVersion: "2010-09-09"\n';
  assert.deepEqual(
    [
      yaml('file:///a/t.YML', 'plaintext', yamlHeader),
      yaml('file:///a/t.yaml', 'plaintext', yamlHeader),
      yaml('file:///a/t.template', 'plaintext', yamlHeader),
      yaml('untitled:1', 'yaml', yamlHeader),
      yaml('file:///a/t.txt', 'plaintext', yamlHeader),
      yaml('file:///a/t.yaml', 'yaml', '{AWSTemplateFormatVersion: "2010-09-09"}'),
      yaml('file:///a/t.yaml', 'yaml', `service: x\nprovider:\n  name: aws\n${yamlHeader}`),
      yaml('file:///a/t.yaml', 'yaml', '"AWSTemplateFormatVersion": "2010-09-09"\n'),
      yaml('file:///a/t.yaml', 'yaml', 'Description: x\n  AWSTemplateFormatVersion: "2010-09-09"\n'),
      yaml('file:///a/t.yaml', 'yaml', "'Transform': AWS::Serverless-2016-10-31\n"),
      yaml('file:///a/t.yaml', 'yaml', 'Transform: AWS::LanguageExtensions\n'),
      yaml('file:///a/t.yaml', 'yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n'),
      yaml('file:///a/t.yaml', 'yaml', "Resources:\n  Q:\n    'Type': 'AWS::SQS::Queue'\n"),
      yaml('file:///a/t.yaml', 'yaml', 'Resources:\n  Q:\n    Type: Custom::Thing\n'),
      yaml('file:///a/t.yaml', 'yaml', 'Other:\n  Resources:\n    Type: AWS::SQS::Queue\n'),
      yaml('file:///a/t.yaml', 'yaml', `Description: ${'x'.repeat(DETECT_HEAD)}\n${yamlHeader}`),
    ],
    [true, true, true, true, false, false, false, true, false, true, false, true, true, false, false, false],
  );
  // Serverless: serverless.yml by name (any folder separator, any case, any language), or YAML with service and provider in the head
  const framework = 'service: x\nprovider:\n  name: aws\n';
  assert.deepEqual(
    [
      isServerlessTemplate('file:///app/serverless.yml', 'plaintext', ''),
      isServerlessTemplate('file:///app/Serverless.YAML', 'plaintext', ''),
      isServerlessTemplate('C:\\app\\serverless.yml', 'plaintext', ''),
      isServerlessTemplate('serverless.yml', 'plaintext', ''),
      isServerlessTemplate('file:///app/myserverless.yml', 'plaintext', ''),
      isServerlessTemplate('file:///app/serverless.yml.bak', 'plaintext', framework),
      isServerlessTemplate('untitled:1', 'yaml', framework),
      isServerlessTemplate('file:///app/x.YML', 'plaintext', framework),
      isServerlessTemplate('file:///app/x.json', 'json', framework),
      isServerlessTemplate('untitled:1', 'yaml', 'service: x\n'),
      isServerlessTemplate('untitled:1', 'yaml', 'provider:\n  name: aws\n'),
      isServerlessTemplate('untitled:1', 'yaml', `x: ${'y'.repeat(DETECT_HEAD)}\n${framework}`),
    ],
    [true, true, true, true, false, false, true, true, false, false, false, false],
  );
});

test('intrinsics: AWS::NoValue dropped, Fn::If branches, GetAtt names, Sub variables, Join pieces, other functions unknown', () => {
  const text = `Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Sid: !Ref AWS::NoValue
            Action: [s3:A, !Ref AWS::NoValue, !If [C, !Ref AWS::NoValue, s3:B], !If [C, s3:C, s3:D], !If [C, !Ref AWS::NoValue, !Ref AWS::NoValue], !If [C, s3:E], !If [C, !If [D, !Ref AWS::NoValue, s3:F], s3:G]]
            Resource:
              - !GetAtt Bucket.Arn
              - Fn::GetAtt: [B, Arn]
              - Fn::GetAtt: [B, !Ref X]
              - Fn::GetAtt: {a: 1}
              - !Sub [ "a\${N}b\${R}c\${T}d\${Z}", { N: 5, R: !Ref X, T: true, Z: null } ]
              - !Sub [ [a], {} ]
              - !Sub [ "x\${Y}" ]
              - !Join ["", [a, !Ref B, 5, true]]
              - !Join [":", [a, !Ref AWS::NoValue, b]]
              - !Join ["", [a, [nested]]]
              - !Join [!Ref D, [a, b]]
              - !Join [",", !Ref L]
              - !Join ["-"]
              - !Join ["-", !Split [",", x]]
              - !Ref [a]
              - !Select [0, [a]]
              - !Condition X
              - { "Fn::Base64": x }
              - { Ref: A, Other: 1 }
              - 5
              - true
              - null
`;
  const result = readTemplate(yamlReader, text);
  assert.deepEqual(result.problems, []);
  const [policy] = result.policies;
  assert.equal(policy.partial, true, 'an Fn::If');
  assert.deepEqual(policyValue(policy, text), {
    Statement: [
      {
        Effect: 'Allow',
        Action: ['s3:A', 's3:B', 's3:C', '${Fn::If}', 's3:F'],
        Resource: [
          '${Bucket.Arn}',
          '${B.Arn}',
          '${B.Ref}',
          '${Fn::GetAtt}',
          'a5b${R}ctrued${Z}',
          '${Fn::Sub}',
          'x${Y}',
          'a${B}5true',
          'a:b',
          '${Fn::Join}',
          '${Fn::Join}',
          '${Fn::Join}',
          '${Fn::Join}',
          '${Fn::Join}',
          '${Ref}',
          '${Fn::Select}',
          '${Condition}',
          '${Fn::Base64}',
          { Ref: 'A', Other: 1 },
          5,
          true,
          null,
        ],
      },
    ],
  });
  const plain = text.replace(/, !If \[C, [^\]]*\]|, !If \[C, !If[^\]]*\][^\]]*\]/g, '');
  assert.equal(readTemplate(yamlReader, plain).policies[0].partial, undefined, 'without Fn::If');
});

test('resources: which are read, the quota of an IAM::Policy by what it is attached to, Fn::If and AWS::NoValue around policies', () => {
  const doc = (a: string) => `{ Statement: [{ Effect: Allow, Action: "${a}", Resource: "*" }] }`;
  const text = `Resources:
  NoType:
    Properties:
      PolicyDocument: ${doc('s3:A')}
  ListProperties:
    Type: AWS::IAM::ManagedPolicy
    Properties: [a]
  TaggedProperties:
    Type: AWS::IAM::ManagedPolicy
    Properties: !If [C, { PolicyDocument: ${doc('s3:B')} }, !Ref AWS::NoValue]
  RoleOnly:
    Type: AWS::IAM::Policy
    Properties:
      Roles: [r]
      PolicyDocument: ${doc('s3:C')}
  UserOnly:
    Type: AWS::IAM::Policy
    Properties:
      Users: [u]
      PolicyDocument: ${doc('s3:D')}
  GroupOnly:
    Type: AWS::IAM::Policy
    Properties:
      Groups: [g]
      PolicyDocument: ${doc('s3:E')}
  RoleAndUser:
    Type: AWS::IAM::Policy
    Properties:
      Roles: [r]
      Users: [u]
      PolicyDocument: ${doc('s3:F')}
  BusList:
    Type: AWS::Events::EventBusPolicy
    Properties:
      StatementId: x
      Statement: [a]
  BusNoValue:
    Type: AWS::Events::EventBusPolicy
    Properties:
      Statement: !Ref AWS::NoValue
  BusNone:
    Type: AWS::Events::EventBusPolicy
    Properties:
      StatementId: x
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: !If [C, ${doc('sts:AssumeRole')}, !Ref AWS::NoValue]
      Policies:
        - !Ref AWS::NoValue
        - PolicyName: a
          PolicyDocument: ${doc('s3:G')}
        - !If [C, { PolicyName: b, PolicyDocument: ${doc('s3:H')} }, !Ref AWS::NoValue]
        - PolicyName: c
          PolicyDocument: !Ref AWS::NoValue
  RoleMapPolicies:
    Type: AWS::IAM::Role
    Properties:
      Policies: { PolicyName: a, PolicyDocument: ${doc('s3:I')} }
  RoleTaggedPolicies:
    Type: AWS::IAM::Role
    Properties:
      Policies: !If [C, [{ PolicyName: a, PolicyDocument: ${doc('s3:J')} }], !Ref AWS::NoValue]
  RoleNoPolicies:
    Type: AWS::IAM::Role
    Properties:
      Policies: !Ref AWS::NoValue
`;
  const result = readTemplate(yamlReader, text);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(
    result.policies.map(p => [p.resource, p.property, p.kind ?? null, p.limit ?? null, p.partial ?? false]),
    [
      ['RoleOnly', 'PolicyDocument', 'identity', 'inline-role', false],
      ['UserOnly', 'PolicyDocument', 'identity', 'inline-user', false],
      ['GroupOnly', 'PolicyDocument', 'identity', 'inline-group', false],
      ['RoleAndUser', 'PolicyDocument', 'identity', null, false],
      ['Role', 'AssumeRolePolicyDocument', 'trust', 'trust', true],
      ['Role', 'Policies[1].PolicyDocument', 'identity', 'inline-role', false],
      ['Role', 'Policies[2].PolicyDocument', 'identity', 'inline-role', true],
      ['RoleTaggedPolicies', 'Policies[0].PolicyDocument', 'identity', 'inline-role', true],
    ],
  );
  for (const resources of ['Resources: !Ref X\n', 'Resources: [a]\n', 'Resources:\n  R: !Ref X\n']) {
    const read = readTemplate(yamlReader, `AWSTemplateFormatVersion: "2010-09-09"\n${resources}`);
    assert.deepEqual([read.policies, read.problems], [[], []], resources);
  }
});

test('a policy as a string: JSON text only when its first written character is `{`, escaped as its scalar style needs', () => {
  const text = `Resources:
  Spaced:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: "  {\\"Statement\\": []}"
  Joined:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: !Join ["", ["  ", '{"Statement": []}']]
  UnknownFirst:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: !Join ["", [!Ref X, '{"Statement": []}']]
  Arn:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: "abc {"
  Single:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: '{"Statement": []}'
  Plain:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: {"Statement": []}
  Number:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: 5
`;
  assert.deepEqual(
    readTemplate(yamlReader, text).policies.map(p => [p.resource, 'json' in p.body ? p.body.json.escape : 'tree']),
    [
      ['Spaced', 'json-string'],
      ['Joined', 'json-string'],
      ['Single', 'heredoc'],
      ['Plain', 'tree'],
    ],
  );
  // statements listed on their own get a synthetic Version at the list's key, and neither key is renamed by fixes
  const serverless =
    'service: x\nprovider:\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: s3:GetObject\n          Resource: "*"\n';
  const virtual = virtualOf(readTemplate(serverlessReader, serverless, 'file:///serverless.yml').policies[0], serverless);
  const at = serverless.indexOf('statements');
  assert.deepEqual(
    virtual.segments
      .filter(s => s.role === 'key' || s.role === 'string')
      .slice(0, 3)
      .map(s => [virtual.text.slice(s.offset, s.offset + s.length), s.hostOffset, s.hostLength, s.fixed ?? null, s.style]),
    [
      ['"Version"', at, 0, true, 'synthetic'],
      ['"2012-10-17"', at, 0, null, 'synthetic'],
      ['"Statement"', at, 10, true, 'yaml-plain'],
    ],
  );
});

test('raw values: JSON errors each a problem where they are, entries and missing values placed; YAML entries, aliases, !!str and numbers', () => {
  const segmentsOf = (reader: typeof jsonReader, text: string) => {
    const [policy] = readTemplate(reader, text).policies;
    const virtual = virtualOf(policy, text);
    return virtual.segments
      .filter(s => s.role === 'entry' || s.role === 'scalar')
      .map(s => [
        s.role,
        virtual.text.slice(s.offset, s.offset + s.length).replace(/\s+/g, ''),
        text.slice(s.hostOffset, s.hostOffset + s.hostLength),
        s.hostOffset,
      ]);
  };
  const prefix = '{"Resources": {"P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": {"Statement": [{';
  const json = `${prefix}"Effect": "Allow", 1: 2, "Sid": , "N": [1,]}]}}}}}`;
  const expected = (at: string, message: string, length = 1) => [json.indexOf(at), length, `The template is not valid JSON: ${message}.`];
  assert.deepEqual(
    readTemplate(jsonReader, json).problems.map(p => [p.offset, p.length, p.message]),
    [
      expected('1: 2', 'property name expected'),
      [json.indexOf('1: 2') + 4, 1, 'The template is not valid JSON: value expected.'],
      expected(', "N"', 'value expected'),
      expected(']}]', 'value expected'),
    ],
  );
  assert.deepEqual(segmentsOf(jsonReader, json).slice(1), [
    ['entry', '"Effect":"Allow"', '"Effect": "Allow"', json.indexOf('"Effect"')],
    ['entry', '"Sid":null', '"Sid": ', json.indexOf('"Sid"')],
    ['scalar', 'null', '', json.indexOf('"Sid"') + 5],
    ['entry', '"N":[1]', '"N": [1,]', json.indexOf('"N"')],
    ['scalar', '1', '1', json.indexOf('[1,]') + 1],
  ]);
  const invalid = `${prefix}"Effect": tru}]}}}}}`;
  assert.deepEqual(readTemplate(jsonReader, invalid).problems[0], {
    offset: invalid.indexOf('tru'),
    length: 3,
    message: 'The template is not valid JSON: invalid symbol.',
  });
  assert.deepEqual(readTemplate(jsonReader, '').problems, [{ offset: 0, length: 1, message: 'The template is not valid JSON: value expected.' }]);
  const yaml = `Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: !!str s3:GetObject
            Sid:
            NotAction: &a x
            NotResource: *a
            Condition: { N: { k: 1005, j: +012, i: 0.5 } }
`;
  assert.deepEqual(policyValue(readTemplate(yamlReader, yaml).policies[0], yaml), {
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Sid: null, NotAction: 'x', NotResource: null, Condition: { N: { k: 1005, j: '+012', i: 0.5 } } }],
  });
  assert.deepEqual(
    segmentsOf(yamlReader, yaml)
      .slice(1)
      .map(([role, , host]) => [role, host]),
    [
      ['entry', 'Effect: Allow'],
      ['entry', 'Action: !!str s3:GetObject'],
      ['entry', 'Sid:'],
      ['scalar', ''],
      ['entry', 'NotAction: &a x'],
      ['entry', 'NotResource: *a'],
      ['scalar', '*a'],
      ['entry', 'Condition: { N: { k: 1005, j: +012, i: 0.5 } }'],
      ['entry', 'N: { k: 1005, j: +012, i: 0.5 }'],
      ['entry', 'k: 1005'],
      ['scalar', '1005'],
      ['entry', 'j: +012'],
      ['entry', 'i: 0.5'],
      ['scalar', '0.5'],
    ],
  );
});

test('fixes written into JSON: inside a policy written as a JSON string, whole tokens, Fn::Sub strings; synthetic and fixed keys refused', () => {
  const fixer = (reader: typeof jsonReader, uri: string, text: string) => {
    const [policy] = templateDocument(uri, 'json', text, reader.read(uri, text)!).policies;
    const virtual = policy.virtual.text;
    return (piece: string, from: number, length: number, replacement: string) => {
      const edits = verifiedHostEdits(text, policy, [{ offset: virtual.indexOf(piece) + from, length, text: replacement }], changed =>
        reader.read(uri, changed),
      );
      return edits && applyChanges(text, edits);
    };
  };
  const jsonString = `{"Resources": {"Key": {"Type": "AWS::KMS::Key", "Properties": {"KeyPolicy":
    "{\\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Principal\\": {\\"AWS\\": \\"*\\"}, \\"Action\\": \\"kms:Decryptt\\", \\"Resource\\": \\"*\\"}]}"}}}}`;
  const inString = fixer(jsonReader, 'file:///t.json', jsonString);
  assert.equal(inString('kms:Decryptt', 11, 1, ''), jsonString.replace('kms:Decryptt', 'kms:Decrypt'));
  assert.equal(inString('"Effect"', 0, 0, '"Sid": "a\\\\b", '), jsonString.replace('\\"Effect', '\\"Sid\\": \\"a\\\\\\\\b\\", \\"Effect'));
  assert.equal(inString('{"Statement"', 0, 1, ''), undefined, 'a policy that is no longer JSON');
  const json = `{"Resources": {"P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:GetObjct", "Resource": {"Fn::Sub": "arn:aws:s3:::\${B}/*"}, "Condition": {"Bool": {"aws:SecureTransport": false}}}]}}}}}`;
  const inTree = fixer(jsonReader, 'file:///t.json', json);
  assert.equal(inTree('"s3:GetObjct"', 0, 13, '"s3:GetObject"'), json.replace('s3:GetObjct', 's3:GetObject'));
  assert.equal(inTree('false', 0, 5, 'true'), json.replace('false', 'true'));
  assert.equal(inTree('"Bool"', 0, 6, '"BoolIfExists"'), json.replace('"Bool"', '"BoolIfExists"'));
  assert.equal(inTree('"arn:aws:s3:::${B}/*"', 0, 21, '"arn:aws:s3:::${B}/${aws:username}"'), json.replace('${B}/*', '${B}/${!aws:username}'));
  assert.equal(inTree('"Allow"', 0, 7, '{}'), undefined);
  const serverless =
    'service: x\nprovider:\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: s3:GetObject\n          Resource: "*"\n';
  const inServerless = fixer(serverlessReader, 'file:///serverless.yml', serverless);
  assert.equal(inServerless('"2012-10-17"', 0, 12, '"2008-10-17"'), undefined, 'the synthetic Version');
  assert.equal(inServerless('"Statement"', 0, 11, '"Statements"'), undefined, "the list's key is not Statement's");
  assert.equal(inServerless('"Effect"', 0, 8, '"Effects"'), serverless.replace('Effect:', 'Effects:'));
});

test('a template by any of its top-level keys; Serverless variables are plain text in CloudFormation', () => {
  const readYaml = (text: string) => {
    const result = yamlReader.read('file:///t.yaml', text);
    return result && [result.format, result.policies.length, result.problems.length];
  };
  assert.deepEqual(readYaml('AWSTemplateFormatVersion: "2010-09-09"\n'), ['cloudformation-yaml', 0, 0]);
  assert.deepEqual(readYaml('Transform: AWS::Serverless-2016-10-31\n'), ['cloudformation-yaml', 0, 0]);
  assert.deepEqual(readYaml('Resources: {}\n'), ['cloudformation-yaml', 0, 0]);
  assert.equal(readYaml('Description: x\n'), undefined);
  assert.equal(readYaml('- Resources\n'), undefined);
  assert.deepEqual(readYaml('Description: [x\n'), ['cloudformation-yaml', 0, 1]);
  const json = jsonReader.read('file:///t.json', '{"Transform": "AWS::Serverless-2016-10-31"}');
  assert.deepEqual(json && [json.format, json.policies.length, json.problems.length], ['cloudformation-json', 0, 0]);
  const text = `Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: arn:aws:s3:::\${self:custom.bucket}/*
`;
  const virtual = virtualOf(readTemplate(yamlReader, text).policies[0], text);
  assert.equal(JSON.parse(virtual.text).Statement[0].Resource, 'arn:aws:s3:::${self:custom.bucket}/*');
  assert.deepEqual(virtual.unknowns, []);
});
