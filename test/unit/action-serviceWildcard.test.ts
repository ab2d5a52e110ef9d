// "*:*" and other service prefixes with a wildcard (issue 19, item 2). IAM's grammar makes an action
// a service namespace, a colon and an action name, where only the name may have wildcards; IAM
// Access Analyzer reports a service that does not exist as an error ("Invalid service in action").
// So "*:*" is an error (IAM100) and grants nothing: no other rule, the hover, the summary or the
// simulator may read it as every action.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { simulate } from '../../server/src/evaluation/evaluate';
import { summarizePolicy } from '../../server/src/features/summary';
import { parsePolicy } from '../../server/src/policy/parse';
import { findingsOf, policyOf, stmt } from '../helpers/findings';
import { hoverAt, policy } from '../helpers/hover';

const catalog = getCatalog();

test('"*:*" gets one finding, the IAM100 error, and no finding that reads it as every action', () => {
  for (const action of ['*:*', '*:Describe*', 's3*:Get*', '?3:GetObject']) {
    const findings = findingsOf(policyOf(stmt({ Action: action, Resource: '*' })));
    assert.deepEqual(
      findings.map(f => f.code),
      ['IAM100'],
      action,
    );
    assert.match(findings[0].message, /service prefix cannot have wildcards/, action);
  }
  const message = findingsOf(policyOf(stmt({ Action: '*:*', Resource: '*' })))[0].message;
  assert.match(message, /"\*"/, 'the message says how to write every action');
});

test('the catalog matches no action for a service prefix with a wildcard', () => {
  assert.deepEqual(catalog.matchActions('*:*'), []);
  assert.deepEqual(catalog.matchActions('s3*:get*'), []);
  assert.ok(catalog.matchActions('*').length > 10000);
});

test('the hover on "*:*" says it is not a valid action, not that it matches every action', () => {
  const hover = hoverAt(policy('"Effect": "Allow", "Action": "*:|*", "Resource": "*"'));
  assert.ok(hover);
  assert.match(hover.markdown, /not a valid action/);
  assert.doesNotMatch(hover.markdown, /matches \d/);
});

test('the access summary and the simulator grant nothing for "*:*"', () => {
  const doc = parsePolicy(policyOf(stmt({ Action: '*:*', Resource: '*' })), 'file:///test/policy.json', { languageId: 'iam-policy' });
  const summary = summarizePolicy(doc, catalog);
  assert.deepEqual(summary.allow.services, []);
  assert.equal(summary.allow.allOtherServices, false);
  assert.equal(simulate([doc], { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }).decision, 'ImplicitDeny');
  const deny = parsePolicy(policyOf(stmt({ Action: '*', Resource: '*' }), stmt({ Effect: 'Deny', Action: '*:*', Resource: '*' })), 'file:///test/policy.json', {
    languageId: 'iam-policy',
  });
  assert.equal(simulate([deny], { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }).decision, 'Allow');
});
