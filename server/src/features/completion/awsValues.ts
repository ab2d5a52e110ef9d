// Small fixed sets of values that AWS documents and the catalog does not hold, offered by completion.

/**
 * Values of aws:PrincipalType. Source: IAM User Guide, "AWS global condition context keys"
 * (reference_policies_condition-keys.html#condition-keys-principaltype).
 */
export const PRINCIPAL_TYPE_VALUES: ReadonlyArray<[value: string, description: string]> = [
  ['Account', 'The AWS account root user'],
  ['User', 'An IAM user'],
  ['FederatedUser', 'A federated user session (sts:GetFederationToken)'],
  ['AssumedRole', 'A role session'],
  ['Anonymous', 'An anonymous (unauthenticated) request'],
];

/**
 * IAM identity provider ARNs for "Federated". Sources: IAM User Guide, "Create a SAML identity provider"
 * and "Create an OpenID Connect (OIDC) identity provider"; GitHub Actions' provider host from GitHub's
 * "Configuring OpenID Connect in Amazon Web Services"; EKS's from the Amazon EKS User Guide, "Create an
 * IAM OIDC provider for your cluster".
 */
export const IDENTITY_PROVIDER_FORMATS: ReadonlyArray<[label: string, format: string]> = [
  ['SAML provider', 'arn:${Partition}:iam::${Account}:saml-provider/${ProviderName}'],
  ['OIDC provider', 'arn:${Partition}:iam::${Account}:oidc-provider/${ProviderUrl}'],
  ['GitHub Actions OIDC provider', 'arn:${Partition}:iam::${Account}:oidc-provider/token.actions.githubusercontent.com'],
  ['Amazon EKS OIDC provider', 'arn:${Partition}:iam::${Account}:oidc-provider/oidc.eks.${Region}.amazonaws.com/id/${ClusterOidcId}'],
];

/**
 * ARNs of AWS principals for "AWS". Source: IAM User Guide, "AWS JSON policy elements: Principal"
 * (AWS account principals, IAM roles, role sessions, IAM users).
 */
export const AWS_PRINCIPAL_FORMATS: ReadonlyArray<[label: string, format: string]> = [
  ['account (root)', 'arn:${Partition}:iam::${Account}:root'],
  ['IAM role', 'arn:${Partition}:iam::${Account}:role/${RoleName}'],
  ['role session', 'arn:${Partition}:sts::${Account}:assumed-role/${RoleName}/${SessionName}'],
  ['IAM user', 'arn:${Partition}:iam::${Account}:user/${UserName}'],
];

/**
 * Condition keys whose values are service principals. Source: IAM User Guide, "AWS global condition
 * context keys" (aws:PrincipalServiceName, aws:PrincipalServiceNamesList, aws:CalledVia,
 * aws:CalledViaFirst, aws:CalledViaLast) and "IAM condition keys" (iam:PassedToService).
 */
export const SERVICE_PRINCIPAL_KEYS = new Set([
  'aws:principalservicename',
  'aws:principalservicenameslist',
  'aws:calledvia',
  'aws:calledviafirst',
  'aws:calledvialast',
  'iam:passedtoservice',
]);
