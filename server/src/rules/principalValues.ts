// IAM035-IAM037: the values of Principal and NotPrincipal. Under "AWS" IAM takes "*", a 12-digit account
// ID, or the ARN of an account (root), IAM user, IAM role, role session or federated user (and the
// legacy CloudFront origin access identities); a user group cannot be a principal, and a wildcard
// cannot match part of a principal name or ARN. Source: IAM User Guide, "AWS JSON policy elements:
// Principal" (reference_policies_elements_principal.html). Documentation examples leave account
// placeholders there ("AccountB-ID"), and services differ in how strictly they check, so this is a
// warning: the policy is very likely rejected ("Invalid principal in policy") or matches no one.
// Under "Service", a service principal: "usually in the format service-name.amazonaws.com" (the same
// page, "AWS service principals"): the name, then the partition's DNS suffix (amazonaws.com.cn in the
// China Regions; catalog/tables/regions.ts has each partition's). Under "Federated", the ARN of an IAM
// SAML or OIDC provider, or one of the web identity providers AWS names.
// IAM046-IAM048, from the "IAM policy validation check reference": a Federated principal outside a role
// trust policy ("Federated principal not supported": only role trust policies federate identities;
// "you can't use a SAML principal in an Amazon S3 bucket policy"; an error there, a warning here, as no
// page says every service rejects it); a unique ID (AROA..., AIDA...) where the role's or user's ARN
// belongs ("Invalid role reference", "Invalid user reference": IAM turns an ARN into the ID itself, and an
// ID written by hand no longer matches once the role or user is deleted and created again; Principal
// element page, "IAM unique IDs"); and a role session named beside its own role ("Redundant principal in
// role trust policy": the role already covers its sessions), faded as a hint.
import { WEB_IDENTITY_PROVIDERS } from '../catalog/tables/webIdentityProviders';
import type { Catalog } from '../catalog/types';
import { ACCOUNT_ID } from '../policy/identifiers';
import type { PrincipalElement, StringItem } from '../policy/model';
import { hasPlaceholder } from '../policy/placeholders';
import { closestNames } from '../util/closest';
import { KIND_PHRASES, KIND_REQUIREMENTS } from '../analysis/kindRequirements';
import { keySpan } from '../analysis/spans';
import type { Finding, RuleContext, RuleModule } from './types';
import { hasVariable } from '../util/policyVariables';

type Verdict = Omit<Finding, 'offset' | 'length'>;

/** The unique IDs (AIDA... users, AROA... roles) that IAM shows in place of a principal deleted since. */
const UNIQUE_ID = /^A(IDA|ROA)[A-Z0-9]{12,}$/;
const PRINCIPAL_ARN = /^arn:[a-z0-9-]+:(iam|sts)::([^:]*):(.*)$/;
/** The principals of an ARN's resource part, per service. */
const PRINCIPAL_RESOURCES: Record<string, RegExp> = {
  iam: /^(root|user\/.+|role\/.+)$/,
  sts: /^(assumed-role\/[^/]+\/.+|federated-user\/.+)$/,
};
const CLOUDFRONT_IDENTITY = /^arn:aws:iam::cloudfront:user\/CloudFront Origin Access Identity [A-Z0-9]+$/;
const FORMS = 'an account ID (111122223333), the ARN of an account, IAM user, IAM role, role session or federated user, or "*"';

/** Why an "AWS" principal value is not one IAM accepts, if it is not. */
export function awsPrincipalProblem(value: string): string | undefined {
  if (value === '*' || ACCOUNT_ID.test(value) || UNIQUE_ID.test(value) || CLOUDFRONT_IDENTITY.test(value)) return undefined;
  if (value !== value.trim()) return 'has white space at its start or end: IAM compares principals exactly';
  if (/[*?]/.test(value))
    return 'has a wildcard: a wildcard cannot match part of a principal. Use "*" with a condition on aws:PrincipalArn (ArnLike) or aws:PrincipalAccount instead';
  const arn = PRINCIPAL_ARN.exec(value);
  if (!arn) {
    // Stryker disable next-line Regex: human text, which reason (tests assert IAM035)
    return /^\d+$/.test(value) ? 'is not an account ID: an account ID has 12 digits' : `is not one that IAM accepts: write ${FORMS}`;
  }
  const [, service, account, resource] = arn;
  if (!ACCOUNT_ID.test(account)) return `has "${account}" where the ARN's 12-digit account ID goes`;
  // Stryker disable next-line all: human text, which reason (a group is no principal's resource below either)
  if (service === 'iam' && resource.startsWith('group/'))
    return 'is a user group, which cannot be a principal: name its users, or grant the permissions to the group in an identity policy';
  if (!PRINCIPAL_RESOURCES[service].test(resource)) return `is not the ARN of a principal: write ${FORMS}`;
  return undefined;
}

