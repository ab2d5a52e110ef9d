// IAM334: a value that a key with values of a known form can never have: a Region code that is no
// Region (aws:RequestedRegion "us-east1"), an account ID that is not 12 digits, an organization ID
// that is not o-... (aws:PrincipalOrgID "123456789012", an account where the organization goes), a
// VPC where the VPC endpoint goes (aws:SourceVpce "vpc-...") and the other way round.
// Such a condition never matches as meant: an Allow grants nothing, a Deny with a negated operator
// denies everything. Warnings, with String operators only; values with wildcards, policy variables
// or placeholders are not judged. Sources: catalog/tables/keyValueKinds.ts, policy/identifiers.ts,
// and the catalog's Region table, which a refresh updates (any partition's Region passes: the key's value
// does not say the partition).
import {
  ACCOUNT_KEYS,
  CALLER_ARN_KEYS,
  ORGANIZATION_KEYS,
  ORGANIZATION_PATH_KEYS,
  REGION_KEYS,
  VPC_ENDPOINT_KEYS,
  VPC_KEYS,
} from '../catalog/tables/keyValueKinds';
import type { Catalog } from '../catalog/types';
import { ACCOUNT_ID, ORGANIZATION_ID, VPC_ENDPOINT_ID, VPC_ID } from '../policy/identifiers';
import { hasPlaceholder } from '../policy/placeholders';
import { conditionEntries, type ConditionEntry } from '../analysis/conditionsEntries';
import { closestRegions, knownRegion } from '../analysis/arnProblems';
import { formatsOfArnService } from '../analysis/resourceTypes';
import { isPublicPrincipal } from '../analysis/statementFacts';
import { parseArn } from '../policy/arn';
import { principalValues } from '../policy/principals';
import type { RuleContext, RuleModule } from './types';
import { hasWildcardOrVariable } from '../util/wildcard';

/** What a key's value must be, and how to say it. */
interface ValueForm {
  keys: ReadonlySet<string>;
  fits: (value: string, catalog: Catalog) => boolean;
  expected: string;
  /** the values meant, for the quick-fix */
  closest?: (value: string, catalog: Catalog) => string[];
}

const FORMS: readonly ValueForm[] = [
  {
    keys: REGION_KEYS,
    fits: (value, catalog) => knownRegion(catalog, value),
    expected: 'a Region code such as us-east-1',
    closest: (value, catalog) => closestRegions(catalog, value),
  },
  { keys: ACCOUNT_KEYS, fits: value => ACCOUNT_ID.test(value), expected: 'a 12-digit account ID' },
  { keys: ORGANIZATION_KEYS, fits: value => ORGANIZATION_ID.test(value), expected: 'an organization ID such as o-a1b2c3d4e5' },
  { keys: VPC_KEYS, fits: value => VPC_ID.test(value), expected: 'a VPC ID such as vpc-1a2b3c4d (a VPC endpoint goes in aws:SourceVpce)' },
  { keys: VPC_ENDPOINT_KEYS, fits: value => VPC_ENDPOINT_ID.test(value), expected: 'a VPC endpoint ID such as vpce-1a2b3c4d (a VPC goes in aws:SourceVpc)' },
];

const unjudged = (text: string) => hasWildcardOrVariable(text) || hasPlaceholder(text);

// IAM339: a key that holds the ARN of a KMS key (s3:x-amz-server-side-encryption-aws-kms-key-id and the
// ARN-typed keys of the Service Authorization Reference whose name says KMS key) compared with an alias,
// an alias ARN or a bare key ID: the request holds the key ARN, so the value never matches ("Invalid kms
// key value" in the policy validation check reference: the value "must be a valid KMS key ARN"; AWS KMS
// Developer Guide, "Key identifiers": arn:aws:kms:<region>:<account>:key/<key-id>).
const KMS_KEY_NAME = /kms-?key/i;
const KMS_KEY_ARN = /^arn:[^:]+:kms:[^:]*:[^:]*:key\/./;

function holdsKmsKeyArn(entry: ConditionEntry): boolean {
  return entry.key?.type === 'ARN' && KMS_KEY_NAME.test(entry.key.key);
}

