// Policy variables offered by completion inside ${...}, from the IAM User Guide page
// "IAM policy elements: Variables and tags" (reference_policies_variables.html): any request-context key
// can be a variable; the page lists the keys "available in all requests", tag keys, the keys of web
// identity and SAML federation, and the special ${*} ${?} ${$}. Variables work only with
// "Version": "2012-10-17", only in the resource part of an ARN (after the fifth colon), and only with
// string, ARN and Bool operators in conditions (see operators.ts). A default value is written
// ${aws:username, 'anonymous'}. A variable missing here is not an error: every context key qualifies.
import type { PolicyVariableInfo } from '../types';

type Row = [name: string, kind: NonNullable<PolicyVariableInfo['kind']>, description: string];

const ROWS: Row[] = [
  ['aws:username', 'global', 'Friendly name of the requesting IAM user (absent for roles and the root user).'],
  ['aws:userid', 'global', 'Unique ID of the requesting principal (role-id:session-name for role sessions).'],
  ['aws:PrincipalTag/${TagKey}', 'global', 'Value of a tag on the requesting principal.'],
  ['aws:PrincipalAccount', 'global', 'Account ID of the requesting principal.'],
  ['aws:PrincipalOrgID', 'global', 'Organization ID of the requesting principal.'],
  ['aws:PrincipalType', 'global', 'Type of the requesting principal (Account, User, FederatedUser, AssumedRole, Anonymous).'],
  ['aws:PrincipalServiceName', 'global', 'Service principal making the request.'],
  ['aws:FederatedProvider', 'global', 'Identity provider that issued the session.'],
  ['aws:SourceIdentity', 'global', 'Source identity of the role session.'],
  ['aws:TokenIssueTime', 'global', 'Issue time of the temporary credentials.'],
  ['aws:CurrentTime', 'global', 'Date and time of the request.'],
  ['aws:EpochTime', 'global', 'Date and time of the request in epoch seconds.'],
  ['aws:SourceIp', 'global', 'IP address of the requester.'],
  ['aws:SourceVpc', 'global', 'VPC of the VPC endpoint the request came through.'],
  ['aws:SourceVpce', 'global', 'VPC endpoint the request came through.'],
  ['aws:SecureTransport', 'global', 'Whether the request used TLS.'],
  ['aws:referer', 'global', 'HTTP Referer of the request.'],
  ['aws:UserAgent', 'global', 'Client application of the requester.'],
  ['aws:RequestedRegion', 'global', 'Region the request was sent to.'],
  ['aws:ResourceAccount', 'global', 'Account that owns the resource.'],
  ['aws:ResourceTag/${TagKey}', 'global', 'Value of a tag on the resource.'],
  ['aws:RequestTag/${TagKey}', 'global', 'Value of a tag passed in the request.'],
  ['ec2:SourceInstanceARN', 'service', 'ARN of the EC2 instance whose role credentials made the request.'],
  ['s3:prefix', 'service', 'Prefix in an S3 ListBucket request (a service-specific key the page names).'],
  ['sts:RoleSessionName', 'service', 'Role session name given when the role was assumed.'],
  ['sts:SourceIdentity', 'service', 'Source identity given when the role was assumed.'],
  ['cognito-identity.amazonaws.com:sub', 'federated', 'Amazon Cognito identity ID of the user.'],
  ['cognito-identity.amazonaws.com:aud', 'federated', 'Amazon Cognito identity pool ID.'],
  ['www.amazon.com:user_id', 'federated', 'Login with Amazon user ID.'],
  ['www.amazon.com:app_id', 'federated', 'Login with Amazon application ID.'],
  ['graph.facebook.com:id', 'federated', 'Facebook user ID.'],
  ['graph.facebook.com:app_id', 'federated', 'Facebook application ID.'],
  ['accounts.google.com:sub', 'federated', 'Google user ID.'],
  ['accounts.google.com:aud', 'federated', 'Google client ID.'],
  ['saml:sub', 'federated', 'Subject of the SAML assertion.'],
  ['saml:namequalifier', 'federated', 'Hash identifying the SAML issuer, account and provider.'],
  ['saml:iss', 'federated', 'Issuer of the SAML assertion.'],
  ['*', 'special', 'A literal * (asterisk), not a wildcard.'],
  ['?', 'special', 'A literal ? (question mark), not a wildcard.'],
  ['$', 'special', 'A literal $ (dollar sign).'],
];

export const POLICY_VARIABLES: readonly PolicyVariableInfo[] = ROWS.map(([name, kind, description]) => ({ name, kind, description }));
