// IAM200-IAM207: the shape of each ARN in Resource and NotResource, segment by segment:
// arn:partition:service:region:account-id:resource. Sources: IAM User Guide, "IAM identifiers"
// (reference_identifiers.html#identifiers-arns) and "IAM policy validation check reference"
// (access-analyzer-reference-policy-checks.html: Invalid ARN prefix / partition / account /
// Region, ARN Region not allowed, ARN account not allowed, Missing ARN Region, Invalid ARN
// service case). Which services leave the Region or account empty comes from the ARN formats of
// the Service Authorization Reference (IAM, S3 buckets and objects, CloudFront, ...).
// All are warnings, never errors: real policies (and the AWS documentation) use placeholders such
// as "<bucket-arn>" and "account-id", and IAM accepts many of these ARNs (they just match nothing).
import { perCatalog } from '../catalog/memo';
import type { Catalog } from '../catalog/types';
import { ACCOUNT_ID } from '../policy/identifiers';
import { parseArn, type Arn } from '../policy/arn';
import type { StringItem } from '../policy/model';
import { hasPlaceholder } from '../policy/placeholders';
import { editDistance } from '../util/closest';
import { catalogNames, formatsOfArnService, mayName, typedArn, type FormatInfo } from './resourceTypes';
import type { RuleContext, RuleModule } from './types';

const AWS_OWNED_ACCOUNT = 'aws';

