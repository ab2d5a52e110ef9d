// The Catalog over the compact index plus our tables. Everything is indexed lazily and cached, because
// the server asks on every keystroke and must publish first diagnostics within 150 ms of spawn.
import type {
  ActionInfo,
  Catalog,
  ConditionKeyInfo,
  ConditionOperatorInfo,
  ParsedOperator,
  PartitionInfo,
  PolicyVariableInfo,
  RegionInfo,
  ResourceTypeInfo,
  ServiceInfo,
  ServicePrincipalInfo,
} from './types';
import { type CompactCatalog, ServiceEntry } from './compact';
import { ConditionKeyIndex } from './conditionKeys';
import { type ArnPattern, FormatGroup, arnPattern, hasExpandingWildcard, serviceOfFormat } from './arnFormats';
import { BoundedCache } from '../util/memo';
import { hasVariable } from '../util/policyVariables';
import { arnSegmentRegExp, globMatch, hasServiceWildcard, hasWildcard, hasWildcardOrVariable } from '../util/wildcard';
import { GLOBAL_CONDITION_KEYS } from './tables/globalConditionKeys';
import { CONDITION_OPERATORS, parseOperator } from './tables/operators';
import { SERVICE_PRINCIPALS } from './tables/servicePrincipals';
import { POLICY_VARIABLES } from './tables/policyVariables';
import { partitionsOf, regionsOf } from './tables/regions';

const MAX_ARN_LENGTH = 2048;

export class IamCatalog implements Catalog {
  readonly dataVersion: string;
  readonly dataDate: string;
  private readonly entries: readonly ServiceEntry[];
  private readonly byPrefix: Map<string, ServiceEntry>;
  private readonly keys: ConditionKeyIndex;
  private readonly actionCache = new BoundedCache<string, ActionInfo[]>(2000);
  private readonly arnCache = new BoundedCache<string, ResourceTypeInfo[]>(2000);
  private readonly operatorCache = new BoundedCache<string, ParsedOperator>(1000);
  private readonly formatGroups = new Map<string, FormatGroup>();
  private allActions: ActionInfo[] | undefined;
  /** lower-cased ARN service part -> as the compact index spells it */
  private arnServiceNames: Map<string, string> | undefined;
  private serviceParts: { all: string[]; anyService: string[] } | undefined;
  private partitionList: PartitionInfo[] | undefined;
  private regionList: RegionInfo[] | undefined;
  private rcpServiceSet: ReadonlySet<string> | undefined;

  constructor(
    private readonly compact: CompactCatalog,
    bodies: readonly string[],
  ) {
    this.dataVersion = compact.dataVersion;
    this.dataDate = compact.dataDate;
    this.entries = compact.heads.map((head, i) => new ServiceEntry(head, bodies[i], compact));
    this.byPrefix = new Map(this.entries.map(s => [s.prefix, s]));
    this.keys = new ConditionKeyIndex(compact.keys, compact.keyOwners, this.entries);
  }

  services(): readonly ServiceInfo[] {
    return this.entries;
  }

  service(prefix: string): ServiceInfo | undefined {
    return this.entry(prefix);
  }

  action(service: string, name: string): ActionInfo | undefined {
    return this.entry(service)?.actionNamed(name.toLowerCase());
  }

  matchActions(pattern: string): ActionInfo[] {
    return this.actionCache.get(pattern) ?? this.actionCache.set(pattern, this.findActions(pattern));
  }

  resourceType(service: string, name: string): ResourceTypeInfo | undefined {
    return this.entry(service)?.resourceTypeNamed(name.toLowerCase());
  }

  conditionKey(key: string): ConditionKeyInfo | undefined {
    return this.keys.lookup(key);
  }
  globalConditionKeys(): readonly ConditionKeyInfo[] {
    return GLOBAL_CONDITION_KEYS;
  }
  operators(): readonly ConditionOperatorInfo[] {
    return CONDITION_OPERATORS;
  }
  parseOperator(text: string): ParsedOperator {
    return this.operatorCache.get(text) ?? this.operatorCache.set(text, parseOperator(text));
  }
  servicePrincipals(): readonly ServicePrincipalInfo[] {
    return SERVICE_PRINCIPALS;
  }
  policyVariables(): readonly PolicyVariableInfo[] {
    return POLICY_VARIABLES;
  }
  regions(): readonly RegionInfo[] {
    return (this.regionList ??= regionsOf(this.compact.partitions));
  }
  partitions(): readonly PartitionInfo[] {
    return (this.partitionList ??= partitionsOf(this.compact.partitions));
  }
  rcpServices(): ReadonlySet<string> {
    return (this.rcpServiceSet ??= new Set(this.compact.rcpServices));
  }

