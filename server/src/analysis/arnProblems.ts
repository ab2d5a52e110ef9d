// The shape of an ARN in Resource and NotResource, segment by segment, and the first thing wrong
// with it: arn:partition:service:region:account-id:resource (rules/resourceArns.ts reports it,
// resource matching skips ARNs it already reports). Sources: IAM User Guide, "IAM identifiers"
// (reference_identifiers.html#identifiers-arns) and "IAM policy validation check reference"
// (access-analyzer-reference-policy-checks.html: Invalid ARN prefix / partition / account /
// Region, ARN Region not allowed, ARN account not allowed, Missing ARN Region, Invalid ARN
// service case). Which services leave the Region or account empty comes from the ARN formats of
// the Service Authorization Reference (IAM, S3 buckets and objects, CloudFront, ...).
import { perCatalog } from '../catalog/memo';
import type { Catalog } from '../catalog/types';
import { ACCOUNT_ID } from '../policy/identifiers';
import { parseArn, type Arn } from '../policy/arn';
import { hasPlaceholder } from '../policy/placeholders';
import { closestNames, editDistance } from '../util/closest';
import { catalogNames, formatsOfArnService, mayName, typedArn, type FormatInfo } from './resourceTypes';
import { hasWildcardOrVariable } from '../util/wildcard';

const AWS_OWNED_ACCOUNT = 'aws';

/**
 * The resource types of the ARN's service whose resource part fits the ARN's (Region and account
 * left open); all of the service's when none does.
 */
function candidateFormats(catalog: Catalog, formats: FormatInfo[], arn: Arn): FormatInfo[] {
  const open = typedArn(catalog, `arn:${arn.partition}:${arn.service}:*:*:${arn.resource}`);
  const strictly = formats.filter(f => catalogNames(open, f.type));
  if (strictly.length) return strictly;
  const loosely = formats.filter(f => mayName(open, f.type));
  return loosely.length ? loosely : formats;
}

const REGION = 3;
const ACCOUNT = 4;

/** Whether all, none or some of the formats (never an empty list) have a Region (an account). */
type Share = 'all' | 'none' | 'some';

function shareWith(formats: readonly FormatInfo[], segment: typeof REGION | typeof ACCOUNT): Share {
  let count = 0;
  for (const format of formats) if (format.segments[segment] !== '') count++;
  return count === 0 ? 'none' : count === formats.length ? 'all' : 'some';
}

const regionCodes = new WeakMap<Catalog, Map<string, ReadonlySet<string>>>();

/**
 * The Region codes of a partition, from the catalog (which a refresh updates: new Regions come with
 * it); of every partition when the partition is undefined, a pattern or unknown.
 */
export function regionsOfPartition(catalog: Catalog, partition?: string): ReadonlySet<string> {
  let byPartition = regionCodes.get(catalog);
  // Stryker disable next-line ConditionalExpression: equivalent, the map is a memo (working it out again gives the same sets)
  if (!byPartition) {
    byPartition = new Map([['', new Set(catalog.regions().map(r => r.code))]]);
    for (const region of catalog.regions()) {
      const codes = byPartition.get(region.partition) as Set<string> | undefined;
      if (codes) codes.add(region.code);
      else byPartition.set(region.partition, new Set([region.code]));
    }
    regionCodes.set(catalog, byPartition);
  }
  const everyRegion = byPartition.get('')!;
  // Stryker disable next-line StringLiteral: equivalent, a key no partition has gives every Region as well
  return byPartition.get(partition ?? '') ?? everyRegion;
}

/** A Region of the partition (of any partition without one), as the catalog's Region table knows them. */
export function knownRegion(catalog: Catalog, region: string, partition?: string): boolean {
  return regionsOfPartition(catalog, partition).has(region);
}

/** The Regions of the partition closest to a code that is none (`us-east1` -> `us-east-1`). */
export function closestRegions(catalog: Catalog, region: string, partition?: string): string[] {
  return closestNames(region, regionsOfPartition(catalog, partition), 3);
}

// Stryker disable all: human text, what the IAM207 message says about the Region (tests assert its code and replacements)
/** Whether a code has the form of the partition's Region codes (of any partition's without one): a Region newer than the data may. */
function fitsRegionPattern(catalog: Catalog, region: string, partition?: string): boolean {
  return catalog
    .partitions()
    .some(p => (partition === undefined || p.name === partition) && p.regionPattern !== undefined && new RegExp(p.regionPattern).test(region));
}

/** Why a Region code is not one of the partition's, for messages. */
function regionProblem(catalog: Catalog, region: string, partition?: string): string {
  const owner = catalog.regions().find(r => r.code === region)?.partition;
  if (owner && partition) return `"${region}" is a Region of the ${owner} partition, not of ${partition}`;
  return `"${region}" is not ${partition ? `a Region of the ${partition} partition` : 'an AWS Region'} (Regions as of the catalog's data, ${catalog.dataDate})`;
}

// Stryker restore all

/** What is wrong with an ARN: a code of rules/resourceArns.ts, its message, and the ARNs that would fix it. */
export interface ArnProblem {
  code: string;
  message: string;
  replacements?: string[];
}

const PROBLEM_CACHE_LIMIT = 5000;

/** The first thing wrong with the ARN's shape; undefined when it looks right. Memoised. */
export const arnProblem = perCatalog(findArnProblem, PROBLEM_CACHE_LIMIT);

