// Every alternative of every file-name hint, in the spellings names use. kind.ts rules names out
// early by a few words every hint contains: a hint added without its word fails here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kindFromFileName } from '../../server/src/policy/kind';

const HINTED_NAMES: ReadonlyArray<[string, string]> = [
  ['deny-regions.scp', 'scp'],
  ['my_scps', 'scp'],
  ['ServiceControlPolicy', 'scp'],
  ['service-control-policies', 'scp'],
  ['RCP', 'rcp'],
  ['rcps__tls', 'rcp'],
  ['ResourceControlPolicies', 'rcp'],
  ['s3-vpce', 'endpoint'],
  ['vpces', 'endpoint'],
  ['ROSASharedVPCEndpointPolicy', 'endpoint'],
  ['endpoint_policies', 'endpoint'],
  ['PermissionsBoundary', 'boundary'],
  ['permission-boundaries', 'boundary'],
  ['role-trust', 'trust'],
  ['AssumeRolePolicy', 'trust'],
  ['assume_role_policies', 'trust'],
  ['ResourceBasedPolicy', 'resource'],
  ['resource-based-policies', 'resource'],
  ['IdentityBasedPolicies', 'identity'],
  ['identity_based_policy', 'identity'],
  ['bucket-policy', 'resource'],
  ['BucketPolicy', 'resource'],
  ['kms_key_policy', 'resource'],
  ['queue-policies', 'resource'],
  ['sns-topic-policy', 'resource'],
  ['ecr_repository_policy', 'resource'],
  ['secret-policy', 'resource'],
  ['vault-policy', 'resource'],
];

test('each name hint is found in its name, in the folder and in a "__" part', () => {
  for (const [name, kind] of HINTED_NAMES) {
    assert.equal(kindFromFileName(`file:///p/${name}.json`), kind, name);
    assert.equal(kindFromFileName(`file:///p/${name}/a.json`), kind, `${name}/`);
    assert.equal(kindFromFileName(`file:///p/x__${name}__01.json`), kind, `__${name}__`);
  }
});

test('names without a hint word get no hint', () => {
  for (const name of ['AWSBackupAdminPolicy', 'AWSTrustedAdvisorReportingServiceRolePolicy', 'EndpointsPolicy', 'aws-managed', 'corpus']) {
    assert.equal(kindFromFileName(`file:///p/${name}.json`), undefined, name);
  }
});

test('a URI with a malformed %-escape still gets its kind from the name', () => {
  assert.equal(kindFromFileName('file:///p/100%/scp.json'), 'scp');
});
