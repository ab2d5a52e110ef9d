// IAM320-IAM321: an operator whose type does not fit the key's type. IAM does not reject these at
// write time, so they are never errors. Sources: IAM User Guide, "IAM JSON policy elements: Condition
// operators" (reference_policies_elements_condition_operators.html): date operators are for date keys
// (aws:CurrentTime, aws:EpochTime), IP address operators for aws:SourceIp-like keys, Bool for true/false;
// "an ARN is considered a string" and string operators may match where ARN operators do not, so string
// and ARN operators are interchangeable on ARN and string keys; "AWS global condition context keys"
// (reference_policies_condition-keys.html) gives each key's "Works with" operators (aws:EpochTime: date
// and numeric). Only pairs that cannot compare meaningfully are warnings (IAM320: Bool on a date key,
// an IP range compared as text, ...); a string operator on a Bool, numeric or date key compares the text
// of the value, which may work but is not what AWS documents: information (IAM321). The other way round
// is fine: the Service Authorization Reference types numeric-valued keys as String (glacier:ArchiveAgeInDays,
// which the S3 Glacier Developer Guide's "Vault Lock policies" examples compare with NumericLessThan), and a
// Numeric, Date, Bool, IP or Binary operator parses the value rather than comparing its text.
// Two pairs that the table allows are narrowed: a Numeric operator on a Date key compares numbers with
// the key's ISO 8601 text, so only aws:EpochTime (whose global-key entry says "works with date operators
// or numeric operators") takes one. An ARN operator on a String key stays silent: tag keys and KMS
// encryption-context keys hold ARNs (AWS's managed policies compare kms:EncryptionContext:aws:s3:arn and
// aws:RequestTag/... with ArnLike: 50 times in the corpus), and the reference types many ARN-valued keys
// String. IAM322: StringLike on an ARN key with a wildcard. AWS documents both families for ARN
// keys, but a string wildcard spans the ARN's colons where ArnLike matches each of its six parts apart
// ("String like operator with ARN condition keys", a security warning of the policy validation check
// reference: "use ARN operators instead of string operators when comparing ARNs").
import type { ConditionKeyInfo, ConditionOperatorInfo, OperatorFamily } from '../catalog/types';
import { baseType, type ConditionEntry, conditionEntries, keySpan } from '../analysis/conditionsEntries';
import type { RuleContext, RuleModule } from './types';
import { literalParts } from '../util/policyVariables';
import { hasWildcard } from '../util/wildcard';

type Fit = 'ok' | 'text' | 'wrong';
type KeyType = 'String' | 'ARN' | 'Bool' | 'Date' | 'Numeric' | 'IPAddress' | 'Binary';

const FIT: Record<Exclude<OperatorFamily, 'Null'>, Record<KeyType, Fit>> = {
  String: { String: 'ok', ARN: 'ok', Bool: 'text', Date: 'text', Numeric: 'text', IPAddress: 'wrong', Binary: 'text' },
  ARN: { String: 'ok', ARN: 'ok', Bool: 'wrong', Date: 'wrong', Numeric: 'wrong', IPAddress: 'wrong', Binary: 'wrong' },
  Numeric: { String: 'ok', ARN: 'wrong', Bool: 'wrong', Date: 'ok', Numeric: 'ok', IPAddress: 'wrong', Binary: 'wrong' },
  Date: { String: 'ok', ARN: 'wrong', Bool: 'wrong', Date: 'ok', Numeric: 'wrong', IPAddress: 'wrong', Binary: 'wrong' },
  Bool: { String: 'ok', ARN: 'wrong', Bool: 'ok', Date: 'wrong', Numeric: 'wrong', IPAddress: 'wrong', Binary: 'wrong' },
  IPAddress: { String: 'ok', ARN: 'wrong', Bool: 'wrong', Date: 'wrong', Numeric: 'wrong', IPAddress: 'ok', Binary: 'wrong' },
  Binary: { String: 'ok', ARN: 'wrong', Bool: 'wrong', Date: 'wrong', Numeric: 'wrong', IPAddress: 'wrong', Binary: 'ok' },
};