function findArnProblem(catalog: Catalog, text: string): ArnProblem | undefined {
  if (text === '*' || hasPlaceholder(text)) return undefined; // IAM090 reports placeholders
  // Stryker disable next-line ConditionalExpression,StringLiteral,BlockStatement: human text, parseArn rejects such a text too: the same IAM200, another message
  if (!text.startsWith('arn:')) {
    return { code: 'IAM200', message: `"${text}" is not an ARN: a resource is "*" or an ARN of the form arn:partition:service:region:account-id:resource.` };
  }
  const arn = parseArn(text);
  if (!arn) {
    return {
      code: 'IAM200',
      message: `"${text}" has too few parts: an ARN has six, arn:partition:service:region:account-id:resource (leave a part empty, "::", where the service has none).`,
    };
  }
  if (!arn.service) return { code: 'IAM200', message: `"${text}" has no service: write the service prefix after the partition (arn:aws:s3:::...).` };
  if (!arn.resource) return { code: 'IAM200', message: `"${text}" has no resource part after the account: name the resource, or use "*".` };

  if (!hasWildcardOrVariable(arn.partition) && !catalog.partitions().some(p => p.name === arn.partition)) {
    // one partition a letter away is a typo, the fix; otherwise the nearest three are a choice
    const names = catalog.partitions().map(p => p.name);
    const distance = new Map(names.map(name => [name, editDistance(arn.partition, name)]));
    const typos = names.filter(name => distance.get(name)! <= 1);
    const candidates = typos.length === 1 ? typos : [...names].sort((a, b) => distance.get(a)! - distance.get(b)!).slice(0, 3);
    return {
      code: 'IAM201',
      message: `"${arn.partition}" is not an AWS partition (${names.join(', ')}).`,
      replacements: candidates.map(name => `arn:${name}${text.slice(4 + arn.partition.length)}`),
    };
  }
  if (hasWildcardOrVariable(arn.service)) return undefined;
  const formats = formatsOfArnService(catalog, arn.service);
  const lower = arn.service.toLowerCase();
  if (lower !== arn.service && (formats || catalog.service(lower))) {
    return { code: 'IAM205', message: `The service in an ARN is lower case: "${lower}", not "${arn.service}".`, replacements: [replaceSegment(arn, 2, lower)] };
  }
  if (!formats) {
    // a service whose resource types the Service Authorization Reference does not list (yet)
    if (catalog.service(arn.service)) return undefined;
    return {
      code: 'IAM205',
      message: `No AWS service has ARNs with the service "${arn.service}". Check the spelling; if AWS added the service recently, ignore this warning.`,
    };
  }
  // what follows checks a Region or an account the ARN names (or an empty Region): nothing else to check
  const accountNamed = arn.account !== '' && !hasWildcardOrVariable(arn.account);
  // Stryker disable next-line ConditionalExpression: equivalent, a fast exit: every check below needs a Region that is no pattern, an empty one or a named account
  if (hasWildcardOrVariable(arn.region) && !accountNamed) return undefined;
  // Which of the service's formats the ARN names matters only where they differ in having a Region
  // (an account): for most services all or none have one, and the matcher need not run.
  let candidates: FormatInfo[] | undefined;
  const candidatesWith = (segment: typeof REGION | typeof ACCOUNT): Share => {
    const share = shareWith(formats, segment);
    // Stryker disable next-line ConditionalExpression: equivalent, a fast exit: candidates are some of the formats, so they all (none) have the segment when all formats do
    if (share !== 'some') return share;
    candidates ??= candidateFormats(catalog, formats, arn);
    return shareWith(candidates, segment);
  };
  if (arn.region !== '' && !hasWildcardOrVariable(arn.region)) {
    if (candidatesWith(REGION) === 'none') {
      return {
        code: 'IAM203',
        message: `${arn.service} resources of this kind have no Region in their ARN (the service is global): leave the Region empty.`,
        replacements: [replaceSegment(arn, 3, '')],
      };
    }
    const partition = hasWildcardOrVariable(arn.partition) ? undefined : arn.partition;
    if (!knownRegion(catalog, arn.region, partition)) {
      const closest = closestRegions(catalog, arn.region, partition);
      return {
        code: 'IAM207',
        message: `${regionProblem(catalog, arn.region, partition)}: the ARN matches nothing.${closest.length ? ` Did you mean ${closest.map(c => `"${c}"`).join(', ')}?` : ''}${fitsRegionPattern(catalog, arn.region, partition) ? ' If AWS opened the Region recently, ignore this warning.' : ''}`,
        replacements: closest.map(c => replaceSegment(arn, 3, c)),
      };
    }
  }
  if (arn.region === '' && candidatesWith(REGION) === 'all') {
    return {
      code: 'IAM204',
      message: `${arn.service} ARNs of this kind need a Region (or "*"): with an empty Region this ARN matches nothing.`,
      replacements: [replaceSegment(arn, 3, '*')],
    };
  }
  // An empty account is not checked: AWS-owned resources have none even where the format has
  // one (arn:aws:ssm:us-east-1::document/AWS-RunShellScript, public SSM parameters).
  if (accountNamed) {
    if (candidatesWith(ACCOUNT) === 'none') {
      return {
        code: 'IAM206',
        message: `${arn.service} ARNs of this kind have no account ID (names are global): leave the account empty.`,
        replacements: [replaceSegment(arn, 4, '')],
      };
    }
    // "aws" owns AWS managed resources: managed policies, prefix lists, public SageMaker hubs, ...
    if (!ACCOUNT_ID.test(arn.account) && arn.account !== AWS_OWNED_ACCOUNT) {
      return { code: 'IAM202', message: `"${arn.account}" is not an AWS account ID: write the 12 digits (no hyphens), or "*".` };
    }
  }
  return undefined;
}

/** The ARN text with one of its six segments replaced. */
function replaceSegment(arn: Arn, index: 2 | 3 | 4, value: string): string {
  const parts = ['arn', arn.partition, arn.service, arn.region, arn.account, arn.resource];
  parts[index] = value;
  return parts.join(':');
}