  resourceTypesForArn(arn: string): ResourceTypeInfo[] {
    return this.arnCache.get(arn) ?? this.arnCache.set(arn, this.findResourceTypes(arn));
  }

  private entry(prefix: string): ServiceEntry | undefined {
    return this.byPrefix.get(prefix.toLowerCase());
  }

  private findActions(pattern: string): ActionInfo[] {
    const colon = pattern.indexOf(':');
    if (colon < 0) return /^\*+$/.test(pattern) ? this.everyAction() : [];
    if (hasServiceWildcard(pattern)) return [];
    const namePart = pattern.slice(colon + 1);
    const services = [this.entry(pattern.slice(0, colon))].filter((s): s is ServiceEntry => s !== undefined);
    if (!hasWildcard(namePart)) {
      return services.map(s => s.actionNamed(namePart.toLowerCase())).filter((a): a is ActionInfo => a !== undefined);
    }
    if (/^\*+$/.test(namePart)) return services.flatMap(s => s.actions);
    const name = namePart.toLowerCase();
    // the usual pattern, `Describe*`: its names are those that start with its stem
    const stem = name.indexOf('*') === name.length - 1 && !name.includes('?') ? name.slice(0, -1) : undefined;
    const found: ActionInfo[] = [];
    for (const service of services) {
      const names = service.lowerActionNames;
      for (let i = 0; i < names.length; i++) {
        if (stem !== undefined ? names[i].startsWith(stem) : globMatch(name, names[i])) found.push(service.actions[i]);
      }
    }
    return found;
  }

  private everyAction(): ActionInfo[] {
    this.allActions ??= this.entries.flatMap(s => s.actions);
    return this.allActions;
  }

  private findResourceTypes(arn: string): ResourceTypeInfo[] {
    if (/^\*+$/.test(arn)) return this.entries.flatMap(s => s.resourceTypes);
    // Matching is quadratic in the length; no real ARN comes near this.
    if (!arn.startsWith('arn:') || arn.length > MAX_ARN_LENGTH) return [];
    const service = serviceOfFormat(arn);
    const { all, anyService } = this.arnServiceParts();
    const servicePattern = hasWildcardOrVariable(service) ? arnSegmentRegExp(service) : undefined;
    const groups = servicePattern ? all.filter(name => anyService.includes(name) || servicePattern.test(name)) : [service, ...anyService];
    // The segment-bound reading; only if it finds nothing, the reading where a segment-ending * spans
    // colons (which AWS allows, but which mostly adds far-fetched readings).
    const strict = this.matching(groups, arnPattern(arn, false));
    if (strict.length > 0 || !hasExpandingWildcard(arn)) return strict;
    return this.matching(service.endsWith('*') ? all : groups, arnPattern(arn, true));
  }

  /** The resource types of the groups (by ARN service part) whose formats the ARN pattern can name. */
  private matching(groups: readonly string[], arn: ArnPattern): ResourceTypeInfo[] {
    const found: ResourceTypeInfo[] = [];
    for (const name of groups) this.formatGroup(name).addMatching(arn, found);
    return found;
  }

  /** The ARN service parts of the formats; `anyService`: those that are a placeholder (backup's arn:${Partition}:${Vendor}:...). */
  private arnServiceParts(): { all: string[]; anyService: string[] } {
    if (!this.serviceParts) {
      const all = Object.keys(this.compact.arnServices);
      this.serviceParts = { all, anyService: all.filter(hasVariable) };
    }
    return this.serviceParts;
  }

  resourceTypesOfArnService(arnService: string): readonly ResourceTypeInfo[] {
    this.arnServiceNames ??= new Map(this.arnServiceParts().all.map(name => [name.toLowerCase(), name]));
    const name = this.arnServiceNames.get(arnService.toLowerCase());
    return name === undefined ? [] : this.formatGroup(name).resourceTypes;
  }

  /** Every resource type whose ARN format has this service part, the same-named service's first. */
  private formatGroup(arnService: string): FormatGroup {
    let group = this.formatGroups.get(arnService);
    if (!group) {
      const owners = [...(this.compact.arnServices[arnService] ?? [])]
        .map(i => this.entries[i])
        .sort((a, b) => Number(b.prefix === arnService) - Number(a.prefix === arnService));
      const types = owners.flatMap(s => s.resourceTypes.filter(r => serviceOfFormat(r.arnFormat) === arnService));
      group = new FormatGroup(types);
      this.formatGroups.set(arnService, group);
    }
    return group;
  }
}
