// Which resource properties hold a policy document, and the kind and size quota the resource gives
// it. The list is the CloudFormation resource specification's (policyProperties.generated.ts); the
// kinds and quotas are ours, each with its reason. A property not named here holds a resource-based
// policy (every other one in the specification is a service's resource policy).
import type { PolicyLimitKind } from '../../catalog/tables/policyLimits';
import type { PolicyKind } from '../../policy/model';
import { SPEC_POLICY_PROPERTIES } from './policyProperties.generated';

export interface PolicyProperty {
  /** `Policies[]` steps into each item of a list */
  path: string;
  kind?: PolicyKind;
  limit?: PolicyLimitKind;
  /** the kind comes from another property of the resource (AWS::Organizations::Policy's Type) */
  kindFrom?: 'organizations-type';
  /** the quota comes from which entities the policy is attached to (AWS::IAM::Policy) */
  limitFrom?: 'attached-entities';
}

const IDENTITY = { kind: 'identity' } as const;
const RESOURCE = { kind: 'resource' } as const;

const KINDS: Record<string, Omit<PolicyProperty, 'path'>> = {
  // IAM (AWS::IAM::* in the CloudFormation User Guide; quotas: IAM User Guide, reference_iam-quotas.html)
  'AWS::IAM::Role AssumeRolePolicyDocument': { kind: 'trust', limit: 'trust' },
  'AWS::IAM::Role Policies[].PolicyDocument': { kind: 'identity', limit: 'inline-role' },
  'AWS::IAM::User Policies[].PolicyDocument': { kind: 'identity', limit: 'inline-user' },
  'AWS::IAM::Group Policies[].PolicyDocument': { kind: 'identity', limit: 'inline-group' },
  'AWS::IAM::RolePolicy PolicyDocument': { kind: 'identity', limit: 'inline-role' },
  'AWS::IAM::UserPolicy PolicyDocument': { kind: 'identity', limit: 'inline-user' },
  'AWS::IAM::GroupPolicy PolicyDocument': { kind: 'identity', limit: 'inline-group' },
  // an inline policy of the roles, users or groups it names (its Roles, Users, Groups properties)
  'AWS::IAM::Policy PolicyDocument': { kind: 'identity', limitFrom: 'attached-entities' },
  'AWS::IAM::ManagedPolicy PolicyDocument': { kind: 'identity', limit: 'managed' },
  // SAM: the function's execution role trust policy (AWS::Serverless::Function AssumeRolePolicyDocument)
  'AWS::Serverless::Function AssumeRolePolicyDocument': { kind: 'trust', limit: 'trust' },
  // IAM Identity Center: the inline policy becomes an identity policy of the roles it provisions
  'AWS::SSO::PermissionSet InlinePolicy': IDENTITY,
  // AWS IoT Core policies are attached to certificates and Amazon Cognito identities; they have no
  // Principal (the principal is what they are attached to) and grant iot:* actions on resources, as an
  // identity policy does (AWS IoT Developer Guide, "AWS IoT Core policies", iot-policies.html)
  'AWS::IoT::Policy PolicyDocument': IDENTITY,
  // SCP or RCP by the policy's Type; other types (TAG_POLICY, BACKUP_POLICY...) are not IAM policies
  // (AWS::Organizations::Policy, "Type"; quotas: Organizations User Guide, orgs_reference_limits.html)
  'AWS::Organizations::Policy Content': { kindFrom: 'organizations-type' },
  // VPC endpoint policies (AWS PrivateLink Guide, vpc-endpoints-access.html; quota: vpc-limits-endpoints.html)
  'AWS::EC2::VPCEndpoint PolicyDocument': { kind: 'endpoint', limit: 'vpc-endpoint' },
  // resource policies with a quota of their own (catalog/tables/policyLimits.ts names the pages)
  'AWS::S3::BucketPolicy PolicyDocument': { kind: 'resource', limit: 's3-bucket' },
  'AWS::KMS::Key KeyPolicy': { kind: 'resource', limit: 'kms-key' },
  'AWS::KMS::ReplicaKey KeyPolicy': { kind: 'resource', limit: 'kms-key' },
  'AWS::SecretsManager::ResourcePolicy ResourcePolicy': { kind: 'resource', limit: 'secretsmanager' },
};

/**
 * Where the specification is silent: values inside a property it types as free JSON.
 * - An API's OpenAPI definition holds its resource policy in the `x-amazon-apigateway-policy`
 *   extension (API Gateway Developer Guide, openapi-extensions-policy.html), for a RestApi's `Body`
 *   and a SAM Api's `DefinitionBody`.
 */
const HAND_POLICY_PROPERTIES: ReadonlyArray<readonly [string, string]> = [
  ['AWS::ApiGateway::RestApi', 'Body.x-amazon-apigateway-policy'],
  ['AWS::Serverless::Api', 'DefinitionBody.x-amazon-apigateway-policy'],
];

/** Organizations policy types that are IAM policy documents (AWS::Organizations::Policy Type). */
export const ORGANIZATIONS_POLICY_KINDS: Record<string, PolicyKind> = {
  SERVICE_CONTROL_POLICY: 'scp',
  RESOURCE_CONTROL_POLICY: 'rcp',
};

/** The policy properties of each resource type. */
export const POLICY_PROPERTIES: ReadonlyMap<string, readonly PolicyProperty[]> = (() => {
  const byType = new Map<string, PolicyProperty[]>();
  for (const [type, path] of [...SPEC_POLICY_PROPERTIES, ...HAND_POLICY_PROPERTIES]) {
    const list = byType.get(type) ?? [];
    list.push({ path, ...(KINDS[`${type} ${path}`] ?? RESOURCE) });
    byType.set(type, list);
  }
  return byType;
})();

/** Kinds listed here for properties the specification no longer has (kept true by a test). */
export function unusedKindEntries(): string[] {
  const known = new Set(SPEC_POLICY_PROPERTIES.map(([type, path]) => `${type} ${path}`));
  return Object.keys(KINDS).filter(key => !known.has(key));
}