/**
 * Values whose form no check judges: empty (IAM032 reports it), a `<placeholder>` (IAM090) and a
 * template's substitution (`${AWS::AccountId}` of CloudFormation, filled in before IAM sees the policy).
 */
const unjudged = (value: string) => value.trim() === '' || hasVariable(value) || hasPlaceholder(value);

function awsFinding(item: StringItem): Verdict | undefined {
  const problem = awsPrincipalProblem(item.value);
  if (!problem) return undefined;
  const trimmed = item.value.trim();
  // the one repair that is certain: white space around an otherwise good principal
  // (when the trimmed value has no problem, the problem was the white space)
  const repair = awsPrincipalProblem(trimmed) ? [] : [JSON.stringify(trimmed)];
  return { code: 'IAM035', message: `The principal "${item.value}" ${problem}.`, data: { replacements: repair } };
}

/** service-name.<a partition's DNS suffix>: ec2.amazonaws.com, ec2.amazonaws.com.cn, ... */
const servicePrincipalForms = new WeakMap<Catalog, RegExp>();
function servicePrincipalForm(catalog: Catalog): RegExp {
  let form = servicePrincipalForms.get(catalog);
  // Stryker disable next-line ConditionalExpression: equivalent, a memo: the form is the same made again
  if (!form) {
    const suffixes = [...new Set(catalog.partitions().flatMap(p => (p.dnsSuffix ? [p.dnsSuffix.replace(/\./g, '\\.')] : [])))];
    form = new RegExp(`^[a-z0-9-]+(\\.[a-z0-9-]+)*\\.(${suffixes.join('|') || 'amazonaws\\.com'})$`, 'i');
    servicePrincipalForms.set(catalog, form);
  }
  return form;
}

function serviceFinding(item: StringItem, catalog: Catalog): Verdict | undefined {
  if (item.value === '*' || servicePrincipalForm(catalog).test(item.value)) return undefined;
  const names = catalog.servicePrincipals().map(p => p.name);
  if (names.includes(item.value)) return undefined;
  const completed = `${item.value.toLowerCase()}.amazonaws.com`; // "lambda" for lambda.amazonaws.com
  const closest = names.includes(completed) ? [completed] : closestNames(item.value, names, 3);
  return {
    code: 'IAM036',
    message: `"${item.value}" is not a service principal: those are written as service-name.amazonaws.com${closest.length ? `. Did you mean ${closest.map(c => `"${c}"`).join(', ')}?` : ' ("lambda.amazonaws.com").'}`,
    data: { replacements: closest.map(c => JSON.stringify(c)) },
  };
}

const PROVIDER_ARN = /^arn:[a-z0-9-]+:iam::[^:]*:(saml-provider|oidc-provider)\/.+$/;
const WEB_IDENTITY_PROVIDER_NAMES = new Set(WEB_IDENTITY_PROVIDERS.map(([name]) => name));

function federatedFinding(item: StringItem): Verdict | undefined {
  const { value } = item;
  // "*": no AWS page says whether IAM takes it here, so it is not judged
  if (value === '*' || PROVIDER_ARN.test(value) || WEB_IDENTITY_PROVIDER_NAMES.has(value)) return undefined;
  const host = /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/.*)?$/i.test(value);
  return {
    code: 'IAM037',
    data: host ? { oidcHost: value } : undefined,
    message: host
      ? `"${value}" is not a federated principal: name an OpenID Connect provider by the ARN of its IAM identity provider, arn:aws:iam::111122223333:oidc-provider/${value}.`
      : `"${value}" is not a federated principal: write the ARN of an IAM SAML or OIDC identity provider (arn:aws:iam::111122223333:saml-provider/Name), or ${WEB_IDENTITY_PROVIDERS.map(([name]) => `"${name}"`).join(', ')}.`,
  };
}

function uniqueIdFinding(item: StringItem): Verdict | undefined {
  const match = UNIQUE_ID.exec(item.value);
  if (!match) return undefined;
  // Stryker disable next-line all: human text
  const what = match[1] === 'ROA' ? 'role' : 'user';
  return {
    code: 'IAM047',
    message: `"${item.value}" is the unique ID of an IAM ${what}: write the ${what}'s ARN (arn:aws:iam::111122223333:${what}/name). IAM turns the ARN into this ID itself, and an ID written by hand stops matching once the ${what} is deleted and created again.`,
  };
}

