// The sensitive-action catalogue: the four kinds of risk that Salesforce's Cloudsplaining reports
// (cloudsplaining/shared/constants.py, RISK_DEFINITION), each with the actions it stands for. Our
// own table, from these sources:
// - privilege escalation: the actions of the escalation methods (analysis/escalationMethods.ts);
// - credentials exposure: actions whose responses carry credentials, the list Cloudsplaining and
//   parliament use (gist kmcquade/33860a617e651104d243c324ddf7992a), without sts:AssumeRole*,
//   sts:GetSessionToken and sts:GetFederationToken, whose whole purpose is to hand out the caller's
//   own temporary credentials (the risk sits in the role's trust and permissions: docs/rules.md);
// - data access: the read actions Cloudsplaining reports as data exfiltration
//   (READ_ONLY_DATA_EXFILTRATION_ACTIONS: they read objects, parameters and secrets themselves);
// - resource exposure: Cloudsplaining's definition, the actions of the access level "Permissions
//   management" (they change who may access a resource: policies, ACLs, grants, shares), from the
//   Service Authorization Reference through the catalog.
// The findings use it (IAM402/IAM407 name the data-access actions, IAM411 privilege escalation,
// IAM412 resource exposure, IAM413 credentials exposure) and the hover shows it.
import type { ActionInfo } from '../catalog/types';
import { ESCALATION_ACTIONS, methodsWith, type EscalationMethod } from './escalationMethods';

export type Sensitivity = 'privilege escalation' | 'credentials exposure' | 'data access' | 'resource exposure';
export const SENSITIVITIES: readonly Sensitivity[] = ['privilege escalation', 'credentials exposure', 'data access', 'resource exposure'];

export const CREDENTIALS_EXPOSURE_ACTIONS: ReadonlySet<string> = new Set([
  'codepipeline:pollforjobs',
  'cognito-idp:associatesoftwaretoken',
  'cognito-identity:getopenidtoken',
  'cognito-identity:getopenidtokenfordeveloperidentity',
  'cognito-identity:getcredentialsforidentity',
  'connect:getfederationtoken',
  'connect:getfederationtokens',
  'ecr:getauthorizationtoken',
  'gamelift:requestuploadcredentials',
  'iam:createaccesskey',
  'iam:createloginprofile',
  'iam:createservicespecificcredential',
  'iam:resetservicespecificcredential',
  'iam:updateaccesskey',
  'iot:assumerolewithcertificate',
  'lightsail:getinstanceaccessdetails',
  'lightsail:getrelationaldatabasemasteruserpassword',
  'rds-db:connect',
  'redshift:getclustercredentials',
  'sso:getrolecredentials',
  'mediapackage:rotateingestendpointcredentials',
]);

export const DATA_ACCESS_ACTIONS: ReadonlySet<string> = new Set([
  's3:getobject',
  'ssm:getparameter',
  'ssm:getparameters',
  'ssm:getparametersbypath',
  'secretsmanager:getsecretvalue',
]);

/** "s3:getobject" for an action of the catalog. */
export function lowerName(action: ActionInfo): string {
  return `${action.service}:${action.name}`.toLowerCase();
}

/** The kinds of risk an action of the catalog carries, in SENSITIVITIES order. */
export function sensitivitiesOf(action: ActionInfo): Sensitivity[] {
  const name = lowerName(action);
  const kinds: Sensitivity[] = [];
  if (ESCALATION_ACTIONS.has(name)) kinds.push('privilege escalation');
  if (CREDENTIALS_EXPOSURE_ACTIONS.has(name)) kinds.push('credentials exposure');
  if (DATA_ACCESS_ACTIONS.has(name)) kinds.push('data access');
  if (action.accessLevel === 'Permissions management') kinds.push('resource exposure');
  return kinds;
}

/** The escalation methods an action of the catalog takes part in. */
export function escalationMethodsOf(action: ActionInfo): readonly EscalationMethod[] {
  return methodsWith(lowerName(action));
}
