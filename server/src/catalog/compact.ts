// The compact catalog file (dist/catalog.json, written by scripts/build-catalog.mjs, which documents the
// format) and the lazy decoding of one service. The file's first line is the header; each service is
// one line of JSON, parsed the first time anything of that service is asked for: most documents touch a
// handful of the 456 services.
import type { AccessLevel, ActionInfo, ActionResourceType, ConditionKeyInfo, ConditionKeyType, ResourceTypeInfo, ServiceInfo } from './types';

export const CATALOG_FORMAT = 3;

/** The catalog file's first line: everything but the services' bodies. */
export interface CompactCatalog {
  format: number;
  dataVersion: string;
  dataDate: string;
  levels: AccessLevel[];
  types: ConditionKeyType[];
  keys: string[];
  keyOwners: number[];
  arnServices: Record<string, number[]>;
  partitions: CompactPartition[];
  /** the service prefixes that resource control policies support */
  rcpServices: string[];
  heads: CompactServiceHead[];
}

export type CompactPartition = [name: string, dnsSuffix: string, regionRegex: string, regions: Array<[code: string, name: string]>];

export type CompactServiceHead = [prefix: string, name: string, docSlug: string];

/**
 * Splits the catalog file's bytes (pure ASCII) into its header and the JSON text of each service (one a
 * line after the header), without parsing the services. Each body is a string of its own, not a view
 * into the file's text, so that a decoded service's text can be freed (3 MB once all are decoded).
 */
export function splitCatalogText(bytes: Buffer): { header: CompactCatalog; bodies: string[] } {
  const NEWLINE = 10;
  const COMMA = 44;
  const headerEnd = bytes.indexOf(NEWLINE);
  if (headerEnd < 0) throw new Error('not a catalog file of this version: run npm run build');
  const header = JSON.parse(`${bytes.toString('latin1', 0, headerEnd)}]}`) as CompactCatalog;
  const bodies: string[] = [];
  let start = headerEnd + 1;
  for (let i = 0; i < (header.heads?.length ?? 0); i++) {
    const end = bytes.indexOf(NEWLINE, start);
    if (end < 0) throw new Error('catalog file truncated');
    bodies.push(bytes.toString('latin1', start, bytes[end - 1] === COMMA ? end - 1 : end));
    start = end + 1;
  }
  return { header, bodies };
}

type CompactRef = [resourceType: number, required?: 0 | 1, keys?: number[], dependentActions?: string[]];
type CompactAction = [name: string, level: number, description: string, refs?: CompactRef[], keys?: number[], dependentActions?: string[]];
type CompactResource = [name: string, arnFormat: string, keys?: number[]];
type CompactKey = [key: number, type: number, description: string];
type CompactBody = [CompactAction[], CompactResource[], CompactKey[]];

// The empty lists of every decoded service share one (frozen) array each: most actions have no
// condition keys or dependent actions, and the catalog is decoded in one go for "Action": "*".
const NONE = Object.freeze([]) as unknown as never[];

/** The items by their lower-cased name. */
function byLowerCase<T>(items: readonly T[], name: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(name(item).toLowerCase(), item);
  return map;
}

const DOC_BASE = 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_';

interface Decoded {
  actions: ActionInfo[];
  /** the actions' names in lower case, in the same order */
  lowerNames: string[];
  resourceTypes: ResourceTypeInfo[];
  conditionKeys: ConditionKeyInfo[];
  actionsByName: Map<string, ActionInfo>;
  resourcesByName: Map<string, ResourceTypeInfo>;
  keysByName: Map<string, ConditionKeyInfo>;
}

/**
 * One service of the catalog; its actions, resource types and keys are decoded on first use. The source
 * text and tables are #private so that serialising a ServiceInfo never drags the catalog along.
 */
export class ServiceEntry implements ServiceInfo {
  readonly prefix: string;
  readonly name: string;
  readonly docUrl: string;
  /** the service's JSON text until it is decoded */
  #body: string | undefined;
  readonly #catalog: CompactCatalog;
  #decoded: Decoded | undefined;

  constructor(head: CompactServiceHead, body: string, catalog: CompactCatalog) {
    [this.prefix, this.name] = head;
    this.docUrl = `${DOC_BASE}${head[2]}.html`;
    this.#body = body;
    this.#catalog = catalog;
  }

  get actions(): ActionInfo[] {
    return this.#decode().actions;
  }
  get resourceTypes(): ResourceTypeInfo[] {
    return this.#decode().resourceTypes;
  }
  get conditionKeys(): ConditionKeyInfo[] {
    return this.#decode().conditionKeys;
  }

  /** The actions' names in lower case, in the order of `actions`. */
  get lowerActionNames(): readonly string[] {
    return this.#decode().lowerNames;
  }

  /** By lower-cased action name. */
  actionNamed(lowerName: string): ActionInfo | undefined {
    return this.#decode().actionsByName.get(lowerName);
  }
  /** By lower-cased resource type name. */
  resourceTypeNamed(lowerName: string): ResourceTypeInfo | undefined {
    return this.#decode().resourcesByName.get(lowerName);
  }
  /** By lower-cased condition key, as this service's condition key table spells it. */
  conditionKeyNamed(lowerKey: string): ConditionKeyInfo | undefined {
    return this.#decode().keysByName.get(lowerKey);
  }

  #decode(): Decoded {
    if (this.#decoded) return this.#decoded;
    const [actionRows, resourceRows, keyRows] = JSON.parse(this.#body!) as CompactBody;
    this.#body = undefined;
    const { keys, levels, types } = this.#catalog;
    const keyNames = (indexes: number[] | undefined): string[] => (indexes?.length ? indexes.map(i => keys[i]) : NONE);
    const service = this.prefix;

    const resourceTypes = resourceRows.map(([name, arnFormat, keyIndexes]): ResourceTypeInfo => ({
      service,
      name,
      arnFormat,
      conditionKeys: keyNames(keyIndexes),
    }));
    const actions = actionRows.map(([name, level, description, refs, keyIndexes, dependentActions]): ActionInfo => ({
      service,
      name,
      description,
      accessLevel: levels[level],
      resourceTypes: refs?.length
        ? refs.map(([resource, required, refKeys, refDependents]): ActionResourceType => ({
            name: resourceTypes[resource].name,
            required: required === 1,
            conditionKeys: keyNames(refKeys),
            dependentActions: refDependents ?? NONE,
          }))
        : NONE,
      conditionKeys: keyNames(keyIndexes),
      dependentActions: dependentActions ?? NONE,
    }));
    const conditionKeys = keyRows.map(([key, type, description]): ConditionKeyInfo => ({
      key: keys[key],
      type: types[type],
      description,
      service,
      multiValued: types[type].startsWith('ArrayOf'),
      docUrl: this.docUrl,
    }));

    const lowerNames = actions.map(a => a.name.toLowerCase());
    const actionsByName = new Map<string, ActionInfo>();
    actions.forEach((action, i) => actionsByName.set(lowerNames[i], action));
    this.#decoded = {
      actions,
      lowerNames,
      resourceTypes,
      conditionKeys,
      actionsByName,
      resourcesByName: byLowerCase(resourceTypes, r => r.name),
      keysByName: byLowerCase(conditionKeys, k => k.key),
    };
    return this.#decoded;
  }
}
