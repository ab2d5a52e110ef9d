// The editor's "Simulate a request" command talks to the server with one custom request. Types and
// names only: the client imports this file.
import type { Range } from 'vscode-languageserver-types';
import type { Decision, ElementName } from './evaluate';
import type { SimulationRequest } from './request';

export const SIMULATE_REQUEST = 'iamPolicy/simulate';
export const SIMULATE_COMMAND = 'iamPolicy.simulate';

export interface SimulateParams {
  /** the policy document (open in the editor) */
  uri: string;
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
