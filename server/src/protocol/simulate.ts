// The editor's "Simulate a request" command talks to the server with one custom request: the request
// as people write it (the input boxes, a `*.iam-request.json` file, the command line's flags) and
// the decision with ranges for the editor to highlight.
import type { Position, Range } from 'vscode-languageserver-types';

export type ContextScalar = string | number | boolean;
export type ContextValue = ContextScalar | ContextScalar[];

/** A request as people write it. */
export interface SimulationRequest {
  /** principal ARN, account ID, service principal (s3.amazonaws.com), federated provider, or "anonymous"; omitted: not checked */
  principal?: string;
  action: string;
  /** resource ARN; omitted: "*" (actions that support no resource-level permissions) */
  resource?: string;
  context?: Record<string, ContextValue>;
}

/**
 * Parses `key=value` pairs (CLI flags, the editor's input box). A key given twice becomes a
 * multivalued key. Returns an error message for a pair without `=`.
 */
export function parseContextPairs(pairs: readonly string[]): { context: Record<string, ContextScalar[]>; errors: string[] } {
  const context: Record<string, ContextScalar[]> = {};
  const errors: string[] = [];
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) {
      errors.push(`Context "${pair}" is not of the form key=value.`);
      continue;
    }
    const key = pair.slice(0, equals).trim();
    (context[key] ??= []).push(pair.slice(equals + 1).trim());
  }
  return { context, errors };
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
export type ElementName = 'Effect' | 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Principal' | 'NotPrincipal' | 'Condition';

export const SIMULATE_REQUEST = 'iamPolicy/simulate';
export const SIMULATE_COMMAND = 'iamPolicy.simulate';

export interface SimulateParams {
  /** the policy document (open in the editor) */
  uri: string;
  /** in a template (CloudFormation, Terraform, ...): the cursor, whose policy is simulated (else the first) */
  position?: Position;
  /** a request entered in the editor ... */
  request?: SimulationRequest;
  /** ... or the text of a `*.iam-request.json` file */
  requestText?: string;
}

export interface SimulatedStatement {
  range: Range;
  sid?: string;
  effect?: 'Allow' | 'Deny';
  applies: boolean;
  /** why the statement does not apply, at the element that failed */
  mismatches: Array<{ range: Range; element: ElementName; message: string }>;
}

export interface SimulateResponse {
  /** set when the request could not be read; nothing else is */
  errors?: string[];
  decision?: Decision;
  summary?: string;
  /** indexes into `statements` of the statements that decided */
  deciding?: number[];
  statements?: SimulatedStatement[];
  /** the whole result as text, for an output channel */
  report?: string;
}
