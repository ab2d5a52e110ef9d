// The policy model: what parsePolicy() makes of a text, with the source offsets of every element
// and value. Every feature and rule reads this model; none re-parses the text.
import type { Node } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyKind } from '../protocol/kinds';
import type { PolicyLimitKind } from '../catalog/tables/policyLimits';

// the kinds are the protocol's: the client shows them
export { POLICY_KINDS, type PolicyKind } from '../protocol/kinds';

/** How the kind was decided: a user setting (glob), the template property that holds it, the file name, the content, or the fallback. */
export type KindSource = 'setting' | 'template' | 'filename' | 'content' | 'default';

/** A span of the text: offset and length in UTF-16 code units, like jsonc-parser and LSP. */
export interface Span {
  offset: number;
  length: number;
}

export interface SyntaxIssue extends Span {
  /** our diagnostic code, e.g. IAM001 */
  code: string;
  message: string;
}

/** One property of a JSON object: `"Name": value`. Duplicates are kept, in text order. */
export interface Entry {
  name: string;
  /** the key's string node (span includes the quotes) */
  keyNode: Node;
  /** undefined when the value is missing (`"Action":` then end of input) */
  valueNode: Node | undefined;
  /** the whole property node */
  node: Node;
}

/** A string value inside an element (or the element's single string value). */
export interface StringItem extends Span {
  value: string;
  node: Node; // span of the node includes the quotes
}

/** Action / NotAction / Resource / NotResource: a string or an array of strings. */
export interface StringListElement {
  entry: Entry;
  isArray: boolean;
  /** the string items; non-string items are in `invalid` */
  items: StringItem[];
  invalid: Node[];
}

/** Principal / NotPrincipal: "*" or { "AWS" | "Service" | "Federated" | "CanonicalUser": string | string[] }. */
export interface PrincipalElement {
  entry: Entry;
  /** the value was the string "*" (any other string is invalid and lands in `invalid`) */
  wildcard?: StringItem;
  types: PrincipalTypeEntry[];
  invalid: Node[];
}
export interface PrincipalTypeEntry {
  entry: Entry; // e.g. "AWS": [...]
  values: StringItem[];
  invalid: Node[];
}

/** Condition: { operator: { key: value | [values] } } */
export interface ConditionElement {
  entry: Entry;
  operators: ConditionOperatorEntry[];
}
export interface ConditionOperatorEntry {
  entry: Entry; // "StringEquals": { ... }
  keys: ConditionKeyEntry[];
}
export interface ConditionKeyEntry {
  entry: Entry; // "aws:SourceIp": ...
  isArray: boolean;
  values: ConditionValue[];
}
export interface ConditionValue extends Span {
  /** strings, numbers and booleans as written; other JSON types are null with `node.type` telling */
  value: string | number | boolean | null;
  node: Node;
}

export interface Statement {
  index: number;
  /** the statement's object node (undefined if the array item is not an object) */
  node: Node;
  entries: Entry[];
  sid?: Entry;
  effect?: Entry;
  action?: StringListElement;
  notAction?: StringListElement;
  resource?: StringListElement;
  notResource?: StringListElement;
  principal?: PrincipalElement;
  notPrincipal?: PrincipalElement;
  condition?: ConditionElement;
}

/** What rules must know of a policy read from a template (CloudFormation, Terraform, ...; templates/). */
export interface TemplateContext {
  /** the `${...}` texts that stand for values known only at deploy time, not for policy variables */
  unknowns: ReadonlySet<string>;
  /** statements or elements may be added at deploy time: what is missing is not judged */
  partial: boolean;
  /** the policy is JSON text inside the template (a heredoc, a JSON string): JSON syntax rules apply */
  jsonText: boolean;
  /** the size quota the host says applies (a role's inline policy) */
  limit?: PolicyLimitKind;
}

export interface PolicyDocument {
  uri: string;
  text: string;
  /** for offset <-> position conversion */
  textDocument: TextDocument;
  /** jsonc-parser tree; undefined only for empty or hopeless input */
  root: Node | undefined;
  syntaxErrors: SyntaxIssue[];
  /** true when the top level is an object with a Statement (or the file is of our language) */
  looksLikePolicy: boolean;
  topEntries: Entry[];
  version?: Entry;
  id?: Entry;
  statementEntry?: Entry;
  /** false when Statement is a single object rather than an array */
  statementIsArray: boolean;
  statements: Statement[];
  kind: PolicyKind;
  kindSource: KindSource;
  /** set when the policy was read from a template */
  template?: TemplateContext;
}
