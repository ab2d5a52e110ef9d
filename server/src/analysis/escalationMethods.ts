// Known ways to escalate privileges in AWS with the permissions an identity policy grants: each a
// set of actions that together suffice, written from three public catalogues (our own table: each
// entry names where it is published).
// - Rhino Security Labs, "AWS IAM Privilege Escalation – Methods and Mitigation" parts 1 and 2, and
//   the method list of github.com/RhinoSecurityLabs/AWS-IAM-Privilege-Escalation (README, methods
//   1-28): `rhino N`.
// - NCC Group's PMapper, the edge checks in principalmapper/graphing/<service>_edges.py (autoscaling,
//   cloudformation, codebuild, ec2, iam, lambda, sagemaker, ssm, sts): `pmapper <service>`.
// - pathfinding.cloud (Datadog, github.com/DataDog/pathfinding.cloud, data/paths/*/<id>.yaml: the
//   "required" permissions of each path): `pathfinding <id>`.
// - Salesforce's Cloudsplaining (cloudsplaining/shared/constants.py, PRIVILEGE_ESCALATION_METHODS),
//   for one path it took from pathfinding.cloud: `cloudsplaining <name>`.
// Only the smallest sets are listed: a path that adds actions to another one (pathfinding iam-014
// "iam:AttachRolePolicy + sts:AssumeRole" beside iam-009 "iam:AttachRolePolicy") is found through
// the smaller one. Left out: sts:AssumeRole alone (pathfinding sts-001: the role's trust policy
// decides, which the identity policy does not show) and CodeStar's undocumented
// CreateProjectFromTemplate (rhino 23: not in the Service Authorization Reference). Lower case.

export interface EscalationMethod {
  /** what the principal can do, as a clause: "pass a role to a new EC2 instance" */
  name: string;
  /** the actions that together suffice, lower case; the last is the one the finding is reported on */
  actions: readonly string[];
  /**
   * With iam:PassRole: the service the role is passed to, as iam:PassedToService names it. A PassRole
   * grant confined to other services (iam:PassedToService) does not serve the method; without this,
   * only a PassRole grant without conditions does.
   */
  passedTo?: string;
  /** where the method is published */
  sources: readonly string[];
}

export const PASS_ROLE = 'iam:passrole';

const pass = (passedTo: string | undefined, ...actions: string[]) => ({ actions: [PASS_ROLE, ...actions], passedTo });