/** A key type as a message says it: "an IP address key". */
const TYPE_PHRASES: Record<KeyType, string> = {
  String: 'a string',
  ARN: 'an ARN',
  Bool: 'a Boolean',
  Date: 'a date',
  Numeric: 'a numeric',
  IPAddress: 'an IP address',
  Binary: 'a binary',
};

/** The operators that fit a key type, for the message. */
const OPERATORS_FOR: Record<KeyType, string> = {
  String: 'String operators (StringEquals, StringLike, ...)',
  ARN: 'ARN operators (ArnLike, ArnEquals, ...) or String operators',
  Bool: 'Bool',
  Date: 'Date operators (DateLessThan, DateGreaterThan, ...)',
  Numeric: 'Numeric operators (NumericLessThan, NumericEquals, ...)',
  IPAddress: 'IpAddress or NotIpAddress',
  Binary: 'BinaryEquals',
};

const EPOCH_TIME = 'aws:EpochTime';

/** The table's verdict, narrowed for the pair it cannot judge by type alone. */
function fitOf(family: Exclude<OperatorFamily, 'Null'>, type: KeyType, key: ConditionKeyInfo): Fit {
  if (family === 'Numeric' && type === 'Date' && key.key !== EPOCH_TIME) return 'wrong';
  return FIT[family][type];
}

function checkStringLikeOnArn(ctx: RuleContext, entry: ConditionEntry, base: ConditionOperatorInfo, key: ConditionKeyInfo): void {
  if (base.family !== 'String' || !base.wildcards || baseType(key) !== 'ARN') return;
  // a wildcard outside the policy variables (`${*}` is a literal star)
  if (!entry.keyEntry.values.some(v => typeof v.value === 'string' && literalParts(v.value).some(hasWildcard))) return;
  ctx.report({
    code: 'IAM322',
    ...keySpan(entry),
    message: `"${entry.keyEntry.entry.name}" holds an ARN: with ${base.name} a wildcard also matches across the ARN's colons (an account or a Region it was not meant for). Use ${base.negated ? 'ArnNotLike' : 'ArnLike'}, which matches each of the ARN's six parts apart.`,
  });
}

export const conditionTypeRules: RuleModule = {
  rules: [
    {
      code: 'IAM320',
      name: 'condition-operator-type-mismatch',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: "The operator cannot compare values of the key's type.",
    },
    {
      code: 'IAM321',
      name: 'condition-operator-compares-text',
      category: 'condition',
      defaultSeverity: 'information',
      summary: 'A string operator on a Bool, numeric or date key compares its text.',
    },
    {
      code: 'IAM322',
      name: 'string-like-on-arn-key',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'StringLike with a wildcard on an ARN key, where ArnLike matches part by part.',
    },
  ],
  check(ctx) {
    for (const entry of conditionEntries(ctx.doc, ctx.catalog)) {
      const base = entry.operator.base;
      if (!entry.key || !base || base.family === 'Null') continue;
      checkStringLikeOnArn(ctx, entry, base, entry.key);
      const type = baseType(entry.key) as KeyType;
      const fit = fitOf(base.family, type, entry.key);
      if (!fit || fit === 'ok') continue;
      const name = entry.keyEntry.entry.name;
      ctx.report({
        code: fit === 'wrong' ? 'IAM320' : 'IAM321',
        ...keySpan(entry),
        message:
          fit === 'wrong'
            ? `"${name}" is ${TYPE_PHRASES[type]} key: ${base.name} cannot compare it, so the condition never matches as intended. Use ${OPERATORS_FOR[type]}.`
            : `"${name}" is ${TYPE_PHRASES[type]} key: ${base.name} compares the text of its value. AWS documents ${OPERATORS_FOR[type]} for it.`,
      });
    }
  },
};
