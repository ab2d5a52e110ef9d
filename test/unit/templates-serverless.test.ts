// SAM (a CloudFormation transform, read by the CloudFormation readers) and the Serverless Framework.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cloudFormationYamlReader as yamlReader } from '../../server/src/templates/cloudformation/readers';
import { SAM_POLICY_TEMPLATES } from '../../server/src/templates/cloudformation/samPolicyTemplates';
import { serverlessReader } from '../../server/src/templates/serverless/serverless';
import { hostTextOf, policyValue, readTemplate, virtualOf } from '../helpers/templates';

const SAM = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Policies:
        - AWSLambdaBasicExecutionRole
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/AmazonS3ReadOnlyAccess
        - S3ReadPolicy:
            BucketName: !Ref Bucket
        - Statement:
            Effect: Allow
            Action: dynamodb:GetItemm
            Resource: !GetAtt Table.Arn
        - Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Action: [sqs:SendMessage]
              Resource: "*"
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      Policies:
        Statement: [{Effect: Allow, Action: "lambda:InvokeFunction", Resource: "*"}]
  Other:
    Type: AWS::Serverless::Function
    Properties:
      Policies: AmazonDynamoDBFullAccess
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
  Api:
    Type: AWS::Serverless::Api
    Properties:
      Auth:
        ResourcePolicy:
          CustomStatements:
            - Effect: Allow
              Principal: "*"
              Action: execute-api:Invoke
              Resource: execute-api:/*
      DefinitionBody:
        x-amazon-apigateway-policy:
          Version: "2012-10-17"
          Statement: [{Effect: Deny, Principal: "*", Action: execute-api:Invoke, Resource: execute-api:/*}]
`;

test("SAM: inline statements are identity policies of the function's role; names and policy templates are named", () => {
  const result = readTemplate(yamlReader, SAM);
  assert.deepEqual(
    result.policies.map(p => [p.resource, p.resourceType, p.property, p.kind, p.limit, p.partial ?? false]),
    [
      ['Fn', 'AWS::Serverless::Function', 'Policies[3]', 'identity', 'inline-role', false],
      ['Fn', 'AWS::Serverless::Function', 'Policies[4]', 'identity', 'inline-role', false],
      ['Machine', 'AWS::Serverless::StateMachine', 'Policies', 'identity', 'inline-role', false],
      ['Other', 'AWS::Serverless::Function', 'AssumeRolePolicyDocument', 'trust', 'trust', false],
      ['Api', 'AWS::Serverless::Api', 'DefinitionBody.x-amazon-apigateway-policy', 'resource', undefined, false],
      ['Api', 'AWS::Serverless::Api', 'Auth.ResourcePolicy.CustomStatements', 'resource', undefined, true],
    ],
  );
  assert.deepEqual(
    result.namedPolicies.map(n => [n.resource, n.name, SAM.slice(n.span.offset, n.span.offset + n.span.length)]),
    [
      ['Fn', 'AWSLambdaBasicExecutionRole', 'AWSLambdaBasicExecutionRole'],
      ['Fn', 'arn:${AWS::Partition}:iam::aws:policy/AmazonS3ReadOnlyAccess', '!Sub arn:${AWS::Partition}:iam::aws:policy/AmazonS3ReadOnlyAccess'],
      ['Fn', 'S3ReadPolicy', 'S3ReadPolicy'],
      ['Other', 'AmazonDynamoDBFullAccess', 'AmazonDynamoDBFullAccess'],
    ],
  );
  // `Statement` written as a single map is accepted as written
  assert.deepEqual(policyValue(result.policies[0], SAM), { Statement: { Effect: 'Allow', Action: 'dynamodb:GetItemm', Resource: '${Table.Arn}' } });
  assert.equal(hostTextOf(virtualOf(result.policies[0], SAM), SAM, '"dynamodb:GetItemm"', 'string'), 'dynamodb:GetItemm');
  // custom statements get the Version SAM writes around them
  const custom = policyValue(result.policies[5], SAM) as { Version: string; Statement: unknown[] };
  assert.equal(custom.Version, '2012-10-17');
  assert.equal(custom.Statement.length, 1);
});

test('SAM policy templates: what each grants, for hover', () => {
  const s3Read = SAM_POLICY_TEMPLATES.S3ReadPolicy;
  assert.deepEqual(s3Read.parameters, ['BucketName']);
  assert.ok(s3Read.statements[0].actions.includes('s3:GetObject'));
  assert.deepEqual(s3Read.statements[0].resources, ['arn:${AWS::Partition}:s3:::${BucketName}', 'arn:${AWS::Partition}:s3:::${BucketName}/*']);
  assert.ok(Object.keys(SAM_POLICY_TEMPLATES).length >= 75);
  for (const [name, template] of Object.entries(SAM_POLICY_TEMPLATES)) {
    assert.ok(template.summary.endsWith('.'), name);
    for (const statement of template.statements) {
      for (const action of statement.actions) assert.match(action, /^[a-z0-9-]+:[A-Za-z0-9*]+$/, `${name} ${action}`);
      for (const resource of statement.resources) {
        // every ${Parameter} in a resource is a parameter of the template or a pseudo parameter
        for (const [, variable] of resource.matchAll(/\$\{([^}]+)\}/g))
          assert.ok(variable.startsWith('AWS::') || template.parameters.includes(variable), `${name} ${variable}`);
      }
    }
  }
});

const SERVERLESS = `service: orders
frameworkVersion: "3"
plugins:
  - serverless-iam-roles-per-function
provider:
  name: aws
  iam:
    role:
      statements:
        - Effect: Allow
          Action:
            - dynamodb:PutItemm
          Resource:
            - arn:aws:dynamodb:\${aws:region}:\${aws:accountId}:table/\${self:custom.table}-\${opt:stage, 'dev'}
            - Fn::GetAtt: [Queue, Arn]
            - "arn:aws:s3:::bucket/\${aws:username}/*"
  iamRoleStatements:
    - Effect: Allow
      Action: sqs:SendMessage
      Resource: { "Fn::Join": ["", ["arn:aws:sqs:", { Ref: "AWS::Region" }, ":", "\${sls:stage}"]] }
functions:
  create:
    handler: create.handler
    iamRoleStatements:
      - Effect: Allow
        Action: s3:PutObject
        Resource: !Sub arn:\${AWS::Partition}:s3:::\${env:BUCKET}/*
resources:
  Resources:
    QueuePolicy:
      Type: AWS::SQS::QueuePolicy
      Properties:
        Queues: [!Ref Queue]
        PolicyDocument:
          Statement: [{Effect: Allow, Principal: "*", Action: sqs:SendMessage, Resource: "*"}]
`;

test('Serverless: statement lists wrapped in a policy, variables unknown, resources read as CloudFormation', () => {
  assert.ok(serverlessReader.detect('file:///app/serverless.yml', 'yaml', SERVERLESS));
  assert.ok(serverlessReader.detect('file:///app/other.yaml', 'yaml', SERVERLESS));
  assert.ok(!serverlessReader.detect('file:///app/other.yaml', 'yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n'));
  const result = readTemplate(serverlessReader, SERVERLESS, 'file:///app/serverless.yml');
  assert.equal(result.format, 'serverless');
  assert.deepEqual(
    result.policies.map(p => [p.resource, p.resourceType, p.property, p.kind, p.limit, p.partial ?? false]),
    [
      ['provider.iam.role', 'serverless', 'statements', 'identity', 'inline-role', true],
      ['provider', 'serverless', 'iamRoleStatements', 'identity', 'inline-role', true],
      ['functions.create', 'serverless', 'iamRoleStatements', 'identity', 'inline-role', true],
      ['QueuePolicy', 'AWS::SQS::QueuePolicy', 'PolicyDocument', 'resource', undefined, false],
    ],
  );
  const virtual = virtualOf(result.policies[0], SERVERLESS);
  assert.deepEqual(JSON.parse(virtual.text), {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['dynamodb:PutItemm'],
        Resource: [
          "arn:aws:dynamodb:${aws:region}:${aws:accountId}:table/${self:custom.table}-${opt:stage, 'dev'}",
          '${Queue.Arn}',
          'arn:aws:s3:::bucket/${aws:username}/*',
        ],
      },
    ],
  });
  // Serverless variables are unknown; the policy variable ${aws:username} is not
  assert.deepEqual(virtual.unknowns.sort(), ['${Queue.Arn}', '${aws:accountId}', '${aws:region}', "${opt:stage, 'dev'}", '${self:custom.table}']);
  // the synthetic Version cannot be edited; Statement's key is the list's key as written
  assert.ok(virtual.segments.some(s => s.role === 'string' && s.style === 'synthetic'));
  assert.equal(hostTextOf(virtual, SERVERLESS, '"Statement"', 'key'), 'statements');
  assert.equal(hostTextOf(virtual, SERVERLESS, '"dynamodb:PutItemm"', 'string'), 'dynamodb:PutItemm');
  assert.deepEqual(JSON.parse(virtualOf(result.policies[1], SERVERLESS).text).Statement[0].Resource, 'arn:aws:sqs:${AWS::Region}:${sls:stage}');
  assert.deepEqual(JSON.parse(virtualOf(result.policies[2], SERVERLESS).text).Statement[0].Resource, 'arn:${AWS::Partition}:s3:::${env:BUCKET}/*');
});

test('Serverless: a role given by name is no policy; function statements need the per-function plugin', () => {
  const text =
    'service: x\nprovider:\n  name: aws\n  iam:\n    role: arn:aws:iam::111122223333:role/existing\n' +
    'functions:\n  f:\n    handler: h\n    iamRoleStatements:\n      - {Effect: Allow, Action: "s3:*", Resource: "*"}\n';
  const result = readTemplate(serverlessReader, text);
  assert.deepEqual(result.policies, []);
  assert.equal(serverlessReader.read('file:///x.yml', 'a: 1\n'), undefined);
  assert.equal(readTemplate(serverlessReader, 'service: x\nprovider: [\n').problems.length, 1);
});

test('Serverless: a variable with nested variables is one unknown, to its own closing brace', () => {
  const text = `service: app
provider:
  name: aws
  iam:
    role:
      statements:
        - Effect: Allow
          Action: s3:GetObject
          Resource:
            - "arn:aws:s3:::\${self:custom.bucket.\${opt:stage}}/\${aws:username}/*"
            - arn:aws:s3:::\${self:custom.\${opt:stage}.\${opt:region}}-x/\${unclosed
`;
  const [policy] = readTemplate(serverlessReader, text, 'file:///app/serverless.yml').policies;
  const virtual = virtualOf(policy, text);
  assert.deepEqual(JSON.parse(virtual.text).Statement[0].Resource, [
    'arn:aws:s3:::${self:custom.bucket. opt:stage}/${aws:username}/*',
    'arn:aws:s3:::${self:custom. opt:stage . opt:region}-x/${unclosed',
  ]);
  assert.deepEqual(virtual.unknowns, ['${self:custom.bucket. opt:stage}', '${self:custom. opt:stage . opt:region}']);
  assert.equal(hostTextOf(virtual, text, '${self:custom.bucket. opt:stage}', 'unknown'), '${self:custom.bucket.${opt:stage}}');
  assert.equal(hostTextOf(virtual, text, 'arn:aws:s3:::', 'part'), 'arn:aws:s3:::');
});

test('Serverless: where statement lists are read, with which plugins, and which files are Serverless at all', () => {
  const templates: Record<string, string> = {
    legacy: `provider:\n  name: aws\n  iamRoleStatements:\n    - Effect: Allow\n      Action: s3:GetObject\n      Resource: "*"\n`,
    roleString: `service: x\nprovider:\n  iam:\n    role: arn:aws:iam::111122223333:role/r\n`,
    emptyStatements: `service: x\nprovider:\n  iam:\n    role:\n      statements:\n`,
    scalarStatements: `service: x\nprovider:\n  iam:\n    role:\n      statements: x\n`,
    mapStatements: `service: x\nprovider:\n  iam:\n    role:\n      statements:\n        Effect: Allow\n        Action: s3:GetObject\n        Resource: "*"\n`,
    pluginsMap: `service: x\nplugins:\n  modules:\n    - serverless-iam-roles-per-function\nfunctions:\n  f:\n    iamRoleStatements:\n      - Effect: Allow\n        Action: s3:GetObject\n        Resource: "*"\n  g:\n    handler: x\n`,
    pluginsOther: `service: x\nplugins:\n  - other\nfunctions:\n  f:\n    iamRoleStatements:\n      - Effect: Allow\n        Action: s3:GetObject\n        Resource: "*"\n`,
    pluginsScalar: `service: x\nplugins: serverless-iam-roles-per-function\nfunctions:\n  f:\n    iamRoleStatements:\n      - Effect: Allow\n        Action: s3:GetObject\n        Resource: "*"\n`,
    pluginsList: `service: x\nplugins:\n  - a\n  - serverless-iam-roles-per-function\nfunctions: x\n`,
    resourcesList: `service: x\nresources:\n  - Resources:\n      P:\n        Type: AWS::IAM::ManagedPolicy\n        Properties:\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: s3:A\n                Resource: "*"\n  - \${file(x.yml)}\n  - Resources:\n      Q:\n        Type: AWS::IAM::ManagedPolicy\n        Properties:\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: s3:B\n                Resource: "*"\n`,
    resourcesFile: `service: x\nresources: \${file(x.yml)}\n`,
    serviceOnly: `service: x\n`,
    list: `- a\n- b\n`,
    other: `a: 1\n`,
    broken: `service: [x\n`,
  };
  const read = (text: string) => {
    const result = serverlessReader.read('file:///app/serverless.yml', text);
    return (
      result && [result.format, result.policies.map(p => [p.resource, p.property, p.partial ?? null]), result.namedPolicies.length, result.problems.length]
    );
  };
  assert.deepEqual(Object.fromEntries(Object.entries(templates).map(([name, text]) => [name, read(text)])), {
    legacy: ['serverless', [['provider', 'iamRoleStatements', true]], 0, 0],
    roleString: ['serverless', [], 0, 0],
    emptyStatements: ['serverless', [], 0, 0],
    scalarStatements: ['serverless', [], 0, 0],
    mapStatements: ['serverless', [['provider.iam.role', 'statements', true]], 0, 0],
    pluginsMap: ['serverless', [['functions.f', 'iamRoleStatements', true]], 0, 0],
    pluginsOther: ['serverless', [], 0, 0],
    pluginsScalar: ['serverless', [], 0, 0],
    pluginsList: ['serverless', [], 0, 0],
    resourcesList: [
      'serverless',
      [
        ['P', 'PolicyDocument', null],
        ['Q', 'PolicyDocument', null],
      ],
      0,
      0,
    ],
    resourcesFile: ['serverless', [], 0, 0],
    serviceOnly: ['serverless', [], 0, 0],
    list: undefined,
    other: undefined,
    broken: ['serverless', [], 0, 1],
  });
});

test("SAM: Policies as one value or a list, Fn::If and AWS::NoValue in it, names and documents; an Api's custom statements", () => {
  const st = '{ Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: "*" }] }';
  const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  One:
    Type: AWS::Serverless::Function
    Properties:
      Policies: AmazonS3ReadOnlyAccess
  Doc:
    Type: AWS::Serverless::Function
    Properties:
      Policies: ${st}
  None:
    Type: AWS::Serverless::Function
    Properties:
      Policies: !Ref AWS::NoValue
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      Policies:
        - !Ref AWS::NoValue
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/X
        - !Ref PolicyArn
        - 5
        - !If [C, AmazonY, !Ref AWS::NoValue]
        - !If [C, ${st}, !Ref AWS::NoValue]
        - ${st}
        - !GetAtt P.Arn
  Conditional:
    Type: AWS::Serverless::Function
    Properties:
      Policies: !If [C, [AmazonZ, ${st}], !Ref AWS::NoValue]
  Api:
    Type: AWS::Serverless::Api
    Properties:
      Auth:
        ResourcePolicy:
          CustomStatements: [{ Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: "*" }]
  ApiMap:
    Type: AWS::Serverless::Api
    Properties:
      Auth:
        ResourcePolicy:
          CustomStatements: { Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: "*" }
  ApiScalar:
    Type: AWS::Serverless::Api
    Properties:
      Auth:
        ResourcePolicy:
          CustomStatements: x
  ApiNoValue:
    Type: AWS::Serverless::Api
    Properties:
      Auth:
        ResourcePolicy:
          CustomStatements: !Ref AWS::NoValue
  ApiNoAuth:
    Type: AWS::Serverless::Api
    Properties:
      StageName: x
  Table:
    Type: AWS::Serverless::SimpleTable
    Properties:
      Policies: ${st}
`;
  const result = readTemplate(yamlReader, text);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(
    result.policies.map(p => [p.resource, p.property, p.kind, p.limit ?? null, p.partial ?? false]),
    [
      ['Doc', 'Policies', 'identity', 'inline-role', false],
      ['Machine', 'Policies[5]', 'identity', 'inline-role', true],
      ['Machine', 'Policies[6]', 'identity', 'inline-role', false],
      ['Conditional', 'Policies[1]', 'identity', 'inline-role', true],
      ['Api', 'Auth.ResourcePolicy.CustomStatements', 'resource', null, true],
      ['ApiMap', 'Auth.ResourcePolicy.CustomStatements', 'resource', null, true],
    ],
  );
  assert.deepEqual(
    result.namedPolicies.map(n => [n.resource, n.name, text.slice(n.span.offset, n.span.offset + n.span.length)]),
    [
      ['One', 'AmazonS3ReadOnlyAccess', 'AmazonS3ReadOnlyAccess'],
      ['Machine', 'arn:${AWS::Partition}:iam::aws:policy/X', '!Sub arn:${AWS::Partition}:iam::aws:policy/X'],
      ['Machine', 'AmazonY', 'AmazonY'],
      ['Conditional', 'AmazonZ', 'AmazonZ'],
    ],
  );
  assert.deepEqual(policyValue(result.policies[5], text), {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: '*' }],
  });
});
