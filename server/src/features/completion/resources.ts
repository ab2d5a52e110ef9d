// Completion in Resource / NotResource: the ARN formats of the resource types the statement's actions
// act on, as snippets, the ones required by most actions first and each labelled with its resource type
// and those actions; `*` (first when some action supports no resource-level permissions); then, while
// an ARN is typed, its segments (arnSegments.ts).
// ARN formats (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`) become snippets whose tab stops
// default to values the document already uses (account IDs, Regions, partition, bucket or role names),
// offered as a choice when there are several.
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import type { Catalog, ResourceTypeInfo } from '../../catalog/types';
import { arnSegmentOffsets, kebabCase, parseArn } from '../../policy/arn';
import type { PolicyDocument } from '../../policy/model';
import { type DocumentValues, namesAt, valuesBesideSite } from './documentValues';
import { CompletionItemKind, type ItemBuilder, snippetEscape, sortKey, tabStop } from './items';
import { type NeededResourceType, statementFacts } from './statementFacts';
import { hasVariable, POLICY_VARIABLE } from '../../util/policyVariables';

export interface ArnSnippet {
  /** snippet text with tab stops */
  snippet: string;
  /** the same with the defaults filled in, for labels and filtering */
  display: string;
}

// AWS documentation's example account ID (IAM User Guide examples use it throughout).
const EXAMPLE_ACCOUNT = '111122223333';
const DEFAULT_REGION = 'us-east-1';
// Friendlier tab-stop defaults than the kebab-cased placeholder name.
const ALIASES: Record<string, string> = { ObjectName: 'key' };

/** Default values for one placeholder, best first. */
function defaultsFor(name: string, format: string, at: number, values: DocumentValues): string[] {
  if (name === 'Partition') return values.partitions.length ? values.partitions : ['aws'];
  if (name === 'Region') return values.regions.length ? values.regions : [DEFAULT_REGION];
  if (name === 'Account') return values.accounts.length ? values.accounts : [EXAMPLE_ACCOUNT];
  const resourceStart = arnSegmentOffsets(format)[5] ?? format.length;
  const literal = format.slice(resourceStart, at);
  const end = at + name.length + 3;
  const arn = parseArn(format);
  const names = arn && at >= resourceStart && !hasVariable(literal) ? namesAt(values, arn.service, literal, format[end]) : [];
  return names.length ? names : [ALIASES[name] ?? kebabCase(name)];
}

/** The format (from offset `from` on, e.g. only its resource part) as a snippet. */
export function arnSnippet(format: string, values: DocumentValues, from = 0): ArnSnippet {
  const stops = new Map<string, number>();
  let snippet = '';
  let display = '';
  let last = from;
  for (const match of format.matchAll(POLICY_VARIABLE)) {
    const at = match.index ?? 0;
    if (at < from) continue;
    const literal = format.slice(last, at);
    const name = match[1];
    const defaults = defaultsFor(name, format, at, values);
    let stop = stops.get(name);
    const repeated = stop !== undefined;
    if (stop === undefined) stops.set(name, (stop = stops.size + 1));
    snippet += snippetEscape(literal) + (repeated ? `$${stop}` : tabStop(stop, defaults));
    display += literal + defaults[0];
    last = at + match[0].length;
  }
  const tail = format.slice(last);
  return { snippet: snippet + snippetEscape(tail), display: display + tail };
}

/** The resource part of a resource type's ARN format (after the fifth colon) as a snippet. */
export function resourcePartSnippet(type: ResourceTypeInfo, values: DocumentValues): ArnSnippet {
  return arnSnippet(type.arnFormat, values, arnSegmentOffsets(type.arnFormat)[5] ?? type.arnFormat.length);
}

const GROUP_REQUIRED = 1;
const GROUP_OPTIONAL = 2;
const GROUP_OTHER = 3;
/** Enough formats to cover a statement; `s3:*` touches dozens of resource types. */
const MAX_FORMATS = 40;

function listActions(names: readonly string[], max = 6): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

function documentation(needed: NeededResourceType): MarkupContent {
  const lines = [`\`${needed.type.arnFormat}\``, ''];
  if (needed.requiredBy.length) lines.push(`Required by ${listActions(needed.requiredBy, 20)}.`);
  if (needed.optionalFor.length) lines.push(`Also accepted by ${listActions(needed.optionalFor, 20)}.`);
  return { kind: 'markdown', value: lines.join('\n') };
}

export function resourceFormatItems(items: ItemBuilder, doc: PolicyDocument, catalog: Catalog): CompletionItem[] {
  const facts = statementFacts(items.site.context.statement, catalog);
  const values = valuesBesideSite(doc, items.site);
  const offered = new Set<string>();
  const result = facts.resourceTypes.slice(0, MAX_FORMATS).flatMap((needed, rank) => {
    const { snippet, display } = arnSnippet(needed.type.arnFormat, values);
    // two resource types may read the same with the document's values in their tab stops
    if (offered.has(display)) return [];
    offered.add(display);
    const required = needed.requiredBy.length > 0;
    const actions = required ? needed.requiredBy : needed.optionalFor;
    return [
      items.string({
        label: display,
        kind: CompletionItemKind.Reference,
        text: display,
        snippet,
        description: `${needed.type.service} ${needed.type.name}`,
        detail: `${needed.type.service} ${needed.type.name}: ${required ? 'required by' : 'for'} ${listActions(
          actions.map(a => a.split(':')[1]),
          3,
        )}`,
        documentation: documentation(needed),
        sortText: sortKey(required ? GROUP_REQUIRED : GROUP_OPTIONAL, rank),
      }),
    ];
  });
  // Actions without resource types take only "*" (IAM User Guide, "Resource" element).
  const needsStar = facts.actions.some(action => action.resourceTypes.length === 0);
  result.push(
    items.string({
      label: '*',
      kind: CompletionItemKind.Constant,
      text: '*',
      detail: needsStar ? 'all resources: some actions here support no resource-level permissions' : 'all resources',
      sortText: sortKey(needsStar ? 0 : GROUP_OTHER),
    }),
  );
  if (facts.resourceTypes.length === 0) {
    result.push(
      items.string({
        label: 'arn:',
        kind: CompletionItemKind.Reference,
        text: 'arn:',
        retrigger: true,
        detail: 'an ARN, segment by segment',
        sortText: sortKey(GROUP_OTHER, 1),
      }),
    );
  }
  return result;
}
