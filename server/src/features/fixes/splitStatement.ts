// Splitting a statement by resource type: each new statement has exactly the actions that act on
// one set of resource types, with the ARNs of those types (the statement's own where they fit,
// else templates with placeholders), and the actions without resource-level permissions go to a
// statement of their own on "*". Everything else (Effect, Principal, Condition, comments, layout)
// is copied from the original statement, so each copy means what the original meant for its
// actions. The first copy keeps the Sid; the others get the Sid with the resource type appended,
// made unique in the policy.
import type { CodeAction } from 'vscode-languageserver-types';
import type { Catalog, ResourceTypeInfo } from '../../catalog/types';
import type { PolicyDocument, StringItem } from '../../policy/model';
import { cleanSid } from '../../analysis/sid';
import { mayName, typeKey, typedArn } from '../../analysis/resourceTypes';
import { statementFacts, type StatementFacts } from '../../analysis/statementFacts';
import { entryNeeds, valuesOfArns } from './arnTemplates';
import { factsAt, fixAction, refactorAction, spanOf, touches, type FixProvider, type RefactorProvider } from './framework';
import { isMultiline, listText, nodeText, RawJson, removeMembers, replaceItem, type Change } from './jsonEdits';
import { MAX_NARROWED_TYPES, narrowedTypes, templatesOf } from './narrowResources';

/** More statements than this is a rewrite of the policy, not a split. */
const MAX_GROUPS = 6;

export interface ResourceGroup {
  items: StringItem[];
  /** empty: the actions support no resource-level permissions and stay on "*" */
  types: ResourceTypeInfo[];
}

/** The statement's Action entries grouped by the resource types they need; undefined when it cannot be split. */
export function resourceGroups(catalog: Catalog, facts: StatementFacts): ResourceGroup[] | undefined {
  const { statement } = facts;
  if (!statement.action?.isArray || statement.action.invalid.length > 0 || statement.notAction || !statement.resource?.entry.valueNode || statement.notResource)
    return undefined;
  const groups = new Map<string, ResourceGroup>();
  for (const entry of facts.actions) {
    const needs = entryNeeds(catalog, entry);
    if (!needs || needs.types.length > MAX_NARROWED_TYPES) return undefined;
    const key = needs.types.map(typeKey).sort().join(' ');
    const group = groups.get(key);
    if (group) group.items.push(entry.item);
    else groups.set(key, { items: [entry.item], types: needs.types });
  }
  return groups.size >= 2 && groups.size <= MAX_GROUPS ? [...groups.values()] : undefined;
}

/**
 * The Resource values of one group's statement: the statement's ARNs that fit the group's types,
 * else templates of those types filled with what the statement's ARNs say (the bucket of
 * `arn:aws:s3:::bucket` gives the objects' `arn:aws:s3:::bucket/<object-name>`). An ARN that fits
 * no group names nothing the actions act on: it goes, its values kept in the templates.
 */
function groupResources(doc: PolicyDocument, catalog: Catalog, facts: StatementFacts, group: ResourceGroup): Array<string | RawJson> {
  if (group.types.length === 0) return ['*'];
  const items = (facts.statement.resource?.items ?? []).filter(item => item.value !== '*');
  // the catalog's own reading of an ARN first (`bucket/*` names objects), the loose one if that finds none
  const typed = items.map(item => ({ item, arn: typedArn(catalog, item.value) }));
  const strict = typed.filter(({ arn }) => group.types.some(t => arn.catalogTypes.has(typeKey(t))));
  const fitting = strict.length > 0 ? strict : typed.filter(({ arn }) => group.types.some(t => mayName(arn, t)));
  if (fitting.length > 0) return fitting.map(({ item }) => new RawJson(nodeText(doc.text, item.node)));
  return templatesOf(
    doc,
    catalog,
    group.types,
    valuesOfArns(
      catalog,
      items.map(i => i.value),
    ),
  );
}

function sidSuffix(group: ResourceGroup): string {
  const name = group.types[0]?.name ?? 'AnyResource';
  // Stryker disable next-line Regex: equivalent, replace() without /g changes the first character either way
  return cleanSid(name).replace(/^./, c => c.toUpperCase());
}

