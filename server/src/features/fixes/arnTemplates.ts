// Which resource types a statement's actions need, and their ARN formats as text with placeholders
// (template.ts). The Service Authorization Reference marks the types an action requires; where it
// marks none (s3:GetObject lists access-point objects and objects), the simplest types are meant:
// the ones whose ARN format has the fewest variables. A placeholder's value is what the document
// already uses (its partition, Region, account IDs, bucket or role names), else a visible
// "<bucket-name>" that IAM090 points at until someone fills it in.
import type { ActionInfo, Catalog, ResourceTypeInfo } from '../../catalog/types';
import { arnSegmentOffsets, parseArn } from '../../policy/arn';
import type { PolicyDocument } from '../../policy/model';
import { resourceTypesOf } from '../../rules/resourceTypes';
import type { ActionEntry } from '../../rules/statementFacts';
import { documentValues, namesAt } from '../completion/documentValues';
import { placeholder } from './template';

const VARIABLE = /\$\{([^}]*)\}/g;

const variableCount = (type: ResourceTypeInfo) => type.arnFormat.split('${').length - 1;

/** The resource types an action needs an ARN of: its required ones, else its simplest ones. */
export function neededTypes(catalog: Catalog, action: ActionInfo): ResourceTypeInfo[] {
  const types = resourceTypesOf(catalog, action);
  const required = types.filter(t => action.resourceTypes.some(r => r.required && r.name === t.name));
  if (required.length > 0) return required;
  const fewest = Math.min(...types.map(variableCount));
  return types.filter(t => variableCount(t) === fewest);
}

export interface EntryNeeds {
  /** the types its actions need, in catalog order, without repeats */
  types: ResourceTypeInfo[];
  /** a named action that supports no resource-level permissions: it needs "*" */
  unscoped: boolean;
}

/** What an Action entry needs; undefined when the catalog does not know it (or it is `*`). */
export function entryNeeds(catalog: Catalog, entry: ActionEntry): EntryNeeds | undefined {
  if (entry.everything || entry.actions.length === 0) return undefined;
  const types = new Set<ResourceTypeInfo>();
  for (const action of entry.actions) for (const type of neededTypes(catalog, action)) types.add(type);
  return { types: [...types], unscoped: types.size === 0 };
}

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** The value a variable of an ARN format gets: the document's, else a visible placeholder. */
function defaultValue(doc: PolicyDocument, format: string, at: number, name: string): string {
  const values = documentValues(doc);
  if (name === 'Partition') return values.partitions[0] ?? 'aws';
  if (name === 'Region') return values.regions[0] ?? '<region>';
  if (name === 'Account') return values.accounts[0] ?? '<account-id>';
  const resourceStart = arnSegmentOffsets(format)[5] ?? format.length;
  const literal = format.slice(resourceStart, at);
  const arn = parseArn(format);
  const names = arn && at >= resourceStart && !literal.includes('${')
    ? namesAt(values, arn.service, literal, format[at + name.length + 3]) : [];
  return names[0] ?? `<${kebab(name)}>`;
}

/**
 * The values an ARN already gives the variables of a format, where they are concrete (no
 * wildcard): `arn:aws:logs:us-east-1:*:log-group:*` gives Partition and Region.
 */
export function valuesFromArn(format: string, arn: string): Map<string, string> {
  const known = new Map<string, string>();
  const parts = format.split(/\$\{([^}]*)\}/);
  const names = parts.filter((_, i) => i % 2 === 1);
  const pattern = parts.map((part, i) => (i % 2 === 0 ? part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    : part === 'Partition' || part === 'Region' || part === 'Account' ? '([^:]*)' : '(.*?)')).join('');
  const match = new RegExp(`^${pattern}$`).exec(arn);
  names.forEach((name, i) => {
    const value = match?.[i + 1];
    if (value && !/[*?]|\$\{/.test(value) && !known.has(name)) known.set(name, value);
  });
  return known;
}

/** A resource type's ARN format with its variables filled in (`known` first, then the document's values or placeholders). */
export function arnTemplate(doc: PolicyDocument, format: string, known: ReadonlyMap<string, string> = new Map()): string {
  let text = '';
  let last = 0;
  for (const match of format.matchAll(VARIABLE)) {
    const at = match.index ?? 0;
    const name = match[1];
    text += format.slice(last, at) + placeholder(name, known.get(name) ?? defaultValue(doc, format, at, name));
    last = at + match[0].length;
  }
  return text + format.slice(last);
}

/** Short names for titles: "bucket, object". */
export function typeNames(types: readonly ResourceTypeInfo[]): string {
  const names = [...new Set(types.map(t => t.name))];
  return names.length > 4 ? `${names.slice(0, 4).join(', ')}, ...` : names.join(', ');
}
