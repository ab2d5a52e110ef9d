// Facts the security rules (IAM400-IAM424) rely on, each with the page it comes from.
// Condition keys are lower case: condition key names are case-insensitive (IAM User Guide,
// "IAM JSON policy elements: Condition").

/**
 * Keys that confine a public principal ("*") to known callers or networks. IAM Access Analyzer
 * reports a grant to "*" with one of these as restricted, not public: "IAM Access Analyzer filter
 * keys" (access-analyzer-reference-filter-keys.html, the condition.* criteria: aws:PrincipalArn,
 * aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:SourceIp, aws:SourceVpc, aws:UserId,
 * kms:CallerAccount, the web identity audiences), plus the keys that "AWS global condition context
 * keys" (reference_policies_condition-keys.html) defines for the caller's account, organization or
 * network: aws:PrincipalAccount, aws:SourceVpce, aws:SourceArn, aws:SourceAccount, aws:SourceOrgID,
 * aws:SourceOrgPaths, aws:SourceOwner; and S3 access point delegation ("Delegating access control to
 * access points", Amazon S3 User Guide: s3:DataAccessPointAccount / s3:DataAccessPointArn).
 */
export const PUBLIC_RESTRICTING_KEYS: ReadonlySet<string> = new Set([
  'aws:principalarn', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:userid',
  'aws:sourceip', 'aws:sourcevpc', 'aws:sourcevpce',
  'aws:sourcearn', 'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourceowner',
  'kms:calleraccount', 's3:dataaccesspointaccount', 's3:dataaccesspointarn',
  'cognito-identity.amazonaws.com:aud', 'graph.facebook.com:app_id', 'accounts.google.com:aud', 'www.amazon.com:app_id',
]);

/**
 * Keys that tie a service principal to the resource or account it acts for: IAM User Guide, "The
 * confused deputy problem" (confused-deputy.html, "Cross-service confused deputy prevention":
 * aws:SourceArn, aws:SourceAccount, aws:SourceOrgID, aws:SourceOrgPaths), aws:SourceOwner (the older
 * key of SNS and SES), and the AWS KMS keys through which services identify the caller
 * (kms:CallerAccount, kms:ViaService; the kms:EncryptionContext:* keys are matched by prefix, see
 * CONFUSED_DEPUTY_KEY_PREFIXES): AWS KMS Developer Guide, "AWS KMS condition keys".
 */
export const CONFUSED_DEPUTY_KEYS: ReadonlySet<string> = new Set([
  'aws:sourcearn', 'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourceowner',
  'kms:calleraccount', 'kms:viaservice',
]);
export const CONFUSED_DEPUTY_KEY_PREFIXES: readonly string[] = ['kms:encryptioncontext:'];

/**
 * Keys that narrow a trust to one caller of another account: sts:ExternalId (IAM User Guide, "Access
 * to AWS accounts owned by third parties", id_roles_common-scenarios_third-party.html, and "The
 * confused deputy problem"), and the principal keys that name the caller or its organization.
 */
export const CROSS_ACCOUNT_TRUST_KEYS: ReadonlySet<string> = new Set([
  'sts:externalid', 'aws:principalarn', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:userid',
]);

/**
 * Keys that confine a statement to some resources even when Resource is "*": the resource's tags,
 * account and organization ("AWS global condition context keys": aws:ResourceTag/*,
 * aws:ResourceAccount, aws:ResourceOrgID, aws:ResourceOrgPaths; services' own <prefix>:ResourceTag/*).
 */
export function restrictsResources(key: string): boolean {
  return /^[a-z0-9-]+:resourcetag\//.test(key)
    || key === 'aws:resourceaccount' || key === 'aws:resourceorgid' || key === 'aws:resourceorgpaths';
}

/**
 * Ways to escalate privileges with IAM permissions, each a set of actions that together suffice.
 * Source: Rhino Security Labs, "AWS IAM Privilege Escalation – Methods and Mitigation" (Spencer
 * Gietzen, 2018), the list that parliament (community_auditors/privilege_escalation.py) and
 * cloudsplaining (shared/constants.py, PRIVILEGE_ESCALATION_METHODS) use. Lower case.
 */
