// IAM010-IAM013, IAM038: element names at the top level and in statements, and the Effect and
// Version values. Source: IAM User Guide, "Grammar of the IAM JSON policy language"
// (reference_policies_grammar.html) and "IAM JSON policy elements: Effect / Version": element
// names and the Effect value are case-sensitive; Version is 2012-10-17 or 2008-10-17, and "if you
// do not include a Version element, the value defaults to 2008-10-17", where policy variables are
// plain text: AWS recommends always writing "2012-10-17".
import { closestNames } from '../util/closest';
import type { Entry } from '../policy/model';
import type { RuleContext, RuleModule } from './types';

export const TOP_LEVEL_ELEMENTS = ['Version', 'Id', 'Statement'] as const;
export const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;
export const EFFECTS = ['Allow', 'Deny'] as const;
export const VERSIONS = ['2012-10-17', '2008-10-17'] as const;

function checkNames(ctx: RuleContext, entries: readonly Entry[], known: readonly string[], code: string, where: string): void {
  for (const entry of entries) {
    if (known.includes(entry.name)) continue;
    const replacements = closestNames(entry.name, known, 3);
    const hint = replacements.length ? ` Did you mean ${replacements.map(r => `"${r}"`).join(' or ')}?` : ` Allowed: ${known.join(', ')}.`;
    ctx.report({
      code,
      offset: entry.keyNode.offset,
      length: entry.keyNode.length,
      message: `"${entry.name}" is not an element of ${where}: IAM rejects unknown elements (names are case-sensitive).${hint}`,
      data: { replacements: replacements.map(r => JSON.stringify(r)) },
    });
  }
}

function checkValue(ctx: RuleContext, entry: Entry | undefined, allowed: readonly string[], code: string, what: string): void {
  const value = entry?.valueNode;
  if (!value || (value.type === 'string' && allowed.includes(value.value))) return;
  const text = value.type === 'string' ? `"${value.value}"` : `a ${value.type}`;
  const replacements = value.type === 'string' ? closestNames(value.value, allowed, allowed.length) : [...allowed];
  ctx.report({
    code,
    offset: value.offset,
    length: value.length,
    message: `${what} must be exactly ${allowed.map(a => `"${a}"`).join(' or ')} (case-sensitive), not ${text}.`,
    data: { replacements: (replacements.length ? replacements : [...allowed]).map(r => JSON.stringify(r)) },
  });
}

export const elementRules: RuleModule = {
  rules: [
    {
      code: 'IAM010',
      name: 'unknown-policy-element',
      category: 'grammar',
      defaultSeverity: 'error',
      summary: 'Unknown element at the top level of the policy.',
    },
    { code: 'IAM011', name: 'unknown-statement-element', category: 'grammar', defaultSeverity: 'error', summary: 'Unknown element in a statement.' },
    { code: 'IAM012', name: 'invalid-effect', category: 'grammar', defaultSeverity: 'error', summary: 'Effect is not exactly "Allow" or "Deny".' },
    { code: 'IAM013', name: 'invalid-version', category: 'grammar', defaultSeverity: 'error', summary: 'Version is not "2012-10-17" or "2008-10-17".' },
    {
      code: 'IAM038',
      name: 'missing-version',
      category: 'grammar',
      defaultSeverity: 'information',
      summary: 'The policy has no Version: it is read as "2008-10-17".',
    },
  ],
  check(ctx) {
    const { doc } = ctx;
    if (doc.root?.type !== 'object') return;
    checkNames(ctx, doc.topEntries, TOP_LEVEL_ELEMENTS, 'IAM010', 'a policy');
    checkValue(ctx, doc.version, VERSIONS, 'IAM013', 'Version');
    // a "version" in another spelling is IAM010's finding, whose fix renames it: adding a Version too would make two
    const versionMisspelt = doc.topEntries.some(e => e.name !== 'Version' && closestNames(e.name, TOP_LEVEL_ELEMENTS, 1)[0] === 'Version');
    if (!doc.version && !versionMisspelt) {
      ctx.report({
        code: 'IAM038',
        offset: doc.root.offset,
        length: 1,
        message:
          'The policy has no "Version", so IAM reads it as "2008-10-17", where policy variables such as ${aws:username} are plain text. Add "Version": "2012-10-17".',
      });
    }
    for (const statement of doc.statements) {
      checkNames(ctx, statement.entries, STATEMENT_ELEMENTS, 'IAM011', 'a statement');
      checkValue(ctx, statement.effect, EFFECTS, 'IAM012', 'Effect');
    }
  },
};
