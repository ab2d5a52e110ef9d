// IAM350-IAM351: policy variables (${aws:username}) in Resource and condition values. Source: IAM User
// Guide, "IAM policy elements: Variables and tags" (reference_policies_variables.html): variables work only
// with "Version": "2012-10-17" — with 2008-10-17 or no Version they are literal text; a variable is any
// request-context key, or ${*}, ${?}, ${$} for the literal characters; a default is written
// ${aws:username, 'anonymous'}. "Access Analyzer policy check reference": "Missing brace in variable".
import type { Catalog } from '../catalog/types';
import type { Span } from '../policy/model';
import type { RuleContext, RuleModule } from './types';
import { hasVariable } from '../util/policyVariables';

const SPECIAL_VARIABLES = new Set(['*', '?', '$']);
const DEFAULT_VALUE = /^(.*?)\s*,\s*'[^']*'\s*$/;

export interface VariableUse extends Span {
  /** the name inside ${...}, without a default value; undefined when the closing brace is missing */
  name: string | undefined;
}

/** The ${...} variables in the source text of a string (without its quotes) that starts at `textOffset`. */
export function variablesIn(text: string, textOffset: number): VariableUse[] {
  const uses: VariableUse[] = [];
  for (let start = text.indexOf('${'); start >= 0; start = text.indexOf('${', start + 2)) {
    const end = text.indexOf('}', start + 2);
    const raw = end < 0 ? undefined : text.slice(start + 2, end);
    const name = raw === undefined ? undefined : (DEFAULT_VALUE.exec(raw)?.[1] ?? raw).trim();
    uses.push({ name, offset: textOffset + start, length: (end < 0 ? text.length : end + 1) - start });
    if (end < 0) break;
  }
  return uses;
}

function isKnownVariable(name: string, catalog: Catalog): boolean {
  return SPECIAL_VARIABLES.has(name) || catalog.conditionKey(name) !== undefined;
}

/** Every string where variables count: Resource/NotResource items and condition values. */
function* variableStrings(ctx: RuleContext): Generator<Span> {
  for (const statement of ctx.doc.statements) {
    for (const element of [statement.resource, statement.notResource]) yield* element?.items ?? [];
    for (const operator of statement.condition?.operators ?? []) {
      for (const key of operator.keys) yield* key.values.filter(v => typeof v.value === 'string');
    }
  }
}

export const conditionVariableRules: RuleModule = {
  rules: [
    { code: 'IAM350', name: 'policy-variable-needs-2012-10-17', category: 'condition', defaultSeverity: 'warning', summary: 'A policy variable in a policy without "Version": "2012-10-17".' },
    { code: 'IAM351', name: 'unknown-policy-variable', category: 'condition', defaultSeverity: 'warning', summary: 'A policy variable that names no known context key, or lacks its closing brace.' },
  ],
  check(ctx) {
    if (!hasVariable(ctx.doc.text)) return;   // most policies have no variables
    const version = ctx.doc.version?.valueNode?.value;
    const literal = version !== '2012-10-17';
    for (const span of variableStrings(ctx)) {
      // the source text between the quotes, so that spans stay right whatever escapes the string has
      const source = ctx.doc.text.slice(span.offset + 1, span.offset + span.length - 1);
      if (!hasVariable(source)) continue;
      for (const use of variablesIn(source, span.offset + 1)) {
        // a template's placeholder (${HOME_REGION}) is no policy variable: IAM351 says what it is
        const placeholder = use.name !== undefined && !use.name.includes(':') && !SPECIAL_VARIABLES.has(use.name);
        if (literal && !placeholder) {
          ctx.report({ code: 'IAM350', offset: use.offset, length: use.length,
            message: `Policy variables need "Version": "2012-10-17": ${version === undefined ? 'without a Version' : `with "Version": ${JSON.stringify(version)}`} IAM reads this as literal text. Set the Version to "2012-10-17".` });
        }
        if (use.name === undefined) {
          ctx.report({ code: 'IAM351', offset: use.offset, length: use.length,
            message: 'The policy variable has no closing brace: write it as ${aws:username}.' });
        } else if (!isKnownVariable(use.name, ctx.catalog)) {
          ctx.report({ code: 'IAM351', offset: use.offset, length: use.length,
            message: use.name.includes(':')
              ? `"${use.name}" is not a known condition key, so \${${use.name}} has no value in requests. Use a context key such as \${aws:username} or \${aws:PrincipalTag/team}.`
              : `\${${use.name}} looks like a template placeholder, not a policy variable (variables name context keys, such as \${aws:PrincipalAccount}): replace it before you use the policy.` });
        }
      }
    }
  },
};
