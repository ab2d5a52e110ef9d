// The request simulator and the zone of trust over the real protocol: the iamPolicy/simulate request
// and IAM600 with the zoneOfTrust setting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SIMULATE_REQUEST, type SimulateParams, type SimulateResponse } from '../../server/src/protocol/simulate';
import { serverOfTestFile } from '../helpers/lspClient';

const server = serverOfTestFile();

const BUCKET_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Partner", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
    {"Sid": "TlsOnly", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
  ]
}`;

test('iamPolicy/simulate: the decision, the deciding statement and the reasons; null for other documents', async () => {
  const uri = 'file:///lsp/bucket-policy.json';
  await server().open(uri, BUCKET_POLICY);
  const params: SimulateParams = {
    uri,
    request: {
      principal: 'arn:aws:iam::444455556666:user/partner',
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/k',
      context: { 'aws:SecureTransport': 'false' },
    },
  };
  const response: SimulateResponse | null = await server().connection.sendRequest(SIMULATE_REQUEST, params);
  assert.equal(response?.decision, 'ExplicitDeny');
  assert.deepEqual(response?.deciding, [1]);
  assert.equal(response?.statements?.[1].range.start.line, 4);
  const fromFile: SimulateResponse | null = await server().connection.sendRequest(SIMULATE_REQUEST, {
    uri,
    requestText: '{"principal": "444455556666", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "context": {"aws:SecureTransport": true}}',
  });
  assert.equal(fromFile?.decision, 'Allow');
  const other = 'file:///lsp/package.json';
  await server().open(other, '{"name": "x"}', 'json');
  assert.equal(await server().connection.sendRequest(SIMULATE_REQUEST, { uri: other, request: { action: 's3:GetObject' } }), null);
});

test('IAM600 appears when the zone of trust is set, on the principal outside it', async () => {
  const uri = 'file:///lsp/partner-bucket-policy.json';
  const before = await server().open(uri, BUCKET_POLICY);
  assert.equal(before.filter(d => d.code === 'IAM600').length, 0);
  const after = await server().setSettings({ zoneOfTrust: { accounts: ['111122223333'] } }, uri);
  const zone = after.filter(d => d.code === 'IAM600');
  assert.deepEqual(
    zone.map(d => [d.range.start.line, d.severity]),
    [[3, 2]],
  );
  assert.match(String(zone[0].message), /Account 444455556666, outside the zone of trust, can s3:GetObject/);
});
