// IAM027-IAM030: statement IDs. IAM policies (identity, permissions boundary, role trust) allow only
// A-Z, a-z and 0-9 in a Sid and need each Sid to be unique; other services' resource policies allow
// more characters (S3, SQS and SNS accept spaces and punctuation), so they get no character check, and
// a repeated Sid there is only a warning. For SCPs and RCPs the Organizations pages say nothing about
// Sid characters: warning. Sources: IAM User Guide, "IAM JSON policy elements: Sid"
// (reference_policies_elements_sid.html) and "Grammar of the IAM JSON policy language", sid_string
// (reference_policies_grammar.html#policies-grammar-notes-strings); "Access Analyzer policy check
// reference": "Unique Sids required", "Unsupported Sid". An empty Sid ("Sid": "") is accepted: the IAM
// console itself used to write it into role trust policies.
import type { Node } from 'jsonc-parser';
import { KIND_PHRASES, KIND_REQUIREMENTS } from '../analysis/kindRequirements';
import { cleanSid } from '../analysis/sid';
import type { RuleContext, RuleModule } from './types';

const SID_CHARACTERS = /^[A-Za-z0-9]*$/;

function checkCharacters(ctx: RuleContext, node: Node, sid: string): void {
  const requirement = KIND_REQUIREMENTS[ctx.doc.kind].sidCharacters;
  if (requirement === 'none' || SID_CHARACTERS.test(sid)) return;
  const replacement = cleanSid(sid);
  const phrase = KIND_PHRASES[ctx.doc.kind];
  ctx.report({
    code: requirement === 'error' ? 'IAM029' : 'IAM030',
    offset: node.offset,
    length: node.length,
    message:
      requirement === 'error'
        ? `A Sid in ${phrase} may contain only letters A-Z, a-z and digits 0-9: IAM rejects ${JSON.stringify(sid)}.${replacement ? ` Use ${JSON.stringify(replacement)}.` : ''}`
        : `A Sid in ${phrase} should contain only letters and digits (IAM's rule); ${JSON.stringify(sid)} has other characters.${replacement ? ` Use ${JSON.stringify(replacement)}.` : ''}`,
    data: { replacements: replacement ? [JSON.stringify(replacement)] : [] },
  });
}

export const sidRules: RuleModule = {
  rules: [
    { code: 'IAM027', name: 'duplicate-sid', category: 'grammar', defaultSeverity: 'error', summary: 'Two statements of an IAM policy have the same Sid.' },
    {
      code: 'IAM028',
      name: 'duplicate-sid-other',
      category: 'grammar',
      defaultSeverity: 'warning',
      summary: 'Two statements of a resource policy, SCP, RCP or endpoint policy have the same Sid.',
    },
    {
      code: 'IAM029',
      name: 'invalid-sid-characters',
      category: 'grammar',
      defaultSeverity: 'error',
      summary: 'A Sid of an IAM policy has characters other than A-Z, a-z, 0-9.',
    },
    {
      code: 'IAM030',
      name: 'sid-characters',
      category: 'grammar',
      defaultSeverity: 'warning',
      summary: 'A Sid of an SCP or RCP has characters other than A-Z, a-z, 0-9.',
    },
  ],
  check(ctx) {
    const requirements = KIND_REQUIREMENTS[ctx.doc.kind];
    const seen = new Map<string, Node>();
    for (const statement of ctx.doc.statements) {
      const node = statement.sid?.valueNode;
      if (node?.type !== 'string') continue;
      const sid = node.value as string;
      checkCharacters(ctx, node, sid);
      if (sid === '' || requirements.duplicateSid === 'none') continue;
      const first = seen.get(sid);
      if (!first) {
        seen.set(sid, node);
        continue;
      }
      ctx.report({
        code: requirements.duplicateSid === 'error' ? 'IAM027' : 'IAM028',
        offset: node.offset,
        length: node.length,
        message: `Another statement already has the Sid ${JSON.stringify(sid)}: ${requirements.duplicateSid === 'error' ? 'IAM requires each Sid to be unique' : 'some services reject repeated Sids'}. Rename one of them.`,
        related: [{ offset: first.offset, length: first.length, message: 'first use of this Sid' }],
      });
    }
  },
};
