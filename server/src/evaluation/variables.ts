// Policy variables in Resource values and in String, ARN and Bool condition values.
// Source: IAM User Guide, "IAM policy elements: Variables and tags" (reference_policies_variables.html):
// - `${key}` is replaced with the value of that request context key (key names case-insensitive);
// - `${*}`, `${?}` and `${$}` stand for a literal *, ? and $ (so a * from them is never a wildcard);
// - `${key, 'default'}` uses the default when the key has no value;
// - a key without a value (absent, or multivalued: "you cannot use a multivalued context key as a
//   policy variable") leaves the variable unresolved: "there is no equal or like value", so the
//   policy value it is in matches nothing;
// - variables exist only in policies with "Version": "2012-10-17"; otherwise `${...}` is literal text.
// The wildcards `*` and `?` written in the policy stay wildcards; values substituted from the request
// are always literal.
import { GlobUnit, globMatch } from '../util/wildcard';
import type { RequestContext } from './request';

export const STAR = 0;
export const QUESTION = 1;
/** A piece of a resolved policy value: literal text, or the wildcard `*` (STAR) or `?` (QUESTION). */
export type ResolvedPart = string | typeof STAR | typeof QUESTION;

interface VariablePart {
  variable: string;
  key: string;
  defaultValue?: string;
}
type TemplatePart = ResolvedPart | VariablePart;

/** A policy value split into literal text, wildcards and variables, parsed once per policy. */
export interface Template {
  parts: readonly TemplatePart[];
  hasVariables: boolean;
}

const ESCAPES: Record<string, string> = { '${*}': '*', '${?}': '?', '${$}': '$' };
// ${ key } or ${ key, 'default' }: a context key has a prefix and a colon (aws:username, aws:PrincipalTag/team).
const VARIABLE = /^\$\{\s*([A-Za-z0-9-]+:[^\s,{}']+)\s*(?:,\s*'([^']*)'\s*)?\}/;

function pushText(parts: TemplatePart[], text: string): void {
  const last = parts[parts.length - 1];
  if (typeof last === 'string') parts[parts.length - 1] = last + text;
  else parts.push(text);
}

/**
 * Splits a policy value into parts. `wildcards`: `*` and `?` are wildcards (Like operators, ARNs,
 * Resource); otherwise they are literal. `variables`: `${...}` is substituted (2012-10-17 policies).
 */
export function parseTemplate(raw: string, wildcards: boolean, variables: boolean): Template {
  const parts: TemplatePart[] = [];
  let hasVariables = false;
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (variables && char === '$' && raw[i + 1] === '{') {
      const escape = ESCAPES[raw.slice(i, i + 4)];
      if (escape) {
        pushText(parts, escape);
        i += 3;
        continue;
      }
      const match = VARIABLE.exec(raw.slice(i));
      if (match) {
        parts.push({ variable: match[0], key: match[1].toLowerCase(), defaultValue: match[2] });
        hasVariables = true;
        i += match[0].length - 1;
        continue;
      }
    }
    if (wildcards && char === '*') parts.push(STAR);
    else if (wildcards && char === '?') parts.push(QUESTION);
    else pushText(parts, char);
  }
  return { parts, hasVariables };
}

/** The single value of a context key usable as a variable, or undefined (absent or multivalued). */
export function variableValue(context: RequestContext, key: string): string | undefined {
  const values = context.get(key);
  return values?.length === 1 ? values[0] : undefined;
}

/** The parts of a template that has no variables. */
export function literalParts(template: Template): ResolvedPart[] {
  return template.parts.filter((p): p is ResolvedPart => typeof p !== 'object');
}

export type Resolution = { parts: ResolvedPart[] } | { unresolved: string };

/** Substitutes the variables of a template from the request context. */
export function resolveTemplate(template: Template, context: RequestContext): Resolution {
  if (!template.hasVariables) return { parts: literalParts(template) };
  const parts: ResolvedPart[] = [];
  for (const part of template.parts) {
    if (typeof part !== 'object') {
      parts.push(part);
      continue;
    }
    const value = variableValue(context, part.key) ?? part.defaultValue;
    if (value === undefined) return { unresolved: part.variable };
    parts.push(value);
  }
  return { parts };
}

/** The parts as plain text: wildcards become the characters `*` and `?`. */
export function partsToText(parts: readonly ResolvedPart[]): string {
  return parts.map(p => (p === STAR ? '*' : p === QUESTION ? '?' : p)).join('');
}

export function partsHaveWildcards(parts: readonly ResolvedPart[]): boolean {
  return parts.some(p => p === STAR || p === QUESTION);
}

/**
 * The parts as one pattern for globMatch, with which positions are wildcards (a `*` that came from
 * `${*}` or a context value is literal). Not a RegExp: a pattern of many `*` made a backtracking
 * RegExp run for minutes, and thousands of them overflowed its compiler.
 */
function partsPattern(parts: readonly ResolvedPart[], ignoreCase: boolean): { pattern: string; units: Uint8Array } {
  const cache = ignoreCase ? foldedPatterns : patterns;
  const cached = cache.get(parts);
  if (cached) return cached;
  let pattern = '';
  const units: GlobUnit[] = [];
  for (const part of parts) {
    if (part === STAR || part === QUESTION) {
      pattern += part === STAR ? '*' : '?';
      units.push(part === STAR ? GlobUnit.Star : GlobUnit.One);
    } else {
      const text = ignoreCase ? part.toLowerCase() : part;
      pattern += text;
      for (let i = 0; i < text.length; i++) units.push(GlobUnit.Literal);
    }
  }
  const compiled = { pattern, units: Uint8Array.from(units) };
  cache.set(parts, compiled);
  return compiled;
}
const patterns = new WeakMap<readonly ResolvedPart[], { pattern: string; units: Uint8Array }>();
const foldedPatterns = new WeakMap<readonly ResolvedPart[], { pattern: string; units: Uint8Array }>();

/** Whether a text matches the parts: exact comparison when there is no wildcard. */
export function partsMatch(parts: readonly ResolvedPart[], text: string, ignoreCase = false): boolean {
  if (!partsHaveWildcards(parts)) {
    const literal = partsToText(parts);
    return ignoreCase ? literal.toLowerCase() === text.toLowerCase() : literal === text;
  }
  const { pattern, units } = partsPattern(parts, ignoreCase);
  return globMatch(pattern, ignoreCase ? text.toLowerCase() : text, units);
}
