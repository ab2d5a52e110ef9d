// The Terraform plan reader: `terraform show -json plan.out` (or of a state) holds every planned
// policy as a JSON string in a resource's values. Each is read once, from resource_changes[].change.after
// (a state has no changes: its values.root_module), never again from planned_values or prior_state;
// a resource being deleted has none, and a policy Terraform knows only after apply (after_unknown)
// is not there to read. The arguments and their kinds are the Terraform reader's (policyAttributes.ts).
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { runsOf } from '../cloudformation/strings';
import type { JsonTextBody, TemplateProblem, TemplateReader, TemplateReadResult } from '../types';
import { isTerraformPlan } from './detect';
import { organizationsPolicyKind, type PolicyAttribute, POLICY_ATTRIBUTES } from './policyAttributes';

function propertyOf(node: Node | undefined, name: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key?.value === name) return value;
  }
  return undefined;
}

/** A JSON string of the plan as policy text: decoded, mapped run by run between its escapes. */
function jsonStringBody(text: string, node: Node): JsonTextBody {
  const span = { offset: node.offset, length: node.length };
  const value = String(node.value);
  return { text: value, runs: runsOf({ kind: 'scalar', span, outer: span, value, style: 'json' }, text), unknowns: [], escape: 'json-string' };
}

interface PlannedResource {
  address: string;
  type: string;
  values: Node;
  unknown?: Node;
}

/** The managed resources of resource_changes (not being deleted), or of a state's modules. */
function plannedResources(root: Node): PlannedResource[] {
  const changes = propertyOf(root, 'resource_changes');
  if (changes?.type === 'array') {
    return (changes.children ?? []).flatMap(change => {
      const address = propertyOf(change, 'address')?.value;
      const type = propertyOf(change, 'type')?.value;
      const details = propertyOf(change, 'change');
      const after = propertyOf(details, 'after');
      if (propertyOf(change, 'mode')?.value !== 'managed' || typeof address !== 'string' || typeof type !== 'string' || after?.type !== 'object') return [];
      return [{ address, type, values: after, unknown: propertyOf(details, 'after_unknown') }];
    });
  }
  const modules: Node[] = [];
  const visit = (module: Node | undefined) => {
    if (!module) return;
    modules.push(module);
    for (const child of propertyOf(module, 'child_modules')?.children ?? []) visit(child);
  };
  visit(propertyOf(propertyOf(root, 'values'), 'root_module'));
  return modules.flatMap(module =>
    (propertyOf(module, 'resources')?.children ?? []).flatMap(resource => {
      const address = propertyOf(resource, 'address')?.value;
      const type = propertyOf(resource, 'type')?.value;
      const values = propertyOf(resource, 'values');
      if (propertyOf(resource, 'mode')?.value !== 'managed' || typeof address !== 'string' || typeof type !== 'string' || values?.type !== 'object') return [];
      return [{ address, type, values }];
    }),
  );
}

/** The values at a path of nested blocks (lists of objects in a plan), with their property paths and unknown markers. */
function valuesAt(
  values: Node | undefined,
  unknown: Node | undefined,
  path: string[],
  prefix = '',
): Array<{ property: string; value: Node; unknown: boolean }> {
  const [name, ...rest] = path;
  const value = propertyOf(values, name);
  const unknownValue = propertyOf(unknown, name);
  if (!rest.length) return value ? [{ property: `${prefix}${name}`, value, unknown: unknownValue?.value === true }] : [];
  if (value?.type !== 'array') return [];
  const blocks = value.children ?? [];
  return blocks.flatMap((block, i) => valuesAt(block, unknownValue?.children?.[i], rest, `${prefix}${name}${blocks.length > 1 ? `[${i}]` : ''}.`));
}

function problemOf(error: ParseError): TemplateProblem {
  return { offset: error.offset, length: error.length, message: `This Terraform plan is not valid JSON here (${printParseErrorCode(error.error)}).` };
}

export const terraformPlanReader: TemplateReader = {
  format: 'terraform-plan',
  detect: isTerraformPlan,
  read(_uri, text): TemplateReadResult | undefined {
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    if (!root || (!propertyOf(root, 'resource_changes') && !propertyOf(root, 'planned_values') && !propertyOf(root, 'values'))) return undefined;
    const result: TemplateReadResult = {
      format: 'terraform-plan',
      policies: [],
      namedPolicies: [],
      policyFiles: [],
      problems: errors.slice(0, 1).map(problemOf),
    };
    for (const { address, type, values, unknown } of plannedResources(root)) {
      for (const [path, declared] of Object.entries(POLICY_ATTRIBUTES[type] ?? {})) {
        const attribute: PolicyAttribute | undefined =
          type === 'aws_organizations_policy' ? organizationsPolicyKind(propertyOf(values, 'type')?.value ?? undefined) : declared;
        if (!attribute) continue;
        for (const { property, value, unknown: later } of valuesAt(values, unknown, path.split('.'))) {
          if (later || value.type !== 'string' || !String(value.value).trimStart().startsWith('{')) continue;
          result.policies.push({
            body: { json: jsonStringBody(text, value) },
            kind: attribute.kind,
            ...(attribute.limit ? { limit: attribute.limit } : {}),
            resource: address,
            resourceType: type,
            property,
            span: { offset: value.offset, length: value.length },
          });
        }
      }
    }
    return result;
  },
};
