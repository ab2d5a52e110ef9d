// A policy document prepared for simulation: action sets and patterns, resource matchers, principal
// lists and compiled conditions, built once per parsed document (cached) so that one request against
// the largest managed policy takes well under a millisecond.
import type { PolicyDocument, Span, Statement, StringListElement } from '../policy/model';
import { compileWildcard, hasServiceWildcard, type WildcardPattern } from '../util/wildcard';
import { compileArnMatcher } from './arnPattern';
import { compileCondition, type CompiledConditionKey } from './conditions/evaluate';
import { principalValues, type PrincipalValue } from '../policy/principals';
import type { RequestContext } from './request';
import { literalParts, parseTemplate, resolveTemplate, type Template } from './variables';

/** Actions are matched case-insensitively, with * and ?. Source: "IAM JSON policy elements: Action". */
export interface ActionMatcher {
  exact: ReadonlySet<string>;
  patterns: readonly WildcardPattern[];
}

interface ResourcePattern {
  raw: string;
  template: Template;
  /** precompiled when the pattern has no variables */
  test?: (resource: string) => boolean;
}

export interface ElementMatcher<T> extends Span {
  /** NotAction / NotResource / NotPrincipal */
  negated: boolean;
  matcher: T;
}

export interface CompiledStatement extends Span {
  statement: Statement;
  effect?: 'Allow' | 'Deny';
  action?: ElementMatcher<ActionMatcher>;
  resource?: ElementMatcher<ResourcePattern[]>;
  principal?: ElementMatcher<PrincipalValue[]>;
  conditions: CompiledConditionKey[];
}

export interface CompiledPolicy {
  doc: PolicyDocument;
  /** policy variables are substituted only in 2012-10-17 policies ("IAM policy elements: Variables and tags") */
  variables: boolean;
  statements: CompiledStatement[];
}

function spanOf(element: { entry: { node: Span } }): Span {
  return { offset: element.entry.node.offset, length: element.entry.node.length };
}

function compileActions(element: StringListElement): ActionMatcher {
  const exact = new Set<string>();
  const patterns: WildcardPattern[] = [];
  for (const item of element.items) {
    const lower = item.value.toLowerCase();
    if (hasServiceWildcard(lower)) continue; // malformed: matches no action
    if (lower.includes('*') || lower.includes('?')) patterns.push(compileWildcard(lower, true));
    else exact.add(lower);
  }
  return { exact, patterns };
}

function compileResources(element: StringListElement, variables: boolean): ResourcePattern[] {
  return element.items.map(item => {
    const template = parseTemplate(item.value, true, variables);
    return { raw: item.value, template, test: template.hasVariables ? undefined : compileArnMatcher(literalParts(template)) };
  });
}

function compileStatement(statement: Statement, variables: boolean): CompiledStatement {
  const effectValue = statement.effect?.valueNode?.value;
  const action = statement.action ?? statement.notAction;
  const resource = statement.resource ?? statement.notResource;
  const principal = statement.principal ?? statement.notPrincipal;
  return {
    statement,
    offset: statement.node.offset,
    length: statement.node.length,
    effect: effectValue === 'Allow' || effectValue === 'Deny' ? effectValue : undefined,
    action: action && { ...spanOf(action), negated: !statement.action, matcher: compileActions(action) },
    resource: resource && { ...spanOf(resource), negated: !statement.resource, matcher: compileResources(resource, variables) },
    principal: principal && { ...spanOf(principal), negated: !statement.principal, matcher: principalValues(principal) },
    conditions: compileCondition(statement.condition, variables),
  };
}

const compiled = new WeakMap<PolicyDocument, CompiledPolicy>();

/** The compiled form of a parsed policy, built on first use and cached with the document. */
export function compilePolicy(doc: PolicyDocument): CompiledPolicy {
  let policy = compiled.get(doc);
  if (!policy) {
    const variables = doc.version?.valueNode?.value === '2012-10-17';
    policy = { doc, variables, statements: doc.statements.filter(s => s.node.type === 'object').map(s => compileStatement(s, variables)) };
    compiled.set(doc, policy);
  }
  return policy;
}

export function actionMatches(matcher: ActionMatcher, lowerAction: string): boolean {
  return matcher.exact.has(lowerAction) || matcher.patterns.some(p => p.test(lowerAction));
}

/** Which resource pattern matches, and the variables that had no value. */
export function resourceMatches(patterns: readonly ResourcePattern[], resource: string, context: RequestContext): { match?: string; unresolved: string[] } {
  const unresolved: string[] = [];
  for (const pattern of patterns) {
    if (pattern.test) {
      if (pattern.test(resource)) return { match: pattern.raw, unresolved };
      continue;
    }
    const resolved = resolveTemplate(pattern.template, context);
    if ('unresolved' in resolved) unresolved.push(resolved.unresolved);
    else if (compileArnMatcher(resolved.parts)(resource)) return { match: pattern.raw, unresolved };
  }
  return { unresolved };
}
