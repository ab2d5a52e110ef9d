// Condition keys whose values have a known form. Source: IAM User Guide, "AWS global condition
// context keys" (reference_policies_condition-keys.html): aws:RequestedRegion takes a Region code,
// aws:PrincipalAccount, aws:ResourceAccount and aws:SourceAccount an account ID, aws:PrincipalOrgID,
// aws:ResourceOrgID and aws:SourceOrgID an organization ID (their forms: policy/identifiers.ts),
// aws:SourceVpc a VPC ID and aws:SourceVpce a VPC endpoint ID, aws:PrincipalArn and aws:SourceArn an ARN.
// Keys are in lower case.

/** Condition keys whose values are Regions. */
export const REGION_KEYS: ReadonlySet<string> = new Set(['aws:requestedregion']);

/** Condition keys whose values are AWS Organizations IDs. */
export const ORGANIZATION_KEYS: ReadonlySet<string> = new Set(['aws:principalorgid', 'aws:resourceorgid', 'aws:sourceorgid']);

/** Condition keys whose values are AWS Organizations paths (o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/). */
export const ORGANIZATION_PATH_KEYS: ReadonlySet<string> = new Set(['aws:principalorgpaths', 'aws:resourceorgpaths', 'aws:sourceorgpaths']);

/** Condition keys whose values are account IDs. */
export const ACCOUNT_KEYS: ReadonlySet<string> = new Set(['aws:principalaccount', 'aws:resourceaccount', 'aws:sourceaccount']);

/** Condition keys whose values are the ARN of the calling principal or of the resource a service acts for. */
export const CALLER_ARN_KEYS: ReadonlySet<string> = new Set(['aws:principalarn', 'aws:sourcearn']);

/** Condition keys whose values are VPC IDs (vpc-...). */
export const VPC_KEYS: ReadonlySet<string> = new Set(['aws:sourcevpc']);

/** Condition keys whose values are VPC endpoint IDs (vpce-...). */
export const VPC_ENDPOINT_KEYS: ReadonlySet<string> = new Set(['aws:sourcevpce']);
