// analysis/sensitiveActions.ts: the kinds of risk an action of the catalog carries (IAM652 and the
// hover name them), and the escalation methods it takes part in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { escalationMethodsOf, lowerName, sensitivitiesOf } from '../../server/src/analysis/sensitiveActions';

const actionOf = (name: string) => {
  const [service, action] = name.split(':');
  return getCatalog().action(service, action)!;
};

test('sensitivitiesOf: each kind an action carries, in SENSITIVITIES order', () => {
  const kinds = (name: string) => sensitivitiesOf(actionOf(name));
  assert.deepEqual(kinds('iam:PassRole'), ['privilege escalation']);
  assert.deepEqual(kinds('codepipeline:PollForJobs'), ['credentials exposure']);
  assert.deepEqual(kinds('iam:CreateAccessKey'), ['privilege escalation', 'credentials exposure']);
  assert.deepEqual(kinds('s3:GetObject'), ['data access']);
  assert.deepEqual(kinds('iam:PutRolePolicy'), ['privilege escalation', 'resource exposure']);
  assert.deepEqual(kinds('s3:PutBucketAcl'), ['resource exposure']);
  assert.deepEqual(kinds('s3:ListAllMyBuckets'), []);
});

test('escalationMethodsOf, lowerName: the methods an action takes part in, by its lower-case name', () => {
  assert.equal(lowerName(actionOf('IAM:passrole')), 'iam:passrole');
  assert.deepEqual(
    escalationMethodsOf(actionOf('iam:CreateAccessKey')).map(m => m.name),
    ['create an access key for another user'],
  );
  assert.ok(escalationMethodsOf(actionOf('iam:PassRole')).length > 5);
  assert.deepEqual(escalationMethodsOf(actionOf('s3:GetObject')), []);
});
