// IAM208-IAM209: what a Resource or NotResource list holds beyond each ARN's shape. Sources: "IAM policy
// validation check reference" (access-analyzer-reference-policy-checks.html), suggestions: "Wildcard in
// service name" (arn:aws:*code*:...: a partial wildcard in the service part also matches services with
// similar names, today's and tomorrow's; a whole "*" is a deliberate "any service" and is left alone) and
// "Redundant resource" (an ARN that another ARN of the list already matches: role/jane-admin beside
// role/jane*). IAM User Guide, "IAM JSON policy elements: Resource": wildcards work within each of the
// ARN's segments, and resource names are case-sensitive, so coverage is judged segment by segment and
// with letter case. Information and hint; a covered ARN is faded, with a fix that removes it.
import { parseArn, type Arn } from '../policy/arn';
import type { StringItem, StringListElement } from '../policy/model';
import { hasPlaceholder } from '../policy/placeholders';
import { compileWildcard, hasWildcard } from '../util/wildcard';
import type { RuleContext, RuleModule } from './types';

const SEGMENTS = ['partition', 'service', 'region', 'account', 'resource'] as const;

/** Whether the pattern matches every text the other matches (its wildcards read as literal text: sound, not complete). */
function segmentCovers(general: string, specific: string): boolean {
  if (general === specific) return true;
  // Stryker disable next-line ConditionalExpression: equivalent, a text without wildcards matches only itself (above); this saves compiling it
  if (!hasWildcard(general)) return false;
  if (general.includes('?') && specific.includes('*')) return false; // a ? could match a literal *
  return compileWildcard(general, false).test(specific);
}

function arnCovers(general: Arn, specific: Arn): boolean {
  return SEGMENTS.every(part => segmentCovers(general[part], specific[part]));
}

type Entry = [StringItem, Arn];

/**
 * An ARN of the list that already matches everything the item matches; of two that match each other,
 * the earlier wins. The wildcard ARNs are grouped by service ("" for a service with a wildcard), so
 * that long lists stay fast.
 */
function coveringItem(item: StringItem, arn: Arn, wildcards: ReadonlyMap<string, Entry[]>): StringItem | undefined {
  // an item covers itself and is covered by itself: not earlier, so never its own cover
  const covers = ([other, otherArn]: Entry) => arnCovers(otherArn, arn) && (other.offset < item.offset || !arnCovers(arn, otherArn));
  return (wildcards.get(arn.service)?.find(covers) ?? wildcards.get('')?.find(covers))?.[0];
}

function checkList(ctx: RuleContext, element: StringListElement): void {
  const arns: Entry[] = [];
  for (const item of element.items) {
    if (hasPlaceholder(item.value) || item.value.includes('${')) continue;
    const arn = item.value === '*' ? parseArn('arn:*:*:*:*:*') : parseArn(item.value);
    if (!arn) continue;
    if (hasWildcard(arn.service) && !/^\*+$/.test(arn.service)) {
      ctx.report({
        code: 'IAM208',
        offset: item.offset,
        length: item.length,
        message: `The service part "${arn.service}" has a wildcard: it also matches other services with similar names, including ones AWS adds later. Name the service.`,
      });
    }
    arns.push([item, arn]);
  }
  // Stryker disable next-line ConditionalExpression: equivalent, one ARN has no other to be covered by; this saves the work
  if (arns.length < 2) return;
  const wildcards = new Map<string, Entry[]>();
  for (const entry of arns) {
    // Stryker disable next-line ConditionalExpression: equivalent, an ARN without wildcards covers only its own text, which `seen` reports first; this keeps the groups short
    if (!hasWildcard(entry[0].value)) continue;
    const service = hasWildcard(entry[1].service) ? '' : entry[1].service;
    const group = wildcards.get(service);
    if (group) group.push(entry);
    else wildcards.set(service, [entry]);
  }
  const seen = new Map<string, StringItem>();
  for (const [item, arn] of arns) {
    const first = seen.get(item.value);
    const covering = first ?? coveringItem(item, arn, wildcards);
    if (!first) seen.set(item.value, item);
    if (!covering) continue;
    ctx.report({
      code: 'IAM209',
      offset: item.offset,
      length: item.length,
      unnecessary: true,
      // the fix's title names the covering resource (as IAM105's does the wildcard); a repetition's says "repeated"
      data: first ? undefined : { coveredBy: covering.value },
      message: first
        ? `"${item.value}" is already listed in this ${element.entry.name}: remove the repetition.`
        : `"${item.value}" is already matched by "${covering.value}" in this ${element.entry.name}: it can be removed (or the wildcard narrowed, if it grants more than you meant).`,
      related: [{ offset: covering.offset, length: covering.length, message: 'the resource that already covers it' }],
    });
  }
}

export const resourceListRules: RuleModule = {
  rules: [
    {
      code: 'IAM208',
      name: 'arn-service-wildcard',
      category: 'resource',
      defaultSeverity: 'information',
      summary: 'A partial wildcard in the service part of an ARN.',
    },
    {
      code: 'IAM209',
      name: 'resource-covered-by-another',
      category: 'resource',
      defaultSeverity: 'hint',
      summary: 'A resource that another resource of the same list already matches.',
    },
  ],
  check(ctx) {
    for (const statement of ctx.doc.statements) {
      for (const element of [statement.resource, statement.notResource]) if (element) checkList(ctx, element);
    }
  },
};
