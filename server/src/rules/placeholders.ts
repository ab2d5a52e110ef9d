// IAM090: a template placeholder (`<ACCOUNT_ID>`, `{AccountId}`) left in a value. A warning, not an error: the
// policy is well-formed, it just cannot do what it means until the placeholder is replaced.
import type { Node } from 'jsonc-parser';
import { firstPlaceholder } from '../policy/placeholders';
import type { RuleModule } from './types';

/**
 * Every string value under a node (object keys excluded), in text order. Iterative: nested
 * `yield*` overflowed the stack on deeply nested input and cost O(depth) per value.
 */
function* stringValues(root: Node | undefined): Generator<Node> {
  // Stryker disable next-line ArrayDeclaration: equivalent, an element that is no node has no children to walk
  const pending = root ? [root] : [];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'string') yield node;
    else if (node.type === 'property') {
      // Stryker disable next-line ConditionalExpression,OptionalChaining: equivalent, a property without a value is a syntax error, after which findings are dropped (features/diagnostics.ts)
      if (node.children?.[1]) pending.push(node.children[1]);
    } else for (let i = (node.children?.length ?? 0) - 1; i >= 0; i--) pending.push(node.children![i]);
  }
}

export const placeholderRules: RuleModule = {
  rules: [
    {
      code: 'IAM090',
      name: 'placeholder',
      category: 'grammar',
      defaultSeverity: 'warning',
      summary: 'A template placeholder such as <ACCOUNT_ID> is left in a value.',
    },
  ],
  check(ctx) {
    for (const node of stringValues(ctx.doc.statementEntry?.valueNode)) {
      const value = node.value as string;
      const placeholder = firstPlaceholder(value);
      if (!placeholder) continue;
      ctx.report({
        code: 'IAM090',
        offset: node.offset,
        length: node.length,
        message: `"${placeholder}" is a placeholder: replace it with the real value before you use this policy.`,
      });
    }
  },
};
