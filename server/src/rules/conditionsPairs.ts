// IAM318-IAM319: condition keys that depend on the rest of the statement. Sources: "IAM policy validation
// check reference" (access-analyzer-reference-policy-checks.html): "Unsupported condition key for service
// principal" ("you can't use the aws:PrincipalOrgID condition key with the service principal
// cloudfront.amazonaws.com"), with IAM User Guide, "AWS global condition context keys": aws:PrincipalOrgID
// and aws:PrincipalOrgPaths are in the request only "when the account is a member of an organization",
// which a service principal is not; and "Missing paired condition keys" (a security warning): aws:VpcSourceIp
// is "more secure when paired with" aws:SourceVpc, which says from which VPC the address is. Access Analyzer
// calls the first an error: the policy is accepted and the condition never matches, so both are warnings.
// IAM317: s3:prefix in a Deny with a positive string operator, or in an Allow with a negated one: a
// request with a shorter prefix ("priv" for "private/") escapes the condition and still lists the objects
// ("S3 prefix in negative context", a security warning; restrict with StringLike in an Allow, or
// StringNotLike in a Deny). IAM323: dynamodb:Attributes in an Allow without dynamodb:Select set to
// SPECIFIC_ATTRIBUTES: a read without a projection returns every attribute ("DynamoDB attributes without
// select", a security warning; Amazon DynamoDB Developer Guide, "Using IAM policy conditions for
// fine-grained access control").
import type { Statement } from '../policy/model';
import { type ConditionEntry, conditionEntries, keySpan } from '../analysis/conditionsEntries';
import type { RuleContext, RuleModule } from './types';

const ORGANIZATION_MEMBER_KEYS: ReadonlySet<string> = new Set(['aws:principalorgid', 'aws:principalorgpaths']);
const VPC_SOURCE_IP = 'aws:vpcsourceip';
const SOURCE_VPC = 'aws:sourcevpc';

/** The statement's principals are all service principals. */
function onlyServicePrincipals(statement: Statement): boolean {
  const principal = statement.principal;
  return (
    principal !== undefined &&
    !principal.wildcard &&
    principal.types.length > 0 &&
    principal.types.every(t => t.entry.name === 'Service' && t.values.length > 0)
  );
}

function checkServicePrincipalKey(ctx: RuleContext, entry: ConditionEntry, key: string): void {
  if (!ORGANIZATION_MEMBER_KEYS.has(key) || !onlyServicePrincipals(entry.statement)) return;
  ctx.report({
    code: 'IAM318',
    ...keySpan(entry),
    message: `"${entry.keyEntry.entry.name}" describes the organization of the calling account, and a service principal belongs to none: for this statement's service principals the key is absent. To say on whose behalf the service acts, use aws:SourceOrgID, aws:SourceOrgPaths, aws:SourceAccount or aws:SourceArn.`,
  });
}

function checkPairedKey(ctx: RuleContext, entry: ConditionEntry, key: string, withSourceVpc: ReadonlySet<Statement>): void {
  if (key !== VPC_SOURCE_IP || withSourceVpc.has(entry.statement)) return;
  ctx.report({
    code: 'IAM319',
    ...keySpan(entry),
    message:
      'aws:VpcSourceIp compares a private address, which many VPCs share: add aws:SourceVpc to the same statement, so that the address counts only from your VPC.',
  });
}

const S3_PREFIX = 's3:prefix';

function checkS3Prefix(ctx: RuleContext, entry: ConditionEntry, key: string): void {
  const base = entry.operator.base;
  const effect = entry.statement.effect?.valueNode?.value;
  if (key !== S3_PREFIX || base?.family !== 'String') return;
  if (!(effect === 'Deny' && !base.negated) && !(effect === 'Allow' && base.negated)) return;
  ctx.report({
    code: 'IAM317',
    ...keySpan(entry),
    message: `s3:prefix in ${effect === 'Deny' ? 'a Deny' : `an Allow with ${base.name}`} does not keep anyone from listing those objects: a request with a shorter prefix ("priv" for "private/") does not match the condition. Allow s3:ListBucket with StringLike on s3:prefix, or Deny it with StringNotLike.`,
  });
}

const DYNAMODB_ATTRIBUTES = 'dynamodb:attributes';
const DYNAMODB_SELECT = 'dynamodb:select';

function checkDynamoDbSelect(ctx: RuleContext, entry: ConditionEntry, key: string, entries: readonly ConditionEntry[]): void {
  if (key !== DYNAMODB_ATTRIBUTES || entry.statement.effect?.valueNode?.value !== 'Allow') return;
  const selects = entries.some(
    other =>
      other.statement === entry.statement &&
      other.keyEntry.entry.name.toLowerCase() === DYNAMODB_SELECT &&
      !other.operator.base?.negated &&
      other.keyEntry.values.some(v => v.value === 'SPECIFIC_ATTRIBUTES'),
  );
  if (selects) return;
  ctx.report({
    code: 'IAM323',
    ...keySpan(entry),
    message:
      'dynamodb:Attributes is checked only for requests that name the attributes they return: a read without a projection returns every attribute. Add "StringEquals": { "dynamodb:Select": "SPECIFIC_ATTRIBUTES" } to the statement.',
  });
}

export const conditionPairRules: RuleModule = {
  rules: [
    {
      code: 'IAM318',
      name: 'organization-key-with-service-principal',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'aws:PrincipalOrgID or aws:PrincipalOrgPaths with only service principals, which belong to no organization.',
    },
    {
      code: 'IAM319',
      name: 'vpc-source-ip-without-source-vpc',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'aws:VpcSourceIp without aws:SourceVpc in the same statement.',
    },
    {
      code: 'IAM317',
      name: 's3-prefix-in-negative-context',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 's3:prefix in a Deny, or with a negated operator in an Allow: shorter prefixes escape it.',
    },
    {
      code: 'IAM323',
      name: 'dynamodb-attributes-without-select',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'dynamodb:Attributes in an Allow without dynamodb:Select SPECIFIC_ATTRIBUTES.',
    },
  ],
  check(ctx) {
    const entries = conditionEntries(ctx.doc, ctx.catalog);
    const withSourceVpc = new Set(entries.filter(e => e.keyEntry.entry.name.toLowerCase() === SOURCE_VPC).map(e => e.statement));
    for (const entry of entries) {
      const key = entry.keyEntry.entry.name.toLowerCase();
      checkServicePrincipalKey(ctx, entry, key);
      checkPairedKey(ctx, entry, key, withSourceVpc);
      checkS3Prefix(ctx, entry, key);
      checkDynamoDbSelect(ctx, entry, key, entries);
    }
  },
};
