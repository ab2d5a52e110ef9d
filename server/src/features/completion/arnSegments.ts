// While an ARN is typed (`"arn:aws:s3:::|"`), the segment at the cursor: partitions, services, Regions
// (none for ARNs that have no Region, as IAM's and S3 buckets' formats show), account IDs the document
// uses, and the resource parts of the service's ARN formats. Items replace only the segment and add the
// `:` that starts the next one, reopening completion there.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Catalog, ResourceTypeInfo } from '../../catalog/types';
import { type Arn, arnSegmentOffsets, parseArn } from '../../policy/arn';
import type { PolicyDocument } from '../../policy/model';
import { resourcePartSnippet } from './resources';
import { type DocumentValues, valuesBesideSite } from './documentValues';
import { CompletionItemKind, type ItemBuilder, type Proposal, snippetEscape, sortKey } from './items';
import { statementFacts } from './statementFacts';
import { hasVariable } from '../../util/policyVariables';

const RESOURCE = 5;

interface Segment {
  index: number; // 1 partition, 2 service, 3 Region, 4 account, 5 resource
  start: number; // offsets in the document
  end: number;
  /** the next segment's colon is already there */
  followed: boolean;
  arn: Arn; // the ARN as typed so far (segments may be empty)
}

function segmentAt(items: ItemBuilder): Segment | undefined {
  const { site } = items;
  if (!site.typed.startsWith('arn:')) return undefined;
  const content = site.current;
  const offsets = arnSegmentOffsets(content);
  const cursor = site.offset - site.contentStart;
  let index = 0;
  while (index + 1 < offsets.length && offsets[index + 1] <= cursor) index++;
  if (index === 0) return undefined;
  const followed = index < RESOURCE && index + 1 < offsets.length;
  const end = followed ? offsets[index + 1] - 1 : content.length;
  const padded = content + ':'.repeat(Math.max(0, RESOURCE - offsets.length + 1));
  const arn = parseArn(padded) ?? { partition: '', service: '', region: '', account: '', resource: '' };
  return { index, start: site.contentStart + offsets[index], end: site.contentStart + end, followed, arn };
}

/**
 * The resource types whose ARN formats have `arnService` as their service segment, parsed: the ones the
 * statement's actions need first, in their order, then the service's others.
 */
function formatsOf(items: ItemBuilder, catalog: Catalog, arnService: string): Array<{ arn: Arn; type: ResourceTypeInfo }> {
  const needed = statementFacts(items.site.context.statement, catalog).resourceTypes.map(t => t.type);
  const byFormat = new Map<string, ResourceTypeInfo>();
  for (const type of [...needed, ...(catalog.service(arnService)?.resourceTypes ?? [])]) {
    if (!byFormat.has(type.arnFormat)) byFormat.set(type.arnFormat, type);
  }
  return [...byFormat.values()].flatMap(type => {
    const arn = parseArn(type.arnFormat);
    return arn && arn.service === arnService ? [{ arn, type }] : [];
  });
}

function uniqueFirst(preferred: readonly string[], rest: readonly string[]): string[] {
  return [...new Set([...preferred, ...rest])];
}

const value = (text: string, rank: number, extra: Partial<Proposal> = {}): Proposal => ({
  label: text,
  kind: CompletionItemKind.Value,
  text,
  sortText: sortKey(0, rank),
  ...extra,
});

/** The empty segment (`arn:aws:iam::`), inserting only the colon. */
const none = (what: string, rank: number): Proposal => ({
  label: `(no ${what})`,
  kind: CompletionItemKind.Value,
  text: '',
  sortText: sortKey(0, rank),
  detail: `these ARNs have no ${what}`,
});

interface SegmentContext {
  arn: Arn;
  items: ItemBuilder;
  catalog: Catalog;
  values: DocumentValues;
}

function partitionProposals({ catalog, values }: SegmentContext): Proposal[] {
  const partitions = catalog.partitions();
  return uniqueFirst(
    values.partitions,
    partitions.map(p => p.name),
  ).map((name, rank) => value(name, rank, { detail: partitions.find(p => p.name === name)?.description }));
}

