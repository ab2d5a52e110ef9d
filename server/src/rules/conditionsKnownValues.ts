// IAM334: a value that a key with values of a known form can never have: a Region code that is no
// Region (aws:RequestedRegion "us-east1"), an account ID that is not 12 digits, an organization ID
// that is not o-... (aws:PrincipalOrgID "123456789012", an account where the organization goes), a
// VPC where the VPC endpoint goes (aws:SourceVpce "vpc-...") and the other way round.
// Such a condition never matches as meant: an Allow grants nothing, a Deny with a negated operator
// denies everything. Warnings, with String operators only; values with wildcards, policy variables
// or placeholders are not judged. Sources: catalog/tables/keyValueKinds.ts, policy/identifiers.ts,
// and the Region table (a Region newer than the table passes if it fits its partition's pattern).
import { ACCOUNT_KEYS, ORGANIZATION_KEYS, REGION_KEYS, VPC_ENDPOINT_KEYS, VPC_KEYS } from '../catalog/tables/keyValueKinds';
import type { Catalog } from '../catalog/types';
import { ACCOUNT_ID, ORGANIZATION_ID, VPC_ENDPOINT_ID, VPC_ID } from '../policy/identifiers';
import { hasPlaceholder } from '../policy/placeholders';
import { closestNames } from '../util/closest';
import { conditionEntries } from '../analysis/conditionsEntries';
import { knownRegion } from '../analysis/arnProblems';
import type { RuleModule } from './types';
import { hasWildcardOrVariable } from '../util/wildcard';

/** What a key's value must be, and how to say it. */
interface ValueForm {
  keys: ReadonlySet<string>;
  fits: (value: string, catalog: Catalog) => boolean;
  expected: string;
  /** the values meant, for the quick-fix */
  closest?: (value: string, catalog: Catalog) => string[];
}

const FORMS: readonly ValueForm[] = [
  { keys: REGION_KEYS, fits: (value, catalog) => knownRegion(catalog, value), expected: 'a Region code such as us-east-1',
    closest: (value, catalog) => closestNames(value, catalog.regions().map(r => r.code), 3) },
  { keys: ACCOUNT_KEYS, fits: value => ACCOUNT_ID.test(value), expected: 'a 12-digit account ID' },
  { keys: ORGANIZATION_KEYS, fits: value => ORGANIZATION_ID.test(value), expected: 'an organization ID such as o-a1b2c3d4e5' },
  { keys: VPC_KEYS, fits: value => VPC_ID.test(value), expected: 'a VPC ID such as vpc-1a2b3c4d (a VPC endpoint goes in aws:SourceVpce)' },
  { keys: VPC_ENDPOINT_KEYS, fits: value => VPC_ENDPOINT_ID.test(value), expected: 'a VPC endpoint ID such as vpce-1a2b3c4d (a VPC goes in aws:SourceVpc)' },
];

const unjudged = (text: string) => hasWildcardOrVariable(text) || hasPlaceholder(text);

export const conditionKnownValueRules: RuleModule = {
  rules: [
    { code: 'IAM334', name: 'impossible-condition-value', category: 'condition', defaultSeverity: 'warning', summary: 'A Region, account, organization, VPC or VPC endpoint ID condition value that cannot be one.' },
  ],
  check(ctx) {
    for (const entry of conditionEntries(ctx.doc, ctx.catalog)) {
      if (entry.operator.base?.family !== 'String') continue;
      const key = entry.keyEntry.entry.name.toLowerCase();
      const form = FORMS.find(f => f.keys.has(key));
      if (!form) continue;
      for (const value of entry.keyEntry.values) {
        if (typeof value.value !== 'string' || unjudged(value.value) || form.fits(value.value, ctx.catalog)) continue;
        const closest = form.closest?.(value.value, ctx.catalog) ?? [];
        ctx.report({ code: 'IAM334', offset: value.offset, length: value.length,
          message: `${JSON.stringify(value.value)} cannot be a value of ${entry.keyEntry.entry.name}, which is ${form.expected}: the condition never matches it.${closest.length ? ` Did you mean ${closest.map(c => `"${c}"`).join(', ')}?` : ''}`,
          data: { replacements: closest.map(c => JSON.stringify(c)) } });
      }
    }
  },
};