function findingOf(type: string, item: StringItem, catalog: Catalog): Verdict | undefined {
  if (unjudged(item.value)) return undefined;
  switch (type) {
    case 'AWS':
      return uniqueIdFinding(item) ?? awsFinding(item);
    case 'Service':
      return serviceFinding(item, catalog);
    case 'Federated':
      return federatedFinding(item);
  }
  return undefined;
}

function checkFederatedKind(ctx: RuleContext, element: PrincipalElement): void {
  if (ctx.doc.kind === 'trust' || KIND_REQUIREMENTS[ctx.doc.kind].principalPresent === 'error') return; // IAM024 there
  const federated = element.types.find(t => t.entry.name === 'Federated');
  if (!federated) return;
  ctx.report({
    code: 'IAM046',
    ...keySpan(federated.entry),
    message: `A federated principal is only for role trust policies: in ${KIND_PHRASES[ctx.doc.kind]} it grants nothing (a bucket policy cannot name a SAML or OIDC provider). Grant the role that the provider's users assume instead; if this is a role trust policy, set the policy kind.`,
  });
}

const ROLE_ARN = /^arn:([a-z0-9-]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
const SESSION_ARN = /^arn:([a-z0-9-]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/;

/** A role session listed beside its own role: the role already covers its sessions. */
function checkRedundantSessions(ctx: RuleContext, element: PrincipalElement): void {
  const values = element.types.filter(t => t.entry.name === 'AWS').flatMap(t => t.values);
  const roles = new Map<string, StringItem>();
  for (const item of values) {
    const role = ROLE_ARN.exec(item.value);
    if (role) roles.set(`${role[1]}:${role[2]}:${role[3]}`, item);
  }
  // Stryker disable next-line ConditionalExpression: equivalent, no role has no session beside it; this saves the second walk
  if (roles.size === 0) return;
  for (const item of values) {
    const session = SESSION_ARN.exec(item.value);
    const role = session && roles.get(`${session[1]}:${session[2]}:${session[3]}`);
    if (!role) continue;
    ctx.report({
      code: 'IAM048',
      offset: item.offset,
      length: item.length,
      unnecessary: true,
      message: `The role ${role.value} is already a principal here, and it covers all its sessions: this session adds nothing. Remove it.`,
      related: [{ offset: role.offset, length: role.length, message: 'the role' }],
    });
  }
}

export const principalValueRules: RuleModule = {
  rules: [
    {
      code: 'IAM035',
      name: 'invalid-aws-principal',
      category: 'grammar',
      defaultSeverity: 'warning',
      summary: 'An "AWS" principal that is not an account ID, a principal\'s ARN or "*".',
    },
    {
      code: 'IAM036',
      name: 'invalid-service-principal',
      category: 'grammar',
      defaultSeverity: 'warning',
      summary: 'A "Service" principal that is not of the form service-name.amazonaws.com.',
    },
    {
      code: 'IAM037',
      name: 'invalid-federated-principal',
      category: 'grammar',
      defaultSeverity: 'warning',
      summary: 'A "Federated" principal that is not an identity provider\'s ARN or a web identity provider.',
    },
    {
      code: 'IAM046',
      name: 'federated-principal-outside-trust-policy',
      category: 'grammar',
      defaultSeverity: 'warning',
      summary: 'A "Federated" principal in a policy other than a role trust policy.',
    },
    {
      code: 'IAM047',
      name: 'principal-unique-id',
      category: 'grammar',
      defaultSeverity: 'warning',
      summary: "A role's or user's unique ID (AROA..., AIDA...) where its ARN belongs.",
    },
    { code: 'IAM048', name: 'redundant-session-principal', category: 'grammar', defaultSeverity: 'hint', summary: 'A role session named beside its own role.' },
  ],
  check(ctx) {
    for (const statement of ctx.doc.statements) {
      for (const element of [statement.principal, statement.notPrincipal]) {
        if (!element) continue;
        checkFederatedKind(ctx, element);
        checkRedundantSessions(ctx, element);
        for (const type of element.types) {
          for (const item of type.values) {
            const finding = findingOf(type.entry.name, item, ctx.catalog);
            if (finding) ctx.report({ code: finding.code, offset: item.offset, length: item.length, message: finding.message, data: finding.data });
          }
        }
      }
    }
  },
};
