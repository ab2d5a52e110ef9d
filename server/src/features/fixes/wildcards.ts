// Refactorings between wildcards and explicit actions, exact for the catalog:
// - a wildcard action (`s3:Get*`) expanded into the actions it matches;
// - `service:*` (IAM401), or as a refactoring `*` (for the services of the statement's ARNs), replaced
//   by the service's actions of the access levels the user picks: one action per set of levels;
// - a list of actions shortened to the fewest wildcard patterns that match exactly the same actions
//   (never more): `service:Prefix*` where every action of the service with that prefix is wanted.
import type { CodeAction } from 'vscode-languageserver-types';
import { ACCESS_LEVELS, type AccessLevel, type ActionInfo, type Catalog } from '../../catalog/types';
import { parseArn } from '../../policy/arn';
import type { PolicyDocument, Statement, StringItem } from '../../policy/model';
import { hasWildcard } from '../../util/wildcard';
import { actionName, expandAction, statementFacts } from '../../analysis/statementFacts';
import {
  fixAction,
  refactorAction,
  spanOf,
  statementAt,
  touches,
  type FixContext,
  type FixProvider,
  type RefactorContext,
  type RefactorProvider,
} from './framework';
import { isMultiline, listText, replaceListItem, type Change } from './jsonEdits';

/** More actions than this and an expansion is no help to anyone reading the policy (`*`). */
const MAX_EXPANDED = 1000;

interface Trie {
  names: ActionInfo[];
  wanted: ReadonlySet<ActionInfo>;
}

/** The patterns covering exactly the wanted actions among `names` (sorted, lower-case prefix `depth` long in common). */
function cover(trie: Trie, names: ActionInfo[], depth: number): string[] {
  const wanted = names.filter(a => trie.wanted.has(a));
  if (wanted.length === 0) return [];
  if (wanted.length === names.length && (names.length === 1 || depth > 0)) {
    if (names.length === 1) return [names[0].name];
    // the shortest prefix that matches only wanted actions, finished to the end of its word
    const first = names[0].name;
    const last = names[names.length - 1].name.toLowerCase();
    let end = depth;
    while (end < first.length && first[end].toLowerCase() === last[end] && /[a-z0-9]/.test(first[end])) end++;
    return [`${first.slice(0, end)}*`];
  }
  const patterns: string[] = [];
  const exact = names.filter(a => a.name.length === depth);
  patterns.push(...exact.filter(a => trie.wanted.has(a)).map(a => a.name));
  let start = exact.length;
  while (start < names.length) {
    const c = names[start].name[depth].toLowerCase();
    let end = start + 1;
    while (end < names.length && names[end].name[depth].toLowerCase() === c) end++;
    patterns.push(...cover(trie, names.slice(start, end), depth + 1));
    start = end;
  }
  return patterns;
}

/** The fewest patterns that match exactly these actions (per service, with `service:*` for a whole service). */
export function shortestPatterns(catalog: Catalog, actions: Iterable<ActionInfo>): string[] {
  const byService = new Map<string, Set<ActionInfo>>();
  for (const action of actions) byService.set(action.service, (byService.get(action.service) ?? new Set()).add(action));
  const patterns: string[] = [];
  for (const [prefix, wanted] of byService) {
    const all = [...(catalog.service(prefix)?.actions ?? [])].sort((a, b) =>
      a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0,
    );
    if (all.length > 0 && all.every(a => wanted.has(a))) patterns.push(`${prefix}:*`);
    else patterns.push(...cover({ names: all, wanted }, all, 0).map(p => `${prefix}:${p}`));
  }
  return patterns;
}

/** Replaces the whole value of an Action element with a list of names. */
function replaceActions(doc: PolicyDocument, statement: Statement, names: string[]): Change {
  const value = statement.action!.entry.valueNode!;
  return {
    offset: value.offset,
    length: value.length,
    text: listText(doc, statement.action!.entry.node.offset, names, isMultiline(doc.text, value) || isMultiline(doc.text, statement.node)),
  };
}

function shortenRefactor(ctx: RefactorContext, statement: Statement): CodeAction[] {
  const element = statement.action;
  if (!element?.entry.valueNode || element.items.length < 2 || element.invalid.length > 0) return [];
  const known = new Set<ActionInfo>();
  const unknown: string[] = [];
  for (const item of element.items) {
    const actions = item.value === '*' ? [] : expandAction(ctx.catalog, item.value);
    if (actions.length === 0) unknown.push(item.value);
    for (const action of actions) known.add(action);
  }
  const patterns = [...unknown, ...shortestPatterns(ctx.catalog, known)];
  if (patterns.length >= element.items.length) return [];
  return [
    refactorAction(
      ctx,
      `Shorten the ${element.items.length} actions to ${patterns.length} ${patterns.length > 1 ? 'wildcard patterns that match' : 'wildcard pattern that matches'} exactly the same actions`,
      [replaceActions(ctx.doc, statement, patterns)],
    ),
  ];
}

