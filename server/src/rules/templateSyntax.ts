// IAM005: a template (CloudFormation, SAM, Serverless, Terraform) that cannot be read. Its reader
// (templates/) reports the problem where the parser stopped; this module only declares the code, so
// that settings, the rules list and the docs know it like every other.
import type { RuleMeta } from './types';

export const templateSyntaxRules: readonly RuleMeta[] = [
  {
    code: 'IAM005',
    name: 'template-syntax',
    category: 'syntax',
    defaultSeverity: 'error',
    summary: 'The template (CloudFormation, SAM, Serverless, Terraform) does not parse where the diagnostic is.',
  },
];
