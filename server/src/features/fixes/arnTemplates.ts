// Which resource types a statement's actions need, and their ARN formats as text with placeholders
// (template.ts). The Service Authorization Reference marks the types an action requires; where it
// marks none (s3:GetObject lists access-point objects and objects), the simplest types are meant:
// the ones whose ARN format has the fewest variables. A placeholder's value is what the document
// already uses (its partition, Region, account IDs, and the names its ARNs of the same service give,
// such as a bucket name), else a visible "<bucket-name>" that IAM090 points at until someone fills it in.
import type { ActionInfo, Catalog, ResourceTypeInfo } from '../../catalog/types';
import { parseArn, placeholderOf } from '../../policy/arn';
import type { PolicyDocument } from '../../policy/model';
import { resourceTypesOf } from '../../analysis/resourceTypes';
import type { ActionEntry } from '../../analysis/statementFacts';
import { documentValues } from '../completion/documentValues';
import { placeholder } from './template';
import { POLICY_VARIABLE, splitAtVariables, variableCount } from '../../util/policyVariables';
import { hasWildcardOrVariable } from '../../util/wildcard';

const MAX_CHOICES = 5;

const variablesOf = (type: ResourceTypeInfo) => variableCount(type.arnFormat);

/** The resource types an action needs an ARN of: its required ones, else its simplest ones. */
export function neededTypes(catalog: Catalog, action: ActionInfo): ResourceTypeInfo[] {
  const types = resourceTypesOf(catalog, action);
  const required = types.filter(t => action.resourceTypes.some(r => r.required && r.name === t.name));
  if (required.length > 0) return required;
  const fewest = Math.min(...types.map(variablesOf));
  return types.filter(t => variablesOf(t) === fewest);
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

/**
 * The values an ARN already gives the variables of a format, where they are concrete (no
 * wildcard): `arn:aws:logs:us-east-1:*:log-group:*` gives Partition and Region.
 */
export function valuesFromArn(format: string, arn: string): Map<string, string> {
  const known = new Map<string, string>();
  const parts = splitAtVariables(format);
  const names = parts.filter((_, i) => i % 2 === 1);
  const pattern = parts
    .map((part, i) =>
      i % 2 === 0 ? part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : part === 'Partition' || part === 'Region' || part === 'Account' ? '([^:]*)' : '(.*?)',
    )
    .join('');
  const match = new RegExp(`^${pattern}$`).exec(arn);
  names.forEach((name, i) => {
    const value = match?.[i + 1];
    if (value && !hasWildcardOrVariable(value) && !known.has(name)) known.set(name, value);
  });
  return known;
}

/**
 * What ARNs say about the variables of their own resource types' formats, keyed "service:Variable"
 * (a bucket ARN gives "s3:BucketName"); the first ARN to give a value wins.
 */
export function valuesOfArns(catalog: Catalog, arns: Iterable<string>): Map<string, string> {
  const values = new Map<string, string>();
  for (const arn of arns) {
    for (const type of catalog.resourceTypesForArn(arn)) {
      const service = parseArn(type.arnFormat)?.service.toLowerCase() ?? '';
      for (const [name, value] of valuesFromArn(type.arnFormat, arn)) if (!values.has(`${service}:${name}`)) values.set(`${service}:${name}`, value);
    }
  }
  return values;
}

const documentArnValues = new WeakMap<PolicyDocument, Map<string, string>>();

function arnValuesOf(doc: PolicyDocument, catalog: Catalog): Map<string, string> {
  let values = documentArnValues.get(doc);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: the values worked out again are the same
  if (!values) {
    const items = doc.statements.flatMap(s => [...(s.resource?.items ?? []), ...(s.notResource?.items ?? [])]);
    documentArnValues.set(
      doc,
      (values = valuesOfArns(
        catalog,
        items.map(i => i.value).filter(v => v.startsWith('arn:')),
      )),
    );
  }
  return values;
}

/**
 * A resource type's ARN format with its variables filled in: from `known` (the ARNs of the
 * statement at hand, keyed like valuesOfArns), then the document's ARNs of the same service, then
 * the partition, Region and account the document uses, else a placeholder ("<bucket-name>").
 */
export function arnTemplate(doc: PolicyDocument, catalog: Catalog, format: string, known: ReadonlyMap<string, string> = new Map()): string {
  const service = parseArn(format)?.service.toLowerCase() ?? '';
  const fromDocument = arnValuesOf(doc, catalog);
  const values = documentValues(doc);
  const globals: Record<string, string | undefined> = { Partition: values.partitions[0] ?? 'aws', Region: values.regions[0], Account: values.accounts[0] };
  let text = '';
  let last = 0;
  for (const match of format.matchAll(POLICY_VARIABLE)) {
    const at = match.index ?? 0;
    const name = match[1];
    const key = `${service}:${name}`;
    const value = known.get(key) ?? fromDocument.get(key) ?? globals[name] ?? placeholderOf(name);
    // the partition is hardly ever to be changed: no tab stop for it; other Regions and accounts of the document are a choice
    const alternatives = (name === 'Region' ? values.regions : name === 'Account' ? values.accounts : []).filter(v => v !== value).slice(0, MAX_CHOICES);
    text += format.slice(last, at) + (name === 'Partition' ? value : placeholder(name, value, alternatives));
    last = at + match[0].length;
  }
  return text + format.slice(last);
}

/** Short names for titles: "bucket, object". */
export function typeNames(types: readonly ResourceTypeInfo[]): string {
  const names = [...new Set(types.map(t => t.name))];
  return names.length > 4 ? `${names.slice(0, 4).join(', ')}, ...` : names.join(', ');
}
