// Partitions and Regions. Source: the AWS SDK's endpoint partition data (partitions.json, as shipped in
// @aws-sdk/core 3.981.1), which is the machine-readable form of the AWS General Reference page
// "AWS Regions" (https://docs.aws.amazon.com/general/latest/gr/rande.html) and of
// https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html.
// Region names are the SDK's descriptions. regionPattern lets rules accept a Region newer than this table;
// dnsSuffix is the partition's domain, which its service principals end with (ec2.amazonaws.com.cn).
import type { PartitionInfo, RegionInfo } from '../types';

export const PARTITIONS: readonly PartitionInfo[] = [
  { name: 'aws', description: 'AWS commercial Regions', regionPattern: '^(us|eu|ap|sa|ca|me|af|il|mx)-\\w+-\\d+$', dnsSuffix: 'amazonaws.com' },
  { name: 'aws-cn', description: 'AWS China Regions', regionPattern: '^cn-\\w+-\\d+$', dnsSuffix: 'amazonaws.com.cn' },
  { name: 'aws-us-gov', description: 'AWS GovCloud (US) Regions', regionPattern: '^us-gov-\\w+-\\d+$', dnsSuffix: 'amazonaws.com' },
  { name: 'aws-iso', description: 'AWS ISO (US) Regions', regionPattern: '^us-iso-\\w+-\\d+$', dnsSuffix: 'c2s.ic.gov' },
  { name: 'aws-iso-b', description: 'AWS ISOB (US) Regions', regionPattern: '^us-isob-\\w+-\\d+$', dnsSuffix: 'sc2s.sgov.gov' },
  { name: 'aws-iso-e', description: 'AWS ISOE (Europe) Regions', regionPattern: '^eu-isoe-\\w+-\\d+$', dnsSuffix: 'cloud.adc-e.uk' },
  { name: 'aws-iso-f', description: 'AWS ISOF Regions', regionPattern: '^us-isof-\\w+-\\d+$', dnsSuffix: 'csp.hci.ic.gov' },
  { name: 'aws-eusc', description: 'AWS European Sovereign Cloud', regionPattern: '^eusc-(de)-\\w+-\\d+$', dnsSuffix: 'amazonaws.eu' },
];

type Row = [code: string, name: string, partition: string];

const ROWS: Row[] = [
  ['af-south-1', 'Africa (Cape Town)', 'aws'],
  ['ap-east-1', 'Asia Pacific (Hong Kong)', 'aws'],
  ['ap-east-2', 'Asia Pacific (Taipei)', 'aws'],
  ['ap-northeast-1', 'Asia Pacific (Tokyo)', 'aws'],
  ['ap-northeast-2', 'Asia Pacific (Seoul)', 'aws'],
  ['ap-northeast-3', 'Asia Pacific (Osaka)', 'aws'],
  ['ap-south-1', 'Asia Pacific (Mumbai)', 'aws'],
  ['ap-south-2', 'Asia Pacific (Hyderabad)', 'aws'],
  ['ap-southeast-1', 'Asia Pacific (Singapore)', 'aws'],
  ['ap-southeast-2', 'Asia Pacific (Sydney)', 'aws'],
  ['ap-southeast-3', 'Asia Pacific (Jakarta)', 'aws'],
  ['ap-southeast-4', 'Asia Pacific (Melbourne)', 'aws'],
  ['ap-southeast-5', 'Asia Pacific (Malaysia)', 'aws'],
  ['ap-southeast-6', 'Asia Pacific (New Zealand)', 'aws'],
  ['ap-southeast-7', 'Asia Pacific (Thailand)', 'aws'],
  ['ca-central-1', 'Canada (Central)', 'aws'],
  ['ca-west-1', 'Canada West (Calgary)', 'aws'],
  ['eu-central-1', 'Europe (Frankfurt)', 'aws'],
  ['eu-central-2', 'Europe (Zurich)', 'aws'],
  ['eu-north-1', 'Europe (Stockholm)', 'aws'],
  ['eu-south-1', 'Europe (Milan)', 'aws'],
  ['eu-south-2', 'Europe (Spain)', 'aws'],
  ['eu-west-1', 'Europe (Ireland)', 'aws'],
  ['eu-west-2', 'Europe (London)', 'aws'],
  ['eu-west-3', 'Europe (Paris)', 'aws'],
  ['il-central-1', 'Israel (Tel Aviv)', 'aws'],
  ['me-central-1', 'Middle East (UAE)', 'aws'],
  ['me-south-1', 'Middle East (Bahrain)', 'aws'],
  ['me-west-1', 'Middle East (Saudi Arabia)', 'aws'],
  ['mx-central-1', 'Mexico (Central)', 'aws'],
  ['sa-east-1', 'South America (Sao Paulo)', 'aws'],
  ['sa-west-1', 'South America (Chile)', 'aws'],
  ['us-east-1', 'US East (N. Virginia)', 'aws'],
  ['us-east-2', 'US East (Ohio)', 'aws'],
  ['us-west-1', 'US West (N. California)', 'aws'],
  ['us-west-2', 'US West (Oregon)', 'aws'],
  ['cn-north-1', 'China (Beijing)', 'aws-cn'],
  ['cn-northwest-1', 'China (Ningxia)', 'aws-cn'],
  ['eusc-de-east-1', 'AWS European Sovereign Cloud (Germany)', 'aws-eusc'],
  ['us-iso-east-1', 'US ISO East', 'aws-iso'],
  ['us-iso-west-1', 'US ISO WEST', 'aws-iso'],
  ['us-isob-east-1', 'US ISOB East (Ohio)', 'aws-iso-b'],
  ['us-isob-west-1', 'US ISOB West', 'aws-iso-b'],
  ['eu-isoe-west-1', 'EU ISOE West', 'aws-iso-e'],
  ['us-isof-east-1', 'US ISOF EAST', 'aws-iso-f'],
  ['us-isof-south-1', 'US ISOF SOUTH', 'aws-iso-f'],
  ['us-gov-east-1', 'AWS GovCloud (US-East)', 'aws-us-gov'],
  ['us-gov-west-1', 'AWS GovCloud (US-West)', 'aws-us-gov'],
];

export const REGIONS: readonly RegionInfo[] = ROWS.map(([code, name, partition]) => ({ code, name, partition }));