/** Services, those of the statement's resource types and the document's ARNs first. */
function serviceProposals({ items, catalog, values }: SegmentContext): Proposal[] {
  const needed = statementFacts(items.site.context.statement, catalog).resourceTypes.map(t => parseArn(t.type.arnFormat)?.service ?? '');
  const services = uniqueFirst(
    [...needed, ...values.resources.keys()].filter(s => catalog.service(s)),
    catalog
      .services()
      .map(s => s.prefix)
      .sort(),
  );
  return services.map((prefix, rank) => value(prefix, rank, { kind: CompletionItemKind.Module, description: catalog.service(prefix)?.name }));
}

/** "(no Region)" leads when the statement's first resource type of the service has none; Regions of the partition. */
function regionProposals({ arn, items, catalog, values }: SegmentContext): Proposal[] {
  const formats = formatsOf(items, catalog, arn.service);
  const regionless = formats.filter(f => f.arn.region === '').length;
  const result: Proposal[] = [];
  if (regionless > 0 || formats.length === 0) result.push(none('Region', formats[0]?.arn.region === '' ? 0 : 2));
  if (regionless === formats.length && formats.length > 0) return result;
  const regions = catalog.regions();
  const partition = arn.partition || 'aws';
  for (const code of uniqueFirst(
    values.regions,
    regions.filter(r => r.partition === partition).map(r => r.code),
  )) {
    result.push(value(code, 1, { detail: regions.find(r => r.code === code)?.name }));
  }
  result.push(value('*', 3, { detail: 'any Region' }));
  return result;
}

/** None, literal accounts of the formats, the document's account IDs. */
function accountProposals({ arn, items, catalog, values }: SegmentContext): Proposal[] {
  const formats = formatsOf(items, catalog, arn.service);
  const accounts = new Set(formats.map(f => f.arn.account));
  const result: Proposal[] = accounts.has('') || formats.length === 0 ? [none('account', formats[0]?.arn.account === '' ? 0 : 2)] : [];
  // AWS managed policies live in the account "aws" (IAM User Guide, "AWS managed policies").
  if (arn.service === 'iam') result.push(value('aws', 2, { detail: 'AWS managed policies' }));
  for (const literal of accounts) if (literal && !hasVariable(literal) && literal !== 'aws') result.push(value(literal, 2));
  if (formats.length === 0 || [...accounts].some(hasVariable)) {
    values.accounts.forEach(account => result.push(value(account, 1, { detail: 'used in this policy' })));
    result.push(value('*', 3, { detail: 'any account' }));
  }
  return result;
}

/**
 * Resource parts the document uses for the service, then the resource parts of its formats, as
 * snippets (not one that reads as a resource part already offered: its defaults come from the document).
 */
function resourceProposals({ arn, items, catalog, values }: SegmentContext): Proposal[] {
  const used = (values.resources.get(arn.service) ?? []).map((resource, rank) =>
    value(resource, rank, { kind: CompletionItemKind.Reference, detail: 'used in this policy' }),
  );
  const offered = new Set(used.map(p => p.label));
  const formats = formatsOf(items, catalog, arn.service).flatMap(({ type }, rank) => {
    const { snippet, display } = resourcePartSnippet(type, values);
    if (offered.has(display)) return [];
    offered.add(display);
    return [value(display, rank, { kind: CompletionItemKind.Snippet, snippet, description: type.name, sortText: sortKey(1, rank) })];
  });
  return [...used, ...formats, value('*', 0, { sortText: sortKey(2), detail: 'every resource' })];
}

const SEGMENTS = [partitionProposals, serviceProposals, regionProposals, accountProposals, resourceProposals];

export function arnSegmentItems(items: ItemBuilder, doc: PolicyDocument, catalog: Catalog): CompletionItem[] {
  const segment = segmentAt(items);
  if (!segment) return [];
  const { site } = items;
  const addsColon = segment.index < RESOURCE && !segment.followed;
  // An unterminated string gets its closing quote (and comma), the cursor staying inside.
  const closing = site.closed ? '' : `$0"${site.commaAfter ? ',' : ''}`;
  const suffix = (addsColon ? ':' : '') + closing;
  const context = { arn: segment.arn, items, catalog, values: valuesBesideSite(doc, items.site) };
  return SEGMENTS[segment.index - 1](context).map(p =>
    items.inner(
      {
        ...p,
        retrigger: addsColon,
        snippet: p.snippet ?? (closing ? snippetEscape(p.text) : undefined),
      },
      segment.start,
      segment.end,
      suffix,
    ),
  );
}
