// Web identity trust (IAM421, IAM425, IAM426): the claim each OIDC provider's documentation says the
// trust policy must check, values that only look like a restriction, and the fixes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OTHER_OIDC_PROVIDER, providerHost, webIdentityProvider } from '../../server/src/analysis/webIdentityTrust';
import { codesOf, findingsOf, policyOf, stmt } from '../helpers/findings';
import { codes, fixed, fixesOf } from '../helpers/fixes';

const TRUST = /^IAM42[156]$/;
const oidc = (host: string) => ({ Federated: `arn:aws:iam::123456789012:oidc-provider/${host}` });
const trust = (principal: Record<string, string>, condition?: Record<string, unknown>) =>
  policyOf(stmt({ Principal: principal, Action: 'sts:AssumeRoleWithWebIdentity', ...(condition ? { Condition: condition } : {}) }));
const trustCodes = (principal: Record<string, string>, condition?: Record<string, unknown>) => codesOf(trust(principal, condition), TRUST, { kind: 'trust' });

const GITHUB = 'token.actions.githubusercontent.com';
const EKS = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';

test('IAM421: shared providers without the claim that names the tenant', () => {
  assert.deepEqual(trustCodes(oidc('gitlab.com'), { StringEquals: { 'gitlab.com:aud': 'https://gitlab.com' } }), ['IAM421']);
  assert.deepEqual(trustCodes(oidc('app.terraform.io'), { StringEquals: { 'app.terraform.io:aud': 'aws.workload.identity' } }), ['IAM421']);
  assert.deepEqual(trustCodes({ Federated: 'accounts.google.com' }), ['IAM421']);
  assert.deepEqual(trustCodes({ Federated: 'graph.facebook.com' }), ['IAM421']);
  assert.deepEqual(trustCodes(oidc('gitlab.com'), { StringLike: { 'gitlab.com:sub': 'project_path:my-group/my-project:ref_type:branch:ref:main' } }), []);
  assert.deepEqual(
    trustCodes(oidc('app.terraform.io'), { StringLike: { 'app.terraform.io:sub': 'organization:my-org:project:*:workspace:*:run_phase:*' } }),
    [],
  );
  assert.deepEqual(
    trustCodes({ Federated: 'accounts.google.com' }, { StringEquals: { 'accounts.google.com:aud': '1234567890.apps.googleusercontent.com' } }),
    [],
  );
});

test('IAM421 on a value whose tenant part is a wildcard: "repo:*" names no one', () => {
  const text = trust(oidc(GITHUB), { StringLike: { [`${GITHUB}:sub`]: 'repo:*' } });
  const [finding] = findingsOf(text, { kind: 'trust' }).filter(f => f.code === 'IAM421');
  assert.equal(text.slice(finding.offset, finding.offset + finding.length), '"repo:*"');
  assert.deepEqual(trustCodes(oidc('app.terraform.io'), { StringLike: { 'app.terraform.io:sub': 'organization:*:project:*' } }), ['IAM421']);
  assert.deepEqual(trustCodes(oidc(GITHUB), { StringEquals: { [`${GITHUB}:sub`]: 'repo:*' } }), [], 'StringEquals: "*" is a character');
  const after = fixed(text, 'IAM421', /^Narrow/);
  assert.match(after, /"repo:<owner>\/<repository>:\*"/);
  assert.deepEqual(
    codes(after).filter(c => TRUST.test(c)),
    [],
  );
});

