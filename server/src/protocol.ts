// Settings and custom messages shared by the server, the client and the CLI (types only on the
// client side). Settings live under the `iamPolicy` prefix in VS Code.
import type { PolicyKind } from './policy/model';

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface ZoneOfTrust {
  accounts?: string[];
  organizationId?: string;
  organizationalUnitPaths?: string[];
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
  zoneOfTrust?: ZoneOfTrust;
}

export const DEFAULT_SETTINGS: IamPolicySettings = {
  rules: {},
  minimumSeverity: 'hint',
  securityRules: true,
  policyKinds: {},
  jsonDocuments: 'auto',
};

/** A project's settings file, read by the CLI and, over the editor's settings, by the server (settingsFile.ts). */
export const SETTINGS_FILE_NAME = '.iam-lint.json';

/** Merges a partial settings object (from the client or a settings file) over the defaults. */
export function withDefaults(partial: Partial<IamPolicySettings> | undefined | null): IamPolicySettings {
  return { ...DEFAULT_SETTINGS, ...(partial && typeof partial === 'object' ? partial : {}) };
}

/** Server -> client notification: the detected kind of a document, for the status bar. */
export const DOCUMENT_KIND_NOTIFICATION = 'iamPolicy/documentKind';
export interface DocumentKindParams {
  uri: string;
  kind: PolicyKind | null;   // null: the document is not served as a policy
  kindSource: string;
  dataDate: string;
}

/** Client -> server request: set the kind of a document (null: detect it again); the server re-checks it. */
export const SET_KIND_REQUEST = 'iamPolicy/setKind';
export interface SetKindParams {
  uri: string;
  kind: PolicyKind | null;
}

/** Client -> server request: the access summary of a document as markdown (null: not a policy). */
export const ACCESS_SUMMARY_REQUEST = 'iamPolicy/accessSummary';
export interface AccessSummaryParams { uri: string }
/** The VS Code client's command that shows the access summary in a view beside the policy. */
export const SHOW_ACCESS_SUMMARY_COMMAND = 'iamPolicy.showAccessSummary';
/**
 * Server command (workspace/executeCommand), arguments [uri]: the access summary of a document, as
 * markdown, also shown to the user as a message. The code lenses carry it, so that they work in every
 * editor; the VS Code client runs SHOW_ACCESS_SUMMARY_COMMAND in its place.
 */
export const ACCESS_SUMMARY_COMMAND = 'iamPolicy.accessSummary';
/** The experimental client capability of a client that runs VS Code's `editor.action.triggerSuggest` (completion items that reopen completion). */
export const TRIGGER_SUGGEST_CAPABILITY = 'iamPolicyTriggerSuggest';
