// Completion in Action / NotAction: service prefixes first (with the service's name), then, once a
// prefix is typed, the service's actions (access level and description) and its wildcard forms
// (`s3:Get*`, `s3:*`) with how many actions each covers; descriptions come on resolve. Actions the element already lists are left
// out. The per-service proposal lists are built once and reused: a keystroke never walks the whole
// catalog.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { ActionInfo, Catalog, ServiceInfo } from '../../catalog/types';
import type { StringListElement } from '../../policy/model';
import { CompletionItemKind, type ItemBuilder, type Proposal, sortKey } from './items';

const GROUP_SERVICE = 0;
const GROUP_ACTION = 1;
const GROUP_WILDCARD = 2;
const GROUP_EVERYTHING = 3;
/** Wildcard groups need at least this many actions to be worth offering. */
const MIN_GROUP = 2;

interface ServiceProposals {
  actions: Array<Proposal & { lower: string }>;
  /** `s3:Get*`-style groups by leading verb */
  verbs: Proposal[];
}

const serviceLists = new WeakMap<Catalog, Proposal[]>();
const actionLists = new WeakMap<ServiceInfo, ServiceProposals>();

function serviceProposals(catalog: Catalog): Proposal[] {
  let list = serviceLists.get(catalog);
  if (!list) {
    const services = [...catalog.services()].sort((a, b) => a.prefix.localeCompare(b.prefix));
    list = services.map((service, rank) => ({
      label: service.prefix, kind: CompletionItemKind.Module, text: `${service.prefix}:`, description: service.name,
      sortText: sortKey(GROUP_SERVICE, rank), retrigger: true,
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
    label: `${service.prefix}:${pattern}`, kind: CompletionItemKind.Constant, text: `${service.prefix}:${pattern}`,
    detail: `${actions.length} action${actions.length === 1 ? '' : 's'} (${countByLevel(actions)})`,
    sortText: sortKey(pattern === '*' ? GROUP_EVERYTHING : GROUP_WILDCARD, rank), resolve: 'action',
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
  const verbs = [...byVerb].filter(([, actions]) => actions.length >= MIN_GROUP && actions.length < sorted.length)
    .map(([verb, actions], rank) => wildcardProposal(service, `${verb}*`, actions, rank + 1));
  verbs.push(wildcardProposal(service, '*', sorted, 0));
  proposals = {
    verbs,
    actions: sorted.map((action, rank) => ({
      label: `${service.prefix}:${action.name}`, kind: CompletionItemKind.Function, text: `${service.prefix}:${action.name}`,
      lower: `${service.prefix}:${action.name}`.toLowerCase(), detail: action.accessLevel,
      sortText: sortKey(GROUP_ACTION, rank), resolve: 'action',
    })),
  };
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

export function actionItems(items: ItemBuilder, catalog: Catalog, element: StringListElement | undefined): CompletionItem[] {
  const { site } = items;
  const colon = site.typed.indexOf(':');
  if (colon < 0) {
    const everything: Proposal = {
      label: '*', kind: CompletionItemKind.Constant, text: '*', detail: 'every action of every service',
      sortText: sortKey(GROUP_EVERYTHING, 1),
    };
    return [...serviceProposals(catalog).map(p => items.string(p)), items.string(everything)];
  }
  const service = catalog.service(site.typed.slice(0, colon));
  if (!service) return [];
  const listed = new Set((element?.items ?? []).filter(item => item.offset !== site.start).map(item => item.value.toLowerCase()));
  const { actions, verbs } = proposalsOf(service);
  const result = actions.filter(p => !listed.has(p.lower)).map(p => items.string(p));
  const typed = typedWildcard(service, site.typed.slice(colon + 1), verbs);
  for (const p of typed ? [typed, ...verbs] : verbs) if (!listed.has(p.text.toLowerCase())) result.push(items.string(p));
  return result;
}
