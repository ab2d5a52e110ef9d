// The custom requests, notifications and commands between the client and the server, each with the
// type of its parameters.
import type { PolicyKind } from './kinds';
import type { ZoneOfTrust } from './settings';

/** Server -> client notification: the detected kind of a document, for the status bar. */
export const DOCUMENT_KIND_NOTIFICATION = 'iamPolicy/documentKind';
export interface DocumentKindParams {
  uri: string;
  kind: PolicyKind | null; // null: the document is not served as a policy
  kindSource: string;
  dataDate: string;
  /** a template with policies inside (kind is then null): its format and how many policies it holds */
  template?: { format: string; policies: number };
}

/** Client -> server request: set the kind of a document (null: detect it again); the server re-checks it. */
export const SET_KIND_REQUEST = 'iamPolicy/setKind';
export interface SetKindParams {
  uri: string;
  kind: PolicyKind | null;
}

/** Client -> server request: the access summary of a document as markdown (null: not a policy). */
export const ACCESS_SUMMARY_REQUEST = 'iamPolicy/accessSummary';
export interface AccessSummaryParams {
  uri: string;
}
/** The VS Code client's command that shows the access summary in a view beside the policy. */
export const SHOW_ACCESS_SUMMARY_COMMAND = 'iamPolicy.showAccessSummary';
/**
 * Server command (workspace/executeCommand), arguments [uri]: the access summary of a document, as
 * markdown, also shown to the user as a message. The code lenses carry it, so that they work in every
 * editor; the VS Code client runs SHOW_ACCESS_SUMMARY_COMMAND in its place.
 */
export const ACCESS_SUMMARY_COMMAND = 'iamPolicy.accessSummary';

/**
 * Server command behind the zone-of-trust quick-fixes, arguments [SetZoneOfTrustArgs]: the server
 * writes `zoneOfTrust` into the document's .iam-lint.json through the client (workspace/applyEdit).
 */
export const SET_ZONE_OF_TRUST_COMMAND = 'iamPolicy.setZoneOfTrust';
export interface SetZoneOfTrustArgs {
  /** the document the setting is for (its nearest .iam-lint.json gets the setting) */
  uri: string;
  zoneOfTrust: ZoneOfTrust;
}

/** Client commands of the command palette (package.json's `contributes.commands`). */
export const SET_POLICY_KIND_COMMAND = 'iamPolicy.setPolicyKind';
export const RESTART_SERVER_COMMAND = 'iamPolicy.restartServer';
/** Arguments: [code?]: the rule code whose entry of docs/rules.md to open. */
export const OPEN_RULE_DOCUMENTATION_COMMAND = 'iamPolicy.openRuleDocumentation';

/**
 * Client -> server notification: the text of a document at a git revision (the client reads HEAD's
 * through the Git extension when the document opens or is saved, and after a commit); null: the file
 * is not in that revision. The server shows "since HEAD" code lenses over the statements that changed.
 */
export const BASE_TEXT_NOTIFICATION = 'iamPolicy/baseText';
export interface BaseTextParams {
  uri: string;
  /** the revision, e.g. "HEAD" */
  ref: string;
  text: string | null;
}
/** Client -> server request: what the document grants compared with a base text, as markdown (null: not a policy). Also records the base text. */
export const COMPARE_WITH_BASE_REQUEST = 'iamPolicy/compareWithBase';
export type CompareWithBaseParams = BaseTextParams;
/** The client command "IAM Policy: Compare with HEAD"; the "since HEAD" code lenses carry it with the document's URI. */
export const COMPARE_WITH_HEAD_COMMAND = 'iamPolicy.compareWithHead';