export const PRIVILEGE_ESCALATION_METHODS: ReadonlyArray<{ name: string; actions: readonly string[] }> = [
  { name: 'create an access key for another user', actions: ['iam:createaccesskey'] },
  { name: 'create a console password for another user', actions: ['iam:createloginprofile'] },
  { name: "change another user's console password", actions: ['iam:updateloginprofile'] },
  { name: 'add a user to a more privileged group', actions: ['iam:addusertogroup'] },
  { name: 'create a new version of a policy and make it the default', actions: ['iam:createpolicyversion'] },
  { name: 'switch a policy to an older, broader version', actions: ['iam:setdefaultpolicyversion'] },
  { name: 'attach any managed policy to a user', actions: ['iam:attachuserpolicy'] },
  { name: 'attach any managed policy to a group', actions: ['iam:attachgrouppolicy'] },
  { name: 'attach any managed policy to a role', actions: ['iam:attachrolepolicy'] },
  { name: 'write an inline policy into a user', actions: ['iam:putuserpolicy'] },
  { name: 'write an inline policy into a group', actions: ['iam:putgrouppolicy'] },
  { name: 'write an inline policy into a role', actions: ['iam:putrolepolicy'] },
  { name: "rewrite a role's trust policy and assume the role", actions: ['iam:updateassumerolepolicy'] },
  { name: 'pass a role to a new EC2 instance', actions: ['iam:passrole', 'ec2:runinstances'] },
  { name: 'pass a role to a new Lambda function and invoke it', actions: ['iam:passrole', 'lambda:createfunction', 'lambda:invokefunction'] },
  { name: 'pass a role to a new Lambda function triggered by an event source', actions: ['iam:passrole', 'lambda:createfunction', 'lambda:createeventsourcemapping'] },
  { name: 'pass a role to a new Glue development endpoint', actions: ['iam:passrole', 'glue:createdevendpoint'] },
  { name: 'pass a role to a new CloudFormation stack', actions: ['iam:passrole', 'cloudformation:createstack'] },
  { name: 'pass a role to a new Data Pipeline', actions: ['iam:passrole', 'datapipeline:createpipeline'] },
  { name: "run code in an existing Glue development endpoint's role", actions: ['glue:updatedevendpoint'] },
  { name: "run code in an existing Lambda function's role", actions: ['lambda:updatefunctioncode'] },
];

/**
 * Actions whose responses carry credentials, from the list that parliament
 * (community_auditors/credentials_exposure.py) and cloudsplaining ("Credentials Exposure") use
 * (gist kmcquade/33860a617e651104d243c324ddf7992a). Left out: sts:AssumeRole*, sts:GetSessionToken
 * and sts:GetFederationToken, whose whole purpose is to hand out the caller's own temporary
 * credentials; the risk sits in the role's trust and permissions (see docs/rules.md).
 */
export const CREDENTIALS_EXPOSURE_ACTIONS: ReadonlySet<string> = new Set([
  'codepipeline:pollforjobs', 'cognito-idp:associatesoftwaretoken', 'cognito-identity:getopenidtoken',
  'cognito-identity:getopenidtokenfordeveloperidentity', 'cognito-identity:getcredentialsforidentity',
  'connect:getfederationtoken', 'connect:getfederationtokens', 'ecr:getauthorizationtoken',
  'gamelift:requestuploadcredentials', 'iam:createaccesskey', 'iam:createloginprofile',
  'iam:createservicespecificcredential', 'iam:resetservicespecificcredential', 'iam:updateaccesskey',
  'iot:assumerolewithcertificate', 'lightsail:getinstanceaccessdetails',
  'lightsail:getrelationaldatabasemasteruserpassword', 'rds-db:connect', 'redshift:getclustercredentials',
  'sso:getrolecredentials', 'mediapackage:rotateingestendpointcredentials',
]);

/**
 * Web identity providers shared by many tenants, with the claim a trust policy must check so that
 * not every tenant can assume the role. GitHub: "Configuring OpenID Connect in Amazon Web Services"
 * (GitHub Docs) and IAM User Guide, "Configuring a role for GitHub OIDC identity provider": IAM
 * recommends evaluating token.actions.githubusercontent.com:sub in the trust policy. Amazon Cognito
 * identity pools: IAM User Guide, "Create a role for web identity or OpenID Connect federation":
 * the trust policy should check cognito-identity.amazonaws.com:aud (the identity pool).
 */
export const SHARED_IDENTITY_PROVIDERS: ReadonlyArray<{ provider: string; key: string }> = [
  { provider: 'token.actions.githubusercontent.com', key: 'token.actions.githubusercontent.com:sub' },
  { provider: 'cognito-identity.amazonaws.com', key: 'cognito-identity.amazonaws.com:aud' },
];