function expandItem(doc: PolicyDocument, statement: Statement, item: StringItem, names: string[]): Change {
  const element = [statement.action, statement.notAction].find(e => e?.items.includes(item))!;
  return replaceListItem(doc, statement, element.entry.valueNode!, item, names);
}

/** "Expand" for any wildcard (not `*`): every action it matches. */
function expansion(catalog: Catalog, doc: PolicyDocument, statement: Statement, item: StringItem): { title: string; change: Change } | undefined {
  if (!hasWildcard(item.value) || item.value === '*') return undefined;
  const actions = expandAction(catalog, item.value);
  if (actions.length === 0 || actions.length > MAX_EXPANDED) return undefined;
  const names = actions.map(actionName).sort();
  return { title: `Expand "${item.value}" into its ${names.length} action${names.length > 1 ? 's' : ''}`, change: expandItem(doc, statement, item, names) };
}

/** Sets of access levels to offer, from the narrowest. */
const LEVEL_SETS: ReadonlyArray<{ label: string; levels: readonly AccessLevel[] }> = [
  { label: 'List actions', levels: ['List'] },
  { label: 'read-only actions (List + Read)', levels: ['List', 'Read'] },
  { label: 'List, Read and Write actions', levels: ['List', 'Read', 'Write'] },
  { label: 'all but Permissions management actions', levels: ACCESS_LEVELS.filter(l => l !== 'Permissions management') },
];

/** The services a `*` or `service:*` item stands for: its own, or for `*` those of the statement's ARNs. */
function servicesOf(catalog: Catalog, statement: Statement, item: StringItem): string[] {
  if (item.value !== '*') {
    const prefix = /^([a-z0-9-]+):\*+$/i.exec(item.value)?.[1];
    return prefix && catalog.service(prefix) ? [prefix.toLowerCase()] : [];
  }
  const services = (statement.resource?.items ?? []).map(r => parseArn(r.value)?.service ?? '');
  return services.every(s => s && catalog.service(s)) ? [...new Set(services)] : [];
}

/** One replacement per set of access levels that picks some but not all of the actions. */
function byAccessLevel(catalog: Catalog, doc: PolicyDocument, statement: Statement, item: StringItem): Array<{ title: string; change: Change }> {
  if (!statement.action?.items.includes(item)) return [];
  const services = servicesOf(catalog, statement, item);
  const all = services.flatMap(s => catalog.service(s)?.actions ?? []);
  const seen = new Set<number>();
  return LEVEL_SETS.flatMap(({ label, levels }) => {
    const names = all
      .filter(a => levels.includes(a.accessLevel))
      .map(actionName)
      .sort();
    if (names.length === 0 || names.length === all.length || names.length > MAX_EXPANDED || seen.has(names.length)) return [];
    seen.add(names.length);
    return [{ title: `Replace "${item.value}" with ${label}: ${names.length}`, change: expandItem(doc, statement, item, names) }];
  });
}

/**
 * IAM401 (`service:*`): the access-level choices, then the full expansion. (IAM400, `*` on `"Resource":
 * "*"`, names no service: nothing to offer.)
 */
export const wildcardFixes: FixProvider = (ctx: FixContext) => {
  if (ctx.diagnostic.code !== 'IAM401') return [];
  const { start } = spanOf(ctx);
  const statement = statementAt(ctx.doc, start);
  const item = statement?.action?.items.find(i => i.offset === start);
  if (!statement || !item) return [];
  const choices = [...byAccessLevel(ctx.catalog, ctx.doc, statement, item), expansion(ctx.catalog, ctx.doc, statement, item)];
  return choices.flatMap(c => (c ? [fixAction(ctx, c.title, [c.change])] : []));
};

/** With the selection on an action: expand it or pick by access level; on a list: shorten it. */
export const wildcardRefactors: RefactorProvider = ctx => {
  const facts = statementFacts(ctx.doc, ctx.catalog).find(f =>
    [f.statement.action, f.statement.notAction].some(e => e && touches(ctx, e.entry.node.offset, e.entry.node.length)),
  );
  if (!facts) return [];
  const { statement } = facts;
  const actions: CodeAction[] = [];
  for (const item of [...(statement.action?.items ?? []), ...(statement.notAction?.items ?? [])]) {
    if (!touches(ctx, item.offset, item.length)) continue;
    const choices = [...byAccessLevel(ctx.catalog, ctx.doc, statement, item), expansion(ctx.catalog, ctx.doc, statement, item)];
    for (const choice of choices) if (choice) actions.push(refactorAction(ctx, choice.title, [choice.change]));
  }
  return [...actions, ...shortenRefactor(ctx, statement)];
};
