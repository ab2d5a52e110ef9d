// IAM600: in a resource or trust policy, an Allow whose principal is outside the zone of trust
// (setting `iamPolicy.zoneOfTrust`), unless a condition keeps it inside: the offline counterpart of
// IAM Access Analyzer's external-access findings. What counts as outside and as confined, with the
// sources: analysis/zoneOfTrust.ts (the hover and the quick-fixes read it too).
import { describeOutsideGrant, grantsOutsideZone } from '../analysis/zoneOfTrust';
import type { RuleModule } from './types';

export const ZONE_OF_TRUST_CODE = 'IAM600';

export const zoneOfTrustRules: RuleModule = {
  rules: [
    {
      code: ZONE_OF_TRUST_CODE,
      name: 'principal-outside-zone-of-trust',
      category: 'trust-zone',
      defaultSeverity: 'warning',
      summary: 'A resource or trust policy grants access to a principal outside the zone of trust (setting iamPolicy.zoneOfTrust).',
    },
  ],
  check(ctx) {
    for (const grant of grantsOutsideZone(ctx.doc, ctx.catalog, ctx.settings.zoneOfTrust)) {
      ctx.report({
        code: ZONE_OF_TRUST_CODE,
        offset: grant.offset,
        length: grant.length,
        message: `${describeOutsideGrant(grant)} Confine it with a condition (aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount, ...) or add it to the iamPolicy.zoneOfTrust setting.`,
      });
    }
  },
};
