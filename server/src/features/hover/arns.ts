// Hover on a Resource/NotResource value: the ARN's segments and what the hovered one means, the
// resource type(s) the ARN matches, and which of the statement's actions it applies to and
// which not (with the resource type those need). ARN structure: IAM User Guide, "IAM identifiers"
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
import type { Hover } from 'vscode-languageserver-types';
import { perCatalog } from '../../catalog/memo';
import type { ActionInfo, Catalog, ResourceTypeInfo } from '../../catalog/types';
import type { PolicyDocument, Statement, StringItem } from '../../policy/model';
import { arnSegmentOffsets, parseArn } from '../../policy/arn';
import { hasWildcard } from '../../util/wildcard';
import { actionName } from '../../analysis/statementFacts';
import { matchedActions } from '../actionSets';
import { code, escapeMarkdown, markdownHover, plural, shortList, stringContent, valueToText } from './markdown';

const SEGMENTS = ['arn', 'partition', 'service', 'region', 'account', 'resource'] as const;
type Segment = (typeof SEGMENTS)[number];
/** Past this many actions (e.g. `"Action": "*"`) the per-action lists are left out. */
const MAX_ACTIONS_COMPARED = 3000;

const typesForArn = perCatalog((catalog, arn) => catalog.resourceTypesForArn(arn));

/** What one segment's value means (markdown). */
function segmentMeaning(catalog: Catalog, segment: Segment, value: string): string {
  if (segment === 'arn') return 'Amazon Resource Name';
  if (value === '')
    return segment === 'region'
      ? 'none: the resource is not regional (IAM, S3 buckets, ...)'
      : segment === 'account'
        ? 'none: the ARN carries no account ID (S3 buckets, AWS managed resources)'
        : 'empty';
  if (value === '*') return `any ${segment}`;
  if (hasWildcard(value)) return `${segment} pattern (\`*\` any run of characters, \`?\` one character)`;
  switch (segment) {
    case 'partition':
      return escapeMarkdown(catalog.partitions().find(p => p.name === value)?.description ?? 'unknown partition');
    case 'service':
      return escapeMarkdown(catalog.service(value)?.name ?? 'unknown service prefix');
    case 'region':
      return escapeMarkdown(catalog.regions().find(r => r.code === value)?.name ?? 'region');
    case 'account':
      return /^\d{12}$/.test(value) ? '12-digit AWS account ID' : 'account ID';
    default:
      return 'resource type and ID, as the service defines them';
  }
}

/** Which segment (index into SEGMENTS) the value index falls in. */
function segmentAt(starts: number[], index: number): number {
  let segment = 0;
  for (let i = 0; i < starts.length; i++) if (index >= starts[i]) segment = i;
  return segment;
}

/** The statement's actions; undefined when there are too many to compare one by one (e.g. `"Action": "*"`). */
function statementActions(catalog: Catalog, statement: Statement): ActionInfo[] | undefined {
  const lists = (statement.action?.items ?? []).map(item => matchedActions(catalog, item.value));
  if (lists.reduce((sum, list) => sum + list.length, 0) > MAX_ACTIONS_COMPARED) return undefined;
  return [...new Set(lists.flat())];
}

function appliesTo(action: ActionInfo, types: readonly ResourceTypeInfo[]): boolean {
  return action.resourceTypes.some(rt => types.some(t => t.service === action.service && t.name.toLowerCase() === rt.name.toLowerCase()));
}

function actionsLines(catalog: Catalog, statement: Statement, types: readonly ResourceTypeInfo[], excluded: boolean): string[] {
  if (statement.notAction) return [`The statement uses ${code('NotAction')}: this ARN scopes every action it does not exclude.`];
  const actions = statementActions(catalog, statement);
  if (!actions) return ['The statement has too many actions to compare one by one.'];
  if (actions.length === 0) return [];
  const applying = actions.filter(action => appliesTo(action, types));
  const notApplying = actions.filter(action => !applying.includes(action));
  const lines: string[] = [];
  // In NotResource the ARN is an exception: it takes away the resources it matches from those actions.
  const verb = excluded ? 'Excluded for' : 'Applies to';
  if (applying.length)
    lines.push(`**${verb}** ${applying.length} of the statement's ${plural(actions.length, 'action')}: ${shortList(applying.map(actionName), 10)}`);
  if (notApplying.length) {
    const reasons = notApplying.map(action => {
      const needs = action.resourceTypes.length ? `needs ${action.resourceTypes.map(rt => rt.name).join(' or ')}` : 'only `*`';
      return `${code(actionName(action))} (${needs})`;
    });
    lines.push(`**${excluded ? 'Irrelevant to' : 'Does not apply to'}** ${notApplying.length}: ${shortList(reasons, 10, item => item)}`);
  }
  return lines;
}

