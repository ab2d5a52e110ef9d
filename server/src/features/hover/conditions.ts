// Hover on a Condition operator (what it compares, the key types it accepts, what IfExists,
// ForAllValues: and ForAnyValue: change) and on a condition key (type, single- or multivalued,
// description, when AWS sets it or which actions and resource types support it).
// Sources: IAM User Guide, "IAM JSON policy elements: Condition operators"
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// and "Single-valued vs. multivalued context keys"
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
import type { Catalog, ConditionKeyInfo, OperatorFamily, ParsedOperator } from '../../catalog/types';
import { perCatalog } from '../../catalog/memo';
import { code, escapeMarkdown, plural, shortList } from './markdown';

/** What each operator family compares (condition operators page, one section per family). */
const FAMILY_COMPARES: Record<OperatorFamily, string> = {
  String: "the key's value with the policy's values as strings",
  Numeric: "the key's value with the policy's values as numbers",
  Date: "the key's value with dates and times (ISO 8601, or epoch seconds)",
  Bool: "the key's value with `true` or `false`",
  Binary: "the key's bytes with base-64 encoded values",
  IPAddress: "the key's IP address with IPv4/IPv6 addresses or CIDR ranges",
  ARN: "the key's ARN with ARNs, segment by segment",
  Null: 'whether the key is in the request at all: `true` = absent, `false` = present',
};

const FOR_ALL_VALUES =
  "**ForAllValues:** true when *every* value of the key in the request matches one of the policy's values. " +
  'Also true when the key is absent or has no values (the empty set): with `Allow` that can grant more than intended, ' +
  'so pair it with a `Null` check (`"Null": {"key": "false"}`).';
const FOR_ANY_VALUE =
  "**ForAnyValue:** true when *at least one* value of the key in the request matches one of the policy's values; false when the key is absent.";
const SET_ONLY_MULTIVALUED = 'Use `ForAllValues:`/`ForAnyValue:` only with multivalued keys; with single-valued keys they can make a policy more permissive.';

export function operatorMarkdown(catalog: Catalog, text: string): string | undefined {
  const parsed: ParsedOperator = catalog.parseOperator(text);
  const base = parsed.base;
  if (!base) return undefined;
  const parts = [`${code(text)} — ${escapeMarkdown(base.description)}`, `**Compares** ${FAMILY_COMPARES[base.family]}.`];
  if (base.acceptsKeyTypes.length) parts.push(`**Key types:** ${base.acceptsKeyTypes.join(', ')}`);
  parts.push(
    [
      `Wildcards \`*\` \`?\`: ${base.wildcards ? 'yes' : 'no'}`,
      `policy variables: ${base.variables ? 'yes' : 'no'}`,
      base.negated ? 'negated: with several values, true when the request matches *none* of them' : '',
    ]
      .filter(Boolean)
      .join(' · '),
  );
  if (parsed.ifExists) {
    parts.push(`**IfExists:** when the key is in the request, it is compared as ${code(parsed.baseName)}; when it is absent, the condition is *true*.`);
  } else if (base.ifExistsAllowed) {
    parts.push(`Without \`IfExists\`, a key absent from the request makes ${code(parsed.baseName)} ${base.negated ? 'true' : 'false'}.`);
  }
  if (parsed.setQualifier === 'ForAllValues') parts.push(FOR_ALL_VALUES, SET_ONLY_MULTIVALUED);
  if (parsed.setQualifier === 'ForAnyValue') parts.push(FOR_ANY_VALUE, SET_ONLY_MULTIVALUED);
  return parts.join('\n\n');
}

interface KeyUsage {
  actions: string[];
  resourceTypes: string[];
}

/** Actions and resource types of the key's service that list the key (memoised per key). */
const keyUsage = perCatalog((catalog, key): KeyUsage => {
  const [prefix] = key.split(':');
  const service = catalog.service(prefix);
  const usage: KeyUsage = { actions: [], resourceTypes: [] };
  if (!service) return usage;
  const same = (k: string) => k.toLowerCase() === key;
  for (const action of service.actions) {
    if (action.conditionKeys.some(same) || action.resourceTypes.some(rt => rt.conditionKeys.some(same))) {
      usage.actions.push(`${service.prefix}:${action.name}`);
    }
  }
  for (const type of service.resourceTypes) if (type.conditionKeys.some(same)) usage.resourceTypes.push(type.name);
  return usage;
});

/** "`${TagKey}` = `Owner`" for keys with a variable part. */
function variablePart(info: ConditionKeyInfo, written: string): string {
  const start = info.key.indexOf('${');
  if (start < 0) return '';
  const variable = info.key.slice(start, info.key.indexOf('}', start) + 1);
  const value = written.slice(start);
  return value ? ` · ${code(variable)} = ${code(value)}` : '';
}

export function conditionKeyMarkdown(catalog: Catalog, written: string, operator: string | undefined): string | undefined {
  const info = catalog.conditionKey(written);
  if (!info) return undefined;
  const scope = info.service ? `${escapeMarkdown(catalog.service(info.service)?.name ?? info.service)} key` : 'global key';
  const parts = [`${code(info.key)} — ${info.type} · ${info.multiValued ? 'multivalued' : 'single-valued'} · ${scope}${variablePart(info, written)}`];
  if (info.description) parts.push(escapeMarkdown(info.description));
  if (info.availability) parts.push(`**When AWS sets it:** ${escapeMarkdown(info.availability)}`);
  if (info.service) {
    const usage = keyUsage(catalog, info.key.toLowerCase());
    if (usage.actions.length) parts.push(`**Supported by** ${plural(usage.actions.length, 'action')}: ${shortList(usage.actions, 10)}`);
    if (usage.resourceTypes.length) parts.push(`**Resource types:** ${shortList(usage.resourceTypes, 10)}`);
  }
  const operators = catalog
    .operators()
    .filter(op => op.acceptsKeyTypes.includes(info.type))
    .map(op => op.name);
  if (operators.length) parts.push(`**Operators for ${info.type}:** ${shortList(operators, 12)}`);
  const qualified = operator !== undefined && catalog.parseOperator(operator).setQualifier;
  if (info.multiValued && !qualified) parts.push('Multivalued: compare it with `ForAnyValue:` or `ForAllValues:`.');
  if (!info.multiValued && qualified) parts.push(`⚠ ${SET_ONLY_MULTIVALUED}`);
  if (info.docUrl) parts.push(`[Documentation](${info.docUrl})`);
  return parts.join('\n\n');
}
