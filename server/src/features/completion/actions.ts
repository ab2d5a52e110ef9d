// Completion in Action / NotAction: service prefixes first (with the service's name), then, once a
// prefix is typed, the service's actions (access level and description) and its wildcard forms
// (`s3:Get*`, `s3:*`) with how many actions each covers; descriptions come on resolve. Actions the element already lists are left
// out. The per-service proposal lists are built once and reused: a keystroke never walks the whole
// catalog.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { ActionInfo, Catalog, ServiceInfo } from '../../catalog/types';
import type { StringListElement } from '../../policy/model';
import { CompletionItemKind, type ItemBuilder, keepMatching, type Proposal, sortKey } from './items';

const GROUP_USED_SERVICE = 0;
const GROUP_SERVICE = 1;
const GROUP_ACTION = 2;
const GROUP_WILDCARD = 3;
const GROUP_EVERYTHING = 4;
/** Wildcard groups need at least this many actions to be worth offering. */
const MIN_GROUP = 2;

interface ServiceProposals {
  actions: Array<Proposal & { lower: string }>;
  /** `s3:Get*`-style groups by leading verb */
  verbs: Proposal[];
}

const serviceLists = new WeakMap<Catalog, Proposal[]>();
const actionLists = new WeakMap<ServiceInfo, ServiceProposals>();
const nameIndexes = new WeakMap<Catalog, NameIndex>();
/** A name typed without a service prefix searches every service from this many characters on... */
const MIN_SEARCH = 4;
/** ...and offers at most this many of the actions found (the list is then marked incomplete). */
const MAX_FOUND = 60;
/** The most services, or actions of one service, in a list (EC2 has over 800); wildcard forms come in addition. */
const MAX_LISTED = 250;

function serviceProposals(catalog: Catalog): Proposal[] {
  let list = serviceLists.get(catalog);
  if (!list) {
    const services = [...catalog.services()].sort((a, b) => a.prefix.localeCompare(b.prefix));
    list = services.map((service, rank) => ({
      label: service.prefix,
      kind: CompletionItemKind.Module,
      text: `${service.prefix}:`,
      description: service.name,
      sortText: sortKey(GROUP_SERVICE, rank),
      retrigger: true,
    }));
    serviceLists.set(catalog, list);
  }
  return list;
}

function countByLevel(actions: readonly ActionInfo[]): string {
  const counts = new Map<string, number>();
  for (const action of actions) counts.set(action.accessLevel, (counts.get(action.accessLevel) ?? 0) + 1);
  return [...counts].map(([level, count]) => `${level} ${count}`).join(', ');
}

/** A wildcard over `actions` of the service, e.g. `s3:Get*`. */
function wildcardProposal(service: ServiceInfo, pattern: string, actions: readonly ActionInfo[], rank: number): Proposal {
  return {
    label: `${service.prefix}:${pattern}`,
    kind: CompletionItemKind.Constant,
    text: `${service.prefix}:${pattern}`,
    detail: `${actions.length} action${actions.length === 1 ? '' : 's'} (${countByLevel(actions)})`,
    sortText: sortKey(pattern === '*' ? GROUP_EVERYTHING : GROUP_WILDCARD, rank),
    resolve: 'action',
  };
}

function actionProposal(service: ServiceInfo, action: ActionInfo, rank: number): Proposal & { lower: string } {
  const name = `${service.prefix}:${action.name}`;
  return {
    label: name,
    kind: CompletionItemKind.Function,
    text: name,
    lower: name.toLowerCase(),
    detail: action.accessLevel,
    sortText: sortKey(GROUP_ACTION, rank),
    resolve: 'action',
  };
}

function proposalsOf(service: ServiceInfo): ServiceProposals {
  let proposals = actionLists.get(service);
  if (proposals) return proposals;
  const sorted = [...service.actions].sort((a, b) => a.name.localeCompare(b.name));
  const byVerb = new Map<string, ActionInfo[]>();
  for (const action of sorted) {
    const verb = /^[A-Z][a-z]*/.exec(action.name)?.[0];
    if (!verb) continue;
    const group = byVerb.get(verb);
    if (group) group.push(action);
    else byVerb.set(verb, [action]);
  }
  const verbs = [...byVerb]
    .filter(([, actions]) => actions.length >= MIN_GROUP && actions.length < sorted.length)
    .map(([verb, actions], rank) => wildcardProposal(service, `${verb}*`, actions, rank + 1));
  verbs.push(wildcardProposal(service, '*', sorted, 0));
  // Ranked shortest name first, then by name: the general action before its variants (s3:PutObject
  // before s3:PutObjectAcl, and before s3:PutAccelerateConfiguration), the same in every editor.
  const ranks = new Map([...sorted].sort((a, b) => a.name.length - b.name.length).map((action, rank) => [action, rank]));
  proposals = { verbs, actions: sorted.map(action => actionProposal(service, action, ranks.get(action)!)) };
  actionLists.set(service, proposals);
  return proposals;
}

