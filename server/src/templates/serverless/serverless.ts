// The Serverless Framework reader (serverless.yml). The framework puts the statements of
// `provider.iam.role.statements` (v3; `provider.iamRoleStatements` before) into the inline policy of
// the functions' role, beside statements of its own (serverless.com/framework/docs/providers/aws/guide/iam).
// With the serverless-iam-roles-per-function plugin, a function's `iamRoleStatements` make a role of
// its own. `resources.Resources` is CloudFormation, read by the CloudFormation reader's code.
// Serverless variables (`${self:custom.table}`, `${opt:stage, 'dev'}`) are unknown, like intrinsics.
import type { HostValue } from '../hostTree';
import type { TemplateReader, TemplateReadResult } from '../types';
import { NO_VALUE, type ReadContext, resolve } from '../cloudformation/intrinsics';
import { type FoundPolicies, wrapStatements } from '../cloudformation/policies';
import { entryOf, parseYamlTemplate, type RawEntry, type RawNode, readSafely, stringOf } from '../cloudformation/raw';
import { readResources } from '../cloudformation/resources';
import { isServerlessTemplate } from '../cloudformation/detect';

const ROLES_PER_FUNCTION = 'serverless-iam-roles-per-function';

/** A list of statements as the identity policy the framework makes of it. */
function statementsPolicy(entry: RawEntry, resource: string, property: string, ctx: ReadContext, found: FoundPolicies): void {
  ctx.partial = false;
  const statements: HostValue | typeof NO_VALUE = resolve(entry.value, ctx);
  if (statements === NO_VALUE || (statements.kind !== 'array' && statements.kind !== 'object')) return;
  found.policies.push({
    body: { tree: wrapStatements(statements, entry, entry.span) },
    kind: 'identity',
    limit: 'inline-role',
    resource,
    resourceType: 'serverless',
    property,
    span: entry.value.outer,
    // the framework (or the plugin) adds statements of its own (logs, streams...) to the role's policy
    partial: true,
  });
}

function usesPlugin(root: RawNode, plugin: string): boolean {
  const plugins = entryOf(root, 'plugins')?.value;
  const list = plugins?.kind === 'map' ? entryOf(plugins, 'modules')?.value : plugins;
  return list?.kind === 'seq' && list.items.some(item => stringOf(item) === plugin);
}

function readServerless(root: RawNode, text: string): FoundPolicies {
  const ctx: ReadContext = { text, serverless: true, partial: false };
  const found: FoundPolicies = { policies: [], namedPolicies: [] };
  const provider = entryOf(root, 'provider')?.value;
  const role = entryOf(entryOf(provider, 'iam')?.value, 'role')?.value;
  // `provider.iam.role` as a string names an existing role: no policy here
  const statements = entryOf(role, 'statements');
  if (statements) statementsPolicy(statements, 'provider.iam.role', 'statements', ctx, found);
  const legacy = entryOf(provider, 'iamRoleStatements');
  if (legacy) statementsPolicy(legacy, 'provider', 'iamRoleStatements', ctx, found);
  const functions = entryOf(root, 'functions')?.value;
  if (functions?.kind === 'map' && usesPlugin(root, ROLES_PER_FUNCTION)) {
    for (const fn of functions.entries) {
      const own = entryOf(fn.value, 'iamRoleStatements');
      if (own) statementsPolicy(own, `functions.${fn.key}`, 'iamRoleStatements', ctx, found);
    }
  }
  const resources = entryOf(root, 'resources')?.value;
  // `resources` is a map, or a list of maps and `${file(...)}` references
  for (const part of resources?.kind === 'seq' ? resources.items : resources ? [resources] : []) {
    const more = readResources(entryOf(part, 'Resources')?.value, ctx);
    found.policies.push(...more.policies);
    found.namedPolicies.push(...more.namedPolicies);
  }
  return found;
}

export const serverlessReader: TemplateReader = {
  format: 'serverless',
  detect: isServerlessTemplate,
  read(_uri, text): TemplateReadResult | undefined {
    return readSafely('serverless', () => {
      const parsed = parseYamlTemplate(text);
      const root = parsed.root;
      const isServerless = root?.kind === 'map' && (entryOf(root, 'service') || entryOf(root, 'provider'));
      if (!isServerless && !parsed.problems.length) return undefined;
      const found = isServerless ? readServerless(root, text) : { policies: [], namedPolicies: [] };
      return { format: 'serverless', ...found, policyFiles: [], problems: parsed.problems };
    });
  },
};
