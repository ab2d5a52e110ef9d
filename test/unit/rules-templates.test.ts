// The rules in a policy read from a template (CloudFormation, SAM, Serverless, Terraform): a value the
// template fills in at deploy time (a `${...}` it lists as unknown) is never called wrong, and what a
// partial policy leaves out may be added at deploy time. The template readers' own tests go through the
// readers; these run the rules alone, so that they run under mutation testing too (docs/testing.md).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { collectFindings } from '../../server/src/features/diagnostics';
import type { PolicyKind } from '../../server/src/policy/model';
import { withDefaults } from '../../server/src/protocol';
import { parse } from '../helpers/cursor';
import { codesOf, policyOf, rethrow, stmt } from '../helpers/findings';

interface Template {
  unknowns?: string[];
  partial?: boolean;
  kind?: PolicyKind;
}

/** The codes matching `only` of a policy text read from a template, in text order. */
function templateCodes(text: string, only: RegExp, { unknowns = [], partial = false, kind = 'identity' }: Template = {}): string[] {
  const context = { unknowns: new Set(unknowns), partial, jsonText: false };
  const doc = parse(text, 'file:///work/template.yaml', { languageId: 'iam-policy', kind, template: { kind, context } });
  return collectFindings(doc, getCatalog(), withDefaults(undefined), rethrow)
    .map(f => f.code)
    .filter(c => only.test(c));
}

test('actions: a name with a value known at deploy time is not judged; the same text outside a template is', () => {
  const names = /^IAM10[0-36]$/;
  for (const [action, unknown] of [
    ['${Service}:GetObjetc', '${Service}'],
    ['s3.${Name}', '${Name}'],
  ]) {
    const text = policyOf(stmt({ Action: [action], Resource: '*' }));
    assert.deepEqual(templateCodes(text, names, { unknowns: [unknown] }), [], action);
    assert.deepEqual(templateCodes(text, names, { unknowns: ['${Other}'] }), ['IAM100'], `${action}: another unknown`);
    assert.deepEqual(codesOf(text, names), ['IAM100'], `${action}: no template`);
  }
  const notAction = policyOf(stmt({ Effect: 'Deny', NotAction: '${Service}:GetObjetc', Resource: '*' }));
  assert.deepEqual(templateCodes(notAction, names, { unknowns: ['${Service}'] }), [], 'in NotAction too');
});

test('resources: a value that is an ARN at deploy time is not judged; an ARN with an unknown in it is', () => {
  const shape = /^IAM20\d$/;
  const arnOfBucket = policyOf(stmt({ Action: '*', Resource: '${Bucket.Arn}/*' }));
  assert.deepEqual(templateCodes(arnOfBucket, shape, { unknowns: ['${Bucket.Arn}'] }), []);
  assert.deepEqual(templateCodes(arnOfBucket, shape, { unknowns: ['${Other}'] }), ['IAM200'], 'another unknown');
  const upperCase = policyOf(stmt({ Action: '*', Resource: 'arn:aws:S3:::${BucketName}' }));
  assert.deepEqual(templateCodes(upperCase, shape, { unknowns: ['${BucketName}'] }), ['IAM205'], 'its written parts are judged');
});

test('statements: a Statement the template fills in, and what a partial policy may add at deploy time, are not judged', () => {
  const shape = /^IAM0(1[4-9]|2\d)$/;
  const filled = '{"Version":"2012-10-17","Statement":"${Statements}"}';
  assert.deepEqual(templateCodes(filled, shape, { unknowns: ['${Statements}'] }), []);
  assert.deepEqual(templateCodes(filled, shape, { unknowns: ['${Other}'] }), ['IAM015']);
  const empty = '{"Version":"2012-10-17","Statement":[]}';
  assert.deepEqual(templateCodes(empty, shape, { partial: true }), [], "Terraform's dynamic blocks add statements");
  assert.deepEqual(templateCodes(empty, shape), ['IAM014']);
  const bare = policyOf('{}');
  assert.deepEqual(templateCodes(bare, shape, { partial: true, kind: 'trust' }), [], 'no Effect, Action or Principal yet');
  assert.deepEqual(templateCodes(bare, shape, { kind: 'trust' }), ['IAM017', 'IAM019', 'IAM025']);
  assert.deepEqual(templateCodes(bare, shape, { partial: true }), []);
  assert.deepEqual(templateCodes(bare, shape), ['IAM017', 'IAM019', 'IAM021']);
});

test('web identity trust: a provider or a condition key known only at deploy time is not judged', () => {
  const trustCodes = /^IAM42[156]$/;
  const github = { Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' };
  const trust = (principal: Record<string, string>, Condition?: Record<string, unknown>) =>
    policyOf(stmt({ Principal: principal, Action: 'sts:AssumeRoleWithWebIdentity', ...(Condition ? { Condition } : {}) }));
  const provider = trust({ Federated: 'arn:aws:iam::123456789012:oidc-provider/${OidcProviderUrl}' });
  assert.deepEqual(templateCodes(provider, trustCodes, { kind: 'trust', unknowns: ['${OidcProviderUrl}'] }), []);
  assert.deepEqual(templateCodes(provider, trustCodes, { kind: 'trust', unknowns: ['${Other}'] }), ['IAM425']);
  const aud = { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' };
  const oneKey = trust(github, { StringEquals: { ...aud, '${Url}:sub': 'repo:my-org/app:*' } });
  assert.deepEqual(templateCodes(oneKey, trustCodes, { kind: 'trust', unknowns: ['${Url}'] }), []);
  assert.deepEqual(templateCodes(oneKey, trustCodes, { kind: 'trust', unknowns: ['${Other}'] }), ['IAM421']);
  const oneOperator = trust(github, { StringEquals: aud, StringLike: { '${Url}:sub': 'repo:my-org/app:*' } });
  assert.deepEqual(templateCodes(oneOperator, trustCodes, { kind: 'trust', unknowns: ['${Url}'] }), []);
});