export const ESCALATION_METHODS: readonly EscalationMethod[] = [
  // IAM: the principal changes its own permissions or takes over another principal
  { name: 'write a new default version of a managed policy', actions: ['iam:createpolicyversion'], sources: ['rhino 1', 'pathfinding iam-001'] },
  { name: 'switch a managed policy to an older, broader version', actions: ['iam:setdefaultpolicyversion'], sources: ['rhino 2'] },
  { name: 'create an access key for another user', actions: ['iam:createaccesskey'], sources: ['rhino 4', 'pmapper iam', 'pathfinding iam-002'] },
  { name: 'create a console password for another user', actions: ['iam:createloginprofile'], sources: ['rhino 5', 'pmapper iam', 'pathfinding iam-004'] },
  { name: "change another user's console password", actions: ['iam:updateloginprofile'], sources: ['rhino 6', 'pmapper iam', 'pathfinding iam-006'] },
  { name: 'attach any managed policy to a user', actions: ['iam:attachuserpolicy'], sources: ['rhino 7', 'pathfinding iam-008'] },
  { name: 'attach any managed policy to a group', actions: ['iam:attachgrouppolicy'], sources: ['rhino 8', 'pathfinding iam-010'] },
  { name: 'attach any managed policy to a role', actions: ['iam:attachrolepolicy'], sources: ['rhino 9', 'pathfinding iam-009'] },
  { name: 'write an inline policy into a user', actions: ['iam:putuserpolicy'], sources: ['rhino 10', 'pathfinding iam-007'] },
  { name: 'write an inline policy into a group', actions: ['iam:putgrouppolicy'], sources: ['rhino 11', 'pathfinding iam-011'] },
  { name: 'write an inline policy into a role', actions: ['iam:putrolepolicy'], sources: ['rhino 12', 'pathfinding iam-005'] },
  { name: 'add a user to a more privileged group', actions: ['iam:addusertogroup'], sources: ['rhino 13', 'pathfinding iam-013'] },
  {
    name: "rewrite a role's trust policy and assume the role",
    actions: ['iam:updateassumerolepolicy'],
    sources: ['rhino 14', 'pmapper iam', 'pathfinding iam-012'],
  },
  // EC2 and EC2 Auto Scaling: code on an instance reads its role's credentials
  { name: 'pass a role to a new EC2 instance', ...pass('ec2.amazonaws.com', 'ec2:runinstances'), sources: ['rhino 3', 'pmapper ec2', 'pathfinding ec2-001'] },
  { name: 'pass a role to a new EC2 Spot Instance', ...pass('ec2.amazonaws.com', 'ec2:requestspotinstances'), sources: ['pathfinding ec2-003'] },
  { name: 'give a role to an instance the principal can reach', ...pass('ec2.amazonaws.com', 'ec2:associateiaminstanceprofile'), sources: ['pmapper ec2'] },
  {
    name: 'pass a role to instances of a new Auto Scaling launch configuration',
    ...pass('ec2.amazonaws.com', 'autoscaling:createlaunchconfiguration', 'autoscaling:createautoscalinggroup'),
    sources: ['pmapper autoscaling'],
  },
  {
    name: "rewrite an instance's user data and restart it",
    actions: ['ec2:modifyinstanceattribute', 'ec2:stopinstances', 'ec2:startinstances'],
    sources: ['pathfinding ec2-002'],
  },
  {
    name: 'add a launch template version with new user data and make it the default',
    actions: ['ec2:createlaunchtemplateversion', 'ec2:modifylaunchtemplate'],
    sources: ['pathfinding ec2-004'],
  },
  {
    name: 'push an SSH key to an instance with EC2 Instance Connect',
    actions: ['ec2:describeinstances', 'ec2-instance-connect:sendsshpublickey'],
    sources: ['pathfinding ec2instanceconnect-003'],
  },
  // Systems Manager: commands and shells on instances, with their roles
  { name: 'run commands on instances with Systems Manager', actions: ['ssm:sendcommand'], sources: ['pmapper ssm', 'pathfinding ssm-002'] },
  { name: 'open a shell on instances with Session Manager', actions: ['ssm:startsession'], sources: ['pmapper ssm', 'pathfinding ssm-001'] },
  // Lambda
  {
    name: 'pass a role to a new Lambda function and invoke it',
    ...pass('lambda.amazonaws.com', 'lambda:createfunction', 'lambda:invokefunction'),
    sources: ['rhino 15', 'pathfinding lambda-001'],
  },
  {
    name: 'pass a role to a new Lambda function triggered by an event source',
    ...pass('lambda.amazonaws.com', 'lambda:createfunction', 'lambda:createeventsourcemapping'),
    sources: ['rhino 17', 'pathfinding lambda-002'],
  },
  {
    name: 'pass a role to a new Lambda function and let another account invoke it',
    ...pass('lambda.amazonaws.com', 'lambda:createfunction', 'lambda:addpermission'),
    sources: ['rhino 16', 'pathfinding lambda-006'],
  },
  {
    name: "run code in an existing Lambda function's role",
    actions: ['lambda:updatefunctioncode'],
    sources: ['rhino 18', 'pmapper lambda', 'pathfinding lambda-003'],
  },
  { name: 'add a layer to an existing Lambda function and run code in its role', actions: ['lambda:updatefunctionconfiguration'], sources: ['rhino 26'] },
  // Glue
  {
    name: 'pass a role to a new Glue development endpoint',
    ...pass('glue.amazonaws.com', 'glue:createdevendpoint'),
    sources: ['rhino 19', 'pathfinding glue-001'],
  },
  {
    name: 'log in to an existing Glue development endpoint and use its role',
    actions: ['glue:updatedevendpoint'],
    sources: ['rhino 20', 'pathfinding glue-002'],
  },
  { name: 'pass a role to a new Glue job and run it', ...pass('glue.amazonaws.com', 'glue:createjob', 'glue:startjobrun'), sources: ['pathfinding glue-003'] },
  {
    name: 'pass a role to a new Glue job run by a trigger',
    ...pass('glue.amazonaws.com', 'glue:createjob', 'glue:createtrigger'),
    sources: ['pathfinding glue-004'],
  },
  {
    name: 'pass a role to an existing Glue job and run it',
    ...pass('glue.amazonaws.com', 'glue:updatejob', 'glue:startjobrun'),
    sources: ['pathfinding glue-005'],
  },
  {
    name: 'pass a role to an existing Glue job run by a trigger',
    ...pass('glue.amazonaws.com', 'glue:updatejob', 'glue:createtrigger'),
    sources: ['pathfinding glue-006'],
  },
  // CloudFormation
  {
    name: 'pass a role to a new CloudFormation stack',
    ...pass('cloudformation.amazonaws.com', 'cloudformation:createstack'),
    sources: ['rhino 21', 'pmapper cloudformation', 'pathfinding cloudformation-001'],
  },
  {
    name: 'update an existing CloudFormation stack and act with its role',
    actions: ['cloudformation:updatestack'],
    sources: ['pmapper cloudformation', 'pathfinding cloudformation-002'],
  },
  {
    name: 'create and execute a change set of an existing CloudFormation stack, with its role',
    actions: ['cloudformation:createchangeset', 'cloudformation:executechangeset'],
    sources: ['pmapper cloudformation', 'pathfinding cloudformation-005'],
  },
  {
    name: 'pass a role to a new CloudFormation stack set',
    ...pass('cloudformation.amazonaws.com', 'cloudformation:createstackset', 'cloudformation:createstackinstances'),
    sources: ['pathfinding cloudformation-003'],
  },
  {
    name: 'pass a role to an existing CloudFormation stack set',
    ...pass('cloudformation.amazonaws.com', 'cloudformation:updatestackset'),
    sources: ['pathfinding cloudformation-004'],
  },
  // Data Pipeline
  {
    name: 'pass a role to a new Data Pipeline',
    ...pass(undefined, 'datapipeline:createpipeline', 'datapipeline:putpipelinedefinition', 'datapipeline:activatepipeline'),
    sources: ['rhino 22', 'pathfinding datapipeline-001'],
  },
  // CodeBuild: a build of an existing project with a buildspec of one's own runs with the project's role
  {
    name: 'run a build of an existing CodeBuild project, with its role',
    actions: ['codebuild:startbuild'],
    sources: ['pmapper codebuild', 'pathfinding codebuild-002'],
  },
  {
    name: 'run a batch build of an existing CodeBuild project, with its role',
    actions: ['codebuild:startbuildbatch'],
    sources: ['pmapper codebuild', 'pathfinding codebuild-003'],
  },
  // ECS
  {
    name: 'pass a role to a new ECS task definition and run it as a service',
    ...pass('ecs-tasks.amazonaws.com', 'ecs:registertaskdefinition', 'ecs:createservice'),
    sources: ['pathfinding ecs-003'],
  },
  {
    name: 'pass a role to a new ECS task definition and run it (RunTask)',
    ...pass('ecs-tasks.amazonaws.com', 'ecs:registertaskdefinition', 'ecs:runtask'),
    sources: ['pathfinding ecs-004'],
  },
  {
    name: 'pass a role to a new ECS task definition and start it (StartTask)',
    ...pass('ecs-tasks.amazonaws.com', 'ecs:registertaskdefinition', 'ecs:starttask'),
    sources: ['pathfinding ecs-005'],
  },
  {
    name: 'run commands in running ECS tasks, with their roles',
    actions: ['ecs:describetasks', 'ecs:executecommand'],
    sources: ['cloudsplaining ECSExecuteCommandOnRunningTask'],
  },
  // SageMaker
  {
    name: 'pass a role to a new SageMaker notebook instance',
    ...pass('sagemaker.amazonaws.com', 'sagemaker:createnotebookinstance'),
    sources: ['rhino 27', 'pmapper sagemaker', 'pathfinding sagemaker-001'],
  },
  {
    name: 'pass a role to a new SageMaker training job',
    ...pass('sagemaker.amazonaws.com', 'sagemaker:createtrainingjob'),
    sources: ['pmapper sagemaker', 'pathfinding sagemaker-002'],
  },
  {
    name: 'pass a role to a new SageMaker processing job',
    ...pass('sagemaker.amazonaws.com', 'sagemaker:createprocessingjob'),
    sources: ['pmapper sagemaker', 'pathfinding sagemaker-003'],
  },
  {
    name: 'open an existing SageMaker notebook and use its role',
    actions: ['sagemaker:createpresignednotebookinstanceurl'],
    sources: ['rhino 28', 'pathfinding sagemaker-004'],
  },
  {
    name: "give an existing SageMaker notebook a lifecycle script of one's own and restart it",
    actions: [
      'sagemaker:createnotebookinstancelifecycleconfig',
      'sagemaker:stopnotebookinstance',
      'sagemaker:updatenotebookinstance',
      'sagemaker:startnotebookinstance',
    ],
    sources: ['pathfinding sagemaker-005'],
  },
  // App Runner, Bedrock AgentCore, CodeStar
  { name: 'pass a role to a new App Runner service', ...pass(undefined, 'apprunner:createservice'), sources: ['pathfinding apprunner-001'] },
  { name: "change an existing App Runner service's code and use its role", actions: ['apprunner:updateservice'], sources: ['pathfinding apprunner-002'] },
  {
    name: 'run code in an existing Bedrock AgentCore code interpreter, with its role',
    actions: ['bedrock-agentcore:startcodeinterpretersession', 'bedrock-agentcore:invokecodeinterpreter'],
    sources: ['pathfinding bedrock-002'],
  },
  { name: 'pass a role to a new CodeStar project', ...pass(undefined, 'codestar:createproject'), sources: ['rhino 24'] },
  { name: 'create a CodeStar project and become its owner', actions: ['codestar:createproject', 'codestar:associateteammember'], sources: ['rhino 25'] },
];

