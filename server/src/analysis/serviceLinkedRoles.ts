// iam:CreateServiceLinkedRole and the condition that confines it: the role it creates is named by its
// AWSServiceName parameter (IAM API Reference, CreateServiceLinkedRole: "The service principal for the
// AWS service to which this role is attached"), which the iam:AWSServiceName condition key tests
// (Service Authorization Reference, IAM: "Filters access by the AWS service to which this role is
// attached"). A condition that names services confines the roles it can create, whatever Resource says.
import { globCovers } from '../policy/arnGlobs';
import { narrows, type StatementFacts } from './statementFacts';

export const CREATE_SERVICE_LINKED_ROLE = 'iam:createservicelinkedrole';
const AWS_SERVICE_NAME = 'iam:awsservicename';
const EVERY_SERVICE = '*.amazonaws.com';

/** Whether a condition on iam:AWSServiceName names services (not every one). */
export function namesServiceLinkedRoleServices(facts: StatementFacts): boolean {
  return facts.conditions.some(c => c.key === AWS_SERVICE_NAME && narrows(c) && c.values.every(v => !globCovers(v, EVERY_SERVICE)));
}
