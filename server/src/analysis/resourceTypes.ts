// Resource types as the resource rules need them: indexed by the service named in their ARN
// format (`sts:AssumeRole` acts on `arn:...:iam::...:role/...`), resolved per action, and whether
// an ARN can name a type: by the catalog's matcher, or else by the loosest reading of the format
// (rules built on this must not call an ARN wrong that AWS accepts).
import { perCatalog } from '../catalog/memo';
import type { ActionInfo, Catalog, ResourceTypeInfo } from '../catalog/types';
import { parseArn, type Arn } from '../policy/arn';
import { arnOverlapsFormat, formatAsPattern } from '../policy/arnGlobs';
import { replaceVariables } from '../util/policyVariables';

const FORMAT_CACHE_LIMIT = 2000;

export interface FormatInfo {
  type: ResourceTypeInfo;
  /** the six segments of the ARN format */
  segments: string[];
}

/** The resource types whose ARNs name this service (case-insensitive); undefined when none do. */
export function formatsOfArnService(catalog: Catalog, service: string): FormatInfo[] | undefined {
  // Stryker disable next-line MethodExpression: equivalent, the catalog's lookup ignores case: one case only shares the memo
  return formatsOfLowerCase(catalog, service.toLowerCase());
}

const formatsOfLowerCase = perCatalog((catalog, service): FormatInfo[] | undefined => {
  const formats: FormatInfo[] = [];
  for (const type of catalog.resourceTypesOfArnService(service)) {
    const arn = parseArn(type.arnFormat);
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, every ARN format of the catalog parses, and segment 0 is read by no one
    if (arn) formats.push({ type, segments: ['arn', arn.partition, arn.service, arn.region, arn.account, arn.resource] });
  }
  return formats.length ? formats : undefined;
}, FORMAT_CACHE_LIMIT);

const actionTypes = new WeakMap<ActionInfo, ResourceTypeInfo[]>();

/** The resource types an action acts on (empty: it supports only `"Resource": "*"`). */
export function resourceTypesOf(catalog: Catalog, action: ActionInfo): readonly ResourceTypeInfo[] {
  // Stryker disable next-line ConditionalExpression: equivalent, a fast exit: the memo gives an empty list too
  if (action.resourceTypes.length === 0) return NO_TYPES; // a third of all actions: no memo needed
  let types = actionTypes.get(action);
  // Stryker disable next-line ConditionalExpression: equivalent, a memo
  if (!types) {
    types = [];
    for (const ref of action.resourceTypes) {
      const type = catalog.resourceType(action.service, ref.name);
      // Stryker disable next-line ConditionalExpression: equivalent, every resource type an action names is one of its service's (a test checks the whole catalog)
      if (type) types.push(type);
    }
    actionTypes.set(action, types);
  }
  return types;
}

const NO_TYPES: readonly ResourceTypeInfo[] = [];

/**
 * Whether the action supports resource-level permissions: the Service Authorization Reference lists
 * resource types for it. The same as resourceTypesOf(...).length > 0, as every resource type an
 * action names is one of its service's (a test checks the whole catalog), without resolving them.
 */
export function supportsResourceLevel(action: ActionInfo): boolean {
  return action.resourceTypes.length > 0;
}

const keys = new WeakMap<ResourceTypeInfo, string>();

/** Identifies a resource type across lookups: "s3/object". */
export function typeKey(type: ResourceTypeInfo): string {
  let key = keys.get(type);
  // Stryker disable next-line ConditionalExpression: equivalent, a memo
  if (key === undefined) keys.set(type, (key = `${type.service}/${type.name}`.toLowerCase()));
  return key;
}

const arnServicesOfTypes = new WeakMap<ResourceTypeInfo, string>();

/** The service named in the type's ARN format, lower case ("iam" for sts's role type). */
export function arnServiceOf(type: ResourceTypeInfo): string {
  let service = arnServicesOfTypes.get(type);
  // Stryker disable next-line ConditionalExpression,OptionalChaining,StringLiteral: equivalent, a memo, and every ARN format of the catalog parses
  if (service === undefined) arnServicesOfTypes.set(type, (service = parseArn(type.arnFormat)?.service.toLowerCase() ?? ''));
  return service;
}

const everyOfType = new WeakMap<ResourceTypeInfo, Arn | null>();

