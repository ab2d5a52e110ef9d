// What a template reader finds in a template: each policy with where it is, the kind of policy the
// host makes it, and its body (a tree of the template's values, or JSON text written inside the
// template). templates/virtual.ts turns each into the JSON text that rules and features read.
import type { PolicyLimitKind } from '../catalog/tables/policyLimits';
import type { PolicyKind, Span } from '../policy/model';
import type { HostValue } from './hostTree';

export type TemplateFormat = 'cloudformation-json' | 'cloudformation-yaml' | 'serverless' | 'terraform' | 'terraform-plan';

/**
 * A policy written as JSON text inside the template: a Terraform heredoc (`<<EOF`, `<<-EOT`), a JSON
 * string (a plan's `"policy": "{\"Version\": ...}"`, a CloudFormation property that takes a string).
 * JSON syntax rules (comments, trailing commas) apply to it, as they do to a `.json` policy.
 */
export interface JsonTextBody {
  /** the JSON text as the policy reads it: escapes decoded, Terraform's `$${` read as `${` */
  text: string;
  /** runs of `text` written character for character in the template, in order */
  runs: Array<{ offset: number; hostOffset: number; length: number }>;
  /** `${...}` texts in `text` that are template expressions, not policy variables (`${var.bucket}`) */
  unknowns: string[];
  /**
   * how a replacement inside the text is escaped: nothing more in a heredoc (but Terraform's `${` is
   * written `$${`), JSON escapes in a JSON string, HCL escapes in a Terraform quoted string (`\"`,
   * `\\`, and `$${` for `${`)
   */
  escape: 'heredoc' | 'json-string' | 'hcl-string';
}

export interface EmbeddedPolicySource {
  body: { tree: HostValue } | { json: JsonTextBody };
  /** the kind the host makes it (a trust policy for AssumeRolePolicyDocument...); undefined: decided by content */
  kind?: PolicyKind;
  /** the size quota that applies, when the host tells (a role's inline policy: inline-role) */
  limit?: PolicyLimitKind;
  /** the resource that holds it: a logical ID ("BuildRole"), a Terraform address ("aws_iam_role.build"), "provider.iam.role" */
  resource: string;
  /** "AWS::IAM::Role", "AWS::Serverless::Function", "aws_iam_role", "data.aws_iam_policy_document", "serverless" */
  resourceType: string;
  /** the property path inside the resource: "AssumeRolePolicyDocument", "Policies[1].PolicyDocument", "inline_policy.policy" */
  property: string;
  /** the whole policy value in the template */
  span: Span;
  /**
   * Statements or elements may be added at deploy time (Terraform `dynamic "statement"` blocks,
   * `source_policy_documents`, an `Fn::If` branch not taken): rules that judge what is missing stay quiet.
   */
  partial?: boolean;
}

/** A policy named rather than written: a SAM policy template (`S3ReadPolicy: {BucketName: ...}`), an AWS managed policy name. */
export interface NamedPolicy {
  name: string;
  span: Span;
  /** the resource that holds it, as in EmbeddedPolicySource */
  resource: string;
}

/** A problem with the template itself (it does not parse): reported once, at its place. */
export interface TemplateProblem extends Span {
  message: string;
}

export interface TemplateReadResult {
  format: TemplateFormat;
  policies: EmbeddedPolicySource[];
  namedPolicies: NamedPolicy[];
  /** policy files the template points at (`file("policy.json")`), relative to the template's folder: checked on their own */
  policyFiles: Array<{ path: string; span: Span; kind?: PolicyKind }>;
  problems: TemplateProblem[];
}

export interface TemplateReader {
  format: TemplateFormat | readonly TemplateFormat[];
  /** Cheap: could this file be a template of this reader's format? (name and the first part of the text) */
  detect(uri: string, languageId: string, text: string): boolean;
  /** loads what the reader needs once (a parser's WebAssembly), before the first read */
  prepare?(): Promise<void>;
  /** undefined: not a template of this format after all */
  read(uri: string, text: string): TemplateReadResult | undefined;
  /**
   * The reading of a changed text from the last one, reading only what the change touched; undefined
   * when the whole text must be read. Equal to `read` on the new text, only faster.
   */
  readChange?(uri: string, text: string, previous: { text: string; read: TemplateReadResult }): TemplateReadResult | undefined;
}
