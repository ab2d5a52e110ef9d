// Condition operators, from the IAM User Guide page "IAM JSON policy elements: Condition operators"
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// - wildcards: StringLike/StringNotLike and all four ARN operators (ArnEquals and ArnLike behave identically);
// - policy variables: allowed with String, ARN and Bool operators; not with Numeric, Date, Binary, IP address
//   or Null (the page says so for each family);
// - ...IfExists: any operator except Null; ForAllValues:/ForAnyValue: set qualifiers (multivalued keys).
// acceptsKeyTypes is deliberately generous, because a false type-mismatch error on a valid policy is worse
// than a missed warning: the page says an ARN "is considered a string" and that string operators may match
// where ARN operators do not, and the global-keys page lists keys such as aws:PrincipalArn and
// aws:SourceArn as working with both; aws:EpochTime works with date and numeric operators.
// Operator names are matched exactly first; a different letter case is still recognised (exactCase false)
// so that a rule can warn rather than call the operator unknown.
import type { ConditionKeyType, ConditionOperatorInfo, OperatorFamily, ParsedOperator } from '../types';

const STRINGS: ConditionKeyType[] = ['String', 'ArrayOfString', 'ARN', 'ArrayOfARN'];
const ARNS: ConditionKeyType[] = ['ARN', 'ArrayOfARN', 'String', 'ArrayOfString'];
const NUMBERS: ConditionKeyType[] = ['Numeric', 'ArrayOfNumeric', 'Date', 'ArrayOfDate'];
const DATES: ConditionKeyType[] = ['Date', 'ArrayOfDate'];
const BOOLS: ConditionKeyType[] = ['Bool', 'ArrayOfBool'];
const BINARY: ConditionKeyType[] = ['Binary'];
const IPS: ConditionKeyType[] = ['IPAddress', 'ArrayOfIPAddress'];
const ANY: ConditionKeyType[] = [...new Set([...STRINGS, ...NUMBERS, ...BOOLS, ...BINARY, ...IPS])];

const ACCEPTS: Record<OperatorFamily, ConditionKeyType[]> = {
  String: STRINGS,
  ARN: ARNS,
  Numeric: NUMBERS,
  Date: DATES,
  Bool: BOOLS,
  Binary: BINARY,
  IPAddress: IPS,
  Null: ANY,
};
const VARIABLES: ReadonlySet<OperatorFamily> = new Set(['String', 'ARN', 'Bool']);

type Row = [name: string, family: OperatorFamily, description: string, flags?: { wildcards?: true; negated?: true }];

const ROWS: Row[] = [
  ['StringEquals', 'String', 'Exact match, case-sensitive.'],
  ['StringNotEquals', 'String', 'Negated exact match, case-sensitive.', { negated: true }],
  ['StringEqualsIgnoreCase', 'String', 'Exact match, ignoring case.'],
  ['StringNotEqualsIgnoreCase', 'String', 'Negated exact match, ignoring case.', { negated: true }],
  ['StringLike', 'String', 'Case-sensitive match; values may contain * and ? wildcards anywhere.', { wildcards: true }],
  ['StringNotLike', 'String', 'Negated case-sensitive match; values may contain * and ? wildcards.', { wildcards: true, negated: true }],
  ['NumericEquals', 'Numeric', 'Numeric equality.'],
  ['NumericNotEquals', 'Numeric', 'Negated numeric equality.', { negated: true }],
  ['NumericLessThan', 'Numeric', 'Less than.'],
  ['NumericLessThanEquals', 'Numeric', 'Less than or equal.'],
  ['NumericGreaterThan', 'Numeric', 'Greater than.'],
  ['NumericGreaterThanEquals', 'Numeric', 'Greater than or equal.'],
  ['DateEquals', 'Date', 'Matches a specific date (ISO 8601 or epoch seconds); no wildcards.'],
  ['DateNotEquals', 'Date', 'Negated date match.', { negated: true }],
  ['DateLessThan', 'Date', 'Before a specific date and time.'],
  ['DateLessThanEquals', 'Date', 'At or before a specific date and time.'],
  ['DateGreaterThan', 'Date', 'After a specific date and time.'],
  ['DateGreaterThanEquals', 'Date', 'At or after a specific date and time.'],
  ['Bool', 'Bool', 'Boolean match against "true" or "false".'],
  ['BinaryEquals', 'Binary', 'Byte-for-byte match against a base-64 encoded value.'],
  ['IpAddress', 'IPAddress', 'The IP address is in the given address or CIDR range (IPv4 or IPv6).'],
  ['NotIpAddress', 'IPAddress', 'The IP address is not in the given address or CIDR range.', { negated: true }],
  ['ArnEquals', 'ARN', 'Case-sensitive ARN match, each of the six colon-separated parts separately; * and ? allowed (same as ArnLike).', { wildcards: true }],
  ['ArnLike', 'ARN', 'Case-sensitive ARN match, each of the six colon-separated parts separately; * and ? allowed.', { wildcards: true }],
  ['ArnNotEquals', 'ARN', 'Negated ARN match (same as ArnNotLike).', { wildcards: true, negated: true }],
  ['ArnNotLike', 'ARN', 'Negated ARN match; * and ? allowed.', { wildcards: true, negated: true }],
  ['Null', 'Null', 'Checks whether the key is absent ("true") or present ("false").'],
];

export const CONDITION_OPERATORS: readonly ConditionOperatorInfo[] = ROWS.map(([name, family, description, flags]) => ({
  name,
  family,
  description,
  acceptsKeyTypes: ACCEPTS[family],
  ifExistsAllowed: family !== 'Null',
  wildcards: flags?.wildcards ?? false,
  variables: VARIABLES.has(family),
  negated: flags?.negated ?? false,
}));

const byName = new Map(CONDITION_OPERATORS.map(op => [op.name, op]));
const byLowerName = new Map(CONDITION_OPERATORS.map(op => [op.name.toLowerCase(), op]));
const SET_QUALIFIERS = ['ForAllValues', 'ForAnyValue'] as const;
const IF_EXISTS = 'IfExists';

/** "ForAnyValue:StringLikeIfExists" -> qualifier, base operator, IfExists flag. Never throws. */
export function parseOperator(text: string): ParsedOperator {
  let rest = text;
  let exactCase = true;
  let setQualifier: ParsedOperator['setQualifier'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon);
    setQualifier = SET_QUALIFIERS.find(q => q.toLowerCase() === prefix.toLowerCase());
    if (setQualifier) {
      exactCase &&= setQualifier === prefix;
      rest = rest.slice(colon + 1);
    }
  }
  let base = byName.get(rest) ?? byLowerName.get(rest.toLowerCase());
  let ifExists = false;
  if (!base && rest.toLowerCase().endsWith(IF_EXISTS.toLowerCase())) {
    const stem = rest.slice(0, -IF_EXISTS.length);
    const stemBase = byName.get(stem) ?? byLowerName.get(stem.toLowerCase());
    if (stemBase) {
      base = stemBase;
      ifExists = true;
      exactCase &&= rest.endsWith(IF_EXISTS);
    }
  }
  const baseName = base?.name ?? (ifExists ? rest.slice(0, -IF_EXISTS.length) : rest);
  if (base) exactCase &&= rest.startsWith(base.name);
  return { text, base, baseName, setQualifier, ifExists, exactCase };
}
