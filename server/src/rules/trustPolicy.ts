// IAM039-IAM041: what a role trust policy cannot hold, or holds to no effect. The trust policy is the
// role's resource policy, and the role is the resource: IAM refuses a Resource or NotResource element
// in it ("Has prohibited field Resource"), and an Action other than AWS STS's ("AssumeRole policy may
// only specify STS AssumeRole actions"; NotAction is not judged, as that message does not cover it). Source: IAM User Guide, "Roles terms and concepts" (role trust policy) and
// "IAM JSON policy elements: Resource"; the quoted texts are IAM's MalformedPolicyDocument messages.
// Warnings, not errors: the kind may have been guessed from the content or the file name.
// IAM041: a federated principal assumes a role through its own STS call: a SAML provider with
// sts:AssumeRoleWithSAML, an OIDC provider or web identity provider with sts:AssumeRoleWithWebIdentity
// (IAM User Guide, "Create a role for SAML 2.0 federation" and "Create a role for OpenID Connect
// federation"); a statement that grants it only sts:AssumeRole lets it assume nothing. A value that
// does not tell the kind of provider ("*", a template value) may sign in with either.
// IAM049: IAM Roles Anywhere assumes a role with sts:AssumeRole, sts:SetSourceIdentity and
// sts:TagSession, all three of which its service principal must be allowed (IAM Roles Anywhere User
// Guide, "Trust model", trust-model.html; "Missing action for roles anywhere trust policy" in the policy
// validation check reference). IAM050 (any kind of policy): sts:TransitiveTagKeys is set in an
// sts:TagSession request, so a statement without that action never sees the key ("Missing action for
// condition key"; IAM User Guide, "Passing session tags in AWS STS", id_session-tags.html). Access
// Analyzer calls both errors; IAM accepts the policy, so they are warnings.
import type { Statement } from '../policy/model';
import { globMatch } from '../util/wildcard';
import { keySpan } from '../analysis/spans';
import type { RuleContext, RuleModule } from './types';

function checkStatement(ctx: RuleContext, statement: Statement): void {
  for (const entry of [statement.resource?.entry, statement.notResource?.entry]) {
    if (!entry) continue;
    ctx.report({
      code: 'IAM039',
      ...keySpan(entry),
      message: `A role trust policy cannot have "${entry.name}": the role it belongs to is the resource, and IAM refuses the policy ("Has prohibited field Resource"). Remove it; what the role may do goes in its permissions policies.`,
    });
  }
  for (const item of statement.action?.items ?? []) {
    const colon = item.value.indexOf(':');
    if (colon < 0 || item.value.slice(0, colon).toLowerCase() === 'sts') continue; // "*" and malformed names: other rules
    ctx.report({
      code: 'IAM040',
      offset: item.offset,
      length: item.length,
      message: `A role trust policy grants only AWS STS actions (sts:AssumeRole, sts:AssumeRoleWithWebIdentity, sts:AssumeRoleWithSAML, sts:TagSession, ...): IAM refuses "${item.value}" here. Grant it in the role's permissions policies.`,
    });
  }
}

const SAML_SIGN_IN = 'sts:AssumeRoleWithSAML';
const WEB_IDENTITY_SIGN_IN = 'sts:AssumeRoleWithWebIdentity';

/**
 * The STS actions a federated principal may assume a role with: one when the value says which kind of
 * provider it is, either when it does not ("*", a template value such as "${saml_provider_arn}").
 */
