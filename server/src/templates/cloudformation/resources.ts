// The policies of a template's `Resources`: every property that holds a policy document
// (policyProperties.ts), AWS::Events::EventBusPolicy's single statement, and SAM's Policies (sam.ts).
import type { EmbeddedPolicySource } from '../types';
import { chooseBranch, intrinsicOf, NO_VALUE, type ReadContext, resolve } from './intrinsics';
import { type FoundPolicies, type PolicyPlace, policyFrom, wrapStatements } from './policies';
import { ORGANIZATIONS_POLICY_KINDS, POLICY_PROPERTIES, type PolicyProperty } from './policyProperties';
import { entryOf, type RawMap, type RawNode, stringOf } from './raw';
import { readSamResource } from './sam';

/** The nodes at a property path (`Policies[].PolicyDocument`), with the path each was found at. */
function nodesAt(properties: RawMap, path: string, ctx: ReadContext): Array<{ node: RawNode; property: string; partial: boolean }> {
  let found = [{ node: properties as RawNode, property: '', partial: false }];
  for (const step of path.split('.')) {
    const list = step.endsWith('[]');
    const name = list ? step.slice(0, -2) : step;
    const next: typeof found = [];
    for (const at of found) {
      ctx.partial = at.partial;
      const parent = chooseBranch(at.node, ctx);
      const entry = parent === NO_VALUE ? undefined : entryOf(parent, name);
      if (!entry) continue;
      const property = at.property ? `${at.property}.${name}` : name;
      const value = chooseBranch(entry.value, ctx);
      if (value === NO_VALUE) continue;
      if (!list) {
        next.push({ node: entry.value, property, partial: ctx.partial });
        continue;
      }
      if (value.kind !== 'seq' || value.tag) continue;
      value.items.forEach((item, index) => next.push({ node: item, property: `${property}[${index}]`, partial: ctx.partial }));
    }
    found = next;
  }
  return found;
}

/** The kind and quota a resource gives one of its policy properties. */
function placeOf(property: PolicyProperty, properties: RawMap): Pick<PolicyPlace, 'kind' | 'limit'> | undefined {
  if (property.kindFrom === 'organizations-type') {
    const type = entryOf(properties, 'Type')?.value;
    const literal = type && !intrinsicOf(type) ? stringOf(type) : undefined;
    if (literal === undefined) return {};
    const kind = ORGANIZATIONS_POLICY_KINDS[literal];
    return kind ? { kind, limit: kind === 'scp' ? 'scp' : 'rcp' } : undefined;
  }
  if (property.limitFrom === 'attached-entities') {
    const attached = (['Roles', 'Users', 'Groups'] as const).filter(name => entryOf(properties, name));
    const limits = { Roles: 'inline-role', Users: 'inline-user', Groups: 'inline-group' } as const;
    return { kind: property.kind, limit: attached.length === 1 ? limits[attached[0]] : undefined };
  }
  return { kind: property.kind, limit: property.limit };
}

/**
 * AWS::Events::EventBusPolicy: its `Statement` property is one statement beside StatementId, which
 * EventBridge adds to the bus's resource policy (AWS::Events::EventBusPolicy, "Statement").
 */
function eventBusStatement(resource: string, properties: RawMap, ctx: ReadContext): EmbeddedPolicySource | undefined {
  const entry = entryOf(properties, 'Statement');
  if (!entry) return undefined;
  ctx.partial = false;
  const statement = resolve(entry.value, ctx);
  if (statement === NO_VALUE || statement.kind !== 'object') return undefined;
  return {
    body: { tree: wrapStatements(statement, entry, entry.span) },
    kind: 'resource',
    resource,
    resourceType: 'AWS::Events::EventBusPolicy',
    property: 'Statement',
    span: entry.value.outer,
    // the bus's other statements are added by other resources
    partial: true,
  };
}

/** Every policy of a `Resources` map (CloudFormation, SAM, or a Serverless `resources.Resources`). */
export function readResources(resources: RawNode | undefined, ctx: ReadContext): FoundPolicies {
  const found: FoundPolicies = { policies: [], namedPolicies: [] };
  if (resources?.kind !== 'map' || resources.tag) return found;
  for (const { key: resource, value } of resources.entries) {
    const type = stringOf(entryOf(value, 'Type')?.value);
    const properties = entryOf(value, 'Properties')?.value;
    if (!type || properties?.kind !== 'map' || properties.tag) continue;
    for (const property of POLICY_PROPERTIES.get(type) ?? []) {
      const place = placeOf(property, properties);
      if (!place) continue;
      for (const at of nodesAt(properties, property.path, ctx)) {
        const policy = policyFrom(at.node, { resource, resourceType: type, property: at.property, ...place }, ctx, at.partial);
        if (policy) found.policies.push(policy);
      }
    }
    if (type === 'AWS::Events::EventBusPolicy') {
      const policy = eventBusStatement(resource, properties, ctx);
      if (policy) found.policies.push(policy);
    }
    if (type.startsWith('AWS::Serverless::')) readSamResource(resource, type, properties, ctx, found);
  }
  return found;
}
