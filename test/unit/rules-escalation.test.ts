// Privilege escalation (IAM410, IAM411): the methods of Rhino Security Labs, PMapper and
// pathfinding.cloud, found across statements, with resource scope and iam:PassedToService; and the
// table itself (every action known, no method that another one already implies).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { ESCALATION_METHODS, ESCALATION_SOURCES, methodsWith, PASS_ROLE, sourceLink, TARGET_TYPES } from '../../server/src/analysis/escalationMethods';
import { findingsOf, policyOf, stmt } from '../helpers/findings';

type Statement = Record<string, unknown>;
const findings = (code: string, ...statements: Statement[]) => findingsOf(policyOf(...statements.map(stmt)), { kind: 'identity' }).filter(f => f.code === code);
const count = (code: string, ...statements: Statement[]) => findings(code, ...statements).length;
const toService = (service: string | string[]) => ({ StringEquals: { 'iam:PassedToService': service } });

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
  const runInstances = { Action: 'ec2:RunInstances', Resource: '*' };
  const [finding] = findings('IAM411', passRole, runInstances);
  // where iam:PassRole is allowed, and IAM402 on ec2:RunInstances' "*", folded into IAM411
  const passRoleAt = policyOf(stmt(passRole), stmt(runInstances)).indexOf('"iam:PassRole"');
  assert.deepEqual(
    finding.related?.map(r => (r.message.startsWith('IAM402') ? 'IAM402' : r.offset)),
    [passRoleAt, 'IAM402'],
  );
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

test('IAM410: which conditions confine iam:PassRole, and which services it names', () => {
  const [fromIp] = findings('IAM410', { Action: 'iam:PassRole', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } });
  assert.equal(fromIp.data?.passedToService, false, 'a condition on another key names no service');
  assert.equal(count('IAM410', { Action: 'iam:PassRole', Resource: 'my-role' }), 0, 'not an ARN: no role of every account');
  assert.equal(count('IAM410', { Action: 'iam:PassRole', NotResource: ['*', 'arn:aws:s3:::b'] }), 0);
  assert.equal(count('IAM410', { Action: 'iam:PassRole' }), 0, 'no Resource');
});

test('IAM411: what each statement covers: NotResource, no Resource, "*" beside an ARN, a type without "*"', () => {
  assert.equal(count('IAM411', { Action: 'iam:CreatePolicyVersion', NotResource: '*' }), 0);
  assert.equal(count('IAM411', { Action: 'iam:CreatePolicyVersion' }), 0);
  assert.equal(count('IAM411', { Action: 'iam:CreatePolicyVersion', Resource: ['*', 'arn:aws:iam::123456789012:policy/app'] }), 1);
  assert.equal(
    count('IAM411', { Action: 'lambda:UpdateFunctionCode', NotResource: ['arn:aws:s3:::b', 'arn:aws:lambda:*:*:function:*'] }),
    0,
    'one NotResource entry leaves out every function',
  );
  assert.equal(
    count('IAM411', { Action: ['ec2:DescribeInstances', 'ec2-instance-connect:SendSSHPublicKey'], NotResource: 'arn:aws:s3:::b' }),
    1,
    'an action without resource types, with NotResource',
  );
  const images = ['instance', 'network-interface', 'security-group', 'subnet', 'volume'].map(type => `arn:aws:ec2:*:*:${type}/*`);
  assert.equal(
    count('IAM411', { Action: 'ec2:RunInstances', Resource: [...images, 'arn:aws:ec2:*::image/*'] }, { Action: 'iam:PassRole', Resource: '*' }),
    1,
    'ec2:RunInstances on every resource of its required types (not of its optional ones)',
  );
});

test('IAM411: grants of one action add up; the finding goes where the whole grant is', () => {
  const policyVersion = 'iam:CreatePolicyVersion';
  const named = { Action: policyVersion, Resource: 'arn:aws:iam::123456789012:policy/app' };
  const everywhere = { Action: policyVersion, Resource: '*' };
  const [finding] = findings('IAM411', named, everywhere);
  assert.equal(finding.offset, policyOf(stmt(named), stmt(everywhere)).lastIndexOf(`"${policyVersion}"`));
  assert.equal(count('IAM411', everywhere, { Action: policyVersion, Resource: 'arn:aws:iam::*:policy/*' }), 1, '"*" then every policy');
  const [afterNothing] = findings('IAM411', { Action: policyVersion, NotResource: ['*', 'arn:aws:s3:::b'] }, everywhere);
  assert.equal(
    afterNothing.offset,
    policyOf(stmt({ Action: policyVersion, NotResource: ['*', 'arn:aws:s3:::b'] }), stmt(everywhere)).lastIndexOf(`"${policyVersion}"`),
  );
});

