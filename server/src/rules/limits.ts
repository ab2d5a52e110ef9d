// IAM500-IAM502: the policy's size against the quota of its kind (catalog/tables/policyLimits.ts,
// each quota with its AWS page). The size is counted without white space: IAM ignores it, and for
// the quotas whose documentation does not say, the count without it is the least the policy can
// weigh, so "over" is certain however the policy is sent. Byte quotas count UTF-8 bytes.
// - IAM501 (error): over a quota that AWS enforces for every policy of the kind: SCPs, S3 bucket,
//   KMS key, Lambda function and Secrets Manager policies, VPC endpoint policies.
// - IAM502 (warning): over a quota that may not apply. Identity policies and permissions boundaries
//   are measured against the managed policy quota (6,144): an inline policy counts instead toward
//   its user's (2,048), group's (5,120) or role's (10,240) total, which one file cannot show, and
//   AWS managed policies are not bound by it (AWSSupportServiceRolePolicy and ReadOnlyAccess are far
//   larger). A trust policy's 2,048 is a default that can be raised. RCPs: AWS's own example
//   collection (resource-control-policy-examples, Shared-Issuers) is larger than 5,120 as a whole.
// - IAM503 (warning): over a quota that counts white space as AWS counts it ("All characters in your SCP
//   count against its maximum size", AWS Organizations User Guide, SCP syntax; the same for RCPs on the
//   RCP syntax page; VPC endpoint policies "including white space", PrivateLink quotas), while the
//   policy without white space fits: sent as written it is rejected, sent minified it is not. Tools
//   differ (Terraform's jsonencode minifies; AWS's data-perimeter examples are larger than 5,120 only
//   with their indentation), so a warning.
// - IAM500 (warning): above 90% of the quota (counted as AWS counts it).
import { isBucketPolicy } from '../analysis/bucketPolicy';
import { POLICY_LIMITS, type PolicyLimit, type PolicyLimitKind } from '../catalog/tables/policyLimits';
import type { PolicyDocument } from '../policy/model';
import type { RuleModule } from './types';

const NEAR = 0.9;
const CERTAIN: ReadonlySet<PolicyLimitKind> = new Set(['scp', 's3-bucket', 'kms-key', 'lambda', 'secretsmanager', 'vpc-endpoint']);

/** The resource policy's service when every action is of one service (a KMS key policy has only kms: actions). */
function onlyService(doc: PolicyDocument): string | undefined {
  const prefixes = new Set(doc.statements.flatMap(s => s.action?.items ?? []).map(i => i.value.split(':')[0].toLowerCase()));
  return prefixes.size === 1 ? [...prefixes][0] : undefined;
}

const RESOURCE_LIMITS: Record<string, PolicyLimitKind> = { kms: 'kms-key', lambda: 'lambda', secretsmanager: 'secretsmanager' };

/** The quota that applies to the document, if we know one. */
export function limitFor(doc: PolicyDocument): PolicyLimit | undefined {
  let kind: PolicyLimitKind | undefined;
  switch (doc.kind) {
    case 'identity':
    case 'boundary':
      kind = 'managed';
      break;
    case 'trust':
    case 'scp':
    case 'rcp':
      kind = doc.kind;
      break;
    case 'endpoint':
      kind = 'vpc-endpoint';
      break;
    case 'resource':
      // Stryker disable next-line StringLiteral: equivalent, no quota is known for any fallback name
      kind = isBucketPolicy(doc) ? 's3-bucket' : RESOURCE_LIMITS[onlyService(doc) ?? ''];
      break;
  }
  return POLICY_LIMITS.find(l => l.kind === kind);
}

/** White space beyond ASCII (U+00A0, U+2003, ...) as JavaScript's \s knows it; the regular expression only for such characters. */
// Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the test of the code only saves time (\s matches no other ASCII)
const isOtherWhiteSpace = (code: number, char: string) => code > 0x7f && /\s/.test(char);

/** The size AWS counts at least: characters (or UTF-8 bytes) without white space. */
export function policySize(text: string, unit: PolicyLimit['unit']): number {
  let size = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d) || isOtherWhiteSpace(code, text[i])) continue;
    // UTF-8: 1 byte to U+007F, 2 to U+07FF, 3 above, 4 for a surrogate pair (2 + 2 here)
    size += unit === 'characters' ? 1 : code <= 0x7f ? 1 : code <= 0x7ff ? 2 : code >= 0xd800 && code <= 0xdfff ? 2 : 3;
  }
  return size;
}