function federatedActions(principal: string): string[] {
  if (/:saml-provider\//.test(principal)) return [SAML_SIGN_IN];
  if (/:oidc-provider\//.test(principal) || !/[*{]/.test(principal)) return [WEB_IDENTITY_SIGN_IN];
  return [SAML_SIGN_IN, WEB_IDENTITY_SIGN_IN];
}

const allows = (statement: Statement) => statement.effect?.valueNode?.value === 'Allow';

/** Whether the statement allows the action (names match case-insensitively: IAM User Guide, "IAM JSON policy elements: Action"). */
const allowsAction = (statement: Statement, action: string) =>
  allows(statement) && (statement.action?.items ?? []).some(item => globMatch(item.value.toLowerCase(), action.toLowerCase()));

const federatedValues = (statement: Statement) => statement.principal?.types.find(t => t.entry.name === 'Federated')?.values ?? [];

/**
 * Each federated principal that no Allow statement lets sign in, reported where it is first named.
 * Linear in the statements: what each principal may sign in with is gathered first.
 */
function checkFederated(ctx: RuleContext, statements: readonly Statement[]): void {
  const allowed = statements.filter(allows);
  const signIns = new Map<string, Set<string>>();
  for (const statement of allowed) {
    const granted = [SAML_SIGN_IN, WEB_IDENTITY_SIGN_IN].filter(action => allowsAction(statement, action));
    for (const item of federatedValues(statement)) {
      const known = signIns.get(item.value) ?? new Set<string>();
      granted.forEach(action => known.add(action));
      signIns.set(item.value, known);
    }
  }
  const reported = new Set<string>();
  for (const item of allowed.flatMap(federatedValues)) {
    const actions = federatedActions(item.value);
    // signIns has every value of the allowed statements (the loop above)
    if (reported.has(item.value) || actions.some(action => signIns.get(item.value)!.has(action))) continue;
    reported.add(item.value);
    // Stryker disable next-line all: human text
    const named = actions.join(' or ');
    ctx.report({
      code: 'IAM041',
      offset: item.offset,
      length: item.length,
      message: `A federated principal assumes a role with ${named}, which no statement allows: as it is, the provider's users cannot assume this role. Add ${named} to "Action".`,
      data: actions.length === 1 ? { action: actions[0] } : undefined,
    });
  }
}

const ROLES_ANYWHERE = 'rolesanywhere.amazonaws.com';
const ROLES_ANYWHERE_ACTIONS = ['sts:AssumeRole', 'sts:SetSourceIdentity', 'sts:TagSession'];

// Stryker disable next-line ArrayDeclaration: equivalent, no item of another list has the Roles Anywhere principal as its value
const serviceValues = (statement: Statement) => statement.principal?.types.find(t => t.entry.name === 'Service')?.values ?? [];

function checkRolesAnywhere(ctx: RuleContext, statements: readonly Statement[]): void {
  const trusting = statements.filter(s => allows(s) && serviceValues(s).some(v => v.value === ROLES_ANYWHERE));
  if (trusting.length === 0) return;
  const missing = ROLES_ANYWHERE_ACTIONS.filter(action => !trusting.some(s => allowsAction(s, action)));
  if (missing.length === 0) return;
  const item = serviceValues(trusting[0]).find(v => v.value === ROLES_ANYWHERE)!;
  ctx.report({
    code: 'IAM049',
    offset: item.offset,
    length: item.length,
    data: { actions: missing },
    message: `IAM Roles Anywhere assumes a role with sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession: add ${missing.join(' and ')} to "Action", or it cannot deliver credentials for this role.`,
  });
}

const TRANSITIVE_TAG_KEYS = 'sts:transitivetagkeys';

/** IAM050, in any kind of policy: sts:TransitiveTagKeys in a statement that does not allow sts:TagSession. */
function checkTransitiveTagKeys(ctx: RuleContext, statement: Statement): void {
  if (!statement.action || statement.notAction) return;
  if (statement.action.items.some(item => globMatch(item.value.toLowerCase(), 'sts:tagsession'))) return;
  for (const operator of statement.condition?.operators ?? []) {
    for (const key of operator.keys) {
      if (key.entry.name.toLowerCase() !== TRANSITIVE_TAG_KEYS) continue;
      ctx.report({
        code: 'IAM050',
        ...keySpan(key.entry),
        data: { action: 'sts:TagSession' },
        message:
          'sts:TransitiveTagKeys is set in an sts:TagSession request: without sts:TagSession in this statement\'s "Action", the condition is never evaluated. Add sts:TagSession.',
      });
    }
  }
}

export const trustPolicyRules: RuleModule = {
  rules: [
    {
      code: 'IAM039',
      name: 'trust-policy-resource',
      category: 'grammar',
      defaultSeverity: 'warning',
      summary: 'A role trust policy has a Resource or NotResource element.',
    },
    {
      code: 'IAM040',
      name: 'trust-policy-action',
      category: 'grammar',
      defaultSeverity: 'warning',
      summary: 'A role trust policy grants an action of a service other than AWS STS.',
    },
    {
      code: 'IAM041',
      name: 'federated-principal-action',
      category: 'grammar',
      defaultSeverity: 'warning',
      summary: 'A federated principal without the sts:AssumeRoleWithSAML or sts:AssumeRoleWithWebIdentity it signs in with.',
    },
    {
      code: 'IAM049',
      name: 'roles-anywhere-trust-actions',
      category: 'grammar',
      defaultSeverity: 'warning',
      summary: 'A trust policy for IAM Roles Anywhere without sts:SetSourceIdentity or sts:TagSession.',
    },
    {
      code: 'IAM050',
      name: 'transitive-tag-keys-without-tag-session',
      category: 'grammar',
      defaultSeverity: 'warning',
      summary: 'sts:TransitiveTagKeys in a statement that does not allow sts:TagSession.',
    },
  ],
  check(ctx) {
    for (const statement of ctx.doc.statements) checkTransitiveTagKeys(ctx, statement);
    if (ctx.doc.kind !== 'trust') return;
    for (const statement of ctx.doc.statements) checkStatement(ctx, statement);
    checkFederated(ctx, ctx.doc.statements);
    checkRolesAnywhere(ctx, ctx.doc.statements);
  },
};