/**
 * The types without the copies other services keep of one service's type (AWS Systems Manager lists
 * S3's `bucket`, with S3's ARN format): of one name and format, the type of the ARN's own service.
 */
function withoutCopies(types: readonly ResourceTypeInfo[], arnService: string): ResourceTypeInfo[] {
  const kept = new Map<string, ResourceTypeInfo>();
  for (const type of types) {
    const key = `${type.name}\u0000${type.arnFormat}`;
    const held = kept.get(key);
    if (!held || (held.service !== arnService && type.service === arnService)) kept.set(key, type);
  }
  return [...kept.values()];
}

function resourceTypeLine(catalog: Catalog, types: readonly ResourceTypeInfo[]): string {
  if (types.length === 0) return 'Matches **no resource type** of the catalog.';
  const listed = types.slice(0, 6).map(type => {
    const service = catalog.service(type.service)?.name ?? type.service;
    return `${code(type.name)} (${escapeMarkdown(service)}) — ${code(type.arnFormat)}`;
  });
  const more = types.length > 6 ? `\n- … and ${types.length - 6} more` : '';
  return `**Resource type${types.length > 1 ? 's' : ''}:**\n- ${listed.join('\n- ')}${more}`;
}

function allResourcesMarkdown(catalog: Catalog, statement: Statement): string {
  const actions = statement.notAction ? [] : (statementActions(catalog, statement) ?? []);
  const starOnly = actions.filter(action => action.resourceTypes.length === 0).length;
  const note = starOnly
    ? `\n\n${plural(starOnly, 'action')} of this statement ${starOnly === 1 ? 'supports' : 'support'} only \`*\` (no resource-level permissions).`
    : '';
  return `${code('*')} — every resource the statement's actions can act on.${note}`;
}

export function arnHover(doc: PolicyDocument, catalog: Catalog, statement: Statement, item: StringItem, offset: number): Hover | null {
  const content = stringContent(item.node, offset);
  if (!content) return null;
  if (item.value === '*') return markdownHover(doc, content, allResourcesMarkdown(catalog, statement));
  const arn = parseArn(item.value);
  if (!arn) return null;
  const starts = arnSegmentOffsets(item.value);
  const values = ['arn', arn.partition, arn.service, arn.region, arn.account, arn.resource];
  const index = offset - content.offset;
  // The colons between segments are punctuation: no hover there.
  if (starts.slice(1).includes(index + 1)) return null;
  const hovered = segmentAt(starts, index);
  const segmentEnd = hovered < 5 ? starts[hovered] + values[hovered].length : item.value.length;
  const range = valueToText(doc, item.node, starts[hovered], segmentEnd - starts[hovered]) ?? content;
  const name = SEGMENTS[hovered];
  const shown = values[hovered] === '' ? '*(empty)*' : code(values[hovered]);
  const types = typesForArn(catalog, item.value);
  const parts = [
    `Resource ARN · **${name}** ${shown} — ${segmentMeaning(catalog, name, values[hovered])}`,
    SEGMENTS.slice(1)
      .map((segment, i) => {
        const value = values[i + 1];
        const text = `${segment} ${value === '' ? '*(empty)*' : code(value)}`;
        return i + 1 === hovered ? `**${text}**` : text;
      })
      .join(' · '),
    resourceTypeLine(catalog, withoutCopies(types, arn.service)),
    actionsLines(catalog, statement, types, statement.notResource?.items.some(other => other.node === item.node) ?? false).join('  \n'),
  ];
  return markdownHover(doc, range, parts.filter(Boolean).join('\n\n'));
}