/**
 * The characters of the policy as written, white space included: the JSON value itself, not what
 * surrounds it. Every quota that counts white space counts characters (a test keeps the table so).
 */
function writtenSize(doc: PolicyDocument): number {
  const root = doc.root!; // a policy with a Statement has one
  return [...doc.text.slice(root.offset, root.offset + root.length)].length;
}

/** 12345 -> "12,345", as toLocaleString('en-US') writes a whole number, without loading ICU's number formats. */
export function withThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

export const limitRules: RuleModule = {
  rules: [
    {
      code: 'IAM500',
      name: 'policy-size-near-quota',
      category: 'limits',
      defaultSeverity: 'warning',
      summary: 'The policy is above 90% of the size quota of its kind.',
    },
    {
      code: 'IAM501',
      name: 'policy-size-over-quota',
      category: 'limits',
      defaultSeverity: 'error',
      summary: 'The policy is larger than the size quota AWS enforces for its kind.',
    },
    {
      code: 'IAM502',
      name: 'policy-size-over-usual-quota',
      category: 'limits',
      defaultSeverity: 'warning',
      summary: 'The policy is larger than the quota that usually applies to its kind.',
    },
    {
      code: 'IAM503',
      name: 'policy-size-over-quota-as-written',
      category: 'limits',
      defaultSeverity: 'warning',
      summary: 'The policy is over a quota that counts white space, and fits without it.',
    },
  ],
  check(ctx) {
    const { doc } = ctx;
    const limit = limitFor(doc);
    const at = doc.statementEntry?.keyNode;
    if (!limit || !at) return;
    // a UTF-16 unit weighs at most one character or three bytes: most policies are clearly small
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: equivalent, a fast exit (a UTF-16 unit is at most 3 UTF-8 bytes) before the exact count below
    if (doc.text.length * (limit.unit === 'characters' ? 1 : 3) <= limit.max * NEAR) return;
    const size = policySize(doc.text, limit.unit);
    const written = limit.countsWhitespace ? writtenSize(doc) : size;
    if (written <= limit.max * NEAR) return;
    // Stryker disable next-line all: human text, as in the messages (tests assert codes and data, not wording)
    const amount = `${withThousands(size)} ${limit.unit} without white space`;
    // Stryker disable next-line all: human text
    const quota = `${limit.name} quota of ${withThousands(limit.max)} ${limit.unit}`;
    const data = { size, written, max: limit.max, unit: limit.unit, quota: limit.kind, source: limit.source };
    if (written <= limit.max) {
      // Stryker disable next-line all: human text
      const counted = limit.countsWhitespace ? `${withThousands(written)} ${limit.unit}, white space included as AWS counts it` : amount;
      ctx.report({
        code: 'IAM500',
        offset: at.offset,
        length: at.length,
        data,
        message: `This policy has ${counted}, close to the ${quota}. Leave room for changes, or split it.`,
      });
    } else if (size <= limit.max) {
      ctx.report({
        code: 'IAM503',
        offset: at.offset,
        length: at.length,
        data,
        message: `AWS counts every character of this policy, white space included: ${withThousands(written)} ${limit.unit}, over the ${quota}. Without white space it has ${withThousands(size)}: send it minified (the AWS CLI and API send it as written), or shorten it.`,
      });
    } else if (CERTAIN.has(limit.kind)) {
      ctx.report({
        code: 'IAM501',
        offset: at.offset,
        length: at.length,
        data,
        message: `This policy has ${amount}, over the ${quota}: AWS will reject it. Split it into several policies, or use wildcards and shorter statements.`,
      });
    } else {
      // Stryker disable all: human text
      const which =
        limit.kind === 'managed'
          ? " Inline policies count instead toward the user's (2,048), group's (5,120) or role's (10,240) total; AWS managed policies are not bound by it."
          : limit.adjustable
            ? ' The quota can be raised through Service Quotas.'
            : '';
      // Stryker restore all
      ctx.report({
        code: 'IAM502',
        offset: at.offset,
        length: at.length,
        data,
        message: `This policy has ${amount}, over the ${quota}.${which} Split it if it has to fit.`,
      });
    }
  },
};
