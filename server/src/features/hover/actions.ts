// Hover on an Action/NotAction value: one action (description, access level, resource types with
// ARN formats, condition keys, dependent actions, what the sensitive-action catalogue says of it,
// link to the Service Authorization Reference) or a wildcard pattern (how many actions, by access
// level, the list, a warning for Write, Permissions management and Tagging, how many sensitive
// actions of each kind). The markdown depends only on the catalog and the value, so it is memoised
// per value.
import { ACCESS_LEVELS, type ActionInfo, type Catalog, type ServiceInfo } from '../../catalog/types';
import { hasServiceWildcard, hasWildcard } from '../../util/wildcard';
import { actionName } from '../../analysis/statementFacts';
import { countByLevel, groupByLevel, matchedActions, SENSITIVE_LEVELS } from '../actionSets';
import { perCatalog } from '../../catalog/memo';
import { code, escapeMarkdown, plural, shortList } from './markdown';
import { escalationMethodsOf, lowerName, SENSITIVITIES, sensitivitiesOf, type Sensitivity } from '../../analysis/sensitiveActions';
import { sourceLink } from '../../analysis/escalationMethods';

const MAX_KEYS = 15;
const MAX_NAMES_PER_LEVEL = 12;
const MAX_SERVICES = 12;
const MAX_METHODS = 5;

export function serviceLink(service: ServiceInfo): string {
  return service.docUrl ? `[${escapeMarkdown(service.name)} in the Service Authorization Reference](${service.docUrl})` : '';
}

function resourceTypeLines(catalog: Catalog, action: ActionInfo): string[] {
  if (action.resourceTypes.length === 0) {
    return ['**Resource:** `*` only — this action supports no resource-level permissions.'];
  }
  const lines = ['**Resource types** (\\* required):'];
  for (const type of action.resourceTypes) {
    const info = catalog.resourceType(action.service, type.name);
    const format = info ? ` — ${code(info.arnFormat)}` : '';
    const keys = type.conditionKeys.length ? ` · keys: ${shortList(type.conditionKeys, 6)}` : '';
    lines.push(`- ${code(type.name)}${type.required ? '\\*' : ''}${format}${keys}`);
  }
  return lines;
}

function dependentActions(action: ActionInfo): string[] {
  const all = new Set(action.dependentActions);
  for (const type of action.resourceTypes) for (const dependent of type.dependentActions) all.add(dependent);
  return [...all];
}

const SENSITIVITY_TEXT: Record<Exclude<Sensitivity, 'privilege escalation'>, string> = {
  'credentials exposure': "its response carries credentials or tokens, which work outside the principal's control",
  'data access': 'it reads the data itself (objects, parameters, secrets)',
  'resource exposure': 'it changes who may access the resource (Permissions management)',
};

/** What the sensitive-action catalogue (analysis/sensitiveActions.ts) says of one action, for the hover. */
function sensitivityLines(catalog: Catalog, action: ActionInfo): string[] {
  const lines: string[] = [];
  const own = lowerName(action);
  for (const kind of sensitivitiesOf(action)) {
    if (kind !== 'privilege escalation') {
      lines.push(`- ${kind}: ${SENSITIVITY_TEXT[kind]}`);
      continue;
    }
    const methods = escalationMethodsOf(action);
    for (const method of methods.slice(0, MAX_METHODS)) {
      const others = method.actions.filter(a => a !== own).map(a => code(displayName(catalog, a)));
      const sources = method.sources.map(sourceLink).join(', ');
      lines.push(`- privilege escalation, ${others.length ? `with ${others.join(' and ')}` : 'alone'}: ${escapeMarkdown(method.name)} (${sources})`);
    }
    if (methods.length > MAX_METHODS) lines.push(`- … and ${methods.length - MAX_METHODS} more ways to escalate privileges`);
  }
  return lines.length ? ['**Sensitive:**', ...lines] : [];
}

function displayName(catalog: Catalog, lowerCase: string): string {
  const colon = lowerCase.indexOf(':');
  const action = catalog.action(lowerCase.slice(0, colon), lowerCase.slice(colon + 1));
  return action ? actionName(action) : lowerCase;
}

function actionMarkdown(catalog: Catalog, action: ActionInfo): string {
  const service = catalog.service(action.service);
  const parts = [
    `${code(actionName(action))} · **${action.accessLevel}** · ${escapeMarkdown(service?.name ?? action.service)}`,
    escapeMarkdown(action.description),
    resourceTypeLines(catalog, action).join('\n'),
  ];
  if (action.conditionKeys.length) parts.push(`**Condition keys:** ${shortList(action.conditionKeys, MAX_KEYS)}`);
  const dependents = dependentActions(action);
  if (dependents.length) parts.push(`**Dependent actions** (also needed): ${shortList(dependents, MAX_KEYS)}`);
  parts.push(sensitivityLines(catalog, action).join('\n'));
  if (service) parts.push(serviceLink(service));
  return parts.filter(Boolean).join('\n\n');
}

