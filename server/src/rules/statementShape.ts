// IAM014-IAM015, IAM017-IAM026, IAM034, IAM042: the shape of the Statement element and of each statement: a statement
// needs Effect, exactly one of Action/NotAction, at most one of each other pair, and Principal and
// Resource as the policy's kind requires (see analysis/kindRequirements.ts for the sources).
// Sources: IAM User Guide, "IAM JSON policy element reference" (reference_policies_elements.html: Action/
// NotAction, Resource/NotResource and Principal/NotPrincipal are mutually exclusive) and
// "Access Analyzer policy check reference" (Missing statement, Missing effect, Missing action).
// IAM042: AWS Organizations User Guide, "RCP syntax" (orgs_manage_policies_rcps_syntax.html): "The effect
// of Allow is only supported for the RCPFullAWSAccess policy". A warning: AWS's own RCP examples hold one.
import type { Entry, PolicyDocument, Span, Statement } from '../policy/model';
import { isFullAccess, KIND_PHRASES, KIND_REQUIREMENTS, RESOURCE_IMPLIED_SERVICES } from '../analysis/kindRequirements';
import { keySpan } from '../analysis/spans';
import { hasUnknown, isPartial } from '../policy/unknowns';
import type { RuleContext, RuleModule } from './types';

/** Where a finding about a whole statement goes: its opening brace. */
function statementAnchor(statement: Statement): Span {
  return { offset: statement.node.offset, length: 1 };
}

function checkStatementElement(ctx: RuleContext, doc: PolicyDocument): void {
  const entry = doc.statementEntry;
  if (!entry) {
    // at the policy's opening brace (check runs on an object only)
    ctx.report({
      code: 'IAM014',
      offset: doc.root!.offset,
      length: 1,
      message: 'The policy has no "Statement" element: add "Statement": [ { "Effect": ..., "Action": ..., "Resource": ... } ].',
    });
    return;
  }
  const value = entry.valueNode;
  if (!value) return; // the syntax error says it
  // Stryker disable next-line ConditionalExpression: equivalent, a value that is no string has no template value in it
  if (value.type === 'string' && hasUnknown(doc, String(value.value))) return; // a template fills it in at deploy time
  if (value.type === 'array' && value.children!.length === 0) {
    if (isPartial(doc)) return; // statements a template adds at deploy time (Terraform's dynamic blocks)
    ctx.report({ code: 'IAM014', offset: value.offset, length: value.length, message: 'The Statement list is empty: IAM requires at least one statement.' });
  } else if (value.type !== 'array' && value.type !== 'object') {
    ctx.report({
      code: 'IAM015',
      offset: value.offset,
      length: value.length,
      message: `Statement must be an array of statement objects (or one object), not a ${value.type}.`,
    });
  }
  for (const statement of doc.statements) {
    if (statement.node.type !== 'object') {
      ctx.report({
        code: 'IAM015',
        offset: statement.node.offset,
        length: statement.node.length,
        message: `Each statement must be a JSON object { "Effect": ..., ... }, not a ${statement.node.type}.`,
      });
    }
  }
}

/** Reports the second element of a mutually exclusive pair. */
function checkExclusive(ctx: RuleContext, code: string, first: Entry | undefined, second: Entry | undefined): void {
  if (!first || !second) return;
  ctx.report({
    code,
    ...keySpan(second),
    message: `"${first.name}" and "${second.name}" cannot be used in the same statement: IAM rejects the policy. Keep one of them.`,
    related: [{ ...keySpan(first), message: `"${first.name}" is here` }],
  });
}

/** A resource policy statement whose actions all belong to services that imply the resource (ECR). */
function impliesResource(statement: Statement): boolean {
  const actions = statement.action?.items ?? [];
  return actions.length > 0 && actions.every(a => RESOURCE_IMPLIED_SERVICES.has(a.value.split(':')[0].toLowerCase()));
}

