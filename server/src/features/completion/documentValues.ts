// Values already written in the document (account IDs, Regions, partitions, resource names per
// service, organization IDs), offered again as ARN segments, snippet defaults and condition values.
// Collected once per parsed document: a regular-expression pass over the text's strings.
import type { PolicyDocument } from '../../policy/model';
import { parseArn } from '../../policy/arn';

export interface DocumentValues {
  /** most used first */
  accounts: string[];
  regions: string[];
  partitions: string[];
  organizations: string[];
  /** ARN service -> resource parts of its ARNs (`my-bucket/*`, `role/Admin`), most used first */
  resources: Map<string, string[]>;
}

const cache = new WeakMap<PolicyDocument, DocumentValues>();

// Whole-text passes: one per kind of value is faster than visiting every string.
const ARN_STRING = /"(arn:[^"\\\n]*)"/g;
const REGION_STRING = /"([a-z]{2}(?:-[a-z]+)+-[0-9])"/g;
const ACCOUNT = /(?<![0-9])[0-9]{12}(?![0-9])/g;
const ORGANIZATION = /\bo-[a-z0-9]{10,32}\b/g;
const REGION = /^[a-z]{2}(-[a-z]+)+-[0-9]$/;

class Tally {
  private readonly counts = new Map<string, number>();
  add(value: string): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
  }
  ranked(): string[] {
    return [...this.counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value]) => value);
  }
}

const isConcrete = (text: string) => text !== '' && !/[*?$]/.test(text);

/**
 * Names used in the document's ARNs of `service` at a placeholder: the text after `literalPrefix` in the
 * resource part, up to `stop` (the character the ARN format has after the placeholder). For S3's
 * `${BucketName}/${ObjectName}` that is the bucket names; for IAM's `role/${RoleNameWithPath}` the roles.
 */
export function namesAt(values: DocumentValues, service: string, literalPrefix: string, stop: string | undefined): string[] {
  const names = new Set<string>();
  for (const resource of values.resources.get(service) ?? []) {
    if (!resource.startsWith(literalPrefix)) continue;
    const rest = resource.slice(literalPrefix.length);
    const name = stop ? rest.split(stop, 1)[0] : rest;
    if (isConcrete(name)) names.add(name);
  }
  return [...names];
}

function collect(text: string): DocumentValues {
  const accounts = new Tally();
  const regions = new Tally();
  const partitions = new Tally();
  const organizations = new Tally();
  const resources = new Map<string, Tally>();
  for (const match of text.matchAll(ACCOUNT)) accounts.add(match[0]);
  for (const match of text.matchAll(ORGANIZATION)) organizations.add(match[0]);
  for (const match of text.matchAll(REGION_STRING)) regions.add(match[1]);
  for (const match of text.matchAll(ARN_STRING)) {
    const arn = parseArn(match[1]);
    if (!arn) continue;
    if (isConcrete(arn.partition)) partitions.add(arn.partition);
    if (REGION.test(arn.region)) regions.add(arn.region);
    if (isConcrete(arn.service) && arn.resource !== '') {
      let tally = resources.get(arn.service);
      if (!tally) resources.set(arn.service, (tally = new Tally()));
      tally.add(arn.resource);
    }
  }
  return {
    accounts: accounts.ranked(),
    regions: regions.ranked(),
    partitions: partitions.ranked(),
    organizations: organizations.ranked(),
    resources: new Map([...resources].map(([service, tally]) => [service, tally.ranked()])),
  };
}

export function documentValues(doc: PolicyDocument): DocumentValues {
  let values = cache.get(doc);
  if (!values) cache.set(doc, (values = collect(doc.text)));
  return values;
}

/** The document's values but those of the string or word a completion replaces. */
export function valuesBesideSite(doc: PolicyDocument, site: { contentStart: number; current: string }): DocumentValues {
  return valuesBeside(doc, site.contentStart, site.contentStart + site.current.length);
}

let besideLast: { doc: PolicyDocument; start: number; end: number; values: DocumentValues } | undefined;

/**
 * The document's values but those of the string being completed (from `start` to `end`): what is
 * being typed is no value "used in this policy", nor a default for a snippet.
 */
export function valuesBeside(doc: PolicyDocument, start: number, end: number): DocumentValues {
  if (besideLast?.doc === doc && besideLast.start === start && besideLast.end === end) return besideLast.values;
  const values = start >= end ? documentValues(doc) : collect(doc.text.slice(0, start) + ' '.repeat(end - start) + doc.text.slice(end));
  besideLast = { doc, start, end, values };
  return values;
}
