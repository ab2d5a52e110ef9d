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
  'aws:principalarn',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:userid',
  'aws:sourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:sourceowner',
  'kms:calleraccount',
  's3:dataaccesspointaccount',
  's3:dataaccesspointarn',
  'cognito-identity.amazonaws.com:aud',
  'graph.facebook.com:app_id',
  'accounts.google.com:aud',
  'www.amazon.com:app_id',
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
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:sourceowner',
  'kms:calleraccount',
  'kms:viaservice',
]);
export const CONFUSED_DEPUTY_KEY_PREFIXES: readonly string[] = ['kms:encryptioncontext:'];

/**
 * Keys that narrow a trust to one caller of another account: sts:ExternalId (IAM User Guide, "Access
 * to AWS accounts owned by third parties", id_roles_common-scenarios_third-party.html, and "The
 * confused deputy problem"), and the principal keys that name the caller or its organization.
 */
export const CROSS_ACCOUNT_TRUST_KEYS: ReadonlySet<string> = new Set([
  'sts:externalid',
  'aws:principalarn',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:userid',
]);

/**
 * Keys that confine a statement to some resources even when Resource is "*": the resource's tags,
 * account and organization ("AWS global condition context keys": aws:ResourceTag/*,
 * aws:ResourceAccount, aws:ResourceOrgID, aws:ResourceOrgPaths; services' own <prefix>:ResourceTag/*).
 */
export function restrictsResources(key: string): boolean {
  return /^[a-z0-9-]+:resourcetag\//.test(key) || key === 'aws:resourceaccount' || key === 'aws:resourceorgid' || key === 'aws:resourceorgpaths';
}
