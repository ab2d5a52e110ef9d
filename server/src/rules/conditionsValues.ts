// IAM330-IAM332: condition values that cannot be what the operator compares. Warnings: IAM does not
// check values at write time; the condition just never matches as intended. Sources: IAM User Guide,
// "IAM JSON policy elements: Condition operators" (reference_policies_elements_condition_operators.html):
// - Numeric: an integer or decimal; no policy variables.
// - Date: "one of the W3C implementations of the ISO 8601 date formats" (https://www.w3.org/TR/NOTE-datetime:
//   YYYY, YYYY-MM, YYYY-MM-DD, then Thh:mm, Thh:mm:ss or Thh:mm:ss.s with a zone Z or +hh:mm) "or in
//   epoch (UNIX) time"; no wildcards, no policy variables. A time without a zone is accepted here (lenient).
// - Bool: "true" or "false"; policy variables allowed.
// - IpAddress: "the standard CIDR format (for example, 203.0.113.0/24 or 2001:DB8:1234:5678::/64). If you
//   specify an IP address without the associated routing prefix, IAM uses the default prefix value of /32";
//   no policy variables.
// - ARN operators compare "each of the six colon-delimited components of the ARN separately", so a value
//   needs all six; policy variables allowed.
// - BinaryEquals: a base-64 encoded value.
// - Null: "use either true (the key doesn't exist — it is null) or false".
// Values with a template placeholder (<ACCOUNT_ID>) are left to IAM090.
// IAM337: a Date operator with epoch seconds. The Condition operators page allows them, but "IAM policy
// validation check reference", "Invalid date value", warns that "Epoch time might not resolve to the
// precise time that you expect" and recommends the W3C form (YYYY-MM-DD, YYYY-MM-DDThh:mm:ssZ); the fix
// writes the same instant so. aws:EpochTime, whose values are epoch seconds, is left alone.
// IAM338: "*" or "?" in the value of a String operator that does not match wildcards (StringEquals,
// StringNotEquals, ...): the operator compares them as plain characters ("Wildcard without like
// operator" in the check reference). ARN operators are not concerned: ArnEquals matches wildcards as
// ArnLike does (Condition operators page); ${*} and ${?} are the literal characters.
// IAM333: "Bool": { "aws:MultiFactorAuthPresent": "false" }. The key is absent from requests signed with
// long-term access keys, and Bool does not match a missing key, so those requests escape the condition.
// Sources: IAM User Guide, "AWS global condition context keys", aws:MultiFactorAuthPresent
// (reference_policies_condition-keys.html#condition-keys-multifactorauthpresent); AWS re:Post Knowledge
// Center, "mfa-iam-user-aws-cli" (use BoolIfExists).
import { isIP } from 'node:net';
import type { ConditionOperatorInfo, OperatorFamily } from '../catalog/types';
import type { ConditionValue } from '../policy/model';
import { hasPlaceholder } from '../policy/placeholders';
import { type ConditionEntry, conditionEntries, EPOCH_SECONDS, isDate } from '../analysis/conditionsEntries';
import type { RuleContext, RuleModule } from './types';
import { hasVariable } from '../util/policyVariables';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function isCidr(text: string): boolean {
  const [address, prefix, ...rest] = text.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

function isArnPattern(text: string): boolean {
  return text === '*' || (text.startsWith('arn:') && text.split(':').length >= 6);
}

interface ValueRule {
  valid: (text: string) => boolean;
  expected: string;
  /** policy variables are replaced at evaluation time: do not judge the text */
  variables: boolean;
}

const VALUE_RULES: Partial<Record<OperatorFamily, ValueRule>> = {
  Numeric: { valid: t => NUMBER.test(t.trim()), expected: 'a number such as 10 or 2.5', variables: false },
  Date: { valid: isDate, expected: 'a date in ISO 8601 (2025-01-31T23:59:59Z) or epoch seconds', variables: false },
  Bool: { valid: t => /^(true|false)$/i.test(t), expected: '"true" or "false"', variables: true },
  IPAddress: { valid: isCidr, expected: 'an IP address or CIDR range such as 203.0.113.0/24 or 2001:db8::/32', variables: false },
  ARN: { valid: isArnPattern, expected: 'an ARN with all six parts (arn:partition:service:region:account:resource), wildcards allowed', variables: true },
  Binary: { valid: t => BASE64.test(t), expected: 'a base-64 encoded value', variables: false },
};

const MFA_PRESENT = 'aws:multifactorauthpresent';

function checkMfaFalse(ctx: RuleContext, entry: ConditionEntry, value: ConditionValue): void {
  if (entry.operator.ifExists || entry.keyEntry.entry.name.toLowerCase() !== MFA_PRESENT) return;
  if (String(value.value).toLowerCase() !== 'false') return;
  ctx.report({
    code: 'IAM333',
    offset: value.offset,
    length: value.length,
    message:
      'Requests signed with long-term access keys have no aws:MultiFactorAuthPresent, and Bool does not match a missing key, so they escape this condition. Use "BoolIfExists" (a Deny with BoolIfExists "false" catches both).',
  });
}

const EPOCH_TIME = 'aws:epochtime';

/** Epoch seconds as the W3C date-time they stand for: 1700000000 -> 2023-11-14T22:13:20Z. */
export function epochToIso(text: string): string | undefined {
  const seconds = Number(text);
  if (!EPOCH_SECONDS.test(text) || !Number.isSafeInteger(seconds) || seconds > 253402300799) return undefined; // up to 9999-12-31
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

function checkEpochDate(ctx: RuleContext, entry: ConditionEntry, value: ConditionValue, text: string): void {
  if (entry.keyEntry.entry.name.toLowerCase() === EPOCH_TIME) return;
  const iso = epochToIso(text);
  if (!iso) return;
  ctx.report({
    code: 'IAM337',
    offset: value.offset,
    length: value.length,
    message: `${JSON.stringify(text)} is epoch seconds: AWS recommends the ISO 8601 form, which says the instant without doubt (${iso}).`,
    data: { replacements: [JSON.stringify(iso)] },
  });
}

const LIKE_OF: Readonly<Record<string, string>> = { StringEquals: 'StringLike', StringNotEquals: 'StringNotLike' };

function checkWildcardWithoutLike(ctx: RuleContext, base: ConditionOperatorInfo, value: ConditionValue, text: string): void {
  // Stryker disable next-line StringLiteral: equivalent, any text without "*" or "?" in place of the variables would do
  if (base.wildcards || !/[*?]/.test(text.replace(/\$\{[^}]*\}/g, ''))) return;
  const like = LIKE_OF[base.name];
  ctx.report({
    code: 'IAM338',
    offset: value.offset,
    length: value.length,
    message: `${base.name} compares "*" and "?" as plain characters, so ${JSON.stringify(text)} matches only itself.${like ? ` If they are wildcards, use ${like}.` : ' If they are wildcards, use StringLike (case-sensitive).'}`,
    data: like ? { like } : undefined,
  });
}

function checkValue(ctx: RuleContext, entry: ConditionEntry, base: ConditionOperatorInfo, value: ConditionValue): void {
  if (value.value === null) return; // wrong JSON type: IAM016
  const { family, name: operator } = base;
  if (family === 'Bool') checkMfaFalse(ctx, entry, value);
  const text = String(value.value);
  if (hasPlaceholder(text)) return;
  if (family === 'String') checkWildcardWithoutLike(ctx, base, value, text);
  if (family === 'Null') {
    if (!/^(true|false)$/i.test(text)) {
      ctx.report({
        code: 'IAM331',
        offset: value.offset,
        length: value.length,
        message: `Null takes "true" (the key is absent) or "false" (the key is present), not ${JSON.stringify(text)}.`,
        data: { replacements: ['"true"', '"false"'] },
      });
    }
    return;
  }
  const rule = VALUE_RULES[family];
  if (!rule) return;
  if (hasVariable(text)) {
    if (!rule.variables) {
      ctx.report({
        code: 'IAM330',
        offset: value.offset,
        length: value.length,
        message: `Policy variables cannot be used with ${operator}: IAM compares ${JSON.stringify(text)} literally. Only String, ARN and Bool operators take variables.`,
      });
    }
    return;
  }
  if (!rule.valid(text)) {
    // Stryker disable next-line all: human text
    const dateInstead = family === 'Numeric' && isDate(text) ? ` It is a date: ${operator.replace(/^Numeric/, 'Date')} compares dates.` : '';
    ctx.report({
      code: 'IAM330',
      offset: value.offset,
      length: value.length,
      message: `${JSON.stringify(text)} is not a valid value for ${operator}: expected ${rule.expected}.${dateInstead}`,
    });
  } else if (family === 'Date') {
    checkEpochDate(ctx, entry, value, text);
  }
}

export const conditionValueRules: RuleModule = {
  rules: [
    {
      code: 'IAM330',
      name: 'invalid-condition-value',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'A condition value does not parse for its operator (number, date, Boolean, IP range, ARN, base-64).',
    },
    {
      code: 'IAM331',
      name: 'invalid-null-value',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'The Null operator with a value other than true or false.',
    },
    {
      code: 'IAM333',
      name: 'mfa-present-false-without-ifexists',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'Bool aws:MultiFactorAuthPresent "false" misses requests with long-term access keys.',
    },
    {
      code: 'IAM332',
      name: 'empty-condition-values',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'A condition key with an empty list of values.',
    },
    {
      code: 'IAM337',
      name: 'date-as-epoch',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'A Date operator with epoch seconds, where AWS recommends ISO 8601.',
    },
    {
      code: 'IAM338',
      name: 'wildcard-without-like',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'A "*" or "?" in the value of a String operator that does not match wildcards.',
    },
  ],
  check(ctx) {
    for (const entry of conditionEntries(ctx.doc, ctx.catalog)) {
      const { keyEntry } = entry;
      if (keyEntry.isArray && keyEntry.values.length === 0) {
        const node = keyEntry.entry.valueNode ?? keyEntry.entry.keyNode;
        ctx.report({
          code: 'IAM332',
          offset: node.offset,
          length: node.length,
          message: `"${keyEntry.entry.name}" has an empty list of values: there is nothing to compare the key with. Add the values, or remove the key.`,
        });
        continue;
      }
      const base = entry.operator.base;
      if (!base) continue;
      for (const value of keyEntry.values) checkValue(ctx, entry, base, value);
    }
  },
};
