// Resource rules IAM200-IAM212: the shape of ARNs, and whether a statement's actions and
// resources fit together. Each triggered, and the near misses that must stay silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { catalogNames, formatsOfArnService, mayName, resourceTypesOf, typedArn, typeKey } from '../../server/src/analysis/resourceTypes';
import { codesOf, findingsOf, policyOf, stmt } from '../helpers/findings';
import { fixed } from '../helpers/fixes';

const RESOURCE_CODES = /^IAM2\d\d$/;
const codes = (action: unknown, resource: unknown) => codesOf(policyOf(stmt({ Action: action, Resource: resource })), RESOURCE_CODES);
/** Only the ARN shape codes, for an action that takes any resource type. */
const shape = (resource: string) => codesOf(policyOf(stmt({ Action: '*', Resource: resource })), /^IAM20\d$/);

test('IAM200: not an ARN, too few parts, no service or resource part', () => {
  assert.deepEqual(shape('my-bucket/*'), ['IAM200']);
  assert.deepEqual(shape('arn:aws:s3'), ['IAM200']);
  assert.deepEqual(shape('arn:aws::us-east-1:123456789012:thing'), ['IAM200']);
  assert.deepEqual(shape('arn:aws:organizations::*:'), ['IAM200']);
  assert.deepEqual(codesOf(policyOf(stmt({ Action: 's3:GetObject', NotResource: 'bucket' })), RESOURCE_CODES), ['IAM200'], 'NotResource too');
});

test('IAM200 near misses: "*", ARNs, placeholders (IAM090 reports those)', () => {
  assert.deepEqual(shape('*'), []);
  assert.deepEqual(shape('arn:aws:s3:::my-bucket/*'), []);
  assert.deepEqual(shape('<bucket-arn>'), []);
});