/** `s3:GetObj` typed: `s3:GetObj*` when it covers several actions and is not already a verb group. */
function typedWildcard(service: ServiceInfo, typedName: string, verbs: readonly Proposal[]): Proposal | undefined {
  if (typedName === '' || /[*?]/.test(typedName)) return undefined;
  const lower = typedName.toLowerCase();
  const actions = service.actions.filter(a => a.name.toLowerCase().startsWith(lower));
  const pattern = `${actions[0]?.name.slice(0, typedName.length)}*`;
  if (actions.length < MIN_GROUP || verbs.some(v => v.text.toLowerCase() === `${service.prefix}:${pattern}`.toLowerCase())) return undefined;
  return wildcardProposal(service, pattern, actions, 0);
}

/** Every action's lower-cased `service:name`, one a line, to search with indexOf (a scan of the objects is slower). */
interface NameIndex {
  text: string;
  starts: number[];
  actions: Array<[ServiceInfo, ActionInfo]>;
}

function nameIndex(catalog: Catalog): NameIndex {
  let index = nameIndexes.get(catalog);
  if (index) return index;
  const lines: string[] = [];
  index = { text: '', starts: [], actions: [] };
  let at = 0;
  for (const service of catalog.services()) {
    for (const action of service.actions) {
      const line = `${service.prefix}:${action.name}`.toLowerCase();
      lines.push(line);
      index.starts.push(at);
      index.actions.push([service, action]);
      at += line.length + 1;
    }
  }
  index.text = lines.join('\n');
  nameIndexes.set(catalog, index);
  return index;
}

/** The entry whose line holds `position` (binary search over the line starts). */
function lineAt(starts: readonly number[], position: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * `"AssumeRo` typed where no service prefix starts so: the actions of every service whose name
 * contains it, names that start with it first. The first search reads every service of the catalog.
 */
function actionsNamed(catalog: Catalog, typed: string): { found: Proposal[]; complete: boolean } {
  const { text, starts, actions } = nameIndex(catalog);
  const needle = typed.toLowerCase();
  const starting = new Set<number>();
  const containing = new Set<number>();
  for (let at = text.indexOf(needle); at >= 0 && starting.size <= MAX_FOUND; at = text.indexOf(needle, at + 1)) {
    const line = lineAt(starts, at);
    const nameStart = starts[line] + actions[line][0].prefix.length + 1;
    if (at === nameStart) starting.add(line);
    else if (at > nameStart && containing.size <= MAX_FOUND) containing.add(line);
  }
  const lines = [...starting, ...[...containing].filter(line => !starting.has(line))];
  const found = lines.slice(0, MAX_FOUND).map((line, rank) => actionProposal(actions[line][0], actions[line][1], rank));
  return { found, complete: lines.length <= MAX_FOUND };
}

/** Service prefixes, those the document's actions use first; `*`; actions of any service named as typed. */
function serviceItems(items: ItemBuilder, catalog: Catalog): CompletionItem[] {
  const { doc, site } = items;
  const used = new Set(
    doc.statements.flatMap(st => [...(st.action?.items ?? []), ...(st.notAction?.items ?? [])]).map(item => item.value.split(':')[0].toLowerCase()),
  );
  const all = serviceProposals(catalog);
  const preferred = all.filter(p => used.has(p.label)).map((p, rank) => ({ ...p, sortText: sortKey(GROUP_USED_SERVICE, rank) }));
  const proposals: Proposal[] = keepMatching(items, [...preferred, ...all.filter(p => !used.has(p.label))], MAX_LISTED);
  proposals.push({
    label: '*',
    kind: CompletionItemKind.Constant,
    text: '*',
    detail: 'every action of every service',
    sortText: sortKey(GROUP_EVERYTHING, 1),
  });
  const typedLower = site.typed.toLowerCase();
  if (site.typed.length >= MIN_SEARCH && !/[*?]/.test(site.typed) && !all.some(p => p.label.startsWith(typedLower))) {
    const { found, complete } = actionsNamed(catalog, site.typed);
    proposals.push(...found);
    if (!complete) items.incomplete = true;
  }
  return proposals.map(p => items.string(p));
}

export function actionItems(items: ItemBuilder, catalog: Catalog, element: StringListElement | undefined): CompletionItem[] {
  const { site } = items;
  const colon = site.typed.indexOf(':');
  if (colon < 0) return serviceItems(items, catalog);
  const service = catalog.service(site.typed.slice(0, colon));
  if (!service) return [];
  const listed = new Set((element?.items ?? []).filter(item => item.offset !== site.start).map(item => item.value.toLowerCase()));
  const { actions, verbs } = proposalsOf(service);
  const result = keepMatching(
    items,
    actions.filter(p => !listed.has(p.lower)),
    MAX_LISTED,
  ).map(p => items.string(p));
  const typed = typedWildcard(service, site.typed.slice(colon + 1), verbs);
  for (const p of typed ? [typed, ...verbs] : verbs) if (!listed.has(p.text.toLowerCase())) result.push(items.string(p));
  return result;
}