test('IAM425: an OIDC provider of one tenant without a condition on its subject', () => {
  assert.deepEqual(trustCodes(oidc(EKS), { StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com' } }), ['IAM425']);
  assert.deepEqual(trustCodes(oidc('oidc.circleci.com/org/1b2c3d4e-aaaa-bbbb-cccc-123456789012')), ['IAM425']);
  assert.deepEqual(trustCodes(oidc('api.bitbucket.org/2.0/workspaces/acme/pipelines-config/identity/oidc')), ['IAM425']);
  assert.deepEqual(trustCodes(oidc('idp.example.com')), ['IAM425'], 'any other OIDC provider: Access Analyzer\'s "Missing condition key for oidc principal"');
  assert.deepEqual(trustCodes(oidc(EKS), { StringEquals: { [`${EKS}:sub`]: 'system:serviceaccount:default:app' } }), []);
  assert.deepEqual(trustCodes(oidc('idp.example.com'), { StringEquals: { 'idp.example.com:aud': 'my-app' } }), []);
  assert.deepEqual(trustCodes({ Federated: 'arn:aws:iam::123456789012:saml-provider/corp' }), [], 'SAML is not OIDC');
  const text = trust(oidc(EKS));
  const after = fixed(text, 'IAM425', /^Add a condition/);
  assert.match(after, new RegExp(`"${EKS.replace(/[./]/g, '\\$&')}:sub":"system:serviceaccount:<namespace>:<service-account>"`));
  assert.deepEqual(
    codes(after).filter(c => TRUST.test(c)),
    [],
  );
  assert.deepEqual(fixesOf(trust(oidc('idp.example.com')), 'IAM425').fixes, [], 'no claim to propose');
});

test('IAM426: a GitHub subject of a whole organization (information), with the narrower forms as fixes', () => {
  const text = trust(oidc(GITHUB), { StringLike: { [`${GITHUB}:sub`]: 'repo:my-org/*' } });
  assert.deepEqual(codesOf(text, TRUST, { kind: 'trust' }), ['IAM426']);
  const { fixes } = fixesOf(text, 'IAM426');
  assert.deepEqual(
    fixes.map(f => [f.title, f.isPreferred ?? false]),
    [
      ['Narrow to repo:my-org/<repository>:ref:refs/heads/<branch>', false],
      ['Narrow to repo:my-org/<repository>:*', false],
    ],
  );
  const after = fixed(text, 'IAM426', /:ref:refs/);
  assert.match(after, /"repo:my-org\/<repository>:ref:refs\/heads\/<branch>"/);
  assert.deepEqual(
    codes(after).filter(c => TRUST.test(c)),
    [],
  );
  assert.deepEqual(trustCodes(oidc(GITHUB), { StringLike: { [`${GITHUB}:sub`]: 'repo:my-org/*:environment:prod' } }), ['IAM426']);
  assert.deepEqual(trustCodes(oidc(GITHUB), { StringLike: { [`${GITHUB}:sub`]: 'repo:my-org/my-repo:*' } }), [], "the IAM User Guide's own example");
});

test('IAM425 data: the condition its fix adds; none for a provider without a named claim', () => {
  const [eks] = findingsOf(trust(oidc(EKS)), { kind: 'trust' }).filter(f => f.code === 'IAM425');
  assert.deepEqual(eks.data, {
    conditionKey: `${EKS}:sub`,
    conditionOperator: 'StringEquals',
    conditionValue: 'system:serviceaccount:<namespace>:<service-account>',
  });
  const [other] = findingsOf(trust(oidc('idp.example.com')), { kind: 'trust' }).filter(f => f.code === 'IAM425');
  assert.deepEqual(other.data, {});
  assert.deepEqual(trustCodes(oidc('idp.example.com'), { StringEquals: { 'aws:PrincipalTag/team': 'a' } }), ['IAM425'], 'a key of another provider');
  assert.deepEqual(trustCodes({ Service: 'accounts.google.com' }), [], 'not a Federated principal');
});

test('IAM421, IAM426: only values of the claim, under operators with wildcards; "*" alone is IAM370', () => {
  const sub = `${GITHUB}:sub`;
  const github = (condition: Record<string, unknown>, only = TRUST) => codesOf(trust(oidc(GITHUB), condition), only, { kind: 'trust' });
  assert.deepEqual(github({ StringLike: { [sub]: '*:environment:prod' } }), ['IAM421'], 'a wildcard tenant followed by more');
  assert.deepEqual(github({ StringLike: { [sub]: '**' } }, /^IAM(42[156]|370)$/), ['IAM370']);
  assert.deepEqual(github({ StringLike: { [sub]: ['repo:my-org/app:*', '*'] } }, /^IAM(42[156]|370)$/), ['IAM370']);
  assert.deepEqual(github({ StringLike: { [sub]: ['repo:my-org/app:*', 5] } }), [], 'a number');
  assert.deepEqual(github({ StringLike: { [sub]: 'repo:my-org/app:*', 'aws:PrincipalTag/x': 'repo:*' } }), [], 'another key');
  assert.deepEqual(github({ StringLike: { [sub]: 'repo:my-org/app:*' }, StringLikee: { [sub]: 'repo:*' } }), [], 'an unknown operator (IAM300)');
  assert.deepEqual(trustCodes(oidc(EKS), { StringLike: { [`${EKS}:sub`]: 'system:serviceaccount:default:*' } }), [], 'a provider of one tenant');
  assert.deepEqual(trustCodes(oidc('gitlab.com'), { StringLike: { 'gitlab.com:sub': 'repo:my-org/*' } }), [], 'IAM426 is for GitHub');
  const [narrow] = findingsOf(trust(oidc(GITHUB), { StringLike: { [sub]: 'repo:my-org/*:environment:prod' } }), { kind: 'trust' }).filter(
    f => f.code === 'IAM426',
  );
  assert.deepEqual(narrow.data, { narrower: ['repo:my-org/<repository>:environment:prod'] });
});

test('webIdentityProvider: the provider a Federated value names, by the whole host', () => {
  const nameOf = (value: string) => webIdentityProvider(value)?.provider.name;
  const oidc = (host: string) => `arn:aws:iam::111122223333:oidc-provider/${host}`;
  assert.equal(nameOf(oidc('oidc.eks.us-east-1.amazonaws.com/id/ABCDEF0123')), 'Amazon EKS');
  assert.equal(nameOf(oidc('oidc.eks.cn-north-1.amazonaws.com.cn/id/abcdef')), 'Amazon EKS');
  assert.equal(nameOf(oidc('x.oidc.eks.us-east-1.amazonaws.com/id/abcdef')), 'this OIDC provider');
  assert.equal(nameOf(oidc('oidc.eks.us-east-1.amazonaws.com/id/abcdef/x')), 'this OIDC provider');
  assert.equal(nameOf(oidc('oidc.circleci.com/org/0a1b2c3d-aaaa')), 'CircleCI');
  assert.equal(nameOf(oidc('oidc.circleci.com/org/0a1b2c3d-aaaa/x')), 'this OIDC provider');
  assert.equal(nameOf(oidc('evil.oidc.circleci.com/org/0a1b')), 'this OIDC provider');
  assert.equal(nameOf(oidc('oidc.circleci.com/org/xyz')), 'this OIDC provider');
  const bitbucket = 'api.bitbucket.org/2.0/workspaces/acme/pipelines-config/identity/oidc';
  assert.equal(nameOf(oidc(bitbucket)), 'Bitbucket Pipelines');
  assert.equal(nameOf(oidc(`${bitbucket}/x`)), 'this OIDC provider');
  assert.equal(nameOf(oidc(`x.${bitbucket}`)), 'this OIDC provider');
  assert.equal(nameOf(oidc(bitbucket.replace('acme', 'acme/team'))), 'this OIDC provider');
  assert.equal(nameOf(oidc(bitbucket.replace('acme', ''))), 'this OIDC provider');
  assert.equal(nameOf('accounts.google.com'), 'Google');
  assert.equal(nameOf('arn:aws:iam::111122223333:saml-provider/Corp'), undefined);
  assert.equal(nameOf('no-such-provider'), undefined);
  assert.equal(OTHER_OIDC_PROVIDER.matches('anything'), true);
});

test('providerHost: the host of an OIDC provider ARN, as written; a bare name; nothing for SAML', () => {
  assert.equal(providerHost('arn:aws:iam::111122223333:oidc-provider/Token.Actions.GitHubUserContent.com'), 'Token.Actions.GitHubUserContent.com');
  assert.equal(providerHost('arn:aws:iam::111122223333:x/oidc-provider/a.example.com'), undefined);
  assert.equal(providerHost('arn:aws:iam::111122223333:oidc-provider/'), undefined);
  assert.equal(providerHost('arn:aws:iam::111122223333:saml-provider/Corp'), undefined);
  assert.equal(providerHost('graph.facebook.com'), 'graph.facebook.com');
  assert.equal(providerHost('cognito:x'), undefined);
});

test("HCP Terraform: a token's tenant is its organization", () => {
  const terraform = webIdentityProvider('arn:aws:iam::111122223333:oidc-provider/app.terraform.io')!.provider;
  assert.equal(terraform.tenantOf?.('organization:acme:project:web:workspace:prod:run_phase:apply'), 'organization:acme');
});
