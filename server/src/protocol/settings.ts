// The settings, as the editor sends them (under the `iamPolicy` prefix in VS Code) and as a project's
// settings file holds them, with their defaults.
import type { PolicyKind } from './kinds';

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface ZoneOfTrust {
  accounts?: string[];
  organizationId?: string;
  organizationalUnitPaths?: string[];
}

/** A condition key a team requires, with the values it may have (any value when none are given). */
export type RequiredConditionKey = string | { key: string; values?: string[] };

/**
 * A team's rule (IAM650): an Allow that grants one of these actions must require these condition keys,
 * all of them (allOf) and at least one of another list (anyOf).
 */
export interface ConditionRequirement {
  /** actions or action patterns, e.g. "iam:PassRole", "s3:Put*" (case-insensitive, as IAM reads them) */
  actions: string | string[];
  allOf?: RequiredConditionKey[];
  anyOf?: RequiredConditionKey[];
  /** why, for the message */
  reason?: string;
}

export interface IamPolicySettings {
  /** severity per diagnostic code, e.g. { "IAM400": "off" } */
  rules: Record<string, SeveritySetting>;
  /** diagnostics below this severity are not reported */
  minimumSeverity: Exclude<SeveritySetting, 'off'>;
  /** run the security rules (broad grants, public principals, ...) */
  securityRules: boolean;
  /** glob (matched against the document's path) -> policy kind; overrides detection */
  policyKinds: Record<string, PolicyKind>;
  /** JSON/JSONC files: treat as policies when their content is one ("auto") or never ("off") */
  jsonDocuments: 'auto' | 'off';
  /** policies inside CloudFormation, SAM, Serverless and Terraform files: checked ("auto") or not ("off") */
  templates: 'auto' | 'off';
  zoneOfTrust?: ZoneOfTrust;
  /** a team's rules: condition keys an Allow of these actions must require (IAM650) */
  requiredConditions: ConditionRequirement[];
  /** a team's sensitive actions or action patterns: every Allow of them is reported (IAM651) */
  sensitiveActions: string[];
  /** a team's sensitive resources (ARN patterns): every Allow that reaches them is reported (IAM652) */
  sensitiveResources: string[];
}

export const DEFAULT_SETTINGS: IamPolicySettings = {
  rules: {},
  minimumSeverity: 'hint',
  securityRules: true,
  policyKinds: {},
  jsonDocuments: 'auto',
  templates: 'auto',
  requiredConditions: [],
  sensitiveActions: [],
  sensitiveResources: [],
};

/** A project's settings file, read by the CLI and, over the editor's settings, by the server (settings/settingsFile.ts). */
export const SETTINGS_FILE_NAME = '.iam-lint.json';

/** Merges a partial settings object (from the client or a settings file) over the defaults. */
export function withDefaults(partial: Partial<IamPolicySettings> | undefined | null): IamPolicySettings {
  return { ...DEFAULT_SETTINGS, ...(partial && typeof partial === 'object' ? partial : {}) };
}