/** The type's ARN format with every placeholder read as `*`, parsed (memoised). */
export function everyResourceOf(type: ResourceTypeInfo): Arn | undefined {
  let arn = everyOfType.get(type);
  // Stryker disable next-line ConditionalExpression: equivalent, a memo
  if (arn === undefined) everyOfType.set(type, (arn = formatAsPattern(type.arnFormat) ?? null));
  return arn ?? undefined;
}

/**
 * An ARN of a policy, parsed, with the resource types the catalog says it can name (worked out when
 * first asked) and the answers of mayName so far.
 */
export class TypedArn {
  readonly parsed: Arn | undefined;
  /** the service segment, lower case ("" when the text is not an ARN) */
  readonly service: string;
  readonly mayName = new Map<ResourceTypeInfo, boolean>();
  #catalogTypes: Set<string> | undefined;
  #slashInResource: boolean | undefined;

  constructor(
    private readonly catalog: Catalog,
    readonly text: string,
  ) {
    this.parsed = parseArn(text);
    this.service = this.parsed?.service.toLowerCase() ?? '';
  }

  /** whether the resource part has a "/" of its own (a policy variable's, as in ${aws:PrincipalTag/team}, is its value's) */
  get slashInResource(): boolean {
    // Stryker disable next-line StringLiteral: equivalent, what replaces a variable only has to hold no slash
    this.#slashInResource ??= this.parsed !== undefined && replaceVariables(this.parsed.resource, '').includes('/');
    return this.#slashInResource;
  }

  /** typeKey of each resource type the catalog's matcher finds */
  get catalogTypes(): Set<string> {
    this.#catalogTypes ??= new Set(this.catalog.resourceTypesForArn(this.text).map(typeKey));
    return this.#catalogTypes;
  }
}

const TYPED_CACHE_LIMIT = 5000;

/** The ARN of a policy as the resource rules see it (memoised per catalog: the same ARNs come back on every keystroke). */
export const typedArn = perCatalog((catalog, text) => new TypedArn(catalog, text), TYPED_CACHE_LIMIT);

/** Whether the ARN can name a resource of the type by the catalog's matcher. */
export function catalogNames(arn: TypedArn, type: ResourceTypeInfo): boolean {
  return arn.catalogTypes.has(typeKey(type));
}

/**
 * Resource parts of ARN formats that are one name which cannot hold a "/", so an ARN with a "/" in
 * its resource part names no such resource, whatever its wildcards: `s3:ListBucket` on
 * `arn:aws:s3:::my-bucket/*` (objects) grants nothing, nor `arn:aws:sqs:...:queue/my-queue`. The
 * loose reading (any text) would let both through. Sources: Amazon S3 User Guide, "General purpose
 * bucket naming rules" (lowercase letters, numbers, periods, hyphens); Amazon SQS API Reference,
 * CreateQueue (QueueName: alphanumeric characters, hyphens, underscores); Amazon SNS API Reference,
 * CreateTopic (Name: ASCII letters, numbers, underscores, hyphens).
 */
const SLASHLESS_NAMES: ReadonlySet<string> = new Set(['${BucketName}', '${QueueName}', '${TopicName}']);

const slashlessTypes = new WeakMap<ResourceTypeInfo, boolean>();

/** Whether the resource part of the type's ARN format (after the fifth colon) is one slashless name. */
function isSlashless(type: ResourceTypeInfo): boolean {
  let slashless = slashlessTypes.get(type);
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, a memo, and the slashless names hold no colon
  if (slashless === undefined) slashlessTypes.set(type, (slashless = SLASHLESS_NAMES.has(type.arnFormat.split(':').slice(5).join(':'))));
  return slashless;
}

/**
 * Whether the ARN can name a resource of the type: the catalog's answer, or else the loose reading.
 * The loose reading goes first: it takes one format, where the catalog's matcher takes every format
 * of the ARN's service, and it mostly answers yes.
 */
export function mayName(arn: TypedArn, type: ResourceTypeInfo): boolean {
  let result = arn.mayName.get(type);
  // Stryker disable next-line ConditionalExpression: equivalent, a memo
  if (result === undefined) {
    result = !(isSlashless(type) && arn.slashInResource) && (arnOverlapsFormat(arn.text, type.arnFormat) || catalogNames(arn, type));
    arn.mayName.set(type, result);
  }
  return result;
}
