// What a diagnostic rule is. One module a rule (or a small family of codes that share one walk of
// the policy); each code has its default severity and its entry in docs/rules.md.
import type { Catalog } from '../catalog/types';
import type { PolicyDocument, Span } from '../policy/model';
import type { IamPolicySettings } from '../protocol';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
/** The severities from the most severe down (the order of LSP's DiagnosticSeverity). */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
export type RuleCategory = 'syntax' | 'grammar' | 'action' | 'resource' | 'condition' | 'security' | 'limits' | 'trust-zone' | 'team';

export interface RuleMeta {
  code: string; // stable, e.g. "IAM100"
  name: string; // short kebab-case name, e.g. "malformed-action"
  category: RuleCategory;
  defaultSeverity: Severity;
  /** one line for the rules table */
  summary: string;
}

/** A problem found by a rule, before settings decide its severity. */
export interface Finding extends Span {
  code: string;
  message: string;
  /** machine-readable details for quick-fixes, e.g. { replacements: ["s3:ListBucket"] } */
  data?: FindingData;
  /** marks the span as unnecessary (faded) */
  unnecessary?: boolean;
  related?: Array<Span & { message: string }>;
}

/** Diagnostics travel to the editor on every keystroke: lists in a finding's `data` are cut to this length. */
export const DATA_LIST_LIMIT = 50;

/** What a finding folded into another (rules/oneFinding.ts) leaves in its data: enough to show it and offer its fixes. */
export interface FoldedFinding {
  code: string;
  offset: number;
  length: number;
  message: string;
  data?: FindingData;
}

export interface FindingData {
  /** candidate texts that replace the span (e.g. "did you mean" names); the first is preferred */
  replacements?: string[];
  [key: string]: unknown;
}

export interface RuleContext {
  doc: PolicyDocument;
  catalog: Catalog;
  settings: IamPolicySettings;
  report(finding: Finding): void;
}

export interface RuleModule {
  rules: RuleMeta[];
  check(ctx: RuleContext): void;
}
