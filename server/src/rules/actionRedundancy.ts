// IAM104-IAM105: entries of an Action or NotAction list that add nothing: a name listed twice
// (action names are case-insensitive, so `s3:getobject` repeats `s3:GetObject`), and a name that
// a wildcard in the same list already matches (`s3:GetObject` next to `s3:Get*`). Both only fade
// the entry: the policy means the same without it. Source: IAM User Guide, "IAM JSON policy
// elements: Action" (names are case-insensitive; `*` and `?` wildcards).
import { globCovers } from '../policy/arnGlobs';
import type { StringItem, StringListElement } from '../policy/model';
import { hasServiceWildcard, hasWildcard } from '../util/wildcard';
import { statementFacts } from '../analysis/statementFacts';
import type { RuleContext, RuleModule } from './types';

/** The service prefix a wildcard is limited to ("s3" for `s3:Get*`), or "" when it may match any service ("*"). */
function prefixOf(name: string): string {
  const colon = name.indexOf(':');
  return colon > 0 ? name.slice(0, colon).toLowerCase() : '';
}

/**
 * A wildcard entry that matches everything the item matches; of two that match each other, the
 * earlier one wins. Wildcards are grouped by service prefix so long lists stay fast.
 */
function coveringWildcard(item: StringItem, wildcards: ReadonlyMap<string, StringItem[]>): StringItem | undefined {
  const covers = (w: StringItem) => w !== item && globCovers(w.value, item.value) && (w.offset < item.offset || !globCovers(item.value, w.value));
  return wildcards.get(prefixOf(item.value))?.find(covers) ?? wildcards.get('')?.find(covers);
}

/** `lowerName(i)`: item i's name in lower case (the Action entries have it from the statement facts). */
function checkList(ctx: RuleContext, element: StringListElement, lowerName: (index: number) => string): void {
  if (element.items.length < 2) return; // nothing to repeat or to cover it
  const firstOf = new Map<string, StringItem>();
  const wildcards = new Map<string, StringItem[]>();
  for (const item of element.items) {
    // a wildcard in the service prefix is malformed (IAM100) and matches nothing
    if (!hasWildcard(item.value) || hasServiceWildcard(item.value)) continue;
    const prefix = prefixOf(item.value);
    const group = wildcards.get(prefix);
    if (group) group.push(item);
    else wildcards.set(prefix, [item]);
  }
  element.items.forEach((item, index) => {
    const key = lowerName(index);
    const first = firstOf.get(key);
    if (first) {
      ctx.report({
        code: 'IAM104',
        offset: item.offset,
        length: item.length,
        unnecessary: true,
        message: `"${item.value}" is already listed in this ${element.entry.name}: remove the repetition.`,
        data: { removable: true },
        related: [{ offset: first.offset, length: first.length, message: 'first listed here' }],
      });
      return;
    }
    firstOf.set(key, item);
    const wildcard = wildcards.size > 0 && !hasServiceWildcard(item.value) ? coveringWildcard(item, wildcards) : undefined;
    if (wildcard) {
      ctx.report({
        code: 'IAM105',
        offset: item.offset,
        length: item.length,
        unnecessary: true,
        message: `"${item.value}" is already matched by "${wildcard.value}" in this ${element.entry.name}: it can be removed.`,
        data: { removable: true, coveredBy: wildcard.value },
        related: [{ offset: wildcard.offset, length: wildcard.length, message: 'the wildcard that matches it' }],
      });
    }
  });
}

export const actionRedundancyRules: RuleModule = {
  rules: [
    { code: 'IAM104', name: 'duplicate-action', category: 'action', defaultSeverity: 'warning', summary: 'An action is listed twice in the same statement.' },
    {
      code: 'IAM105',
      name: 'action-covered-by-wildcard',
      category: 'action',
      defaultSeverity: 'hint',
      summary: 'An action is already matched by a wildcard in the same statement.',
    },
  ],
  check(ctx) {
    statementFacts(ctx.doc, ctx.catalog).forEach(({ statement, actions }) => {
      if (statement.action) checkList(ctx, statement.action, index => actions[index].expansion.name);
      const { notAction } = statement;
      if (notAction) checkList(ctx, notAction, index => notAction.items[index].value.toLowerCase());
    });
  },
};