/** The text of the statements that replace the original, joined as the Statement array separates statements. */
function splitText(doc: PolicyDocument, catalog: Catalog, facts: StatementFacts, groups: ResourceGroup[]): string {
  const { statement } = facts;
  const node = statement.node;
  const text = doc.text;
  const multiline = isMultiline(text, node);
  const sidNode = statement.sid?.valueNode;
  const sid = sidNode?.type === 'string' ? (sidNode.value as string) : undefined;
  const taken = new Set(doc.statements.map(s => s.sid?.valueNode?.value).filter((v): v is string => typeof v === 'string'));
  const copies = groups.map((group, index) => {
    const inGroup = new Set(group.items.map(i => i.node));
    const changes: Change[] = removeMembers(statement.action!.entry.valueNode!, new Set(statement.action!.items.map(i => i.node).filter(n => !inGroup.has(n))));
    const resource = statement.resource!.entry;
    const values = groupResources(doc, catalog, facts, group);
    const resourceMultiline = resource.valueNode!.type === 'array' ? isMultiline(text, resource.valueNode!) : multiline;
    changes.push({
      offset: resource.valueNode!.offset,
      length: resource.valueNode!.length,
      text: listText(doc, resource.node.offset, values, resourceMultiline),
    });
    if (sid && sidNode && index > 0) {
      let name = `${sid}${sidSuffix(group)}`;
      for (let n = 2; taken.has(name); n++) name = `${sid}${sidSuffix(group)}${n}`;
      taken.add(name);
      changes.push({ offset: sidNode.offset, length: sidNode.length, text: JSON.stringify(name) });
    }
    let copy = nodeText(text, node);
    for (const change of changes.sort((a, b) => b.offset - a.offset)) {
      const at = change.offset - node.offset;
      copy = copy.slice(0, at) + change.text + copy.slice(at + change.length);
    }
    return copy;
  });
  const array = doc.statementEntry?.valueNode;
  // a Statement that is one object (statementIsArray false) becomes an array
  if (array?.type !== 'array') return `[${copies.join(', ')}]`;
  return replaceItem(
    doc,
    array,
    node,
    copies.map(copy => new RawJson(copy)),
  ).text;
}

function splitAction(doc: PolicyDocument, catalog: Catalog, facts: StatementFacts, make: (title: string, changes: Change[]) => CodeAction): CodeAction[] {
  const groups = resourceGroups(catalog, facts);
  if (!groups) return [];
  const names = groups.map(g => (g.types.length ? [...new Set(g.types.map(t => t.name))].join(' + ') : '"*"'));
  const node = facts.statement.node;
  return [
    make(`Split the statement by resource type: ${names.join('; ')}`, [
      { offset: node.offset, length: node.length, text: splitText(doc, catalog, facts, groups) },
    ]),
  ];
}

/**
 * On IAM402 / IAM407 ("*"), IAM211 (an ARN of the wrong type) and IAM212 (an action no resource applies to).
 * Preferred where it is the one fix: "*" that cannot be narrowed in place because some actions
 * need it, and an action without resource-level permissions among ARNs.
 */
export const splitStatementFixes: FixProvider = ctx => {
  const code = String(ctx.diagnostic.code);
  if (!['IAM402', 'IAM407', 'IAM211', 'IAM212'].includes(code)) return [];
  const { start } = spanOf(ctx);
  const facts = factsAt(ctx, start);
  if (!facts) return [];
  const flagged = facts.actions.find(a => a.item.offset === start);
  const preferred =
    code === 'IAM402' || code === 'IAM407'
      ? narrowedTypes(ctx, facts) === undefined
      : code === 'IAM212' && flagged !== undefined && entryNeeds(ctx.catalog, flagged)?.unscoped === true;
  return splitAction(ctx.doc, ctx.catalog, facts, (title, changes) => fixAction(ctx, title, changes, preferred));
};

/** With the selection on a statement's Action or Resource. */
export const splitStatementRefactors: RefactorProvider = ctx => {
  const facts = statementFacts(ctx.doc, ctx.catalog).find(f =>
    [f.statement.action, f.statement.resource].some(e => e && touches(ctx, e.entry.node.offset, e.entry.node.length)),
  );
  return facts ? splitAction(ctx.doc, ctx.catalog, facts, (title, changes) => refactorAction(ctx, title, changes)) : [];
};
