// IAM031: the same key twice in one JSON object. JSON parsers keep the last one silently, so the first
// is ignored without a word; IAM rejects the policy. Source: IAM User Guide, "Grammar of the IAM JSON
// policy language", notes: "Individual elements must not contain multiple instances of the same key.
// For example, you cannot include the Effect block twice in the same statement."
// (reference_policies_grammar.html#policies-grammar-notes)
import type { Node } from 'jsonc-parser';
import type { RuleContext, RuleModule } from './types';

function checkObject(ctx: RuleContext, object: Node): void {
  if ((object.children?.length ?? 0) < 2) return;
  const seen = new Map<string, Node>();
  for (const property of object.children ?? []) {
    const key = property.children?.[0];
    if (key?.type !== 'string') continue;
    const name = key.value as string;
    const first = seen.get(name);
    if (!first) {
      seen.set(name, key);
      continue;
    }
    ctx.report({ code: 'IAM031', offset: key.offset, length: key.length,
      message: `"${name}" appears twice in the same object: IAM rejects the policy (and JSON tools silently keep only the last one). Merge the two or remove one.`,
      related: [{ offset: first.offset, length: first.length, message: `first "${name}"` }] });
  }
}

/** Every object of the tree, iteratively (deeply nested input must not overflow the stack). */
function checkTree(ctx: RuleContext, root: Node | undefined): void {
  const stack = root ? [root] : [];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'object') checkObject(ctx, node);
    for (const child of node.children ?? []) stack.push(child); // not push(...): 100,000s of items overflow the stack
  }
}

export const duplicateKeyRules: RuleModule = {
  rules: [
    { code: 'IAM031', name: 'duplicate-key', category: 'grammar', defaultSeverity: 'error', summary: 'The same key appears twice in one object.' },
  ],
  check(ctx) {
    checkTree(ctx, ctx.doc.root);
  },
};
