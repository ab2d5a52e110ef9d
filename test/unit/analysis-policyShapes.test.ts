// The small analysis modules the security rules share: isBucketPolicy (analysis/bucketPolicy.ts),
// fencedByDeny (analysis/publicGrants.ts) and restrictsResources (analysis/securityTables.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import type { PolicyKind } from '../../server/src/policy/model';
import { parsePolicy } from '../../server/src/policy/parse';
import { isBucketPolicy } from '../../server/src/analysis/bucketPolicy';
import { fencedByDeny } from '../../server/src/analysis/publicGrants';
import { restrictsResources } from '../../server/src/analysis/securityTables';
import { statementFacts } from '../../server/src/analysis/statementFacts';
import { policyOf, stmt } from '../helpers/findings';

const docOf = (kind: PolicyKind, ...statements: Array<Record<string, unknown>>) => parsePolicy(policyOf(...statements.map(stmt)), undefined, { kind });

test('isBucketPolicy: a resource policy whose Resource and NotResource are all S3 buckets or objects', () => {
  const bucket = (...statements: Array<Record<string, unknown>>) => isBucketPolicy(docOf('resource', ...statements));
  const grant = (resource: unknown, key = 'Resource') => ({ Principal: '*', Action: 's3:GetObject', [key]: resource });
  assert.equal(bucket(grant(['arn:aws:s3:::b', 'arn:aws:s3:::b/*'])), true);
  assert.equal(bucket(grant('arn:aws:s3:::b/*'), grant('arn:aws:s3:::b', 'NotResource')), true);
  assert.equal(bucket(grant(['arn:aws:s3:::b', 'arn:aws:sqs:us-east-1:111122223333:q'])), false);
  assert.equal(bucket(grant('arn:aws:s3:::b'), grant('arn:aws:sqs:us-east-1:111122223333:q', 'NotResource')), false);
  assert.equal(bucket(grant('arn:aws:s3:us-east-1::b')), false, 'a Region');
  assert.equal(bucket(grant('arn:aws:s3::111122223333:b')), false, 'an account');
  assert.equal(bucket(grant('arn:aws:s3:us-east-1:111122223333:accesspoint/x')), false);
  assert.equal(bucket(grant('*')), false);
  assert.equal(bucket(grant('arn:aws:cloudfront:::distribution/x')), false, 'another service without Region and account');
  assert.equal(bucket({ Principal: '*', Action: 's3:GetObject' }), false, 'no resource at all');
  assert.equal(isBucketPolicy(docOf('identity', { Action: 's3:GetObject', Resource: 'arn:aws:s3:::b' })), false);
});

test('fencedByDeny: a Deny for everyone with a negated condition on a key that confines public access', () => {
  const allow = { Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
  const deny = (extra: object) => ({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*', ...extra });
  const fenced = (extra: object) => fencedByDeny(statementFacts(docOf('resource', allow, deny(extra)), getCatalog()));
  assert.equal(fenced({ Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } }), true);
  assert.equal(fenced({ Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] }, Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } }), true);
  assert.equal(fenced({ Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } }), false);
  assert.equal(fenced({ Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } }), false, 'not negated');
  assert.equal(fenced({ Condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-east-1' } } }), false, 'a key that does not confine');
  assert.equal(fenced({ Condition: { NoSuchOperator: { 'aws:SourceVpce': 'vpce-1' } } }), false);
  assert.equal(fenced({}), false);
  assert.equal(fenced({ Effect: 'Allow', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } }), false);
});

test("restrictsResources: the resource's tags (any service's), account and organization", () => {
  for (const key of ['aws:resourcetag/team', 's3:resourcetag/team', 'aws:resourceaccount', 'aws:resourceorgid', 'aws:resourceorgpaths']) {
    assert.equal(restrictsResources(key), true, key);
  }
  for (const key of ['aws:requesttag/team', 'x:aws:resourcetag/team', 'aws:resourcetag', 'aws:resourceaccounts', '', 'aws:principalorgid']) {
    assert.equal(restrictsResources(key), false, key);
  }
});
