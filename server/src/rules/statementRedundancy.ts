// IAM051-IAM053: statement parts that add nothing. Source: "IAM policy validation check reference"
// (access-analyzer-reference-policy-checks.html), suggestions: "Empty Sid value" (a Sid of "" identifies
// nothing: the console once wrote it into trust policies, and IAM accepts it), "Empty object condition"
// ("Condition": {} tests nothing) and "Redundant statement" (a statement identical to another, its Sid
// aside: removing it changes nothing, and the two copies drift apart when one is edited). Hints, faded,
// each with the fix that removes the part.
import { getNodeValue } from 'jsonc-parser';
import type { Statement } from '../policy/model';
import { keySpan } from '../analysis/spans';
import type { RuleContext, RuleModule } from './types';

/** The value with the keys of every object in sorted order: two statements that differ only in key order are one. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(object)
        .sort()
        .map(key => [key, canonical(object[key])]),
    );
  }
  return value;
}

/** The statement without its Sid, in canonical form; undefined when it repeats a key (IAM031: JSON would hide one). */
function statementKey(statement: Statement): string | undefined {
  const names = statement.entries.map(e => e.name);
  if (new Set(names).size !== names.length) return undefined;
  const value = getNodeValue(statement.node) as Record<string, unknown>;
  const { Sid: _sid, ...rest } = value;
  return JSON.stringify(canonical(rest));
}

function checkIdentical(ctx: RuleContext): void {
  const seen = new Map<string, Statement>();
  for (const statement of ctx.doc.statements) {
    if (statement.node.type !== 'object') continue;
    const key = statementKey(statement);
    if (key === undefined) continue;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, statement);
      continue;
    }
    ctx.report({
      code: 'IAM053',
      offset: statement.node.offset,
      length: 1,
      unnecessary: true,
      message: `This statement is identical to statement ${first.index + 1}${first.sid ? ` ("${String(first.sid.valueNode?.value)}")` : ''}: it grants or denies nothing more. Remove it.`,
      related: [{ offset: first.node.offset, length: 1, message: 'the same statement' }],
    });
  }
}

export const statementRedundancyRules: RuleModule = {
  rules: [
    { code: 'IAM051', name: 'empty-sid', category: 'grammar', defaultSeverity: 'hint', summary: 'A Sid that is the empty string.' },
    {
      code: 'IAM052',
      name: 'empty-condition',
      category: 'grammar',
      defaultSeverity: 'hint',
      summary: 'A Condition element without conditions: "Condition": {}.',
    },
    {
      code: 'IAM053',
      name: 'identical-statements',
      category: 'grammar',
      defaultSeverity: 'hint',
      summary: 'A statement identical to another one (Sid aside).',
    },
  ],
  check(ctx) {
    for (const statement of ctx.doc.statements) {
      const sid = statement.sid;
      if (sid?.valueNode?.type === 'string' && sid.valueNode.value === '') {
        ctx.report({
          code: 'IAM051',
          ...keySpan(sid),
          unnecessary: true,
          message: 'The Sid is empty: it identifies nothing. Name the statement ("Sid": "AllowReadOnly"), or remove the Sid.',
        });
      }
      const condition = statement.condition?.entry;
      if (condition?.valueNode?.type === 'object' && condition.valueNode.children!.length === 0) {
        ctx.report({
          code: 'IAM052',
          ...keySpan(condition),
          unnecessary: true,
          message: '"Condition": {} tests nothing: remove it, or add the conditions you meant.',
        });
      }
    }
    checkIdentical(ctx);
  },
};
