// Condition keys of identity providers that real trust policies use, from the IAM User Guide:
// - "IAM and AWS STS condition context keys", sections "Available keys for AWS web identity federation"
//   and "Available keys for SAML-based AWS STS federation"
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html
//   (keys the page marks `[]` can hold a list, so they are ArrayOfString here; iam-data types some as String,
//   and the table wins over the package for the keys it lists);
// - "Create a role for OpenID Connect federation" for GitHub Actions' token.actions.githubusercontent.com:aud/sub,
//   which iam-data lacks.
// Any other OIDC provider's claims (EKS oidc.eks.<region>.amazonaws.com/id/<id>:sub, app.terraform.io:aud, ...)
// are recognised by shape: see oidcClaimKey().
import type { ConditionKeyInfo, ConditionKeyType } from '../types';

const IAM_KEYS_PAGE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html';
const OIDC_PAGE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html';
const WIF = `${IAM_KEYS_PAGE}#condition-keys-wif`;
const SAML = `${IAM_KEYS_PAGE}#condition-keys-saml`;
const TRUST = "In role trust policies (sts:AssumeRoleWithWebIdentity / AssumeRoleWithSAML) and the role session's requests.";

type Row = [key: string, type: ConditionKeyType, description: string, docUrl: string];

const SAML_LIST_ATTRIBUTES = [
  'commonName',
  'cn',
  'edupersonaffiliation',
  'edupersonassurance',
  'edupersonentitlement',
  'edupersonnickname',
  'edupersonorgunitdn',
  'edupersonscopedaffiliation',
  'edupersontargetedid',
  'eduorghomepageuri',
  'eduorgidentityauthnpolicyuri',
  'eduorglegalname',
  'eduorgsuperioruri',
  'eduorgwhitepagesuri',
  'givenName',
  'mail',
  'name',
  'organizationStatus',
  'primaryGroupSID',
  'surname',
  'uid',
  'x500UniqueIdentifier',
];
const SAML_SINGLE_ATTRIBUTES = ['edupersonorgdn', 'edupersonprimaryaffiliation', 'edupersonprimaryorgunitdn', 'edupersonprincipalname'];

const ROWS: Row[] = [
  [
    'cognito-identity.amazonaws.com:amr',
    'ArrayOfString',
    'Authentication methods of the Amazon Cognito identity: "authenticated" or "unauthenticated" and the login provider (multivalued: use ForAnyValue).',
    WIF,
  ],
  ['cognito-identity.amazonaws.com:aud', 'String', 'Amazon Cognito identity pool ID.', WIF],
  ['cognito-identity.amazonaws.com:sub', 'String', 'Amazon Cognito identity ID of the user.', WIF],
  ['accounts.google.com:aud', 'String', 'Google client ID (the azp field when set, otherwise aud).', WIF],
  ['accounts.google.com:oaud', 'String', 'Google audience (aud) the ID token is intended for.', WIF],
  ['accounts.google.com:sub', 'String', 'Google user ID.', WIF],
  ['graph.facebook.com:app_id', 'String', 'Facebook application ID.', WIF],
  ['graph.facebook.com:id', 'String', 'Facebook user ID.', WIF],
  ['www.amazon.com:app_id', 'String', 'Login with Amazon application ID.', WIF],
  ['www.amazon.com:user_id', 'String', 'Login with Amazon user ID.', WIF],
  ['token.actions.githubusercontent.com:aud', 'String', 'Audience of the GitHub Actions OIDC token (sts.amazonaws.com).', OIDC_PAGE],
  [
    'token.actions.githubusercontent.com:sub',
    'String',
    'Subject of the GitHub Actions OIDC token, e.g. repo:OWNER/REPO:ref:refs/heads/main; always restrict it.',
    OIDC_PAGE,
  ],
  ['saml:aud', 'String', 'Endpoint URL the SAML assertion is presented to (the SAML Recipient field).', SAML],
  ['saml:doc', 'String', 'Principal used to assume the role: account-ID/provider-friendly-name.', SAML],
  ['saml:iss', 'String', 'Issuer of the SAML assertion (a URN).', SAML],
  ['saml:namequalifier', 'String', 'Hash of the issuer, account ID and SAML provider friendly name; with saml:sub it identifies a user.', SAML],
  ['saml:sub', 'String', 'Subject of the SAML assertion: a value that identifies the user.', SAML],
  ['saml:sub_type', 'String', 'Format of saml:sub: persistent, transient or the full Format URI.', SAML],
  ...SAML_LIST_ATTRIBUTES.map((name): Row => [`saml:${name}`, 'ArrayOfString', `SAML attribute ${name} (can hold a list).`, SAML]),
  ...SAML_SINGLE_ATTRIBUTES.map((name): Row => [`saml:${name}`, 'String', `SAML attribute ${name}.`, SAML]),
];

export const FEDERATED_CONDITION_KEYS: readonly ConditionKeyInfo[] = ROWS.map(([key, type, description, docUrl]) => ({
  key,
  type,
  description,
  docUrl,
  availability: TRUST,
  multiValued: type.startsWith('ArrayOf'),
}));

// <host with a dot>[/path]:claim, for the standard OIDC claims that IAM maps to condition keys.
const OIDC_CLAIM_KEY = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^:\s]*)?:(aud|sub|amr|azp|email)$/i;

/** A claim key of any OIDC provider (`oidc.eks.us-east-1.amazonaws.com/id/ABC:sub`), or undefined. */
export function oidcClaimKey(key: string): ConditionKeyInfo | undefined {
  const match = OIDC_CLAIM_KEY.exec(key);
  if (!match) return undefined;
  const claim = match[1].toLowerCase();
  return {
    key,
    type: claim === 'amr' ? 'ArrayOfString' : 'String',
    multiValued: claim === 'amr',
    description: `The "${claim}" claim of the OIDC provider's token (web identity federation).`,
    availability: TRUST,
    docUrl: OIDC_PAGE,
  };
}
