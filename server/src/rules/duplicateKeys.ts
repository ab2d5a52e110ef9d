// IAM031: the same key twice in one JSON object. JSON parsers keep the last one silently, so the first
// is ignored without a word; IAM rejects the policy. Source: IAM User Guide, "Grammar of the IAM JSON
// policy language", notes: "Individual elements must not contain multiple instances of the same key.
// For example, you cannot include the Effect block twice in the same statement."
// (reference_policies_grammar.html#policies-grammar-notes)
import type { Node } from 'jsonc-parser';
import type { RuleContext, RuleModule } from './types';

/** The objects of policies have a handful of keys: comparing each with the earlier ones beats a Map. */
const MAP_FROM = 16;

/**
 * A property's key. Both parsers (jsonc-parser's parseTree, policy/strictJson.ts) give every object its
 * list of properties, and every property its key, a string node, as first child.
 */
function keyOf(property: Node): Node {
  return property.children![0];
}

/** The earlier key of the object with the same name as its property at `index`, if any. */
function earlierKey(properties: Node[], index: number, name: string, seen: Map<string, Node> | undefined): Node | undefined {
  // Stryker disable next-line ConditionalExpression: equivalent, the map only saves time on large objects (both ways tested)
  if (seen) return seen.get(name);
  for (let i = 0; i < index; i++) {
    const key = keyOf(properties[i]);
    if (key.value === name) return key;
  }
  return undefined;
}

function checkObject(ctx: RuleContext, object: Node): void {
  const properties = object.children!;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, as in earlierKey
  const seen = properties.length >= MAP_FROM ? new Map<string, Node>() : undefined;
  for (let index = 0; index < properties.length; index++) {
    const key = keyOf(properties[index]);
    const name = key.value as string;
    const first = earlierKey(properties, index, name, seen);
    if (!first) {
      seen?.set(name, key);
      continue;
    }
    ctx.report({
      code: 'IAM031',
      offset: key.offset,
      length: key.length,
      message: `"${name}" appears twice in the same object: IAM rejects the policy (and JSON tools silently keep only the last one). Merge the two or remove one.`,
      related: [{ offset: first.offset, length: first.length, message: `first "${name}"` }],
    });
  }
}

/** Every object of the tree, iteratively (deeply nested input must not overflow the stack). */
function checkTree(ctx: RuleContext, root: Node | undefined): void {
  const stack = root?.children ? [root] : [];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'object') checkObject(ctx, node);
    // only nodes with children: leaves (most of a policy's nodes) have nothing to visit
    for (const child of node.children!) if (child.children) stack.push(child); // not push(...): 100,000s of items overflow the stack
  }
}

export const duplicateKeyRules: RuleModule = {
  rules: [{ code: 'IAM031', name: 'duplicate-key', category: 'grammar', defaultSeverity: 'error', summary: 'The same key appears twice in one object.' }],
  check(ctx) {
    checkTree(ctx, ctx.doc.root);
  },
};