/** A segment with a wildcard or a policy variable: it may stand for anything, so it is not checked. */
export function isPatternSegment(segment: string): boolean {
  return /[*?]|\$\{/.test(segment);
}

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

const regionPatterns = new WeakMap<Catalog, RegExp[]>();

/** A Region in the catalog's table, or one that fits a partition's pattern of Region codes (newer than the table). */
export function knownRegion(catalog: Catalog, region: string): boolean {
  if (catalog.regions().some(r => r.code === region)) return true;
  let patterns = regionPatterns.get(catalog);
  if (!patterns) {
    patterns = catalog.partitions().flatMap(p => (p.regionPattern ? [new RegExp(`^(?:${p.regionPattern})$`)] : []));
    regionPatterns.set(catalog, patterns);
  }
  return patterns.some(p => p.test(region)) || (patterns.length === 0 && catalog.regions().length === 0);
}

/** The code, the message and the ARNs meant (one: the fix; several: a choice, none preferred). */
type ArnProblem = [code: string, message: string, replacements?: string | string[]];

const PROBLEM_CACHE_LIMIT = 5000;

/** The first thing wrong with the ARN's shape, as [code, message, replacement ARN?]; undefined when it looks right. Memoised. */
export const arnProblem = perCatalog(findArnProblem, PROBLEM_CACHE_LIMIT);

function findArnProblem(catalog: Catalog, text: string): ArnProblem | undefined {
  if (text === '*' || hasPlaceholder(text)) return undefined;   // IAM090 reports placeholders
  if (!text.startsWith('arn:')) {
    return ['IAM200', `"${text}" is not an ARN: a resource is "*" or an ARN of the form arn:partition:service:region:account-id:resource.`];
  }
  const arn = parseArn(text);
  if (!arn) {
    return ['IAM200', `"${text}" has too few parts: an ARN has six, arn:partition:service:region:account-id:resource (leave a part empty, "::", where the service has none).`];
  }
  if (!arn.service) return ['IAM200', `"${text}" has no service: write the service prefix after the partition (arn:aws:s3:::...).`];
  if (!arn.resource) return ['IAM200', `"${text}" has no resource part after the account: name the resource, or use "*".`];

  if (!isPatternSegment(arn.partition) && !catalog.partitions().some(p => p.name === arn.partition)) {
    // one partition a letter away is a typo, the fix; otherwise the nearest three are a choice
    const names = catalog.partitions().map(p => p.name);
    const distance = new Map(names.map(name => [name, editDistance(arn.partition, name)]));
    const typos = names.filter(name => distance.get(name)! <= 1);
    const candidates = typos.length === 1 ? typos : [...names].sort((a, b) => distance.get(a)! - distance.get(b)!).slice(0, 3);
    return ['IAM201', `"${arn.partition}" is not an AWS partition (${names.join(', ')}).`, candidates.map(name => `arn:${name}${text.slice(4 + arn.partition.length)}`)];
  }
  if (isPatternSegment(arn.service)) return undefined;
  const formats = formatsOfArnService(catalog, arn.service);
  const lower = arn.service.toLowerCase();
  if (lower !== arn.service && (formats || catalog.service(lower))) {
    return ['IAM205', `The service in an ARN is lower case: "${lower}", not "${arn.service}".`, replaceSegment(text, arn, 2, lower)];
  }
  if (!formats) {
    // a service whose resource types the Service Authorization Reference does not list (yet)
    if (catalog.service(arn.service)) return undefined;
    return ['IAM205', `No AWS service has ARNs with the service "${arn.service}". Check the spelling; if AWS added the service recently, ignore this warning.`];
  }
  // what follows checks a Region or an account the ARN names (or an empty Region): nothing else to check
  const accountNamed = arn.account !== '' && !isPatternSegment(arn.account);
  if (isPatternSegment(arn.region) && !accountNamed) return undefined;
  // Which of the service's formats the ARN names matters only where they differ in having a Region
  // (an account): for most services all or none have one, and the matcher need not run.
  let candidates: FormatInfo[] | undefined;
  const candidatesWith = (segment: typeof REGION | typeof ACCOUNT): Share => {
    const share = shareWith(formats, segment);
    if (share !== 'some') return share;
    candidates ??= candidateFormats(catalog, formats, arn);
    return shareWith(candidates, segment);
  };
  if (arn.region !== '' && !isPatternSegment(arn.region)) {
    if (candidatesWith(REGION) === 'none') {
      return ['IAM203', `${arn.service} resources of this kind have no Region in their ARN (the service is global): leave the Region empty.`, replaceSegment(text, arn, 3, '')];
    }
    if (!knownRegion(catalog, arn.region)) return ['IAM207', `"${arn.region}" is not a known AWS Region code (like us-east-1).`];
  }
  if (arn.region === '' && candidatesWith(REGION) === 'all') {
    return ['IAM204', `${arn.service} ARNs of this kind need a Region (or "*"): with an empty Region this ARN matches nothing.`, replaceSegment(text, arn, 3, '*')];
  }
  // An empty account is not checked: AWS-owned resources have none even where the format has
  // one (arn:aws:ssm:us-east-1::document/AWS-RunShellScript, public SSM parameters).
  if (accountNamed) {
    if (candidatesWith(ACCOUNT) === 'none') {
      return ['IAM206', `${arn.service} ARNs of this kind have no account ID (names are global): leave the account empty.`, replaceSegment(text, arn, 4, '')];
    }
    // "aws" owns AWS managed resources: managed policies, prefix lists, public SageMaker hubs, ...
    if (!ACCOUNT_ID.test(arn.account) && arn.account !== AWS_OWNED_ACCOUNT) {
      return ['IAM202', `"${arn.account}" is not an AWS account ID: write the 12 digits (no hyphens), or "*".`];
    }
  }
  return undefined;
}

/** The ARN text with one of its six segments replaced. */
function replaceSegment(text: string, arn: Arn, index: 2 | 3 | 4, value: string): string {
  const parts = ['arn', arn.partition, arn.service, arn.region, arn.account, arn.resource];
  parts[index] = value;
  return parts.join(':');
}

function checkResource(ctx: RuleContext, item: StringItem): void {
  const problem = arnProblem(ctx.catalog, item.value);
  if (!problem) return;
  const [code, message, replacements = []] = problem;
  ctx.report({ code, offset: item.offset, length: item.length, message,
    data: { replacements: (Array.isArray(replacements) ? replacements : [replacements]).map(r => JSON.stringify(r)) } });
}

export const resourceArnRules: RuleModule = {
  rules: [
    { code: 'IAM200', name: 'malformed-arn', category: 'resource', defaultSeverity: 'warning', summary: 'A resource is not "*" or an ARN of six parts.' },
    { code: 'IAM201', name: 'unknown-partition', category: 'resource', defaultSeverity: 'warning', summary: 'The partition of an ARN is not an AWS partition.' },
    { code: 'IAM202', name: 'invalid-arn-account', category: 'resource', defaultSeverity: 'warning', summary: 'The account of an ARN is not a 12-digit account ID, or is missing where the service needs one.' },
    { code: 'IAM203', name: 'arn-region-not-allowed', category: 'resource', defaultSeverity: 'warning', summary: 'An ARN has a Region where the service has none (IAM, S3 buckets, ...).' },
    { code: 'IAM204', name: 'arn-region-missing', category: 'resource', defaultSeverity: 'warning', summary: 'An ARN has no Region where the service needs one.' },
    { code: 'IAM205', name: 'unknown-arn-service', category: 'resource', defaultSeverity: 'warning', summary: 'The service of an ARN is unknown or not lower case.' },
    { code: 'IAM206', name: 'arn-account-not-allowed', category: 'resource', defaultSeverity: 'warning', summary: 'An ARN has an account ID where the service has none (S3 buckets, ...).' },
    { code: 'IAM207', name: 'unknown-region', category: 'resource', defaultSeverity: 'warning', summary: 'The Region of an ARN is not a known Region code.' },
  ],
  check(ctx) {
    for (const statement of ctx.doc.statements) {
      for (const element of [statement.resource, statement.notResource]) {
        for (const item of element?.items ?? []) checkResource(ctx, item);
      }
    }
  },
};
