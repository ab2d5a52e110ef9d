// Privilege escalation (IAM410, IAM411): the methods of Rhino Security Labs, PMapper and
// pathfinding.cloud, found across statements, with resource scope and iam:PassedToService; and the
// table itself (every action known, no method that another one already implies).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { ESCALATION_METHODS, ESCALATION_SOURCES, PASS_ROLE, TARGET_TYPES } from '../../server/src/analysis/escalationMethods';
import { findingsOf, policyOf, stmt } from '../helpers/findings';

type Statement = Record<string, unknown>;
const findings = (code: string, ...statements: Statement[]) => findingsOf(policyOf(...statements.map(stmt)), { kind: 'identity' }).filter(f => f.code === code);
const count = (code: string, ...statements: Statement[]) => findings(code, ...statements).length;
const toService = (service: string) => ({ StringEquals: { 'iam:PassedToService': service } });

test('the escalation table: every action is in the catalog, every source is known, no method implies another', () => {
  const catalog = getCatalog();
  for (const method of ESCALATION_METHODS) {
    for (const action of method.actions) {
      const [service, name] = action.split(':');
      assert.equal(action, action.toLowerCase(), action);
      assert.ok(catalog.action(service, name), `${method.name}: ${action} is not in the catalog`);
    }
    assert.ok(method.sources.length > 0 && method.sources.every(s => s.split(' ')[0] in ESCALATION_SOURCES), method.name);
    assert.equal(method.passedTo !== undefined && !method.actions.includes(PASS_ROLE), false, `${method.name}: passedTo without iam:PassRole`);
    for (const other of ESCALATION_METHODS) {
      if (other === method) continue;
      const implied = other.actions.every(a => method.actions.includes(a)) && (other.passedTo === method.passedTo || other.passedTo === undefined);
      assert.ok(!implied, `"${method.name}" adds actions to "${other.name}"`);
    }
  }
  for (const [action, types] of Object.entries(TARGET_TYPES)) {
    for (const type of types) assert.ok(catalog.resourceType(action.split(':')[0], type), `${action}: ${type}`);
  }
});

