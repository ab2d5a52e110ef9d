// Partitions and Regions. The Regions of each partition, its DNS suffix (which its service principals end
// with: ec2.amazonaws.com.cn) and the pattern of its Region codes come from the catalog file, which the
// build takes from the AWS SDK's endpoint data (@aws-sdk/core, partitions.js: the machine-readable form
// of the AWS General Reference page "AWS Regions", https://docs.aws.amazon.com/general/latest/gr/rande.html,
// and of https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html),
// so that new Regions come with a refresh. Only the partitions' descriptions are ours.
import type { CompactPartition } from '../compact';
import type { PartitionInfo, RegionInfo } from '../types';

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'aws': 'AWS commercial Regions',
  'aws-cn': 'AWS China Regions',
  'aws-us-gov': 'AWS GovCloud (US) Regions',
  'aws-iso': 'AWS ISO (US) Regions',
  'aws-iso-b': 'AWS ISOB (US) Regions',
  'aws-iso-e': 'AWS ISOE (Europe) Regions',
  'aws-iso-f': 'AWS ISOF Regions',
  'aws-eusc': 'AWS European Sovereign Cloud',
};

export function partitionsOf(rows: readonly CompactPartition[]): PartitionInfo[] {
  return rows.map(([name, dnsSuffix, regionPattern]) => ({ name, description: DESCRIPTIONS[name] ?? `the ${name} partition`, regionPattern, dnsSuffix }));
}

export function regionsOf(rows: readonly CompactPartition[]): RegionInfo[] {
  return rows.flatMap(([partition, , , regions]) => regions.map(([code, name]) => ({ code, name, partition })));
}
