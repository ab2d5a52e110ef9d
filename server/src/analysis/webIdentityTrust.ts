// Web identity (OIDC) providers a role trust policy names in "Federated", and the claim each one's
// documentation says the trust policy must check. Our own table, each entry with its page:
// - shared providers issue tokens to every customer from one issuer, so the claim that names yours
//   (your organization, project or app) is all that keeps the others out;
// - providers of one tenant (an EKS cluster, a CircleCI organization, a Bitbucket workspace, any
//   other IAM OIDC provider) still trust every workload of that tenant until the subject is checked.
// The audience of an IAM OIDC provider (the oidc-provider/... ARN) is checked by AWS STS itself
// against the provider's client IDs (IAM User Guide, "Create an OpenID Connect (OIDC) identity
// provider in IAM": the audience is the client ID registered with the provider), so only the
// built-in providers (Google, Amazon Cognito, Login with Amazon, Facebook), whose audience names your
// app or identity pool, need it in the trust policy.
import { parseArn } from '../policy/arn';

export interface WebIdentityProvider {
  /** as messages name it */
  name: string;
  /** whether a provider host (lower case: "token.actions.githubusercontent.com") is this one */
  matches: (host: string) => boolean;
  /** one issuer for every customer */
  shared: boolean;
  /** the claim the trust policy must check (the key is "<host>:<claim>"); undefined: any claim of the provider */
  claim?: string;
  /** the part of a claim value that names the tenant; a wildcard in it matches every tenant */
  tenantOf?: (value: string) => string;
  /** the condition that fixes a missing claim: operator and value, with <placeholders> */
  example?: { operator: string; value: string };
  /** who can assume the role without the claim: "every GitHub repository" */
  without: string;
  /** the page that says so */
  source: string;
}

const beforeSlash = (value: string) => value.split('/')[0];
const host = (name: string) => (value: string) => value === name;

/**
 * A provider built into AWS (named in Federated without an IAM provider of its own), whose claim
 * names your app or identity pool: IAM User Guide, "Create a role for web identity or OpenID Connect
 * federation" (the condition on the app ID, audience or identity pool ID ensures the request comes
 * from your app).
 */
function builtIn(name: string, provider: string, claim: string, value: string, without: string): WebIdentityProvider {
  return {
    name,
    matches: host(provider),
    shared: true,
    claim,
    tenantOf: whole => whole,
    example: { operator: 'StringEquals', value },
    without,
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html',
  };
}

export const WEB_IDENTITY_PROVIDERS: readonly WebIdentityProvider[] = [
  {
    name: 'GitHub Actions',
    matches: host('token.actions.githubusercontent.com'),
    shared: true,
    claim: 'sub',
    tenantOf: beforeSlash,
    example: { operator: 'StringLike', value: 'repo:<owner>/<repository>:*' },
    without: 'every GitHub repository',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub',
  },
  {
    name: 'GitLab.com',
    matches: host('gitlab.com'),
    shared: true,
    claim: 'sub',
    tenantOf: beforeSlash,
    example: { operator: 'StringLike', value: 'project_path:<group>/<project>:ref_type:branch:ref:<branch>' },
    without: 'every GitLab.com project',
    source: 'https://docs.gitlab.com/ee/ci/cloud_services/aws/',
  },
  {
    name: 'HCP Terraform',
    matches: host('app.terraform.io'),
    shared: true,
    claim: 'sub',
    tenantOf: value => value.split(':').slice(0, 2).join(':'),
    example: { operator: 'StringLike', value: 'organization:<organization>:project:<project>:workspace:<workspace>:run_phase:*' },
    without: 'every HCP Terraform organization',
    source: 'https://developer.hashicorp.com/terraform/cloud-docs/workspaces/dynamic-provider-credentials/aws-configuration',
  },
  builtIn('Google', 'accounts.google.com', 'aud', '<client-id>', 'every Google app'),
  builtIn('Amazon Cognito identity pools', 'cognito-identity.amazonaws.com', 'aud', '<identity-pool-id>', 'every Cognito identity pool'),
  builtIn('Login with Amazon', 'www.amazon.com', 'app_id', '<app-id>', 'every Login with Amazon app'),
  builtIn('Facebook', 'graph.facebook.com', 'app_id', '<app-id>', 'every Facebook app'),
  {
    name: 'Amazon EKS',
    matches: h => /^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/id\/[a-z0-9]+$/.test(h),
    shared: false,
    claim: 'sub',
    example: { operator: 'StringEquals', value: 'system:serviceaccount:<namespace>:<service-account>' },
    without: 'every service account of the cluster',
    source: 'https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html',
  },
  {
    name: 'CircleCI',
    matches: h => /^oidc\.circleci\.com\/org\/[0-9a-f-]+$/.test(h),
    shared: false,
    claim: 'sub',
    example: { operator: 'StringLike', value: 'org/<organization-id>/project/<project-id>/user/*' },
    without: 'every project of the CircleCI organization',
    source: 'https://circleci.com/docs/openid-connect-tokens/',
  },
  {
    name: 'Bitbucket Pipelines',
    matches: h => /^api\.bitbucket\.org\/2\.0\/workspaces\/[^/]+\/pipelines-config\/identity\/oidc$/.test(h),
    shared: false,
    without: 'every repository of the Bitbucket workspace',
    source: 'https://support.atlassian.com/bitbucket-cloud/docs/deploy-on-aws-using-bitbucket-pipelines-openid-connect/',
  },
];

/**
 * Any other IAM OIDC provider: Access Analyzer's "Missing condition key for oidc principal" (policy
 * validation check reference): without a condition key of the provider, every identity it issues
 * tokens to can assume the role.
 */
export const OTHER_OIDC_PROVIDER: WebIdentityProvider = {
  name: 'this OIDC provider',
  matches: () => true,
  shared: false,
  without: 'every identity the provider issues tokens to',
  source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html',
};

/** The provider host a Federated value names, as written: "token.actions.githubusercontent.com" from its OIDC provider ARN; undefined for SAML providers. */
export function providerHost(value: string): string | undefined {
  const arn = parseArn(value);
  if (!arn) return value.includes(':') ? undefined : value;
  return /^oidc-provider\/(.+)$/.exec(arn.resource)?.[1];
}

/**
 * The provider a Federated value names (OTHER_OIDC_PROVIDER for an OIDC provider of no known kind),
 * with its host as written (condition keys start with it); undefined for SAML and unknown names.
 */
export function webIdentityProvider(value: string): { provider: WebIdentityProvider; host: string } | undefined {
  const found = providerHost(value);
  if (found === undefined) return undefined;
  const lower = found.toLowerCase();
  const provider = WEB_IDENTITY_PROVIDERS.find(p => p.matches(lower));
  if (provider) return { provider, host: found };
  return parseArn(value) ? { provider: OTHER_OIDC_PROVIDER, host: found } : undefined;
}