test('IAM410: iam:PassedToService names services, not roles; every role of one account is every role', () => {
  const [withService] = findings('IAM410', { Action: 'iam:PassRole', Resource: '*', Condition: toService('ec2.amazonaws.com') });
  assert.equal(withService.data?.passedToService, true);
  assert.equal(count('IAM410', { Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/*' }), 1);
  assert.equal(count('IAM410', { Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/service-role/*' }), 0);
});

test('IAM411: the methods of Systems Manager, CodeBuild, CloudFormation, Lambda, EC2 and SageMaker', () => {
  for (const actions of [
    ['ssm:SendCommand'],
    ['ssm:StartSession'],
    ['codebuild:StartBuild'],
    ['cloudformation:UpdateStack'],
    ['cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet'],
    ['lambda:UpdateFunctionConfiguration'],
    ['ec2:DescribeInstances', 'ec2-instance-connect:SendSSHPublicKey'],
    ['sagemaker:CreatePresignedNotebookInstanceUrl'],
    ['ec2:CreateLaunchTemplateVersion', 'ec2:ModifyLaunchTemplate'],
  ]) {
    assert.equal(count('IAM411', { Action: actions, Resource: '*' }), 1, actions.join(' + '));
  }
  assert.equal(count('IAM411', { Action: ['cloudformation:CreateChangeSet'], Resource: '*' }), 0, 'half a method');
});

test('IAM411: iam:PassRole with a new resource, across statements, by the service it may pass roles to', () => {
  const passRole = { Action: 'iam:PassRole', Resource: 'arn:aws:iam::*:role/*' };
  assert.equal(count('IAM411', passRole, { Action: ['ecs:RegisterTaskDefinition', 'ecs:RunTask'], Resource: '*' }), 1);
  assert.equal(count('IAM411', passRole, { Action: ['autoscaling:CreateLaunchConfiguration', 'autoscaling:CreateAutoScalingGroup'], Resource: '*' }), 1);
  assert.equal(count('IAM411', passRole, { Action: ['glue:CreateJob', 'glue:StartJobRun'], Resource: '*' }), 1);
  assert.equal(count('IAM411', passRole, { Action: 'ec2:AssociateIamInstanceProfile', Resource: '*' }), 1);
  const ec2Only = { Action: 'iam:PassRole', Resource: '*', Condition: toService('ec2.amazonaws.com') };
  assert.equal(count('IAM411', ec2Only, { Action: 'ec2:RunInstances', Resource: '*' }), 1);
  assert.equal(count('IAM411', ec2Only, { Action: ['lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' }), 0);
  const notLambda = { Action: 'iam:PassRole', Resource: '*', Condition: { StringNotEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } };
  assert.equal(count('IAM411', notLambda, { Action: 'ec2:RunInstances', Resource: '*' }), 1);
  assert.equal(count('IAM411', notLambda, { Action: ['lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' }), 0);
  const [finding] = findings('IAM411', passRole, { Action: 'ec2:RunInstances', Resource: '*' });
  // beside the findings folded into it (rules/oneFinding.ts: "IAM410: ..."), one place: where iam:PassRole is allowed
  assert.equal(finding.related?.filter(r => !/^IAM\d{3}: /.test(r.message)).length, 1, 'where iam:PassRole is allowed');
});

test('IAM411: resource scope: ARNs that name every resource of a type count as "*"', () => {
  assert.equal(count('IAM411', { Action: 'ssm:SendCommand', Resource: ['arn:aws:ec2:*:*:instance/*', 'arn:aws:ssm:*:*:document/*'] }), 1);
  assert.equal(count('IAM411', { Action: 'iam:CreateAccessKey', Resource: 'arn:aws:iam::123456789012:user/*' }), 1);
  assert.equal(count('IAM411', { Action: 'lambda:UpdateFunctionCode', Resource: 'arn:aws:lambda:*:*:function:*' }), 1);
  assert.equal(count('IAM411', { Action: 'ssm:SendCommand', Resource: 'arn:aws:ec2:us-east-1:123456789012:instance/i-0abc' }), 0);
  assert.equal(
    count('IAM411', { Action: 'ssm:SendCommand', Resource: ['arn:aws:ec2:*:*:instance/*', 'arn:aws:ssm:*:*:document/AWSEC2-CreateVssSnapshot'] }),
    0,
    'one document: not any command (the document is a required resource)',
  );
  assert.equal(
    count(
      'IAM411',
      { Action: 'ssm:SendCommand', Resource: 'arn:aws:ssm:*:*:document/*' },
      { Action: 'ssm:SendCommand', Resource: 'arn:aws:ec2:*:*:instance/*' },
    ),
    1,
    'the resources of two statements add up',
  );
  assert.equal(count('IAM411', { Action: 'ssm:StartSession', Resource: 'arn:aws:ssm:*:*:document/*' }), 0, 'no instance');
  assert.equal(
    count('IAM411', { Action: 'ssm:StartSession', Resource: ['arn:aws:ec2:*:*:instance/*', 'arn:aws:ssm:*:*:document/SSM-SessionManagerRunShell'] }),
    1,
  );
  assert.equal(
    count('IAM411', { Action: 'ec2:RunInstances', Resource: 'arn:aws:ec2:*:*:instance/*' }, { Action: 'iam:PassRole', Resource: '*' }),
    0,
    'RunInstances needs its image, subnet, network interface and security group too',
  );
  assert.equal(count('IAM411', { Action: 'iam:CreateAccessKey', Resource: 'arn:aws:iam::*:user/${aws:username}' }), 0);
  assert.equal(count('IAM411', { Action: 'lambda:UpdateFunctionCode', NotResource: 'arn:aws:lambda:*:*:function:*' }), 0);
  assert.equal(count('IAM411', { Action: 'lambda:UpdateFunctionCode', NotResource: 'arn:aws:lambda:*:*:function:prod-*' }), 1);
});

test('IAM411: Allow with NotAction, reported on NotAction; many methods in one message', () => {
  const [notAction] = findings('IAM411', { NotAction: ['iam:*', 'organizations:*'], Resource: '*' });
  assert.ok((notAction.data?.methods as string[]).some(m => m.startsWith('run commands on instances')));
  const [iam] = findings('IAM411', { Action: 'iam:*', Resource: '*' });
  assert.match(iam.message, /ways, such as/);
  assert.ok((iam.data?.methods as string[]).length >= 13);
});
