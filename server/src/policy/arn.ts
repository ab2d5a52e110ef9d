// ARN parsing: arn:partition:service:region:account-id:resource. The resource part may itself
// contain colons (arn:aws:logs:us-east-1:123456789012:log-group:name:*), so only the first five
// separators count; nor do colons inside a policy variable (arn:aws:sqs:${aws:RequestedRegion}:...).
// Source: IAM User Guide, "IAM identifiers" (reference_identifiers.html#identifiers-arns).

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** The next colon at or after `from` that is not inside a `${...}` policy variable; -1 when none. */
function separatorAfter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === ':') return i;
    if (text[i] === '$' && text[i + 1] === '{') {
      const end = text.indexOf('}', i + 2);
      if (end < 0) return text.indexOf(':', i);
      i = end;
    }
  }
  return -1;
}

/** Parses an ARN; undefined when it does not have the six parts. */
export function parseArn(text: string): Arn | undefined {
  if (!text.startsWith('arn:')) return undefined;
  const parts: string[] = [];
  let start = 4;
  for (let i = 0; i < 4; i++) {
    const colon = separatorAfter(text, start);
    if (colon < 0) return undefined;
    parts.push(text.slice(start, colon));
    start = colon + 1;
  }
  const [partition, service, region, account] = parts;
  return { partition, service, region, account, resource: text.slice(start) };
}

/** The offsets (within the ARN text) where each of the six segments starts, for segment-wise features. */
export function arnSegmentOffsets(text: string): number[] {
  const offsets = [0];
  let index = -1;
  while (offsets.length < 6 && (index = separatorAfter(text, index + 1)) >= 0) offsets.push(index + 1);
  return offsets;
}

/** A variable of an ARN format as a placeholder's text: `BucketName` -> `bucket-name`. */
export function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** The placeholder a variable of an ARN format stands as, for people: `<bucket-name>`, `<account-id>`. */
export function placeholderOf(variable: string): string {
  return `<${variable === 'Account' ? 'account-id' : kebabCase(variable)}>`;
}

/**
 * An ARN format of the Service Authorization Reference as a person reads it: the partition written
 * out, every other variable a placeholder (`arn:${Partition}:s3:::${BucketName}` ->
 * `arn:aws:s3:::<bucket-name>`).
 */
export function readableArnFormat(format: string, partition = 'aws'): string {
  return format.replace(/\$\{([^}]*)\}/g, (_, name: string) => (name === 'Partition' ? partition : placeholderOf(name)));
}
