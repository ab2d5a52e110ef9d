// IAM210-IAM212: whether a statement's actions and resources fit together. A statement allows (or
// denies) an action only on the listed resources of the types that action acts on; the rest of
// the combinations do nothing. Source: Service Authorization Reference (the "Resource types"
// column of each action, and the ARN format of each resource type), and IAM User Guide, "IAM JSON
// policy elements: Resource": actions without resource-level permissions need "Resource": "*".
// The rules stay silent where they cannot know: NotAction, `*` or an unknown name among the
// actions, a wildcard in a service prefix, NotResource, `"*"` among the resources, placeholders.
import type { ActionInfo, Catalog, ResourceTypeInfo } from '../catalog/types';
import { readableArnFormat } from '../policy/arn';
import type { StringItem } from '../policy/model';
import { hasPlaceholder } from '../policy/placeholders';
import { hasWildcard, hasWildcardOrVariable } from '../util/wildcard';
import { arnProblem } from '../analysis/arnProblems';
import { arnServiceOf, formatsOfArnService, mayName, resourceTypesOf, supportsResourceLevel, typedArn, type TypedArn } from '../analysis/resourceTypes';
import { actionName, perExpansion } from '../analysis/actionExpansions';
import { statementFacts, unionOfEntries, type StatementFacts } from '../analysis/statementFacts';
import type { RuleContext, RuleModule } from './types';
import { hasVariable } from '../util/policyVariables';

interface ArnResource {
  item: StringItem;
  arn: TypedArn;
}

/** Whether the resource can name something the action acts on. */
function applies(catalog: Catalog, action: ActionInfo, resource: ArnResource): boolean {
  const types = resourceTypesOf(catalog, action);
  // Without resource-level permissions the action needs "*". An ARN with a wildcard gets the
  // benefit of the doubt: AWS's own policies pair such actions with wildcard ARNs (`arn:aws:s3:::*`
  // for s3:ListAllMyBuckets, ssm session ARNs for ssmmessages:OpenDataChannel).
  if (types.length === 0) return hasWildcard(resource.item.value);
  return types.some(t => mayName(resource.arn, t));
}

/** The resource part of an ARN format or ARN (after the fifth colon). */
const resourcePart = (arn: string) => arn.split(':').slice(5).join(':');

/**
 * The ARN meant, when it names the parent or a child of a wanted type: `arn:aws:s3:::bucket` where
 * objects were meant gets "/*"; `arn:aws:s3:::bucket/*` where the bucket was meant (s3:ListBucket)
 * is cut back to the bucket (unless that leaves only a wildcard: every bucket is no fix).
 */
function suggestion(catalog: Catalog, resource: ArnResource, wanted: readonly ResourceTypeInfo[]): string | undefined {
  const named = formatsOfArnService(catalog, resource.arn.service)?.filter(f => mayName(resource.arn, f.type)) ?? [];
  if (named.some(n => wanted.some(w => w.arnFormat.startsWith(`${n.type.arnFormat}/`)))) return `${resource.item.value}/*`;
  const parent = wanted.find(w => named.some(n => n.type.arnFormat.startsWith(`${w.arnFormat}/`)));
  if (!parent) return undefined;
  const value = resource.item.value;
  // Stryker disable next-line StringLiteral: equivalent, a parent type is a slashless name (a bucket): one part is kept
  const kept = resourcePart(value).split('/').slice(0, resourcePart(parent.arnFormat).split('/').length).join('/');
  if (/^[*?]*$/.test(kept)) return undefined;
  return value.slice(0, value.length - resourcePart(value).length) + kept;
}

/** Resource types with the fewest variables in their ARN format first (a bucket before an access point). */
function simplestFirst(types: readonly ResourceTypeInfo[]): ResourceTypeInfo[] {
  const variables = (type: ResourceTypeInfo) => type.arnFormat.split('${').length;
  return [...types].sort((a, b) => variables(a) - variables(b));
}

/** The partition the statement's ARNs use (to write formats in), else "aws". */
function partitionOf(resources: readonly ArnResource[]): string {
  // Stryker disable next-line all: human text, the partition the message writes formats in (every ARN here parsed: arnProblem returned first)
  return resources.map(r => r.arn.parsed?.partition ?? '').find(p => /^aws[a-z-]*$/.test(p)) ?? 'aws';
}

/** Whether every action supports resource-level permissions (and there is one). */
const allScoped = perExpansion(actions => actions.length > 0 && actions.every(supportsResourceLevel));

/**
 * The resource types the actions act on, without repeats; the services of the actions and of those
 * types' ARNs, and whether one of those is a placeholder (backup's `${Vendor}`).
 */
