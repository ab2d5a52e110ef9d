// Resource types as the resource rules need them: indexed by the service named in their ARN
// format (`sts:AssumeRole` acts on `arn:...:iam::...:role/...`), resolved per action, and whether
// an ARN can name a type: by the catalog's matcher, or else by the loosest reading of the format
// (rules built on this must not call an ARN wrong that AWS accepts).
import type { ActionInfo, Catalog, ResourceTypeInfo } from '../catalog/types';
import { parseArn } from '../policy/arn';
import { arnOverlapsFormat } from '../policy/arnGlobs';

export interface FormatInfo {
  type: ResourceTypeInfo;
  /** the six segments of the ARN format */
  segments: string[];
}

interface ArnIndex {
  byService: Map<string, FormatInfo[]>;
  /** formats whose service segment is a placeholder (`arn:${Partition}:${Vendor}:...`) */
  anyService: FormatInfo[];
}

const indexes = new WeakMap<Catalog, ArnIndex>();

function arnIndex(catalog: Catalog): ArnIndex {
  let index = indexes.get(catalog);
  if (index) return index;
  index = { byService: new Map(), anyService: [] };
  for (const service of catalog.services()) {
    for (const type of service.resourceTypes) {
      const arn = parseArn(type.arnFormat);
      if (!arn) continue;
      const segments = ['arn', arn.partition, arn.service, arn.region, arn.account, arn.resource];
      const info = { type, segments };
      if (segments[2].includes('${')) index.anyService.push(info);
      else {
        const key = segments[2].toLowerCase();
        const list = index.byService.get(key);
        if (list) list.push(info);
        else index.byService.set(key, [info]);
      }
    }
  }
  indexes.set(catalog, index);
  return index;
}

/** The resource types whose ARNs name this service (case-insensitive); undefined when none do. */
export function formatsOfArnService(catalog: Catalog, service: string): FormatInfo[] | undefined {
  return arnIndex(catalog).byService.get(service.toLowerCase());
}

/** Whether some resource type's ARN has a placeholder for its service, so any service may be right. */
export function hasServicePlaceholderFormats(catalog: Catalog): boolean {
  return arnIndex(catalog).anyService.length > 0;
}

/** Every service named in an ARN format, lower case. */
export function arnServices(catalog: Catalog): Iterable<string> {
  return arnIndex(catalog).byService.keys();
}

const actionTypes = new WeakMap<ActionInfo, ResourceTypeInfo[]>();

/** The resource types an action acts on (empty: it supports only `"Resource": "*"`). */
export function resourceTypesOf(catalog: Catalog, action: ActionInfo): ResourceTypeInfo[] {
  let types = actionTypes.get(action);
  if (!types) {
    types = action.resourceTypes
      .map(r => catalog.resourceType(action.service, r.name))
      .filter((t): t is ResourceTypeInfo => t !== undefined);
    actionTypes.set(action, types);
  }
  return types;
}

/** Identifies a resource type across lookups: "s3/object". */
export function typeKey(type: ResourceTypeInfo): string {
  return `${type.service}/${type.name}`.toLowerCase();
}

/** An ARN of a policy with the keys of the resource types the catalog says it can name. */
export interface TypedArn {
  text: string;
  catalogTypes: Set<string>;
}

export function typedArn(catalog: Catalog, text: string): TypedArn {
  return { text, catalogTypes: new Set(catalog.resourceTypesForArn(text).map(typeKey)) };
}

const OVERLAP_CACHE_LIMIT = 50000;
const overlaps = new Map<string, boolean>();

/** Whether the ARN can name a resource of the type (the catalog's answer, or the loose reading; memoised). */
export function mayName(arn: TypedArn, type: ResourceTypeInfo): boolean {
  if (arn.catalogTypes.has(typeKey(type))) return true;
  const key = `${arn.text}\n${type.arnFormat}`;
  let result = overlaps.get(key);
  if (result === undefined) {
    result = arnOverlapsFormat(arn.text, type.arnFormat);
    if (overlaps.size > OVERLAP_CACHE_LIMIT) overlaps.clear();
    overlaps.set(key, result);
  }
  return result;
}