test("IAM200: API Gateway's short form execute-api:/... in a resource policy only; no replacement to offer", () => {
  const apiGateway = policyOf(stmt({ Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/prod/GET/pets' }));
  assert.deepEqual(codesOf(apiGateway, /^IAM20\d$/, { kind: 'resource' }), []);
  assert.deepEqual(codesOf(apiGateway.replace('execute-api:/', 'execute-api/'), /^IAM20\d$/, { kind: 'resource' }), ['IAM200']);
  assert.deepEqual(codesOf(policyOf(stmt({ Principal: '*', Action: '*', Resource: 'bucket' })), /^IAM20\d$/, { kind: 'resource' }), ['IAM200']);
  assert.deepEqual(shape('execute-api:/prod/GET/pets'), ['IAM200'], 'an identity policy');
  const [finding] = findingsOf(policyOf(stmt({ Action: '*', Resource: 'my-bucket/*' }))).filter(f => f.code === 'IAM200');
  assert.deepEqual(finding.data, { replacements: [] });
});

test('IAM201: a partition that AWS does not have, with the closest as the fix', () => {
  assert.deepEqual(shape('arn:aws-foo:s3:::b'), ['IAM201']);
  const finding = findingsOf(policyOf(stmt({ Action: '*', Resource: 'arn:aws-cm:s3:::b' }))).find(f => f.code === 'IAM201');
  assert.deepEqual(finding?.data?.replacements, ['"arn:aws-cn:s3:::b"']);
  for (const ok of ['arn:aws-cn:s3:::b', 'arn:aws-us-gov:s3:::b', 'arn:*:s3:::b', 'arn:${aws:partition}:s3:::b']) assert.deepEqual(shape(ok), [], ok);
});

test('IAM202: an account that is not 12 digits', () => {
  assert.deepEqual(shape('arn:aws:sqs:us-east-1:1234:queue'), ['IAM202']);
  assert.deepEqual(shape('arn:aws:iam::123-456-789-012:role/x'), ['IAM202']);
  for (const ok of [
    'arn:aws:sqs:us-east-1:123456789012:queue',
    'arn:aws:sqs:us-east-1:*:queue',
    'arn:aws:iam::aws:policy/ReadOnlyAccess',
    'arn:aws:sqs:us-east-1:${aws:PrincipalAccount}:q',
    'arn:aws:ssm:us-east-1::document/AWS-RunShellScript',
  ])
    assert.deepEqual(shape(ok), [], ok);
});

test('IAM203 and IAM206: a Region or an account where the service has none', () => {
  assert.deepEqual(shape('arn:aws:iam:us-east-1:123456789012:role/x'), ['IAM203']);
  assert.deepEqual(shape('arn:aws:s3:us-east-1::my-bucket'), ['IAM203']);
  assert.deepEqual(shape('arn:aws:s3::123456789012:my-bucket/*'), ['IAM206']);
  const finding = findingsOf(policyOf(stmt({ Action: '*', Resource: 'arn:aws:iam:us-east-1:123456789012:role/x' }))).find(f => f.code === 'IAM203');
  assert.deepEqual(finding?.data?.replacements, ['"arn:aws:iam::123456789012:role/x"']);
  for (const ok of [
    'arn:aws:iam::123456789012:role/x',
    'arn:aws:s3:::b',
    'arn:aws:s3:us-east-1:123456789012:accesspoint/ap',
    'arn:aws:s3:*:*:my-bucket',
    'arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap',
  ])
    assert.deepEqual(shape(ok), [], ok);
});

test('IAM204: no Region where the service needs one', () => {
  assert.deepEqual(shape('arn:aws:sqs::123456789012:queue'), ['IAM204']);
  assert.deepEqual(shape('arn:aws:sqs:*:123456789012:queue'), []);
  assert.deepEqual(shape('arn:aws:cloudfront::123456789012:distribution/E1'), [], 'CloudFront is global');
});

test('IAM205: an unknown service, or one in upper case', () => {
  assert.deepEqual(shape('arn:aws:nosuchservice:us-east-1:123456789012:thing/x'), ['IAM205']);
  assert.deepEqual(shape('arn:aws:S3:::b'), ['IAM205']);
  const finding = findingsOf(policyOf(stmt({ Action: '*', Resource: 'arn:aws:S3:::b' }))).find(f => f.code === 'IAM205');
  assert.deepEqual(finding?.data?.replacements, ['"arn:aws:s3:::b"']);
  assert.deepEqual(
    shape('arn:aws:applicationinsights:*:*:application/resource-group/x'),
    [],
    'a service prefix whose resource types the reference does not list',
  );
  assert.deepEqual(shape('arn:aws:*:*:*:*'), []);
});

test("IAM207: a Region code that is no Region of the ARN's partition, with the closest Regions as fixes", () => {
  assert.deepEqual(shape('arn:aws:sqs:us-east1:123456789012:q'), ['IAM207']);
  assert.deepEqual(shape('arn:aws:sqs:us-east-9:123456789012:q'), ['IAM207'], 'the form of a Region, but none (yet)');
  assert.deepEqual(shape('arn:aws:sqs:cn-north-1:123456789012:q'), ['IAM207'], 'a China Region in the aws partition');
  assert.deepEqual(shape('arn:aws-cn:sqs:us-east-1:123456789012:q'), ['IAM207']);
  const finding = findingsOf(policyOf(stmt({ Action: '*', Resource: 'arn:aws:sqs:us-east1:123456789012:q' }))).find(f => f.code === 'IAM207');
  assert.deepEqual(finding?.data?.replacements?.[0], '"arn:aws:sqs:us-east-1:123456789012:q"');
  const fixedText = fixed(policyOf(stmt({ Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east1:123456789012:q' })), 'IAM207', /us-east-1:/);
  assert.deepEqual(codesOf(fixedText, RESOURCE_CODES), []);
  for (const ok of [
    'arn:aws:sqs:us-east-1:123456789012:q',
    'arn:aws:sqs:eu-*:123456789012:q',
    'arn:aws-cn:sqs:cn-north-1:123456789012:q',
    'arn:*:sqs:cn-north-1:123456789012:q',
    'arn:aws-us-gov:sqs:us-gov-west-1:123456789012:q',
  ]) {
    assert.deepEqual(shape(ok), [], ok);
  }
});

test('IAM210: an ARN of a service none of the actions acts on', () => {
  assert.deepEqual(codes('s3:GetObject', 'arn:aws:sqs:us-east-1:123456789012:q'), ['IAM210']);
  assert.deepEqual(
    codes(['s3:GetObject', 'sqs:SendMessage'], ['arn:aws:s3:::b/*', 'arn:aws:sqs:us-east-1:123456789012:q', 'arn:aws:sns:us-east-1:123456789012:t']),
    ['IAM210'],
  );
});

test('IAM210 near misses: cross-service resource types, "*" and unknown actions, NotAction', () => {
  assert.deepEqual(codes('sts:AssumeRole', 'arn:aws:iam::123456789012:role/x'), [], 'sts acts on IAM roles');
  assert.deepEqual(codes('*', 'arn:aws:sqs:us-east-1:123456789012:q'), []);
  assert.deepEqual(codes('s3:NoSuchAction', 'arn:aws:sqs:us-east-1:123456789012:q'), []);
  assert.deepEqual(codes(['ssmmessages:OpenDataChannel'], 'arn:aws:ssm:*:*:session/*'), [], 'no resource types listed: the reference is no guide');
  assert.deepEqual(codesOf(policyOf(stmt({ NotAction: 's3:*', Resource: 'arn:aws:sqs:us-east-1:123456789012:q' })), RESOURCE_CODES), []);
});

test('IAM211: an ARN that matches no resource type of the actions, with "/*" as the fix for a bucket', () => {
  assert.deepEqual(codes('s3:GetObject', 'arn:aws:s3:::my-bucket'), ['IAM211']);
  const finding = findingsOf(policyOf(stmt({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket' }))).find(f => f.code === 'IAM211');
  assert.deepEqual(finding?.data?.replacements, ['"arn:aws:s3:::my-bucket/*"']);
  assert.deepEqual(codes('logs:CreateLogStream', 'arn:aws:logs:us-east-1:123456789012:/aws/lambda/x'), ['IAM211'], 'log-group: missing');
  // a bucket name has no "/": objects are no bucket, however wild the ARN
  assert.deepEqual(codes('s3:ListBucket', 'arn:aws:s3:::my-bucket/*'), ['IAM211']);
  assert.deepEqual(codes('s3:ListBucket', 'arn:aws:s3:::*/CodeDeploy/*'), ['IAM211']);
  assert.deepEqual(codes('sqs:SendMessage', 'arn:aws:sqs:us-east-1:123456789012:queue/my-queue'), ['IAM211'], 'a queue name has no "/" either');
  assert.deepEqual(codes('sns:Publish', 'arn:aws:sns:us-east-1:123456789012:topic/t*'), ['IAM211'], 'nor a topic name');
});

test('IAM211: objects where a bucket is meant get the bucket ARN as the fix; formats read as ARNs, not templates', () => {
  const finding = findingsOf(policyOf(stmt({ Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-bucket/*' }))).find(f => f.code === 'IAM211');
  assert.deepEqual(finding?.data?.replacements, ['"arn:aws:s3:::my-bucket"']);
  assert.match(finding!.message, /arn:aws:s3:::<bucket-name>/);
  assert.doesNotMatch(finding!.message, /\$\{/);
  const china = findingsOf(policyOf(stmt({ Action: 's3:ListBucket', Resource: 'arn:aws-cn:s3:::b/logs/*' }))).find(f => f.code === 'IAM211');
  assert.deepEqual(china?.data?.replacements, ['"arn:aws-cn:s3:::b"']);
  assert.match(china!.message, /arn:aws-cn:s3:::<bucket-name>/, 'in the partition of the ARN');
  const queue = findingsOf(policyOf(stmt({ Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:123456789012:queue/my-queue' }))).find(
    f => f.code === 'IAM211',
  );
  assert.doesNotMatch(queue!.message, /\$\{/);
});

test('IAM212: the ARN to add reads as an ARN, of the simplest type the action acts on', () => {
  const finding = findingsOf(policyOf(stmt({ Action: ['s3:ListBucket', 's3:GetObject'], Resource: 'arn:aws:s3:::my-bucket/*' }))).find(
    f => f.code === 'IAM212',
  );
  assert.match(finding!.message, /Add an ARN such as arn:aws:s3:::<bucket-name>\./);
});

test('IAM211 near misses: matching types, wildcards, variables, CloudWatch Logs ":*"', () => {
  // Elastic Load Balancing V2's types for actions on both ELB pages (scripts/catalog-patches.mjs)
  assert.deepEqual(
    codes(
      ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
      [
        'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/tg/0123456789abcdef',
        'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/alb/0123456789abcdef',
        'arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/net/nlb/0123456789abcdef/0123456789abcdef',
        'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/classic-lb',
      ],
    ),
    [],
  );
  assert.deepEqual(codes('elasticloadbalancing:DeleteLoadBalancer', 'arn:aws:elasticloadbalancing:*:*:loadbalancer/net/*/*'), []);
  assert.deepEqual(codes('s3:GetObject', 'arn:aws:s3:::my-bucket/*'), []);
  assert.deepEqual(codes(['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::b', 'arn:aws:s3:::b/*']), []);
  assert.deepEqual(codes('s3:GetObject', 'arn:aws:s3:::b*'), []);
  assert.deepEqual(codes('s3:ListBucket', 'arn:aws:s3:::b*'), []);
  assert.deepEqual(codes('s3:ListBucket', 'arn:aws:s3:::*'), []);
  assert.deepEqual(codes('s3:ListBucket', 'arn:aws:s3:::${aws:PrincipalTag/bucket}'), [], 'the "/" of a policy variable is not in the name');
  assert.deepEqual(codes('sqs:SendMessage', 'arn:aws:sqs:*:123456789012:my-queue-*'), []);
  assert.deepEqual(codes('s3:GetObject', 'arn:aws:s3:::${aws:username}'), []);
  assert.deepEqual(codes('logs:CreateLogGroup', 'arn:aws:logs:*:*:log-group:/aws/lambda/*:*'), []);
  assert.deepEqual(codes('s3:*', 'arn:aws:s3:::b'), []);
});

test('IAM212: an action none of the resources applies to', () => {
  assert.deepEqual(codes(['s3:ListBucket', 's3:GetObject'], 'arn:aws:s3:::b'), ['IAM212']);
  assert.deepEqual(codes(['s3:ListBucket', 's3:ListAllMyBuckets'], 'arn:aws:s3:::b'), ['IAM212'], 'an action without resource-level permissions needs "*"');
  assert.deepEqual(codes(['s3:GetObject', 's3:ListBucket'], 'arn:aws:s3:::my-bucket/*'), ['IAM212'], 'the classic: ListBucket on the objects');
  const finding = findingsOf(policyOf(stmt({ Action: ['s3:ListBucket', 's3:GetObject'], Resource: 'arn:aws:s3:::b' }))).find(f => f.code === 'IAM212');
  assert.ok((finding?.data?.resourceTypes as string[]).some(f => f.includes('${ObjectName}')));
});

test('IAM212 near misses: "*", wildcard ARNs for "*"-only actions, wildcard actions, all resources already wrong', () => {
  assert.deepEqual(codes(['s3:ListBucket', 's3:ListAllMyBuckets'], ['arn:aws:s3:::b', '*']), ['IAM209'], '(the bucket is redundant beside "*": IAM209)');
  assert.deepEqual(codes(['s3:ListBucket', 's3:ListAllMyBuckets'], 'arn:aws:s3:::*'), []);
  assert.deepEqual(codes(['s3:ListBucket', 's3:Get*'], 'arn:aws:s3:::b'), []);
  assert.deepEqual(codes('s3:GetObject', 'arn:aws:s3:::b'), ['IAM211'], 'IAM211 alone tells the story');
});

test("every resource type an action names is one of its service's (supportsResourceLevel relies on it)", () => {
  const catalog = getCatalog();
  const unresolved = catalog
    .services()
    .flatMap(service => service.actions)
    .filter(action => resourceTypesOf(catalog, action).length !== action.resourceTypes.length)
    .map(action => `${action.service}:${action.name}`);
  assert.deepEqual(unresolved, []);
});

test('IAM210-IAM212 stay silent beside "*", a placeholder or an ARN with its own problem', () => {
  const queue = 'arn:aws:sqs:us-east-1:111122223333:q';
  const matchCodes = (resources: string[]) => codesOf(policyOf(stmt({ Action: 's3:GetObject', Resource: resources })), /^IAM21\d$/);
  assert.deepEqual(matchCodes([queue, '*']), []);
  assert.deepEqual(matchCodes([queue, '<bucket-arn>']), []);
  assert.deepEqual(codes('s3:GetObject', [queue, 'arn:aws:s3']), ['IAM200']);
});

test('IAM210 only when every action is known and scoped, its service written without wildcard', () => {
  const queue = 'arn:aws:sqs:us-east-1:111122223333:q';
  assert.deepEqual(codes(['s3:GetObject', 's3:ListAllMyBuckets'], queue), ['IAM212', 'IAM212'], 'one action without resource types: IAM212 each');
  assert.deepEqual(codes('s3:List*', queue), [], 'a wildcard that takes in s3:ListAllMyBuckets');
  assert.deepEqual(codes('sqs:Send*', 'arn:aws:s3:::b'), ['IAM210'], 'a wildcard in the action name only');
  assert.deepEqual(codes('s*:GetObject', queue), [], 'a wildcard in the service');
});

test("IAM210: an action on another service's resources (backup's ${Vendor}) takes any service", () => {
  const rdsRecoveryPoint = 'arn:aws:rds:us-east-1:111122223333:snapshot:awsbackup:job-1';
  assert.deepEqual(codes('backup:DescribeRecoveryPoint', rdsRecoveryPoint), []);
  assert.deepEqual(codes(['backup:DescribeRecoveryPoint', 's3:GetObject'], rdsRecoveryPoint), ['IAM212'], 'one such action is enough');
});

test("IAM211's data: the expected types of the ARN's service, no replacement without a fix", () => {
  const [objects] = findingsOf(policyOf(stmt({ Action: ['s3:GetObject', 'sqs:SendMessage'], Resource: 'arn:aws:s3:::b' }))).filter(f => f.code === 'IAM211');
  assert.deepEqual(objects.data, {
    replacements: ['"arn:aws:s3:::b/*"'],
    resourceTypes: [
      'arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}',
      'arn:${Partition}:s3:::${BucketName}/${ObjectName}',
    ],
  });
  const [queue] = findingsOf(policyOf(stmt({ Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:123456789012:queue/my-queue' }))).filter(
    f => f.code === 'IAM211',
  );
  assert.deepEqual(queue.data, { replacements: [], resourceTypes: ['arn:${Partition}:sqs:${Region}:${Account}:${QueueName}'] });
});

test('IAM211: the bucket as the fix keeps the ARN before the resource part, and is no fix when it is only wildcards', () => {
  const replacementsOf = (resource: string) =>
    findingsOf(policyOf(stmt({ Action: 's3:ListBucket', Resource: resource }))).find(f => f.code === 'IAM211')?.data?.replacements;
  assert.deepEqual(replacementsOf('arn:aws:s3:::b/a:b'), ['"arn:aws:s3:::b"'], 'a colon in the object key');
  assert.deepEqual(replacementsOf('arn:aws*/x:s3:::b/k'), ['"arn:aws*/x:s3:::b"'], 'a "/" before the resource part stays');
  assert.deepEqual(replacementsOf('arn:aws:s3:::*/CodeDeploy/*'), []);
  assert.deepEqual(replacementsOf('arn:aws:s3:::*?/CodeDeploy/*'), []);
});

test('IAM212: the types the action acts on, those with the fewest variables first', () => {
  const [finding] = findingsOf(policyOf(stmt({ Action: ['dynamodb:CreateGlobalTable', 's3:GetObject'], Resource: 'arn:aws:s3:::b/*' }))).filter(
    f => f.code === 'IAM212',
  );
  assert.equal(finding.offset, policyOf('').indexOf('[') + 1 + '{"Effect":"Allow","Action":['.length);
  assert.deepEqual(finding.data?.resourceTypes, [
    'arn:${Partition}:dynamodb::${Account}:global-table/${GlobalTableName}',
    'arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}',
  ]);
});

test('resourceTypes: formats by the ARN service in any case, type keys, and the parts of a typed ARN', () => {
  const catalog = getCatalog();
  const s3 = formatsOfArnService(catalog, 's3')!;
  assert.ok(s3.some(f => f.type.name === 'object' && f.segments.join(':') === 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'));
  assert.deepEqual(formatsOfArnService(catalog, 'S3'), s3);
  assert.equal(formatsOfArnService(catalog, 'nosuch'), undefined);
  assert.equal(typeKey(catalog.resourceType('S3', 'Object')!), 's3/object');
  assert.deepEqual([typedArn(catalog, 'bucket').service, typedArn(catalog, 'bucket').slashInResource], ['', false]);
  assert.deepEqual([typedArn(catalog, 'arn:aws:S3:::b/k').service, typedArn(catalog, 'arn:aws:s3:::b/k').slashInResource], ['s3', true]);
  assert.equal(typedArn(catalog, 'arn:aws:s3:::b-${aws:PrincipalTag/team}').slashInResource, false, "a variable's slash is its value's");
});

test("resourceTypes: catalogNames is the catalog's matcher; mayName also the loose reading, but no slash in a slashless name", () => {
  const catalog = getCatalog();
  const object = catalog.resourceType('s3', 'object')!;
  const bucket = catalog.resourceType('s3', 'bucket')!;
  assert.equal(catalogNames(typedArn(catalog, 'arn:aws:s3:::b/k'), object), true);
  assert.equal(catalogNames(typedArn(catalog, 'arn:aws:s3:::b/k'), bucket), false);
  assert.equal(mayName(typedArn(catalog, 'arn:aws:s3:::b/*'), bucket), false);
  assert.equal(mayName(typedArn(catalog, 'arn:aws:s3:::b*'), bucket), true);
  assert.equal(mayName(typedArn(catalog, 'arn:aws:s3:::b*'), object), true);
  assert.equal(mayName(typedArn(catalog, 'arn:aws:sqs:*:*:q'), bucket), false);
});