function checkKmsKeyValue(ctx: RuleContext, entry: ConditionEntry): void {
  const family = entry.operator.base?.family;
  if ((family !== 'String' && family !== 'ARN') || !holdsKmsKeyArn(entry)) return;
  for (const value of entry.keyEntry.values) {
    const text = value.value;
    if (typeof text !== 'string' || /\$\{/.test(text) || hasPlaceholder(text) || KMS_KEY_ARN.test(text)) continue;
    if (/[*?]/.test(text) && !/(^|:)alias\//.test(text)) continue; // a pattern that may match key ARNs ("*" too)
    ctx.report({
      code: 'IAM339',
      offset: value.offset,
      length: value.length,
      message: `${entry.keyEntry.entry.name} holds the ARN of the KMS key (arn:aws:kms:<region>:<account>:key/<key-id>), never ${/alias\//.test(text) ? 'an alias' : 'a bare key ID'}: ${JSON.stringify(text)} never matches. Write the key's ARN.`,
    });
  }
}

// IAM373: a wildcard in an organization or account ID (aws:PrincipalOrgID "o-*", aws:SourceAccount
// "1111*"). These IDs are assigned by AWS, not chosen, so a pattern matches organizations and accounts
// that are not yours: "o-*" matches every organization ("Wildcard usage too permissive" in the policy
// validation check reference). "*" alone is a presence test (IAM370); organization paths are judged by
// their organization ID, the part before the first "/". The same holds for the account of the ARN in
// aws:SourceArn or aws:PrincipalArn where that key is what keeps a public or service principal out
// (an Allow of a resource or trust policy): "arn:aws:sns:*:*:alerts" matches the topic "alerts" of
// every account, "arn:aws:s3:::*" every bucket (bucket names are global, their ARNs hold no account).
// Elsewhere (an SCP's exemptions, arn:aws:iam::*:role/admin in a Deny) the wildcard is deliberate.
function idPart(key: string, value: string): string {
  return key.endsWith('orgpaths') ? value.split('/')[0] : value;
}

const ANY_CHARACTERS = /^[*?/]+$/;

/** What the wildcard in an ARN value of a caller key matches beyond the owner's resources, and what to write instead; undefined when nothing. */
function arnAccountWildcard(catalog: Catalog, value: string): { matches: string; instead: string } | undefined {
  const arn = parseArn(value);
  if (!arn) return undefined;
  // S3 bucket names are global: their ARNs have no account, and the name alone says whose bucket it is
  const accountless = formatsOfArnService(catalog, arn.service)?.some(f => f.segments[4] === '') ?? false;
  if (accountless && !/^\d{12}$/.test(arn.account)) {
    return ANY_CHARACTERS.test(arn.resource) ? { matches: `every ${arn.service} resource of every account`, instead: 'Name the resource itself' } : undefined;
  }
  if (!/[*?]/.test(arn.account)) return undefined;
  // Stryker disable next-line all: human text, as in the message (tests assert IAM373 and its span)
  const matches = ANY_CHARACTERS.test(arn.account) ? 'every account' : `accounts that are not yours (${JSON.stringify(arn.account)})`;
  // Stryker disable next-line all: human text
  return { matches, instead: 'Write your account ID into the ARN' };
}

/** Whether the statement is an Allow to everyone or to a service: then a caller key is its boundary. */
function boundsOutsiders(entry: ConditionEntry): boolean {
  const { statement } = entry;
  if (statement.effect?.valueNode?.value !== 'Allow' || !statement.principal) return false;
  return principalValues(statement.principal).some(p => p.type === 'Service' || isPublicPrincipal(p));
}

function checkWildcardIds(ctx: RuleContext, entry: ConditionEntry, key: string): void {
  const base = entry.operator.base;
  if (!base?.wildcards) return;
  // (only String and ARN operators take wildcards)
  if (CALLER_ARN_KEYS.has(key) && !base.negated && boundsOutsiders(entry)) {
    for (const value of judgedValues(entry)) {
      const wildcard = arnAccountWildcard(ctx.catalog, value.value);
      if (!wildcard) continue;
      ctx.report({
        code: 'IAM373',
        offset: value.offset,
        length: value.length,
        message: `${JSON.stringify(value.value)} also matches ${wildcard.matches}: this condition does not keep others out. ${wildcard.instead}.`,
      });
    }
    return;
  }
  if (base.family !== 'String') return;
  const isOrg = ORGANIZATION_KEYS.has(key) || ORGANIZATION_PATH_KEYS.has(key);
  if (!isOrg && !ACCOUNT_KEYS.has(key)) return;
  for (const value of judgedValues(entry)) {
    const id = idPart(key, value.value);
    if (!/[*?]/.test(id) || /^\*+$/.test(value.value)) continue;
    ctx.report({
      code: 'IAM373',
      offset: value.offset,
      length: value.length,
      message: `AWS assigns ${isOrg ? 'organization' : 'account'} IDs, so ${JSON.stringify(id)} also matches ${isOrg ? 'organizations' : 'accounts'} that are not yours${id === 'o-*' ? ' (every organization)' : ''}. Write the full ID${isOrg ? ' (o-a1b2c3d4e5)' : ''}.`,
    });
  }
}

/** The string values of an entry without policy variables or placeholders. */
function judgedValues(entry: ConditionEntry): Array<{ value: string; offset: number; length: number }> {
  return entry.keyEntry.values.flatMap(v =>
    typeof v.value === 'string' && !/\$\{/.test(v.value) && !hasPlaceholder(v.value) ? [{ value: v.value, offset: v.offset, length: v.length }] : [],
  );
}

export const conditionKnownValueRules: RuleModule = {
  rules: [
    {
      code: 'IAM334',
      name: 'impossible-condition-value',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'A Region, account, organization, VPC or VPC endpoint ID condition value that cannot be one.',
    },
    {
      code: 'IAM339',
      name: 'kms-key-arn-expected',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: "A KMS key alias or key ID where the condition key holds the key's ARN.",
    },
    {
      code: 'IAM373',
      name: 'wildcard-in-id',
      category: 'condition',
      defaultSeverity: 'warning',
      summary:
        'A wildcard in an organization or account ID, which AWS assigns (also the account of aws:SourceArn or aws:PrincipalArn that keeps outsiders out).',
    },
  ],
  check(ctx) {
    for (const entry of conditionEntries(ctx.doc, ctx.catalog)) {
      checkKmsKeyValue(ctx, entry);
      const key = entry.keyEntry.entry.name.toLowerCase();
      checkWildcardIds(ctx, entry, key);
      if (entry.operator.base?.family !== 'String') continue;
      const form = FORMS.find(f => f.keys.has(key));
      if (!form) continue;
      for (const value of entry.keyEntry.values) {
        if (typeof value.value !== 'string' || unjudged(value.value) || form.fits(value.value, ctx.catalog)) continue;
        const closest = form.closest?.(value.value, ctx.catalog) ?? [];
        ctx.report({
          code: 'IAM334',
          offset: value.offset,
          length: value.length,
          message: `${JSON.stringify(value.value)} cannot be a value of ${entry.keyEntry.entry.name}, which is ${form.expected}: the condition never matches it.${closest.length ? ` Did you mean ${closest.map(c => `"${c}"`).join(', ')}?` : ''}`,
          data: { replacements: closest.map(c => JSON.stringify(c)) },
        });
      }
    }
  },
};
