// ARN formats of the catalog (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`) as snippets: each
// placeholder becomes a tab stop whose default is a value the document already uses (its account IDs,
// Regions, partition, bucket or role names), offered as a choice when there are several.
import type { ResourceTypeInfo } from '../../catalog/types';
import { arnSegmentOffsets, parseArn } from '../../policy/arn';
import { type DocumentValues, namesAt } from './documentValues';
import { snippetEscape } from './items';

export interface ArnSnippet {
  /** snippet text with tab stops */
  snippet: string;
  /** the same with the defaults filled in, for labels and filtering */
  display: string;
}

const PLACEHOLDER = /\$\{([^}]*)\}/g;
// AWS documentation's example account ID (IAM User Guide examples use it throughout).
const EXAMPLE_ACCOUNT = '111122223333';
const DEFAULT_REGION = 'us-east-1';
// Friendlier tab-stop defaults than the kebab-cased placeholder name.
const ALIASES: Record<string, string> = { ObjectName: 'key' };

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const choiceEscape = (text: string) => text.replace(/[\\|,]/g, '\\$&');

/** Default values for one placeholder, best first. */
function defaultsFor(name: string, format: string, at: number, values: DocumentValues): string[] {
  if (name === 'Partition') return values.partitions.length ? values.partitions : ['aws'];
  if (name === 'Region') return values.regions.length ? values.regions : [DEFAULT_REGION];
  if (name === 'Account') return values.accounts.length ? values.accounts : [EXAMPLE_ACCOUNT];
  const resourceStart = arnSegmentOffsets(format)[5] ?? format.length;
  const literal = format.slice(resourceStart, at);
  const end = at + name.length + 3;
  const arn = parseArn(format);
  const names = arn && at >= resourceStart && !literal.includes('${') ? namesAt(values, arn.service, literal, format[end]) : [];
  return names.length ? names : [ALIASES[name] ?? kebab(name)];
}

/** The format (from offset `from` on, e.g. only its resource part) as a snippet. */
export function arnSnippet(format: string, values: DocumentValues, from = 0): ArnSnippet {
  const stops = new Map<string, number>();
  let snippet = '';
  let display = '';
  let last = from;
  for (const match of format.matchAll(PLACEHOLDER)) {
    const at = match.index ?? 0;
    if (at < from) continue;
    const literal = format.slice(last, at);
    const name = match[1];
    const defaults = defaultsFor(name, format, at, values);
    let stop = stops.get(name);
    const repeated = stop !== undefined;
    if (stop === undefined) stops.set(name, stop = stops.size + 1);
    const tabStop = repeated ? `$${stop}`
      : defaults.length > 1 ? `\${${stop}|${defaults.map(choiceEscape).join(',')}|}` : `\${${stop}:${snippetEscape(defaults[0])}}`;
    snippet += snippetEscape(literal) + tabStop;
    display += literal + defaults[0];
    last = at + match[0].length;
  }
  const tail = format.slice(last);
  return { snippet: snippet + snippetEscape(tail), display: display + tail };
}

/** The resource part of a resource type's ARN format (after the fifth colon) as a snippet. */
export function resourcePartSnippet(type: ResourceTypeInfo, values: DocumentValues): ArnSnippet {
  return arnSnippet(type.arnFormat, values, arnSegmentOffsets(type.arnFormat)[5] ?? type.arnFormat.length);
}
