// Short docs of each policy element, with the traps, written from the AWS IAM User Guide's
// "IAM JSON policy element reference" pages (each entry's `url` is the page it comes from):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
// Principal types from "AWS JSON policy elements: Principal"
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html

export interface ElementDoc {
  /** one line: what the element is */
  summary: string;
  /** a few sentences: what it holds and how IAM reads it */
  details: string;
  /** the mistake people make with it, if any */
  trap?: string;
  url: string;
}

const GUIDE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/';

export const ELEMENT_DOCS: Readonly<Record<string, ElementDoc>> = {
  Version: {
    summary: 'The version of the policy language.',
    details: 'Use `2012-10-17`, the current version. `2008-10-17` is the earlier one; without a `Version` element the policy defaults to it.',
    trap: 'Under `2008-10-17` (or no `Version`), policy variables such as `${aws:username}` are not variables: they are matched as literal text.',
    url: `${GUIDE}reference_policies_elements_version.html`,
  },
  Id: {
    summary: 'An optional identifier of the policy.',
    details: 'Services use it differently; a UUID is the recommended value. Some services (Amazon SQS, Amazon SNS) may require it.',
    trap: 'Allowed in resource-based policies, not in identity-based policies.',
    url: `${GUIDE}reference_policies_elements_id.html`,
  },
  Statement: {
    summary: "The policy's statements: one object or an array of objects.",
    details:
      'Each statement allows or denies actions on resources, optionally under conditions. A request is allowed when some statement allows it and no statement denies it.',
    url: `${GUIDE}reference_policies_elements_statement.html`,
  },
  Sid: {
    summary: 'An optional statement ID.',
    details:
      'A label for the statement. In IAM it must be unique within the policy and may hold only ASCII letters and digits (A-Z, a-z, 0-9). IAM does not expose it in its API.',
    trap: 'Some services (Amazon SQS, Amazon SNS) require it and have their own uniqueness rules.',
    url: `${GUIDE}reference_policies_elements_sid.html`,
  },
  Effect: {
    summary: 'Whether the statement allows or denies: `Allow` or `Deny` (case-sensitive).',
    details: 'Access is denied by default; an `Allow` grants it, and an explicit `Deny` in any policy overrides every `Allow`.',
    url: `${GUIDE}reference_policies_elements_effect.html`,
  },
  Principal: {
    summary: 'Who the statement applies to, in resource-based and trust policies.',
    details:
      'An AWS account, IAM user or role, role session, federated user, AWS service or `"*"`, as `{"AWS": ...}`, `{"Service": ...}`, `{"Federated": ...}` or `{"CanonicalUser": ...}`. In a role trust policy it says who can assume the role.',
    trap: 'Not allowed in identity-based policies (the principal is the identity the policy is attached to). `"*"` means anyone, including anonymous users.',
    url: `${GUIDE}reference_policies_elements_principal.html`,
  },
  NotPrincipal: {
    summary: 'Every principal *except* the ones listed; use it only with `"Effect": "Deny"`.',
    details:
      'Supported in resource-based policies of some services; not in identity-based policies, role trust policies, SCPs or RCPs. AWS recommends a `Deny` with the `aws:PrincipalArn` condition key instead.',
    trap: 'List the account of each principal you exempt as well (its root ARN), or the whole account may be denied. With a permissions boundary attached, the principal is always denied.',
    url: `${GUIDE}reference_policies_elements_notprincipal.html`,
  },
  Action: {
    summary: 'The actions the statement allows or denies, as `service:Action`.',
    details: 'Names are case-insensitive; `*` and `?` wildcards match several actions (`s3:Get*`). `"*"` alone means every action of every service.',
    url: `${GUIDE}reference_policies_elements_action.html`,
  },
  NotAction: {
    summary: 'Every action *except* the ones listed.',
    details: 'With `Deny` it denies everything else (a common way to say "only these"). The statement\'s `Resource` limits which services it reaches.',
    trap: 'With `"Effect": "Allow"` it grants every other action of every service, including ones AWS adds later. This is rarely what you want.',
    url: `${GUIDE}reference_policies_elements_notaction.html`,
  },
  Resource: {
    summary: 'The resources the statement covers, as ARNs (wildcards allowed) or `"*"`.',
    details:
      'Required in identity-based policy statements. An action applies only when the ARN matches one of the resource types the action supports; actions without resource-level permissions need `"*"`.',
    url: `${GUIDE}reference_policies_elements_resource.html`,
  },
  NotResource: {
    summary: 'Every resource *except* the ones listed.',
    details: 'Useful with `Deny` to protect everything but a few resources.',
    trap: 'With `"Effect": "Allow"` it grants the actions on every other resource, in every service the actions reach. Never combine `Allow`, `"Action": "*"` and `NotResource`.',
    url: `${GUIDE}reference_policies_elements_notresource.html`,
  },
  Condition: {
    summary: 'When the statement is in effect: `{ operator: { key: value(s) } }`.',
    details:
      'All operators must be true (AND), and all keys under an operator (AND); the values of one key are alternatives (OR; NOR for negated operators). A key missing from the request makes the condition false, unless the operator is negated, `...IfExists` or `Null`.',
    url: `${GUIDE}reference_policies_elements_condition.html`,
  },
};

/** The keys of a Principal/NotPrincipal object. */
export const PRINCIPAL_TYPE_DOCS: Readonly<Record<string, ElementDoc>> = {
  AWS: {
    summary: 'AWS principals: account IDs, account root ARNs, IAM users and roles, role sessions, or `"*"`.',
    details:
      'An account ID (or `arn:aws:iam::<account>:root`) delegates to the account: its administrators decide which of its users and roles get the access.',
    trap: '`{"AWS": "*"}` means every principal, including anonymous users, unless a condition restricts it.',
    url: `${GUIDE}reference_policies_elements_principal.html#principal-accounts`,
  },
  Service: {
    summary: 'AWS service principals, e.g. `lambda.amazonaws.com`.',
    details:
      'Lets the service act on the resource or assume the role. Restrict it with `aws:SourceAccount` / `aws:SourceArn` to avoid the confused-deputy problem.',
    url: `${GUIDE}reference_policies_elements_principal.html#principal-services`,
  },
  Federated: {
    summary: 'Federated identity providers: a SAML or OIDC provider ARN, or a web identity provider such as `cognito-identity.amazonaws.com`.',
    details: 'Used in role trust policies with `sts:AssumeRoleWithSAML` or `sts:AssumeRoleWithWebIdentity`.',
    url: `${GUIDE}reference_policies_elements_principal.html#principal-federated-web-identity`,
  },
  CanonicalUser: {
    summary: 'Amazon S3 canonical user IDs.',
    details: 'An obfuscated form of an account ID, used by S3 access control lists and CloudFront origin access identities.',
    url: `${GUIDE}reference_policies_elements_principal.html#principal-canonical-users`,
  },
};

/** Values of Effect and Version. */
export const VALUE_DOCS: Readonly<Record<string, string>> = {
  Allow: '`Allow` — grants the actions on the resources, unless a `Deny` in any applicable policy says otherwise.',
  Deny: '`Deny` — an explicit deny: it overrides every `Allow` in every policy.',
  '2012-10-17': '`2012-10-17` — the current policy language; policy variables work.',
  '2008-10-17': '`2008-10-17` — the earlier policy language: policy variables are treated as literal text. Use `2012-10-17`.',
};
