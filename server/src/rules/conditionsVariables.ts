// IAM350-IAM353: policy variables (${aws:username}). Source: IAM User Guide, "IAM policy elements:
// Variables and tags" (reference_policies_variables.html): variables work only with "Version":
// "2012-10-17" — with 2008-10-17 or no Version they are literal text; a variable is any request-context
// key, or ${*}, ${?}, ${$} for the literal characters; a default value is written after a comma, in
// single quotes: ${aws:username, 'anonymous'}; variables go in the Resource element and in condition
// values. "IAM policy validation check reference": "Missing brace in variable", "Missing quote in
// variable", "Unsupported space in variable", "Empty variable" (IAM352: the variable is not read as
// meant) and "Variable unsupported in element" (IAM353: a variable in Action or Principal, which IAM
// reads literally). Access Analyzer calls them errors; no AWS page says IAM rejects the policy, so they
// are warnings. A template's substitution (${AWS::AccountId}, ${var.name}: no single colon) is no policy
// variable and is left alone in the other elements.
import type { Catalog } from '../catalog/types';
import type { Span } from '../policy/model';
import { isUnknownToken } from '../policy/unknowns';
import type { RuleContext, RuleModule } from './types';
import { hasVariable } from '../util/policyVariables';

const SPECIAL_VARIABLES = new Set(['*', '?', '$']);
const DEFAULT_VALUE = /^(.*?)\s*,\s*'[^']*'\s*$/;

export interface VariableUse extends Span {
  /** the name inside ${...}, without a default value; undefined when the closing brace is missing */
  name: string | undefined;
  /** the text between the braces as written (to the end of the string without a closing brace) */
  raw: string;
}

/** The ${...} variables in the source text of a string (without its quotes) that starts at `textOffset`. */
export function variablesIn(text: string, textOffset: number): VariableUse[] {
  const uses: VariableUse[] = [];
  for (let start = text.indexOf('${'); start >= 0; start = text.indexOf('${', start + 2)) {
    const end = text.indexOf('}', start + 2);
    const raw = end < 0 ? undefined : text.slice(start + 2, end);
    const name = raw === undefined ? undefined : (DEFAULT_VALUE.exec(raw)?.[1] ?? raw).trim();
    uses.push({ name, raw: text.slice(start + 2, end < 0 ? undefined : end), offset: textOffset + start, length: (end < 0 ? text.length : end + 1) - start });
    if (end < 0) break;
  }
  return uses;
}

function isKnownVariable(name: string, catalog: Catalog): boolean {
  return SPECIAL_VARIABLES.has(name) || catalog.conditionKey(name) !== undefined;
}

/** What is wrong with how a variable is written, and the certain repair if there is one. */
export function variableSyntaxProblem(use: VariableUse, catalog: Catalog): [message: string, replacement?: string] | undefined {
  const comma = use.raw.indexOf(',');
  const name = comma < 0 ? use.raw : use.raw.slice(0, comma);
  if (use.name === undefined) {
    const known = isKnownVariable(name, catalog) ? `\${${name}}` : undefined;
    return ['The policy variable has no closing brace: write it as ${aws:username}.', known];
  }
  if (use.raw.trim() === '') return ['The policy variable is empty: name a context key inside the braces (${aws:username}), or remove "${}".'];
  if (/\s/.test(name)) {
    const tight = name.replace(/\s+/g, '');
    return [`A policy variable's name cannot contain spaces: write \${${tight}}.`, `\${${tight}${comma < 0 ? '' : use.raw.slice(comma)}}`];
  }
  if (comma >= 0 && !/^,\s*'[^']*'\s*$/.test(use.raw.slice(comma))) {
    return [`The default value of a policy variable goes in single quotes after the comma: \${${name}, 'default'}.`];
  }
  return undefined;
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

/** A policy variable, not a template's substitution: a name with one colon (aws:username, not AWS::AccountId). */
const POLICY_VARIABLE_NAME = /^[^:\s]+:(?!:)\S/;

function checkUnsupportedElements(ctx: RuleContext): void {
  for (const statement of ctx.doc.statements) {
    const items = [statement.action, statement.notAction].flatMap(e => e?.items ?? []);
    for (const element of [statement.principal, statement.notPrincipal]) for (const type of element?.types ?? []) items.push(...type.values);
    for (const item of items) {
      if (!item.value.includes('${')) continue;
      for (const use of variablesIn(item.value, item.offset + 1)) {
        if (use.name === undefined || !POLICY_VARIABLE_NAME.test(use.name)) continue;
        ctx.report({
          code: 'IAM353',
          offset: use.offset,
          length: use.length,
          message: `Policy variables work only in Resource and in condition values: here IAM reads \${${use.name}} as literal text. Match the value with a condition instead (e.g. aws:PrincipalArn or aws:PrincipalTag/...).`,
        });
      }
    }
  }
}

export const conditionVariableRules: RuleModule = {
  rules: [
    {
      code: 'IAM350',
      name: 'policy-variable-needs-2012-10-17',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'A policy variable in a policy without "Version": "2012-10-17".',
    },
    {
      code: 'IAM351',
      name: 'unknown-policy-variable',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'A policy variable that names no known context key.',
    },
    {
      code: 'IAM352',
      name: 'malformed-policy-variable',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'A policy variable without its closing brace, empty, with spaces in its name or a default not in quotes.',
    },
    {
      code: 'IAM353',
      name: 'policy-variable-in-unsupported-element',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'A policy variable in Action or Principal, where IAM reads it literally.',
    },
  ],
  check(ctx) {
    if (!hasVariable(ctx.doc.text)) return; // most policies have no variables
    checkUnsupportedElements(ctx);
    const version = ctx.doc.version?.valueNode?.value;
    const literal = version !== '2012-10-17';
    for (const span of variableStrings(ctx)) {
      // the source text between the quotes, so that spans stay right whatever escapes the string has
      const source = ctx.doc.text.slice(span.offset + 1, span.offset + span.length - 1);
      if (!hasVariable(source)) continue;
      for (const use of variablesIn(source, span.offset + 1)) {
        if (isUnknownToken(ctx.doc, ctx.doc.text.slice(use.offset, use.offset + use.length))) continue;
        // a template's placeholder (${HOME_REGION}) is no policy variable: IAM351 says what it is
        const placeholder = use.name !== undefined && !use.name.includes(':') && !SPECIAL_VARIABLES.has(use.name);
        if (literal && !placeholder) {
          ctx.report({
            code: 'IAM350',
            offset: use.offset,
            length: use.length,
            message: `Policy variables need "Version": "2012-10-17": ${version === undefined ? 'without a Version' : `with "Version": ${JSON.stringify(version)}`} IAM reads this as literal text. Set the Version to "2012-10-17".`,
          });
        }
        const syntax = variableSyntaxProblem(use, ctx.catalog);
        if (syntax) {
          ctx.report({
            code: 'IAM352',
            offset: use.offset,
            length: use.length,
            message: syntax[0],
            data: { replacements: syntax[1] === undefined ? [] : [syntax[1]] },
          });
        } else if (!isKnownVariable(use.name!, ctx.catalog)) {
          ctx.report({
            code: 'IAM351',
            offset: use.offset,
            length: use.length,
            message: use.name!.includes(':')
              ? `"${use.name}" is not a known condition key, so \${${use.name}} has no value in requests. Use a context key such as \${aws:username} or \${aws:PrincipalTag/team}.`
              : `\${${use.name}} looks like a template placeholder, not a policy variable (variables name context keys, such as \${aws:PrincipalAccount}): replace it before you use the policy.`,
          });
        }
      }
    }
  },
};
