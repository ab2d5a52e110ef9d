// The request simulator: policies + request -> Allow / ExplicitDeny / ImplicitDeny, with the
// statements that decided it and, for each statement that did not apply, why not.
// Source: IAM User Guide, "Policy evaluation logic" (reference_policies_evaluation-logic.html),
// within a single account:
// 1. an explicit Deny in any policy wins;
// 2. SCPs and RCPs (and a VPC endpoint policy) must each allow the request, or it is implicitly denied;
// 3. an Allow in a resource-based policy (or a role trust policy) grants it;
// 4. an Allow in an identity-based policy grants it, if a permissions boundary (when present) allows it too;
// 5. otherwise the request is implicitly denied.
// A statement applies when its Action (NotAction), Resource (NotResource), Principal (NotPrincipal)
// and every condition match ("IAM JSON policy elements: Action / NotAction / Resource / NotResource /
// Principal / NotPrincipal / Condition").
import type { PolicyDocument, PolicyKind, Span } from '../policy/model';
import { kindInSentence, type Decision, type ElementName } from '../protocol';
import { actionMatches, compilePolicy, resourceMatches, type CompiledStatement } from './compile';
import { evaluateConditionKey } from './conditions/evaluate';
import { principalNamed } from './principals';
import { normalizeRequest, type NormalizedRequest, type SimulationRequest } from './request';
import { hasVariable } from '../util/policyVariables';

export type { Decision, ElementName } from '../protocol';

/** Why a statement does not apply, at the span of the element (or condition key) that failed. */
export interface Mismatch extends Span {
  element: ElementName;
  message: string;
}

export interface StatementOutcome extends Span {
  /** index of the policy in the list given to simulate() */
  policy: number;
  uri: string;
  kind: PolicyKind;
  /** index of the statement in its policy */
  index: number;
  sid?: string;
  effect?: 'Allow' | 'Deny';
  applies: boolean;
  mismatches: Mismatch[];
}

export interface SimulationResult {
  decision: Decision;
  /** one sentence: what decided it */
  summary: string;
  /** the statements that decided: the Deny statements that apply, or the Allow statements that granted */
  deciding: StatementOutcome[];
  statements: StatementOutcome[];
  /** things the simulation did not check, or assumed */
  notes: string[];
}

const GUARDRAILS: readonly PolicyKind[] = ['scp', 'rcp', 'endpoint'];
const RESOURCE_BASED: ReadonlySet<PolicyKind> = new Set(['resource', 'trust']);

function elementSpan(statement: CompiledStatement, element?: Span): Span {
  return element ? { offset: element.offset, length: element.length } : { offset: statement.offset, length: statement.length };
}

function mismatchesOf(statement: CompiledStatement, request: NormalizedRequest, lowerAction: string): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const add = (element: ElementName, span: Span, message: string) => mismatches.push({ element, message, ...elementSpan(statement, span) });
  if (!statement.effect)
    add('Effect', statement.statement.effect?.node ?? statement, 'Effect is missing or not "Allow" / "Deny", so the statement never applies.');
  const { action, resource, principal } = statement;
  if (!action) add('Action', statement, 'The statement has no Action or NotAction, so it never applies.');
  else if (actionMatches(action.matcher, lowerAction) === action.negated) {
    add(
      action.negated ? 'NotAction' : 'Action',
      action,
      action.negated ? `${request.action} is excluded by NotAction.` : `${request.action} is not in Action.`,
    );
  }
  if (resource) {
    const { match, unresolved } = resourceMatches(resource.matcher, request.resource, request.context);
    const variables = unresolved.length ? ` (${unresolved.join(', ')} ${unresolved.length === 1 ? 'has' : 'have'} no value in the request)` : '';
    if (resource.negated && match) add('NotResource', resource, `${request.resource} is excluded by NotResource "${match}".`);
    if (!resource.negated && !match) add('Resource', resource, `${request.resource} matches no Resource${variables}.`);
  }
  if (principal && request.principal) {
    if (principalNamed(principal.matcher, request.principal, principal.negated) === principal.negated) {
      add(
        principal.negated ? 'NotPrincipal' : 'Principal',
        principal,
        principal.negated ? `${request.principal} is excluded by NotPrincipal.` : `${request.principal} is not a principal of this statement.`,
      );
    }
  }
  for (const key of statement.conditions) {
    const outcome = evaluateConditionKey(key, request.context);
    if (!outcome.holds) add('Condition', key, `Condition ${outcome.reason}.`);
  }
  return mismatches;
}

