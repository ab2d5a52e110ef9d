// IAM427: a condition on a key whose value the caller sends itself, used to decide access. Source:
// IAM User Guide, "AWS global condition context keys" (reference_policies_condition-keys.html),
// aws:Referer and aws:UserAgent: "This key should be used carefully ... unauthorized parties can use
// modified or custom browsers to provide any ... value that they choose. As a result, [the key]
// should not be used to prevent unauthorized parties from making direct AWS requests" (aws:Referer
// is offered only to keep other sites from linking to content). IAM Access Analyzer reports the same
// ("Untrustworthy condition key", a security warning). Any use of the keys is reported: an Allow that
// requires them admits whoever sends the value, a Deny that rejects other values is passed the same way.
// In an Allow that lets everyone in, IAM420/IAM421 report the one problem and name the key. A
// statement whose principals are all services is left alone: there the service sets the header
// (Amazon SES's bucket policy for email receiving compared aws:Referer with the account the service
// acts for: SES Developer Guide, "Giving permissions to Amazon SES for email receiving", which now
// uses aws:SourceAccount and aws:SourceArn; IAM423 judges those).
import { conditionEntries, keySpan } from '../analysis/conditionsEntries';
import { CALLER_CONTROLLED_KEYS, fencedByDeny, unconfinedPublicPrincipal } from '../analysis/publicGrants';
import { principalsOf, statementFacts } from '../analysis/statementFacts';
import type { RuleModule } from './types';

export const securityConditionRules: RuleModule = {
  rules: [
    {
      code: 'IAM427',
      name: 'caller-controlled-key',
      category: 'security',
      defaultSeverity: 'warning',
      summary: 'A condition on aws:Referer or aws:UserAgent, which the caller sets, decides access.',
    },
  ],
  check(ctx) {
    const allFacts = statementFacts(ctx.doc, ctx.catalog);
    const judgesPublic = ctx.doc.kind === 'resource' || ctx.doc.kind === 'trust';
    const fenced = judgesPublic && fencedByDeny(allFacts);
    for (const entry of conditionEntries(ctx.doc, ctx.catalog)) {
      const name = entry.keyEntry.entry.name;
      if (!CALLER_CONTROLLED_KEYS.has(name.toLowerCase())) continue;
      const facts = allFacts[ctx.doc.statements.indexOf(entry.statement)];
      if (judgesPublic && unconfinedPublicPrincipal(facts, fenced)) continue;
      const principals = principalsOf(facts);
      if (principals.length > 0 && principals.every(p => p.type === 'Service')) continue;
      ctx.report({
        code: 'IAM427',
        ...keySpan(entry),
        message: `The caller sends ${name} in an HTTP header and can set it to any value: it does not keep anyone out. Confine access with aws:SourceIp, aws:SourceVpce, aws:PrincipalOrgID or named principals.`,
      });
    }
  },
};