test("IAM411's data: each method with the catalog's action names, its sources once", () => {
  const [finding] = findings('IAM411', { Action: ['cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet'], Resource: '*' });
  assert.deepEqual(finding.data?.methods, [
    'create and execute a change set of an existing CloudFormation stack, with its role (cloudformation:CreateChangeSet, cloudformation:ExecuteChangeSet)',
  ]);
  assert.deepEqual(finding.data?.sources, ['pmapper cloudformation', 'pathfinding cloudformation-005']);
  const [iam] = findings('IAM411', { Action: 'iam:*', Resource: '*' });
  const sources = iam.data?.sources as string[];
  assert.deepEqual(sources, [...new Set(sources)]);
  assert.ok(sources.length > 0);
});

test('IAM411 with iam:PassedToService: every value and every condition, only for iam:PassRole', () => {
  const lambda = { Action: ['lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' };
  const runInstances = { Action: 'ec2:RunInstances', Resource: '*' };
  const passRole = (Condition: Statement) => ({ Action: 'iam:PassRole', Resource: '*', Condition });
  assert.equal(count('IAM411', passRole(toService(['ec2.amazonaws.com', 'lambda.amazonaws.com'])), lambda), 1, 'any of the values');
  const allButLambda = { StringLike: { 'iam:PassedToService': '*.amazonaws.com' }, StringNotEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } };
  assert.equal(count('IAM411', passRole(allButLambda), runInstances), 1);
  assert.equal(count('IAM411', passRole(allButLambda), lambda), 0, 'every condition');
  const withTag = { ...toService('ec2.amazonaws.com'), StringLike: { 'aws:PrincipalTag/team': '*' } };
  assert.equal(count('IAM411', passRole(withTag), runInstances), 0, 'another key: a condition we cannot judge');
  assert.equal(
    count('IAM411', { Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*', Condition: toService('ec2.amazonaws.com') }),
    0,
    'ec2:RunInstances requests have no iam:PassedToService: the condition fails',
  );
  const appRunner = { Action: 'apprunner:CreateService', Resource: '*' };
  assert.equal(count('IAM411', { Action: 'iam:PassRole', Resource: '*' }, appRunner), 1);
  assert.equal(
    count('IAM411', passRole({ StringNotEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } }), appRunner),
    0,
    'a method that names no service',
  );
  assert.equal(count('IAM411', passRole({ StringEqualz: { 'iam:PassedToService': 'ec2.amazonaws.com' } }), runInstances), 1, 'an unknown operator');
});

test('IAM411 with NotAction: the actions it leaves out', () => {
  const [finding] = findings('IAM411', { NotAction: ['iam:*', 'sts:*'], Resource: '*' });
  const methods = finding.data?.methods as string[];
  assert.ok(methods.length > 0);
  assert.deepEqual(
    methods.filter(m => /\(.*\biam:/.test(m)),
    [],
  );
});

test('IAM411 after Deny statements: unconditional, on "*", by Action or NotAction', () => {
  const policyVersion = { Action: 'iam:CreatePolicyVersion', Resource: '*' };
  assert.equal(count('IAM411', policyVersion, { Effect: 'Deny', Action: ['s3:GetObject', 'iam:CreatePolicyVersion'], Resource: '*' }), 0);
  assert.equal(count('IAM411', policyVersion, { Effect: 'Deny', NotAction: 's3:*', Resource: '*' }), 0);
  assert.equal(count('IAM411', policyVersion, { Effect: 'Deny', NotAction: ['s3:*', 'iam:*'], Resource: '*' }), 1);
  const withoutMfa = { Effect: 'Deny', Action: 'iam:*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } };
  assert.equal(count('IAM411', policyVersion, withoutMfa), 1, 'a conditional Deny');
});

test('sourceLink: each source of the table as a Markdown link to its page; an unknown source as written', () => {
  assert.equal(sourceLink('rhino 3'), '[Rhino Security Labs 3](https://github.com/RhinoSecurityLabs/AWS-IAM-Privilege-Escalation)');
  assert.equal(sourceLink('pmapper ec2'), '[PMapper ec2](https://github.com/nccgroup/PMapper/blob/master/principalmapper/graphing/ec2_edges.py)');
  assert.equal(sourceLink('pathfinding ec2-001'), '[pathfinding.cloud ec2-001](https://pathfinding.cloud/paths/ec2-001)');
  assert.equal(
    sourceLink('cloudsplaining privilege-escalation'),
    '[Cloudsplaining privilege-escalation](https://github.com/salesforce/cloudsplaining/blob/master/cloudsplaining/shared/constants.py)',
  );
  assert.equal(sourceLink('elsewhere 12'), 'elsewhere 12');
});

test('methodsWith: the methods an action (lower case) takes part in, in table order', () => {
  assert.deepEqual(
    methodsWith('iam:passrole'),
    ESCALATION_METHODS.filter(m => m.actions.includes('iam:passrole')),
  );
  assert.ok(methodsWith('iam:passrole').length > 5);
  assert.deepEqual(methodsWith('iam:PassRole'), [], 'lower case only');
  assert.deepEqual(methodsWith('s3:getobject'), []);
});
