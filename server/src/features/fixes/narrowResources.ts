// The flagship fix: narrowing a broad resource to the ARNs the statement's actions act on.
// - IAM402 / IAM407 `"Resource": "*"`: replaced with the ARN formats of the resource types the actions need
//   (arnTemplates.ts), placeholders filled from the document where it can, else left visible.
//   Offered when every action can take an ARN; otherwise the split (splitStatement.ts) keeps the
//   actions without resource-level permissions on "*".
// - IAM403 an ARN that matches every resource of its type (`arn:aws:s3:::*`): the format of that
//   type with what the ARN already says (partition, Region) kept.
// - IAM212 an action none of the resources applies to: add an ARN of the type it needs.
// - IAM021/IAM022 no Resource: add one with those ARNs, or "*".
import type { Catalog, ResourceTypeInfo } from '../../catalog/types';
import type { PolicyDocument } from '../../policy/model';
import type { StatementFacts } from '../../analysis/statementFacts';
import { parseArn } from '../../policy/arn';
import { hasWildcardOrVariable } from '../../util/wildcard';
import { arnTemplate, entryNeeds, neededTypes, typeNames, valuesOfArns } from './arnTemplates';
import { byCode, factsAt, fixAction, spanOf, type FixProvider } from './framework';
import { appendToList, insertProperty, isMultiline, replaceListItem } from './jsonEdits';
import { plainText } from './template';

/** More resource types than this and the statement is too broad to narrow in one step (`s3:*`). */
export const MAX_NARROWED_TYPES = 8;

/** The resource types a statement's actions need, when every action can take an ARN (and there are not too many). */
export function narrowedTypes(ctx: { catalog: Catalog }, facts: StatementFacts): ResourceTypeInfo[] | undefined {
  if (facts.statement.notAction || facts.actions.length === 0) return undefined;
  const types = new Set<ResourceTypeInfo>();
  for (const entry of facts.actions) {
    const needs = entryNeeds(ctx.catalog, entry);
    if (!needs || needs.unscoped) return undefined;
    for (const type of needs.types) types.add(type);
  }
  return types.size > 0 && types.size <= MAX_NARROWED_TYPES ? [...types] : undefined;
}

/** The ARN templates of resource types, one per distinct format (`known`: values keyed as valuesOfArns keys them). */
export function templatesOf(doc: PolicyDocument, catalog: Catalog, types: readonly ResourceTypeInfo[], known?: ReadonlyMap<string, string>): string[] {
  return [...new Set(types.map(t => t.arnFormat))].map(format => arnTemplate(doc, catalog, format, known));
}

const narrowStar: FixProvider = ctx => {
  const { start } = spanOf(ctx);
  const facts = factsAt(ctx, start);
  const resource = facts?.statement.resource;
  const star = resource?.items.find(i => i.offset === start && i.value === '*');
  if (!facts || !resource?.entry.valueNode || !star) return [];
  const types = narrowedTypes(ctx, facts);
  if (!types) return [];
  const change = replaceListItem(ctx.doc, facts.statement, resource.entry.valueNode, star, templatesOf(ctx.doc, ctx.catalog, types));
  return [fixAction(ctx, `Narrow "*" to ARNs of the resources the actions need (${typeNames(types)})`, [change], true)];
};

/**
 * What an ARN says itself, keyed as valuesOfArns keys them: the values of its format, and its
 * partition (`arn:aws-cn:logs:*:*:*` matches no log-group format, but is of the aws-cn partition).
 * IAM403's ARN has a wildcard for its Region and account.
 */
function ownValues(catalog: Catalog, format: string, arn: string): Map<string, string> {
  const values = valuesOfArns(catalog, [arn]);
  const partition = parseArn(arn)?.partition;
  const key = `${parseArn(format)?.service.toLowerCase()}:Partition`;
  if (partition && !hasWildcardOrVariable(partition)) values.set(key, partition);
  return values;
}

const narrowBroadArn: FixProvider = ctx => {
  const { start } = spanOf(ctx);
  const facts = factsAt(ctx, start);
  const resource = facts?.statement.resource;
  const item = resource?.items.find(i => i.offset === start);
  const data = ctx.diagnostic.data as { resourceType?: string; arnFormat?: string } | undefined;
  if (!facts || !resource?.entry.valueNode || !item || !data?.arnFormat) return [];
  const template = arnTemplate(ctx.doc, ctx.catalog, data.arnFormat, ownValues(ctx.catalog, data.arnFormat, item.value));
  if (plainText(template) === item.value) return [];
  const change = { offset: item.offset, length: item.length, text: JSON.stringify(template) };
  // never preferred: the wildcard may be deliberate (every instance in every account and Region), and
  // the account and Region filled in from the document narrow what the policy grants
  return [fixAction(ctx, `Narrow to one ${data.resourceType ?? 'resource'}: ${plainText(template)}`, [change])];
};

const addArnForAction: FixProvider = ctx => {
  const { start } = spanOf(ctx);
  const facts = factsAt(ctx, start);
  const entry = facts?.actions.find(e => e.item.offset === start);
  const value = facts?.statement.resource?.entry.valueNode;
  if (!facts || !entry || entry.actions.length !== 1 || !value) return [];
  const types = neededTypes(ctx.catalog, entry.actions[0]);
  if (types.length === 0 || types.length > MAX_NARROWED_TYPES) return [];
  const templates = templatesOf(ctx.doc, ctx.catalog, types);
  const change = appendToList(ctx.doc, value, templates, isMultiline(ctx.doc.text, facts.statement.node));
  return [fixAction(ctx, `Add ${types.length > 1 ? 'ARNs' : 'an ARN'} of ${typeNames(types)} for "${entry.item.value}" to Resource`, [change])];
};

/** IAM021/IAM022: the missing Resource, with the ARNs the actions need (or "*" where they need it). */
const addResource: FixProvider = ctx => {
  const facts = factsAt(ctx, spanOf(ctx).start);
  const statement = facts?.statement;
  if (!facts || statement?.node.type !== 'object') return [];
  const action = statement.action ?? statement.notAction;
  const place = action ? { after: action.entry.node } : ('last' as const);
  const types = narrowedTypes(ctx, facts);
  const unscoped = !types && facts.actions.length > 0 && facts.actions.every(e => entryNeeds(ctx.catalog, e)?.unscoped);
  const fixes = [fixAction(ctx, 'Add "Resource": "*"', [insertProperty(ctx.doc, statement.node, 'Resource', '*', place)], unscoped)];
  if (types) {
    const templates = templatesOf(ctx.doc, ctx.catalog, types);
    const value = templates.length === 1 ? templates[0] : templates;
    fixes.unshift(
      fixAction(
        ctx,
        `Add "Resource" with ARNs of the resources the actions need (${typeNames(types)})`,
        [insertProperty(ctx.doc, statement.node, 'Resource', value, place)],
        true,
      ),
    );
  }
  return fixes;
};

const PROVIDERS: Record<string, FixProvider> = {
  IAM402: narrowStar,
  IAM407: narrowStar,
  IAM403: narrowBroadArn,
  IAM212: addArnForAction,
  IAM021: addResource,
  IAM022: addResource,
};

export const narrowResourceFixes = byCode(PROVIDERS);
