// The neutral tree that every template reader (CloudFormation JSON/YAML, SAM, Serverless, Terraform
// HCL, Terraform plan JSON) makes of a policy it finds: the policy's structure with the span in the
// template of every key and value, and the parts only known at deploy time marked as unknown. The
// core (templates/virtual.ts) turns it into the JSON text that rules and features read, with a map
// back into the template; readers never build JSON themselves.
import type { Span } from '../policy/model';

/**
 * How the template writes a string. Decides how a replacement is written (quick-fixes, completion)
 * and which characters need escaping there.
 * - `json`: a JSON string, `"..."` (CloudFormation JSON, plan JSON);
 * - `yaml-plain`, `yaml-single` (`'...'`), `yaml-double` (`"..."`), `yaml-block` (`|`, `>`);
 * - `hcl`: an HCL quoted template, `"..."`, where `${` and `%{` start an interpolation or directive;
 * - `synthetic`: not written in the template at all (a default the host fills in, such as the
 *   `Effect = "Allow"` that `aws_iam_policy_document` assumes): nothing can replace it.
 */
export type StringStyle = 'json' | 'yaml-plain' | 'yaml-single' | 'yaml-double' | 'yaml-block' | 'hcl' | 'synthetic';

/**
 * A piece of a string value. `literal` text is the value's characters; `exact` is true when they are
 * written character for character at `span` (no escapes, no folding), so that an offset inside the
 * value maps to the same offset inside the template. `unknown` is an expression whose value is known
 * only at deploy time (`${AWS::Region}`, `!Ref Bucket`, `${var.name}`, `aws_s3_bucket.b.arn`): `text`
 * is a short readable form of it without `}` or line breaks ("AWS::Region", "Bucket", "var.name",
 * "aws_s3_bucket.b.arn", "Fn::FindInMap"), and the policy reads it as `${text}`.
 */
export type StringPart = { literal: string; span: Span; exact: boolean } | { unknown: string; span: Span };

export interface HostString {
  kind: 'string';
  /** the whole scalar as written, quotes included, tag excluded (`!Sub "a${B}"` -> the `"a${B}"`) */
  span: Span;
  parts: StringPart[];
  style: StringStyle;
  /**
   * The string is the body of a CloudFormation `Fn::Sub` (`!Sub`): a policy variable is written
   * `${!aws:username}` there, and `${Name}` is a template reference.
   */
  sub?: boolean;
}

export interface HostScalar {
  kind: 'number' | 'boolean' | 'null';
  span: Span;
  value: number | boolean | null;
}

/** A whole value known only at deploy time: `!Ref ActionList`, `var.actions`, `concat(...)`, a `for` expression. */
export interface HostUnknown {
  kind: 'unknown';
  span: Span;
  /** short readable form, as in StringPart's `unknown` */
  text: string;
}

export interface HostEntry {
  /** the policy's name for the key ("Action", "StringEquals", "aws:SourceArn") */
  key: string;
  /** where the template writes the key (an HCL block's `actions`, a `test = "StringEquals"` value, ...) */
  keySpan: Span;
  /**
   * How the key is written, as for strings; `renamable` false when the template's key is not the
   * policy's key (Terraform's `actions` for "Action"): a fix that renames it is not offered.
   */
  keyStyle: StringStyle;
  renamable: boolean;
  value: HostValue;
  /** the whole entry (key and value) */
  span: Span;
}

export interface HostObject {
  kind: 'object';
  span: Span;
  /** in template order, duplicates kept */
  entries: HostEntry[];
}

export interface HostArray {
  kind: 'array';
  span: Span;
  items: HostValue[];
}

export type HostValue = HostObject | HostArray | HostString | HostScalar | HostUnknown;
