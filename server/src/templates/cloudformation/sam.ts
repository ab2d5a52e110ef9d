// AWS SAM resources (Transform: AWS::Serverless-2016-10-31). A function's or state machine's
// `Policies` is a managed policy name or ARN, a policy template (`S3ReadPolicy: {BucketName: ...}`),
// an inline policy document, or a list of these (AWS SAM Developer Guide,
// sam-resource-function.html#sam-function-policies and sam-resource-statemachine.html): SAM puts the
// documents into the execution role it creates, as inline policies. An API's
// `Auth.ResourcePolicy.CustomStatements` are statements SAM adds to the API's resource policy
// (sam-property-api-apigatewayresourcepolicy.html).
import { intrinsicOf, NO_VALUE, chooseBranch, type ReadContext, resolve } from './intrinsics';
import { entryOf, type RawMap, type RawNode } from './raw';
import { type FoundPolicies, policyFrom, wrapStatements } from './policies';

const WITH_POLICIES = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);

/** A name or ARN written as a string (possibly an Fn::Sub): the text with unknowns as `${...}`. */
function nameOf(node: RawNode, ctx: ReadContext): string | undefined {
  const value = resolve(node, ctx);
  if (value === NO_VALUE || value.kind !== 'string') return undefined;
  return value.parts.map(part => ('literal' in part ? part.literal : `\${${part.unknown}}`)).join('');
}

function isDocument(node: RawNode): boolean {
  return node.kind === 'map' && !node.tag && !intrinsicOf(node) && entryOf(node, 'Statement') !== undefined;
}

function readPolicyItem(resource: string, type: string, node: RawNode, property: string, partial: boolean, ctx: ReadContext, found: FoundPolicies): void {
  ctx.partial = partial;
  const item = chooseBranch(node, ctx);
  if (item === NO_VALUE) return;
  if (isDocument(item)) {
    const policy = policyFrom(node, { resource, resourceType: type, property, kind: 'identity', limit: 'inline-role' }, ctx, partial);
    if (policy) found.policies.push(policy);
    return;
  }
  if (item.kind === 'map' && !item.tag && !intrinsicOf(item)) {
    // policy templates, one a key: `- S3ReadPolicy: {BucketName: !Ref Bucket}`
    for (const entry of item.entries) found.namedPolicies.push({ name: entry.key, span: entry.keySpan, resource });
    return;
  }
  const name = nameOf(item, ctx);
  if (name) found.namedPolicies.push({ name, span: item.outer, resource });
}

export function readSamResource(resource: string, type: string, properties: RawMap, ctx: ReadContext, found: FoundPolicies): void {
  if (WITH_POLICIES.has(type)) {
    const entry = entryOf(properties, 'Policies');
    if (!entry) return;
    ctx.partial = false;
    const value = chooseBranch(entry.value, ctx);
    if (value === NO_VALUE) return;
    const partial = ctx.partial;
    if (value.kind === 'seq' && !value.tag) {
      value.items.forEach((item, index) => readPolicyItem(resource, type, item, `Policies[${index}]`, partial, ctx, found));
    } else {
      readPolicyItem(resource, type, entry.value, 'Policies', false, ctx, found);
    }
    return;
  }
  if (type === 'AWS::Serverless::Api') {
    const resourcePolicy = entryOf(entryOf(properties, 'Auth')?.value, 'ResourcePolicy')?.value;
    const entry = entryOf(resourcePolicy, 'CustomStatements');
    if (!entry) return;
    ctx.partial = false;
    const statements = resolve(entry.value, ctx);
    if (statements === NO_VALUE || (statements.kind !== 'array' && statements.kind !== 'object')) return;
    found.policies.push({
      body: { tree: wrapStatements(statements, entry, entry.span) },
      kind: 'resource',
      resource,
      resourceType: type,
      property: 'Auth.ResourcePolicy.CustomStatements',
      span: entry.value.outer,
      // SAM adds the statements of the other ResourcePolicy settings (IP ranges, VPCs...) to them
      partial: true,
    });
  }
}
