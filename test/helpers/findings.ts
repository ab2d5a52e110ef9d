// Test helpers for rules: the findings (or just the codes) a policy text gets with the real catalog.
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { collectFindings } from '../../server/src/features/diagnostics';
import type { PolicyKind } from '../../server/src/policy/model';
import { withDefaults, type IamPolicySettings } from '../../server/src/protocol';
import type { FoldedFinding } from '../../server/src/rules/types';
import type { Finding } from '../../server/src/rules/types';
import { parse } from './cursor';

/** The onError of collectFindings and computeDiagnostics in tests: a rule's exception fails the test. */
export function rethrow(error: unknown): never {
  throw error;
}

export interface FindingsOptions {
  kind?: PolicyKind;
  uri?: string;
  settings?: Partial<IamPolicySettings>;
}

/** Every finding of every rule for the policy text, in text order. */
export function findingsOf(text: string, options: FindingsOptions = {}): Finding[] {
  const doc = parse(text, options.uri ?? 'file:///test/policy.json', { languageId: 'iam-policy', kind: options.kind });
  return collectFindings(doc, getCatalog(), withDefaults(options.settings), rethrow);
}

/**
 * The findings with those folded into them (rules/oneFinding.ts), in text order: a rule's test asks
 * whether the rule found the problem, not which finding shows it.
 */
export function withFolded(findings: readonly Finding[]): Array<Pick<Finding, 'code' | 'offset' | 'length' | 'message'>> {
  return findings.flatMap(f => [f, ...((f.data?.folded ?? []) as FoldedFinding[])]).sort((a, b) => a.offset - b.offset);
}

/** The codes (matching `only`) that the rules find in the policy text, folded ones included, in text order. */
export function codesOf(text: string, only: RegExp, options: FindingsOptions = {}): string[] {
  return withFolded(findingsOf(text, options))
    .map(f => f.code)
    .filter(c => only.test(c));
}

/** A policy of the given statements (JSON texts of statement objects). */
export function policyOf(...statements: string[]): string {
  return `{"Version":"2012-10-17","Statement":[${statements.join(',')}]}`;
}

/** A statement from its elements, e.g. stmt({ Action: 's3:GetObject', Resource: '*' }); Effect defaults to Allow. */
export function stmt(elements: Record<string, unknown>): string {
  return JSON.stringify({ Effect: 'Allow', ...elements });
}
