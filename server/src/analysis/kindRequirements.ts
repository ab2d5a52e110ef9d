// What each kind of policy requires of a statement: Principal, NotPrincipal, Resource and the Sid.
// "error" only where AWS documents that the policy is rejected; "warning" where the documentation is
// silent or services differ (a false error on a valid policy is the worst bug). Sources:
// - IAM User Guide, "Grammar of the IAM JSON policy language", notes
//   (reference_policies_grammar.html#policies-grammar-notes): Principal is required in resource-based
//   and role trust policies and must not be in identity-based policies; IAM Sids are [A-Za-z0-9] only,
//   other services' resource policies may allow more (spaces, ...).
// - IAM User Guide, "Access Analyzer policy check reference" (access-analyzer-reference-policy-checks.html):
//   "Missing resource: Identity-based policies must include a Resource or NotResource element";
//   "Missing principal: Resource-based policies must include a Principal element"; "Unique Sids required".
// - IAM User Guide, "AWS JSON policy elements: NotPrincipal" (reference_policies_elements_notprincipal.html):
//   NotPrincipal is not allowed in identity-based policies, role trust policies, SCPs or RCPs.
// - AWS Organizations User Guide, "SCP syntax" (orgs_manage_policies_scps_syntax.html): Principal and
//   NotPrincipal are unsupported elements. "RCP syntax" (orgs_manage_policies_rcps_syntax.html): RCPs have
//   a Principal element (written "*"). Neither page says a statement without Resource is rejected: warning.
// - Amazon VPC PrivateLink Guide, "Control access to VPC endpoints using endpoint policies"
//   (vpc-endpoints-access.html): an endpoint policy "must contain a Principal element".
// - Resource policies without Resource exist (ECR repository policies omit it: the repository is implied;
//   RESOURCE_IMPLIED_SERVICES below).
// - A resource policy without Principal: S3 and KMS reject it ("Missing required field Principal"), but
//   not every service does (an SQS queue policy statement without Principal is reported as accepted:
//   github.com/trendmicro/cloudone-filestorage-deployment-templates/issues/93), so for the generic
//   resource kind it is a warning; role trust, RCP and VPC endpoint policies keep the error.
// A permissions boundary is a managed policy attached as a boundary: identity-policy grammar.
import type { PolicyKind, Statement } from '../policy/model';

export type Requirement = 'error' | 'warning' | 'none';
type Rejected = 'error' | 'none';

export interface KindRequirements {
  /** a statement without Principal/NotPrincipal */
  missingPrincipal: Requirement;
  /** a statement with Principal or NotPrincipal */
  principalPresent: Rejected;
  /** a statement with NotPrincipal (when Principal is allowed at all) */
  notPrincipalPresent: Rejected;
  /** a statement without Resource/NotResource */
  missingResource: Requirement;
  /** a Sid with characters outside [A-Za-z0-9] */
  sidCharacters: Requirement;
  /** two statements with the same Sid */
  duplicateSid: Requirement;
}

const IDENTITY: KindRequirements = {
  missingPrincipal: 'none',
  principalPresent: 'error',
  notPrincipalPresent: 'none',
  missingResource: 'error',
  sidCharacters: 'error',
  duplicateSid: 'error',
};

export const KIND_REQUIREMENTS: Record<PolicyKind, KindRequirements> = {
  identity: IDENTITY,
  boundary: IDENTITY,
  scp: {
    missingPrincipal: 'none',
    principalPresent: 'error',
    notPrincipalPresent: 'none',
    missingResource: 'warning',
    sidCharacters: 'warning',
    duplicateSid: 'warning',
  },
  trust: {
    missingPrincipal: 'error',
    principalPresent: 'none',
    notPrincipalPresent: 'error',
    missingResource: 'none',
    sidCharacters: 'error',
    duplicateSid: 'error',
  },
  rcp: {
    missingPrincipal: 'error',
    principalPresent: 'none',
    notPrincipalPresent: 'error',
    missingResource: 'warning',
    sidCharacters: 'warning',
    duplicateSid: 'warning',
  },
  resource: {
    missingPrincipal: 'warning',
    principalPresent: 'none',
    notPrincipalPresent: 'none',
    missingResource: 'warning',
    sidCharacters: 'none',
    duplicateSid: 'warning',
  },
  endpoint: {
    missingPrincipal: 'error',
    principalPresent: 'none',
    notPrincipalPresent: 'none',
    missingResource: 'warning',
    sidCharacters: 'none',
    duplicateSid: 'warning',
  },
};

/**
 * Services whose resource policies leave Resource out: the resource the policy is attached to is implied.
 * Amazon ECR User Guide, "Private repository policy examples" (repository-policy-examples.html): no
 * example repository policy has a Resource element.
 */
export const RESOURCE_IMPLIED_SERVICES: ReadonlySet<string> = new Set(['ecr']);

/** The kind with its article, for messages: "an identity policy", "an SCP", ... */
export const KIND_PHRASES: Record<PolicyKind, string> = {
  identity: 'an identity policy',
  boundary: 'a permissions boundary',
  scp: 'an SCP',
  rcp: 'an RCP',
  trust: 'a role trust policy',
  resource: 'a resource policy',
  endpoint: 'a VPC endpoint policy',
};

const onlyStar = (items: readonly { value: string }[] | undefined) => items?.length === 1 && items[0].value === '*';

/** The one Allow that an RCP may hold: RCPFullAWSAccess's "*" for everyone on everything, without conditions. */
export function isFullAccess(statement: Statement): boolean {
  return (
    statement.principal?.wildcard !== undefined &&
    onlyStar(statement.action?.items) &&
    onlyStar(statement.resource?.items) &&
    !statement.condition &&
    !statement.notAction &&
    !statement.notResource
  );
}