const typesAndServices = perExpansion((actions, catalog) => {
  const types = new Set<ResourceTypeInfo>();
  const services = new Set<string>();
  for (const action of actions) {
    services.add(action.service);
    for (const type of resourceTypesOf(catalog, action)) types.add(type);
  }
  for (const type of types) services.add(arnServiceOf(type));
  return { types: [...types], services, anyService: [...services].some(hasVariable) };
});

function checkStatement(ctx: RuleContext, facts: StatementFacts): void {
  const { catalog } = ctx;
  const items = facts.statement.resource?.items ?? [];
  if (facts.actions.length === 0 || items.some(i => i.value === '*')) return;
  if (items.some(i => hasPlaceholder(i.value) || arnProblem(catalog, i.value))) return;
  const resources: ArnResource[] = items.map(item => ({ item, arn: typedArn(catalog, item.value) }));

  // An action the Service Authorization Reference lists without resource types is sometimes used
  // with ARNs anyway, by AWS itself (ssmmessages:OpenDataChannel on ssm session ARNs): then the
  // reference is no guide to which services' ARNs the statement may name.
  // (A wildcard or variable in a service prefix, and "*", expand to no action or to some without
  // resource types: allScoped is false for them.)
  const known = facts.actions.every(a => allScoped(a, catalog));
  const mismatched = new Set<ArnResource>();
  if (known) {
    const perEntry = facts.actions.map(entry => typesAndServices(entry, catalog));
    const anyService = perEntry.some(e => e.anyService);
    for (const resource of resources) {
      const { service } = resource.arn;
      if (!anyService && !hasWildcardOrVariable(service) && !perEntry.some(e => e.services.has(service))) {
        mismatched.add(resource);
        ctx.report({
          code: 'IAM210',
          offset: resource.item.offset,
          length: resource.item.length,
          message: `According to the Service Authorization Reference, no action in this statement acts on ${service} resources, so this ARN probably grants nothing here: move it to a statement with ${service} actions, or fix the service.`,
        });
      } else if (!perEntry.some(e => e.types.some(t => mayName(resource.arn, t)))) {
        mismatched.add(resource);
        const types = unionOfEntries(facts, entry => typesAndServices(entry, catalog).types);
        const wanted = types.filter(t => arnServiceOf(t) === service);
        const fix = suggestion(catalog, resource, wanted);
        const readable = simplestFirst(wanted.length ? wanted : types).map(t => readableArnFormat(t.arnFormat, partitionOf([resource])));
        const formats = [...new Set(readable)];
        ctx.report({
          code: 'IAM211',
          offset: resource.item.offset,
          length: resource.item.length,
          message: `This ARN matches no resource type of the statement's actions (Service Authorization Reference), so it probably grants nothing here.${fix ? ` Did you mean "${fix}"?` : ''} Expected ${formats.slice(0, 3).join(' or ')}${formats.length > 3 ? ', ...' : ''}.`,
          data: { replacements: fix ? [JSON.stringify(fix)] : [], resourceTypes: (wanted.length ? wanted : types).map(t => t.arnFormat) },
        });
      }
    }
  }
  if (mismatched.size === resources.length) return; // IAM210/IAM211 already tell the story
  for (const entry of facts.actions) {
    if (entry.wildcard || entry.actions.length !== 1) continue;
    const action = entry.actions[0];
    if (resources.some(r => applies(catalog, action, r))) continue;
    const types = simplestFirst(resourceTypesOf(catalog, action));
    const name = actionName(action);
    ctx.report({
      code: 'IAM212',
      offset: entry.item.offset,
      length: entry.item.length,
      message:
        types.length === 0
          ? `"${name}" does not support resource-level permissions (Service Authorization Reference), so none of these resources applies to it: move it to a statement with "Resource": "*".`
          : `None of this statement's resources is of a type "${name}" acts on (${types.map(t => t.name).join(', ')}; Service Authorization Reference), so the statement probably grants nothing for it. Add an ARN such as ${readableArnFormat(types[0].arnFormat, partitionOf(resources))}.`,
      data: { resourceTypes: types.map(t => t.arnFormat) },
    });
  }
}

export const resourceMatchRules: RuleModule = {
  rules: [
    {
      code: 'IAM210',
      name: 'resource-service-mismatch',
      category: 'resource',
      defaultSeverity: 'warning',
      summary: "A resource belongs to a service that none of the statement's actions acts on.",
    },
    {
      code: 'IAM211',
      name: 'resource-type-mismatch',
      category: 'resource',
      defaultSeverity: 'warning',
      summary: "A resource matches no resource type of the statement's actions.",
    },
    {
      code: 'IAM212',
      name: 'action-without-resource',
      category: 'resource',
      defaultSeverity: 'warning',
      summary: "None of the statement's resources applies to an action.",
    },
  ],
  check(ctx) {
    for (const facts of statementFacts(ctx.doc, ctx.catalog)) checkStatement(ctx, facts);
  },
};
