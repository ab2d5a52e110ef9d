// Size quotas of policy documents, per policy kind. Only quotas checked against AWS documentation are here:
// - IAM User Guide, "IAM and AWS STS quotas" (reference_iam-quotas.html): managed policy 6,144 characters;
//   inline policies per user 2,048, per group 5,120, per role 10,240 (aggregate of the entity's inline
//   policies); "IAM doesn't count white space when calculating the size of a policy against these limits";
//   role trust policy length 2,048 characters by default, adjustable through Service Quotas (L-C07B4B0D; the
//   maximum has changed over time, so none is asserted). Policy documents may contain only tab, LF, CR and
//   U+0020..U+00FF (same page, "IAM name requirements").
// - AWS CloudFormation AWS::Organizations::Policy "Content" and AWS Organizations quotas: service control
//   policies 5,120 characters, resource control policies 5,120 characters; "All characters in your SCP
//   count against its maximum size" (AWS Organizations User Guide, SCP syntax; the same for RCPs, RCP
//   syntax): white space counts.
// - Amazon S3 User Guide, bucket policies: "Bucket policies are limited to 20 KB in size."
// - AWS KMS Developer Guide, resource quotas: key policy document size 32 KB (32,768 bytes), not adjustable.
// - AWS Lambda Developer Guide, quotas: function resource-based policy 20 KB.
// - AWS Secrets Manager quotas: resource-based policy JSON text 20,480 characters.
// - AWS PrivateLink quotas: VPC endpoint policy size 20,480 characters including white space, not adjustable.
// Not listed (not verified): SQS queue, SNS topic and ECR repository policies.
export type PolicyLimitKind =
  'managed' | 'inline-user' | 'inline-group' | 'inline-role' | 'trust' | 'scp' | 'rcp' | 's3-bucket' | 'kms-key' | 'lambda' | 'secretsmanager' | 'vpc-endpoint';

export interface PolicyLimit {
  kind: PolicyLimitKind;
  /** what the quota is of, as a sentence says it: "the ${name} quota of 2,048 characters" (an inline quota is the total of the identity's inline policies) */
  name: string;
  max: number;
  unit: 'characters' | 'bytes';
  /** true: white space counts; false: AWS ignores it; undefined: the documentation does not say */
  countsWhitespace?: boolean;
  /** the quota can be raised (through Service Quotas) */
  adjustable: boolean;
  source: string;
}

const IAM_QUOTAS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html';
const ORG_QUOTAS = 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html';

export const POLICY_LIMITS: readonly PolicyLimit[] = [
  { kind: 'managed', name: 'managed policy', max: 6144, unit: 'characters', countsWhitespace: false, adjustable: false, source: IAM_QUOTAS },
  { kind: 'inline-user', name: 'user inline policy', max: 2048, unit: 'characters', countsWhitespace: false, adjustable: false, source: IAM_QUOTAS },
  { kind: 'inline-group', name: 'group inline policy', max: 5120, unit: 'characters', countsWhitespace: false, adjustable: false, source: IAM_QUOTAS },
  { kind: 'inline-role', name: 'role inline policy', max: 10240, unit: 'characters', countsWhitespace: false, adjustable: false, source: IAM_QUOTAS },
  { kind: 'trust', name: 'role trust policy', max: 2048, unit: 'characters', countsWhitespace: false, adjustable: true, source: IAM_QUOTAS },
  { kind: 'scp', name: 'service control policy', max: 5120, unit: 'characters', countsWhitespace: true, adjustable: false, source: ORG_QUOTAS },
  { kind: 'rcp', name: 'resource control policy', max: 5120, unit: 'characters', countsWhitespace: true, adjustable: false, source: ORG_QUOTAS },
  {
    kind: 's3-bucket',
    name: 'S3 bucket policy',
    max: 20 * 1024,
    unit: 'bytes',
    adjustable: false,
    source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html',
  },
  {
    kind: 'kms-key',
    name: 'KMS key policy',
    max: 32768,
    unit: 'bytes',
    adjustable: false,
    source: 'https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html',
  },
  {
    kind: 'lambda',
    name: 'Lambda function policy',
    max: 20 * 1024,
    unit: 'bytes',
    adjustable: false,
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html',
  },
  {
    kind: 'secretsmanager',
    name: 'Secrets Manager secret policy',
    max: 20480,
    unit: 'characters',
    adjustable: false,
    source: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_limits.html',
  },
  {
    kind: 'vpc-endpoint',
    name: 'VPC endpoint policy',
    max: 20480,
    unit: 'characters',
    countsWhitespace: true,
    adjustable: false,
    source: 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-limits-endpoints.html',
  },
];

/** Characters a policy document may contain (IAM User Guide, "IAM name requirements"). */
export const ALLOWED_POLICY_CHARACTERS = /^[\t\n\r\u0020-\u00ff]*$/;
