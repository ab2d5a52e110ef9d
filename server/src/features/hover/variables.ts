// Hover on a policy variable inside a Resource or Condition value: `${aws:username}`, a tag
// variable, `${key, 'default'}`, or the escapes `${*}`, `${?}`, `${$}`. Source: IAM User Guide,
// "IAM policy elements: Variables and tags"
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
import type { Catalog } from '../../catalog/types';
import type { PolicyDocument, Span } from '../../policy/model';
import { code, escapeMarkdown } from './markdown';
import { POLICY_VARIABLE } from '../../util/policyVariables';

const ESCAPES: Record<string, string> = {
  '*': 'a literal `*` character, not a wildcard',
  '?': 'a literal `?` character, not a wildcard',
  $: 'a literal `$` character',
};

/** The `${...}` that covers `offset`, as a text span, inside the text range [start, end). */
export function variableAt(text: string, start: number, end: number, offset: number): Span | undefined {
  for (const match of text.slice(start, end).matchAll(POLICY_VARIABLE)) {
    const from = start + match.index;
    if (offset >= from && offset < from + match[0].length) return { offset: from, length: match[0].length };
  }
  return undefined;
}

function meaning(catalog: Catalog, name: string): string {
  const variable = catalog.policyVariables().find(v => v.name.toLowerCase() === name.toLowerCase());
  if (variable) return escapeMarkdown(variable.description);
  const key = catalog.conditionKey(name);
  if (!key) return 'Not a known condition key: check the spelling.';
  const described = key.description ? `${escapeMarkdown(key.description)}` : `the value of ${code(key.key)}`;
  return key.multiValued ? `${described}\n\n⚠ ${code(key.key)} is multivalued: multivalued keys cannot be used as policy variables.` : described;
}

export function variableMarkdown(doc: PolicyDocument, catalog: Catalog, variable: string): string {
  const inner = variable.slice(2, -1);
  if (ESCAPES[inner]) return `${code(variable)} — ${ESCAPES[inner]}.`;
  const comma = inner.indexOf(',');
  const name = (comma >= 0 ? inner.slice(0, comma) : inner).trim();
  const fallback = comma >= 0 ? inner.slice(comma + 1).trim() : undefined;
  const parts = [`Policy variable ${code(name)} — replaced by the request's value of the key`, meaning(catalog, name)];
  parts.push(
    fallback !== undefined
      ? `When the key is absent, the default ${code(fallback)} is used.`
      : "When the key is absent from the request, the variable has no value and the value it is in matches nothing (add a default: `${key, 'default'}`).",
  );
  if (doc.version?.valueNode?.value !== '2012-10-17') {
    parts.push('⚠ Variables need `"Version": "2012-10-17"`; in this policy they are matched as literal text.');
  }
  return parts.join('\n\n');
}
