// Policy kind detection: file-name hints (a CamelCase name's vetoed by content that rules them out), then content; and
// every policy of the shared corpus gets the kind its folder and name say.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { contentAllows, detectKind, kindFromFileName, nameWords } from '../../server/src/policy/kind';
import { parsePolicy } from '../../server/src/policy/parse';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { collectFindings } from '../../server/src/features/diagnostics';
import { withDefaults } from '../../server/src/protocol';
import { corpusFiles } from '../helpers/corpus';
import { rethrow } from '../helpers/findings';

test('name words split CamelCase, acronyms and separators', () => {
  assert.equal(nameWords('AWSQuickSetupPermissionsBoundary'), 'aws quick setup permissions boundary');
  assert.equal(nameWords('ROSASharedVPCEndpointPolicy'), 'rosa shared vpc endpoint policy');
  assert.equal(nameWords('vpc_endpoint_policies'), 'vpc endpoint policies');
});

test('file-name hints: whole words, the most specific part first, then folders', () => {
  assert.equal(kindFromFileName('file:///p/AmazonSecurityLakePermissionsBoundary.json'), 'boundary');
  assert.equal(kindFromFileName('file:///p/AWSTrustedAdvisorReportingServiceRolePolicy.json'), undefined);
  assert.equal(kindFromFileName('file:///p/assume-role-policy.json'), 'trust');
  assert.equal(kindFromFileName('file:///p/kms-vpc-endpoint__07.json'), undefined, 'a page name, not an endpoint policy');
  assert.equal(kindFromFileName('file:///p/my-vpce.json'), 'endpoint');
  assert.equal(kindFromFileName('file:///p/resource_control_policies__resource_based_policies__ecr_repository_policy.json'), 'resource');
  assert.equal(kindFromFileName('file:///repo/scps/deny-regions.json'), 'scp');
  assert.equal(kindFromFileName('file:///repo/scps/rcp-s3-tls.json'), 'rcp', 'the name beats the folder');
  assert.equal(kindFromFileName('untitled:Untitled-1'), undefined);
  assert.equal(kindFromFileName('file:///p/a%20trust%20policy.json'), 'trust');
});

test('content vetoes a name hint that it rules out', () => {
  const identity = parsePolicy(
    '{"Statement":[{"Effect":"Allow","Action":"organizations:Describe*","Resource":"*"}]}',
    'file:///p/AWSOrganizationsServiceTrustPolicy.json',
  );
  assert.deepEqual({ kind: identity.kind, source: identity.kindSource }, { kind: 'identity', source: 'content' });
  const bucket = parsePolicy(
    '{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"*"}]}',
    'file:///p/control-access_assumerole.json',
  );
  assert.equal(bucket.kind, 'resource');
  assert.equal(contentAllows(bucket, 'trust'), false);
  const fresh = parsePolicy('{"Statement":[]}', 'file:///p/trust-policy.json');
  assert.deepEqual(detectKind(fresh), { kind: 'trust', source: 'filename' }, 'nothing written yet: the name decides');
  const managed = parsePolicy(
    '{"Statement":[{"Effect":"Allow","Action":"comprehend:*","Resource":"*"}]}',
    'file:///p/AWSApplicationAutoscalingComprehendEndpointPolicy.json',
  );
  assert.equal(managed.kind, 'identity', "a CamelCase name is an AWS managed policy's: it names what the policy manages");
});

test('a name that says the kind wins over the content, and the missing Principal is reported', () => {
  const cases: Array<[string, string, string]> = [
    ['file:///p/deny-tls.rcp.json', 'rcp', 'IAM025'],
    ['file:///p/vpce-endpoint-policy.json', 'endpoint', 'IAM025'],
    ['file:///p/s3-endpoint-policy.json', 'endpoint', 'IAM025'],
    ['file:///p/role-trust-policy.json', 'trust', 'IAM025'],
    ['file:///p/bucket-policy.json', 'resource', 'IAM034'],
    ['file:///p/my_queue_policy.json', 'resource', 'IAM034'],
    ['file:///repo/resource-based-policies/logs.json', 'resource', 'IAM034'],
  ];
  for (const [uri, kind, code] of cases) {
    const doc = parsePolicy('{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}', uri);
    assert.deepEqual({ kind: doc.kind, source: doc.kindSource }, { kind, source: 'filename' }, uri);
    const codes = collectFindings(doc, getCatalog(), withDefaults(undefined), rethrow).map(f => f.code);
    assert.ok(codes.includes(code), `${uri}: ${codes.join(' ')}`);
  }
});

test('content: Principal with only STS actions is a trust policy, other Principal is a resource policy', () => {
  const trust = parsePolicy(
    '{"Statement":[{"Effect":"Allow","Principal":{"Federated":"x"},"Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession"]}]}',
    'file:///p/p.json',
  );
  assert.equal(trust.kind, 'trust');
  const wildcard = parsePolicy('{"Statement":[{"Effect":"Allow","Principal":{"AWS":"1"},"Action":"sts:AssumeRole*"}]}', 'file:///p/p.json');
  assert.equal(wildcard.kind, 'trust');
});

/** The kind each corpus file must get, from its folder and name (SOURCES.md). */
function expectedKinds(name: string, isTrustLike: boolean): string[] {
  const [folder, file] = name.split('/');
  if (folder.startsWith('aws-managed')) return [/PermissionsBoundary/.test(file) ? 'boundary' : 'identity'];
  if (folder === 'data-perimeter') {
    if (file.startsWith('service_control_policies')) return ['scp'];
    if (file.startsWith('resource_control_policies')) return ['rcp'];
    return ['endpoint'];
  }
  if (folder === 'scp') return [file.startsWith('rcp-') ? 'rcp' : 'scp'];
  return isTrustLike ? ['trust'] : ['resource', 'endpoint'];
}

test('every corpus policy gets the right kind', () => {
  const wrong: string[] = [];
  for (const file of corpusFiles()) {
    const doc = parsePolicy(file.text, pathToFileURL(file.path).href, { languageId: 'iam-policy' });
    if (doc.statements.length === 0) continue; // not a policy (an API response that wraps one)
    const actions = doc.statements.flatMap(s => s.action?.items ?? []);
    const isTrustLike = actions.length > 0 && actions.every(a => a.value.toLowerCase().startsWith('sts:')) && doc.statements.some(s => s.principal);
    if (!expectedKinds(file.name, isTrustLike).includes(doc.kind)) wrong.push(`${file.name}: ${doc.kind} (${doc.kindSource})`);
  }
  assert.deepEqual(wrong, []);
});
