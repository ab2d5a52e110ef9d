// lookup and expand: the IAM catalog (the Service Authorization Reference, offline) for an action,
// a service, a condition key, a resource type or an ARN; and what a wildcard action stands for.
import { z } from 'zod';
import { type ActionInfo, type Catalog, type ResourceTypeInfo } from '../../catalog/types';
import { countByLevel, levelCountsText, matchedActions } from '../../features/actionSets';
import { closestNames } from '../../util/closest';
import { defineTool } from '../tool';
import { ToolInputError } from '../sources';
import { levelCountsSchema } from './explain';

const LOOKUP_TYPES = ['auto', 'action', 'service', 'conditionKey', 'resourceType', 'arn'] as const;

const resourceTypeText = (t: ResourceTypeInfo) => ({ service: t.service, name: t.name, arnFormat: t.arnFormat, conditionKeys: t.conditionKeys });

function actionEntry(catalog: Catalog, action: ActionInfo) {
  return {
    what: 'action' as const,
    name: `${action.service}:${action.name}`,
    accessLevel: action.accessLevel,
    description: action.description,
    resourceTypes: action.resourceTypes.map(r => ({
      name: r.name,
      required: r.required,
      arnFormat: catalog.resourceType(action.service, r.name)?.arnFormat,
      conditionKeys: r.conditionKeys,
    })),
    conditionKeys: action.conditionKeys,
    dependentActions: action.dependentActions,
    docUrl: catalog.service(action.service)?.docUrl,
  };
}

function lookupName(catalog: Catalog, name: string, type: (typeof LOOKUP_TYPES)[number]): Record<string, unknown> | undefined {
  const colon = name.indexOf(':');
  const want = (t: (typeof LOOKUP_TYPES)[number]) => type === 'auto' || type === t;
  if (want('arn') && name.startsWith('arn:')) {
    const types = catalog.resourceTypesForArn(name);
    return types.length ? { what: 'arn', arn: name, resourceTypes: types.map(resourceTypeText) } : undefined;
  }
  if (want('service') && colon < 0) {
    const service = catalog.service(name);
    if (service) {
      return {
        what: 'service',
        prefix: service.prefix,
        name: service.name,
        docUrl: service.docUrl,
        actions: countByLevel(service.actions),
        resourceTypes: service.resourceTypes.map(resourceTypeText),
        conditionKeys: service.conditionKeys.map(k => k.key),
      };
    }
  }
  if (colon > 0 && want('action')) {
    const action = catalog.action(name.slice(0, colon), name.slice(colon + 1));
    if (action) return actionEntry(catalog, action);
  }
  if (colon > 0 && want('conditionKey')) {
    const key = catalog.conditionKey(name);
    if (key) return { what: 'conditionKey', ...key };
  }
  if (colon > 0 && want('resourceType')) {
    const resourceType = catalog.resourceType(name.slice(0, colon), name.slice(colon + 1));
    if (resourceType) {
      const actions = catalog.service(resourceType.service)?.actions.filter(a => a.resourceTypes.some(r => r.name === resourceType.name)) ?? [];
      return { what: 'resourceType', ...resourceTypeText(resourceType), actions: actions.map(a => `${a.service}:${a.name}`) };
    }
  }
  return undefined;
}

function suggestions(catalog: Catalog, name: string): string[] {
  const colon = name.indexOf(':');
  if (colon < 0)
    return closestNames(
      name,
      catalog.services().map(s => s.prefix),
    );
  const service = catalog.service(name.slice(0, colon));
  if (!service)
    return closestNames(
      name.slice(0, colon),
      catalog.services().map(s => s.prefix),
    ).map(p => `${p}:${name.slice(colon + 1)}`);
  return closestNames(name, [
    ...service.actions.map(a => `${a.service}:${a.name}`),
    ...service.conditionKeys.map(k => k.key),
    ...service.resourceTypes.map(r => `${r.service}:${r.name}`),
  ]);
}

export const lookupTool = defineTool({
  name: 'lookup',
  title: 'Look up the IAM catalog',
  description:
    'Looks up the IAM catalog (the Service Authorization Reference, offline): an action ("s3:GetObject": access level, description, ' +
    'resource types with ARN formats, condition keys, dependent actions), a service prefix ("s3"), a condition key ("aws:SourceIp", ' +
    '"s3:prefix"), a resource type ("s3:bucket") or an ARN (the resource types it can name). `type` settles a name that could be several.',
  input: {
    name: z.string().min(1).max(2048),
    type: z.enum(LOOKUP_TYPES).optional().describe('what the name is; auto (the default) tries ARN, service, action, condition key, resource type'),
  },
  output: { found: z.boolean(), entry: z.record(z.string(), z.unknown()).optional(), suggestions: z.array(z.string()).optional(), dataDate: z.string() },
  run(input, env) {
    const catalog = env.catalog();
    const name = input.name.trim();
    const entry = lookupName(catalog, name, input.type ?? 'auto');
    if (!entry) {
      const near = suggestions(catalog, name);
      return {
        structured: { found: false, suggestions: near, dataDate: catalog.dataDate },
        text: `"${name}" is not in the IAM data of ${catalog.dataDate}.${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`,
      };
    }
    return { structured: { found: true, entry, dataDate: catalog.dataDate }, text: JSON.stringify(entry, null, 1) };
  },
});

const MAX_EXPANDED = 1000;

export const expandTool = defineTool({
  name: 'expand',
  title: 'Expand a wildcard action',
  description:
    'Lists the actions an Action value stands for ("s3:Get*", "ec2:Describe?nstances", "*"), case-insensitive like IAM, ' +
    "with each action's access level and the counts per level.",
  input: {
    pattern: z.string().min(1).max(2048).describe('an Action value, e.g. "s3:Get*"'),
    limit: z.number().int().min(1).max(25000).optional().describe(`how many actions to list (default ${MAX_EXPANDED})`),
  },
  output: {
    pattern: z.string(),
    count: z.number(),
    levels: levelCountsSchema,
    actions: z.array(z.object({ name: z.string(), accessLevel: z.string() })),
    truncated: z.boolean(),
  },
  run(input, env) {
    const catalog = env.catalog();
    const actions = input.pattern === '*' ? catalog.services().flatMap(s => s.actions) : matchedActions(catalog, input.pattern.trim());
    if (actions.length === 0) {
      const near = suggestions(catalog, input.pattern.replace(/[*?]/g, ''));
      throw new ToolInputError(
        `"${input.pattern}" matches no action of the IAM data of ${catalog.dataDate}.${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`,
      );
    }
    const limit = input.limit ?? MAX_EXPANDED;
    const listed = actions.slice(0, limit).map(a => ({ name: `${a.service}:${a.name}`, accessLevel: a.accessLevel }));
    const levels = countByLevel(actions);
    const counts = levelCountsText(levels);
    return {
      structured: { pattern: input.pattern, count: actions.length, levels, actions: listed, truncated: listed.length < actions.length },
      text: `${input.pattern}: ${actions.length} actions (${counts}).\n${listed
        .slice(0, 100)
        .map(a => `${a.name} (${a.accessLevel})`)
        .join('\n')}${actions.length > 100 ? `\n... (${actions.length - 100} more in the structured result)` : ''}`,
    };
  },
});
