// IAM200-IAM207: the shape of each ARN in Resource and NotResource, segment by segment:
// arn:partition:service:region:account-id:resource. Sources: IAM User Guide, "IAM identifiers"
// (reference_identifiers.html#identifiers-arns) and "IAM policy validation check reference"
// (access-analyzer-reference-policy-checks.html: Invalid ARN prefix / partition / account /
// Region, ARN Region not allowed, ARN account not allowed, Missing ARN Region, Invalid ARN
// service case); the checks are in analysis/arnProblems.ts.
// All are warnings, never errors: real policies (and the AWS documentation) use placeholders such
// as "<bucket-arn>" and "account-id", and IAM accepts many of these ARNs (they just match nothing).
import { arnProblem } from '../analysis/arnProblems';
import type { StringItem } from '../policy/model';
import { hasUnknown } from '../policy/unknowns';
import type { RuleContext, RuleModule } from './types';

function checkResource(ctx: RuleContext, item: StringItem): void {
  // `${Bucket.Arn}/*`: a template's value that is an ARN at deploy time; its written parts say no more
  if (!item.value.startsWith('arn:') && hasUnknown(ctx.doc, item.value)) return;
  // API Gateway's resource policies may name the API as `execute-api:/stage/GET/pets`, which it
  // expands on save (API Gateway Developer Guide, "API Gateway resource policy examples":
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html)
  if (ctx.doc.kind === 'resource' && item.value.startsWith('execute-api:/')) return;
  const problem = arnProblem(ctx.catalog, item.value);
  if (!problem) return;
  const { code, message, replacements = [] } = problem;
  ctx.report({ code, offset: item.offset, length: item.length, message, data: { replacements: replacements.map(r => JSON.stringify(r)) } });
}

export const resourceArnRules: RuleModule = {
  rules: [
    { code: 'IAM200', name: 'malformed-arn', category: 'resource', defaultSeverity: 'warning', summary: 'A resource is not "*" or an ARN of six parts.' },
    {
      code: 'IAM201',
      name: 'unknown-partition',
      category: 'resource',
      defaultSeverity: 'warning',
      summary: 'The partition of an ARN is not an AWS partition.',
    },
    {
      code: 'IAM202',
      name: 'invalid-arn-account',
      category: 'resource',
      defaultSeverity: 'warning',
      summary: 'The account of an ARN is not a 12-digit account ID, or is missing where the service needs one.',
    },
    {
      code: 'IAM203',
      name: 'arn-region-not-allowed',
      category: 'resource',
      defaultSeverity: 'warning',
      summary: 'An ARN has a Region where the service has none (IAM, S3 buckets, ...).',
    },
    {
      code: 'IAM204',
      name: 'arn-region-missing',
      category: 'resource',
      defaultSeverity: 'warning',
      summary: 'An ARN has no Region where the service needs one.',
    },
    {
      code: 'IAM205',
      name: 'unknown-arn-service',
      category: 'resource',
      defaultSeverity: 'warning',
      summary: 'The service of an ARN is unknown or not lower case.',
    },
    {
      code: 'IAM206',
      name: 'arn-account-not-allowed',
      category: 'resource',
      defaultSeverity: 'warning',
      summary: 'An ARN has an account ID where the service has none (S3 buckets, ...).',
    },
    {
      code: 'IAM207',
      name: 'unknown-region',
      category: 'resource',
      defaultSeverity: 'warning',
      summary: 'The Region of an ARN is not a Region of its partition.',
    },
  ],
  check(ctx) {
    for (const statement of ctx.doc.statements) {
      for (const element of [statement.resource, statement.notResource]) {
        for (const item of element?.items ?? []) checkResource(ctx, item);
      }
    }
  },
};