function outcomesOf(doc: PolicyDocument, policy: number, request: NormalizedRequest): StatementOutcome[] {
  const lowerAction = request.action.toLowerCase();
  return compilePolicy(doc).statements.map(statement => {
    const mismatches = mismatchesOf(statement, request, lowerAction);
    const sid = statement.statement.sid?.valueNode?.value;
    return {
      policy,
      uri: doc.uri,
      kind: doc.kind,
      index: statement.statement.index,
      sid: typeof sid === 'string' ? sid : undefined,
      effect: statement.effect,
      offset: statement.offset,
      length: statement.length,
      applies: mismatches.length === 0,
      mismatches,
    };
  });
}

function describe(outcome: StatementOutcome): string {
  return `statement ${outcome.index + 1}${outcome.sid ? ` (${outcome.sid})` : ''}`;
}

function decide(statements: StatementOutcome[], kinds: ReadonlySet<PolicyKind>, request: NormalizedRequest): Omit<SimulationResult, 'statements' | 'notes'> {
  const what = `${request.action} on ${request.resource}`;
  const applying = (effect: 'Allow' | 'Deny', accept: (kind: PolicyKind) => boolean) =>
    statements.filter(s => s.applies && s.effect === effect && accept(s.kind));
  const denies = applying('Deny', () => true);
  if (denies.length) return { decision: 'ExplicitDeny', summary: `${what} is explicitly denied by ${denies.map(describe).join(', ')}.`, deciding: denies };
  for (const kind of GUARDRAILS) {
    if (kinds.has(kind) && applying('Allow', k => k === kind).length === 0) {
      return { decision: 'ImplicitDeny', summary: `${what} is implicitly denied: no statement of the ${kindInSentence(kind)} allows it.`, deciding: [] };
    }
  }
  const resourceAllows = applying('Allow', k => RESOURCE_BASED.has(k));
  if (resourceAllows.length)
    return { decision: 'Allow', summary: `${what} is allowed by ${resourceAllows.map(describe).join(', ')}.`, deciding: resourceAllows };
  const identityAllows = applying('Allow', k => k === 'identity');
  if (identityAllows.length && kinds.has('boundary') && applying('Allow', k => k === 'boundary').length === 0) {
    return { decision: 'ImplicitDeny', summary: `${what} is allowed by an identity policy but implicitly denied by the permissions boundary.`, deciding: [] };
  }
  if (identityAllows.length)
    return { decision: 'Allow', summary: `${what} is allowed by ${identityAllows.map(describe).join(', ')}.`, deciding: identityAllows };
  const grants = [...kinds].some(k => k === 'identity' || RESOURCE_BASED.has(k));
  const why = grants ? 'no statement allows it' : 'nothing denies it, but no identity or resource policy was given to allow it';
  return { decision: 'ImplicitDeny', summary: `${what} is implicitly denied: ${why}.`, deciding: [] };
}

/** Whether a condition of the policies looks at the time of the request. */
function looksAtTime(docs: readonly PolicyDocument[]): boolean {
  return docs.some(doc => compilePolicy(doc).statements.some(s => s.conditions.some(c => c.keyLower === 'aws:currenttime' || c.keyLower === 'aws:epochtime')));
}

function notesFor(docs: readonly PolicyDocument[], statements: StatementOutcome[], request: NormalizedRequest): string[] {
  const notes: string[] = [];
  if (request.clockTime && looksAtTime(docs)) {
    notes.push(
      `The request gives no aws:CurrentTime: the current time, ${request.clockTime}, was used. To simulate another, give aws:CurrentTime in the request's context (iam-policy-lint simulate --time).`,
    );
  }
  const hasPrincipal = docs.some(doc => doc.statements.some(s => s.principal || s.notPrincipal));
  if (hasPrincipal && !request.principal) notes.push('The request names no principal: Principal and NotPrincipal were not checked.');
  if (docs.some(doc => !compilePolicy(doc).variables && hasVariable(doc.text))) {
    notes.push('A policy without "Version": "2012-10-17" reads ${...} as literal text, not as a policy variable.');
  }
  if (statements.length === 0) notes.push('No statement was found in the policies.');
  return notes;
}

/** Simulates a request against policies of one account. Never throws on a parsed policy. */
export interface SimulateOptions {
  /** the time of a request that gives no aws:CurrentTime or aws:EpochTime (default: the clock's) */
  now?: Date;
}

export function simulate(docs: readonly PolicyDocument[], input: SimulationRequest, options: SimulateOptions = {}): SimulationResult {
  const request = normalizeRequest(input, options.now);
  const statements = docs.flatMap((doc, i) => outcomesOf(doc, i, request));
  const kinds = new Set(docs.map(doc => doc.kind));
  return { ...decide(statements, kinds, request), statements, notes: notesFor(docs, statements, request) };
}