function countsLine(actions: readonly ActionInfo[]): { line: string; sensitive: string[] } {
  const counts = countByLevel(actions);
  const line = ACCESS_LEVELS.filter(level => counts[level])
    .map(level => `${level} **${counts[level]}**`)
    .join(' · ');
  const sensitive = SENSITIVE_LEVELS.filter(level => counts[level]).map(level => `${counts[level]} ${level}`);
  return { line, sensitive };
}

/** "**Sensitive:** 3 privilege escalation (`iam:PassRole`, ...), 1 credentials exposure (...)", or "" when none. */
function sensitiveCounts(actions: readonly ActionInfo[]): string {
  const byKind = new Map<Sensitivity, string[]>();
  for (const action of actions) {
    for (const kind of sensitivitiesOf(action)) byKind.set(kind, [...(byKind.get(kind) ?? []), actionName(action)]);
  }
  const kinds = SENSITIVITIES.filter(kind => byKind.has(kind)).map(kind => {
    const names = byKind.get(kind)!;
    return `${names.length} ${kind} (${shortList(names, 3)})`;
  });
  return kinds.length ? `**Sensitive:** ${kinds.join(', ')}` : '';
}

function servicesLine(actions: readonly ActionInfo[]): string {
  const perService = new Map<string, number>();
  for (const action of actions) perService.set(action.service, (perService.get(action.service) ?? 0) + 1);
  const sorted = [...perService].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const items = sorted.map(([service, count]) => `${code(service)} ${count}`);
  return `**Services:** ${shortList(items, MAX_SERVICES, item => item)}`;
}

function wildcardTitle(catalog: Catalog, pattern: string, actions: readonly ActionInfo[], services: string[]): string {
  if (pattern === '*') return `${code('*')} — every action of every service (full access): ${plural(actions.length, 'action')} in ${services.length} services`;
  const colon = pattern.indexOf(':');
  const service = services.length === 1 ? catalog.service(services[0]) : undefined;
  const name = service ? ` of ${escapeMarkdown(service.name)}` : ` in ${plural(services.length, 'service')}`;
  if (service && pattern.slice(colon + 1) === '*') return `${code(pattern)} — every action${name} (full access): ${plural(actions.length, 'action')}`;
  return `${code(pattern)} — matches ${plural(actions.length, 'action')}${name}`;
}

function wildcardMarkdown(catalog: Catalog, pattern: string): string {
  const actions = matchedActions(catalog, pattern);
  if (actions.length === 0) return `${code(pattern)} — matches no action in the catalog (data of ${catalog.dataDate}).`;
  const services = [...new Set(actions.map(action => action.service))];
  const { line, sensitive } = countsLine(actions);
  const parts = [wildcardTitle(catalog, pattern, actions, services), line];
  if (sensitive.length) parts.push(`⚠ Includes ${sensitive.join(', ')} actions.`);
  const catalogued = sensitiveCounts(actions);
  if (catalogued) parts.push(catalogued);
  if (services.length === 1) {
    const groups = groupByLevel(actions);
    parts.push(
      ACCESS_LEVELS.filter(level => groups[level].length)
        .map(level => `**${level}:** ${shortList(groups[level], MAX_NAMES_PER_LEVEL)}`)
        .join('  \n'),
    );
    const service = catalog.service(services[0]);
    if (service) parts.push(serviceLink(service));
  } else {
    parts.push(servicesLine(actions));
  }
  return parts.join('\n\n');
}

function computeActionMarkdown(catalog: Catalog, value: string): string | undefined {
  if (hasServiceWildcard(value)) return `${code(value)} — not a valid action: a service prefix cannot have wildcards, so it matches no action (IAM100).`;
  if (hasWildcard(value)) return wildcardMarkdown(catalog, value);
  const colon = value.indexOf(':');
  if (colon <= 0) return undefined;
  const service = catalog.service(value.slice(0, colon));
  if (!service) return undefined;
  const action = catalog.action(service.prefix, value.slice(colon + 1));
  if (action) return actionMarkdown(catalog, action);
  return `${code(value)} — ${escapeMarkdown(service.name)} has no action of this name.\n\n${serviceLink(service)}`;
}

const cachedMarkdown = perCatalog(computeActionMarkdown);

/** Markdown for an action or action pattern; undefined when the value names no known service. */
export function actionHoverMarkdown(catalog: Catalog, value: string, inNotAction: boolean): string | undefined {
  const markdown = cachedMarkdown(catalog, value);
  if (!markdown || !inNotAction) return markdown;
  return `${markdown}\n\n---\nIn ${code('NotAction')}: the statement applies to every action *except* these.`;
}