/**
 * The resource types a method needs an action on, every resource of each, where the Service
 * Authorization Reference marks none of the action's types required, or not the one that matters:
 * Systems Manager's methods reach an EC2 instance's role (PMapper's ssm edges, pathfinding ssm-001 and
 * ssm-002); ssm:SendCommand runs what its document says, so one named document runs no command of the
 * principal's own. Every other action needs every resource of its required types, or of all its
 * types when none is required.
 */
export const TARGET_TYPES: Readonly<Record<string, readonly string[]>> = {
  'ssm:sendcommand': ['document', 'instance'],
  'ssm:startsession': ['instance'],
};

/** Where each source is published, for the docs and the hover. */
export const ESCALATION_SOURCES: Readonly<Record<string, { title: string; url: (id: string) => string }>> = {
  rhino: { title: 'Rhino Security Labs', url: () => 'https://github.com/RhinoSecurityLabs/AWS-IAM-Privilege-Escalation' },
  pmapper: { title: 'PMapper', url: id => `https://github.com/nccgroup/PMapper/blob/master/principalmapper/graphing/${id}_edges.py` },
  pathfinding: { title: 'pathfinding.cloud', url: id => `https://pathfinding.cloud/paths/${id}` },
  cloudsplaining: { title: 'Cloudsplaining', url: () => 'https://github.com/salesforce/cloudsplaining/blob/master/cloudsplaining/shared/constants.py' },
};

/** "pathfinding ec2-001" as a Markdown link: "[pathfinding.cloud ec2-001](https://pathfinding.cloud/paths/ec2-001)". */
export function sourceLink(source: string): string {
  const space = source.indexOf(' ');
  const [kind, id] = [source.slice(0, space), source.slice(space + 1)];
  const known = ESCALATION_SOURCES[kind];
  return known ? `[${known.title} ${id}](${known.url(id)})` : source;
}

const methodsByAction = new Map<string, EscalationMethod[]>();
for (const method of ESCALATION_METHODS) {
  for (const action of method.actions) methodsByAction.set(action, [...(methodsByAction.get(action) ?? []), method]);
}

/** The methods an action (lower case) takes part in. */
export function methodsWith(action: string): readonly EscalationMethod[] {
  return methodsByAction.get(action) ?? [];
}

/** Every action of some method, lower case. */
export const ESCALATION_ACTIONS: ReadonlySet<string> = new Set(methodsByAction.keys());
