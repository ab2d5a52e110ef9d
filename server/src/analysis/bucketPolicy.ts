// Whether a resource policy is an S3 bucket policy: the security rules (IAM424) and the size quotas
// (an S3 bucket policy's own) both ask.
import { parseArn } from '../policy/arn';
import type { PolicyDocument } from '../policy/model';

/** An S3 bucket policy: a resource policy whose resources are all buckets or objects (`arn:aws:s3:::...`). */
export function isBucketPolicy(doc: PolicyDocument): boolean {
  if (doc.kind !== 'resource') return false;
  const resources = doc.statements.flatMap(s => [...(s.resource?.items ?? []), ...(s.notResource?.items ?? [])]);
  return (
    resources.length > 0 &&
    resources.every(r => {
      const arn = parseArn(r.value);
      return arn !== undefined && arn.service === 's3' && arn.region === '' && arn.account === '';
    })
  );
}