function checkStatement(ctx: RuleContext, statement: Statement): void {
  const { kind } = ctx.doc;
  const rules = KIND_REQUIREMENTS[kind];
  const phrase = KIND_PHRASES[kind];
  const anchor = statementAnchor(statement);
  // what a template may add at deploy time is not missing
  const judgeMissing = !isPartial(ctx.doc);
  if (!statement.effect && judgeMissing) {
    ctx.report({ code: 'IAM017', ...anchor, message: 'The statement has no "Effect": add "Effect": "Allow" or "Effect": "Deny".' });
  }
  checkExclusive(ctx, 'IAM018', statement.action?.entry, statement.notAction?.entry);
  if (!statement.action && !statement.notAction && judgeMissing) {
    ctx.report({ code: 'IAM019', ...anchor, message: 'The statement has no "Action" (or "NotAction"): IAM requires one. Add "Action": ["service:Action"].' });
  }
  checkExclusive(ctx, 'IAM020', statement.resource?.entry, statement.notResource?.entry);
  if (
    !statement.resource &&
    !statement.notResource &&
    rules.missingResource !== 'none' &&
    judgeMissing &&
    !(kind === 'resource' && impliesResource(statement))
  ) {
    ctx.report({
      code: rules.missingResource === 'error' ? 'IAM021' : 'IAM022',
      ...anchor,
      message:
        rules.missingResource === 'error'
          ? `The statement has no "Resource" (or "NotResource"): a statement of ${phrase} must have one. Add "Resource": "*" or the ARNs it applies to.`
          : `The statement has no "Resource" (or "NotResource"): most services require one in ${phrase}. Add "Resource" unless the service documents that it is implied.`,
    });
  }
  const principal = statement.principal?.entry;
  const notPrincipal = statement.notPrincipal?.entry;
  checkExclusive(ctx, 'IAM023', principal, notPrincipal);
  if (rules.principalPresent === 'error') {
    for (const entry of [principal, notPrincipal]) {
      if (!entry) continue;
      ctx.report({
        code: 'IAM024',
        ...keySpan(entry),
        message: `"${entry.name}" is not allowed in ${phrase}: the policy applies to whoever it is attached to. Remove it (to limit who, use a condition on aws:PrincipalArn). If this is a resource or trust policy, set the policy kind.`,
      });
    }
  } else if (!principal && !notPrincipal && judgeMissing) {
    // the kinds that take a Principal require or expect one (a test keeps KIND_REQUIREMENTS so)
    ctx.report({
      code: rules.missingPrincipal === 'error' ? 'IAM025' : 'IAM034',
      ...anchor,
      message: `The statement has no "Principal": ${phrase} must name who it applies to${rules.missingPrincipal === 'error' ? '' : ' (S3, KMS and most services reject it without one)'}. Add "Principal": { "AWS": "arn:aws:iam::111122223333:root" } (or "*" with conditions).`,
    });
  }
  if (kind === 'rcp' && statement.effect?.valueNode?.value === 'Allow' && !isFullAccess(statement)) {
    ctx.report({
      code: 'IAM042',
      ...keySpan(statement.effect),
      message:
        "An RCP you write can only deny: Allow is supported only in AWS's RCPFullAWSAccess policy, which allows everything. Write a Deny with conditions that say what to keep out.",
    });
  }
  if (notPrincipal && rules.notPrincipalPresent === 'error') {
    ctx.report({
      code: 'IAM026',
      ...keySpan(notPrincipal),
      message: `"NotPrincipal" is not supported in ${phrase}. Use "Principal" with a condition on aws:PrincipalArn instead.`,
    });
  }
}

export const statementShapeRules: RuleModule = {
  rules: [
    { code: 'IAM014', name: 'missing-statement', category: 'grammar', defaultSeverity: 'error', summary: 'The policy has no Statement, or an empty one.' },
    { code: 'IAM015', name: 'invalid-statement', category: 'grammar', defaultSeverity: 'error', summary: 'Statement is not an array of objects.' },
    { code: 'IAM017', name: 'missing-effect', category: 'grammar', defaultSeverity: 'error', summary: 'A statement has no Effect.' },
    { code: 'IAM018', name: 'action-and-notaction', category: 'grammar', defaultSeverity: 'error', summary: 'A statement has both Action and NotAction.' },
    { code: 'IAM019', name: 'missing-action', category: 'grammar', defaultSeverity: 'error', summary: 'A statement has neither Action nor NotAction.' },
    {
      code: 'IAM020',
      name: 'resource-and-notresource',
      category: 'grammar',
      defaultSeverity: 'error',
      summary: 'A statement has both Resource and NotResource.',
    },
    {
      code: 'IAM021',
      name: 'missing-resource',
      category: 'grammar',
      defaultSeverity: 'error',
      summary: 'A statement of an identity policy or permissions boundary has no Resource.',
    },
    {
      code: 'IAM022',
      name: 'resource-expected',
      category: 'grammar',
      defaultSeverity: 'warning',
      summary: 'A statement of a resource policy, SCP, RCP or endpoint policy has no Resource.',
    },
    {
      code: 'IAM023',
      name: 'principal-and-notprincipal',
      category: 'grammar',
      defaultSeverity: 'error',
      summary: 'A statement has both Principal and NotPrincipal.',
    },
    {
      code: 'IAM024',
      name: 'principal-not-allowed',
      category: 'grammar',
      defaultSeverity: 'error',
      summary: 'Principal in an identity policy, permissions boundary or SCP.',
    },
    {
      code: 'IAM025',
      name: 'missing-principal',
      category: 'grammar',
      defaultSeverity: 'error',
      summary: 'A statement of a trust, RCP or endpoint policy has no Principal.',
    },
    {
      code: 'IAM034',
      name: 'principal-expected',
      category: 'grammar',
      defaultSeverity: 'warning',
      summary: 'A statement of a resource policy has no Principal.',
    },
    {
      code: 'IAM042',
      name: 'rcp-allow',
      category: 'grammar',
      defaultSeverity: 'warning',
      summary: "An RCP statement with Allow (only AWS's RCPFullAWSAccess may allow).",
    },
    {
      code: 'IAM026',
      name: 'notprincipal-not-supported',
      category: 'grammar',
      defaultSeverity: 'error',
      summary: 'NotPrincipal in a role trust policy or RCP.',
    },
  ],
  check(ctx) {
    const { doc } = ctx;
    if (doc.root?.type !== 'object') return;
    checkStatementElement(ctx, doc);
    for (const statement of doc.statements) {
      if (statement.node.type === 'object') checkStatement(ctx, statement);
    }
  },
};
