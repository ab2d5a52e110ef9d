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
  // (the item itself, when it is a wildcard, is neither earlier than itself nor uncovered by itself)
  const covers = (w: StringItem) => globCovers(w.value, item.value) && (w.offset < item.offset || !globCovers(item.value, w.value));
  return wildcards.get(prefixOf(item.value))?.find(covers) ?? wildcards.get('')?.find(covers);
}

/** `lowerName(i)`: item i's name in lower case (the Action entries have it from the statement facts). */
function checkList(ctx: RuleContext, element: StringListElement, lowerName: (index: number) => string): void {
  const firstOf = new Map<string, StringItem>();
  const wildcards = new Map<string, StringItem[]>();
  for (const item of element.items) {
    // only a wildcard can cover another name (a plain name covers only itself: IAM104). A wildcard in
    // the service prefix (`s3*:Get*`, IAM100) matches nothing: its group's prefix has a wildcard,
    // which the prefix of no name that is looked up below has
    if (!hasWildcard(item.value)) continue;
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
        related: [{ offset: first.offset, length: first.length, message: 'first listed here' }],
      });
      return;
    }
    firstOf.set(key, item);
    // a name with a wildcard in its service prefix is malformed (IAM100): that finding is the one it gets
    const wildcard = hasServiceWildcard(item.value) ? undefined : coveringWildcard(item, wildcards);
    if (wildcard) {
      ctx.report({
        code: 'IAM105',
        offset: item.offset,
        length: item.length,
        unnecessary: true,
        message: `"${item.value}" is already matched by "${wildcard.value}" in this ${element.entry.name}: it can be removed.`,
        data: { coveredBy: wildcard.value },
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
