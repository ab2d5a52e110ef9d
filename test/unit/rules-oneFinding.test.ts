// One problem, one finding (issue 19, item 7): where several rules report one problem, the most
// specific finding stays and the others become its related information; their fixes stay on offer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { provideCodeActions } from '../../server/src/features/codeActions';
import { collectFindings, computeDiagnostics } from '../../server/src/features/diagnostics';
import type { PolicyKind } from '../../server/src/policy/model';
import { parsePolicy } from '../../server/src/policy/parse';
import { withDefaults, type IamPolicySettings } from '../../server/src/protocol';
import { policyOf, stmt, rethrow } from '../helpers/findings';

/** the codes of the problems here (not IAM424, a bucket policy's missing Deny of plain HTTP) */
const SECURITY_OR_ACTION = /^IAM(10\d|4[01]\d|42[0-3]|600)$/;

function findings(text: string, kind: PolicyKind = 'identity', settings: Partial<IamPolicySettings> = {}) {
  const doc = parsePolicy(text, 'file:///test/policy.json', { languageId: 'iam-policy', kind });
  return collectFindings(doc, getCatalog(), withDefaults(settings), rethrow).filter(f => SECURITY_OR_ACTION.test(f.code));
}

const relatedCodes = (finding: { related?: Array<{ message: string }> }) => (finding.related ?? []).map(r => /^(IAM\d{3})/.exec(r.message)?.[1]).sort();

test('iam:PassRole on "*": IAM410, with IAM402 folded into it', () => {
  const [only, ...rest] = findings(policyOf(stmt({ Action: 'iam:PassRole', Resource: '*' })));
  assert.deepEqual([only.code, rest.length], ['IAM410', 0]);
  assert.deepEqual(relatedCodes(only), ['IAM402']);
  const mixed = findings(policyOf(stmt({ Action: ['iam:PassRole', 's3:GetObject'], Resource: '*' }))).map(f => f.code);
  assert.deepEqual(mixed, ['IAM410', 'IAM402'], 'IAM402 stays for s3:GetObject');
});

test('iam:CreateServiceLinkedRole on "*" or with NotResource: IAM414, with IAM402 or IAM405 folded into it', () => {
  const [star, ...others] = findings(policyOf(stmt({ Action: 'iam:CreateServiceLinkedRole', Resource: '*' })));
  assert.deepEqual([star.code, others.length, relatedCodes(star)], ['IAM414', 0, ['IAM402']]);
  const [notResource, ...rest] = findings(policyOf(stmt({ Action: 'iam:CreateServiceLinkedRole', NotResource: 'arn:aws:s3:::b' })));
  assert.deepEqual([notResource.code, rest.length, relatedCodes(notResource)], ['IAM414', 0, ['IAM405']]);
  const mixed = findings(policyOf(stmt({ Action: ['iam:CreateServiceLinkedRole', 's3:GetObject'], NotResource: 'arn:aws:s3:::b' }))).map(f => f.code);
  assert.deepEqual(mixed, ['IAM414', 'IAM405'], 'IAM405 stays for s3:GetObject');
  const [notAction, ...alone] = findings(policyOf(stmt({ NotAction: 's3:*', NotResource: 'arn:aws:s3:::b' })));
  assert.deepEqual([notAction.code, alone.length, relatedCodes(notAction)], ['IAM411', 0, ['IAM404', 'IAM405', 'IAM410', 'IAM414']]);
});

test('iam:* on "*": one finding, privilege escalation, with the other six folded into it', () => {
  const [only, ...rest] = findings(policyOf(stmt({ Action: 'iam:*', Resource: '*' })));
  assert.deepEqual([only.code, rest.map(f => f.code)], ['IAM411', []]);
  assert.deepEqual(relatedCodes(only), ['IAM401', 'IAM402', 'IAM410', 'IAM412', 'IAM413', 'IAM414']);
});

test('the most specific finding that is shown stays: with IAM411 off, IAM410 does', () => {
  const shown = findings(policyOf(stmt({ Action: 'iam:*', Resource: '*' })), 'identity', { rules: { IAM411: 'off' } });
  assert.deepEqual(
    shown.filter(f => f.code !== 'IAM411').map(f => f.code),
    ['IAM410'],
  );
  assert.deepEqual(relatedCodes(shown.find(f => f.code === 'IAM410')!), ['IAM401', 'IAM402', 'IAM412', 'IAM413', 'IAM414']);
});

test('a finding is never folded into a less severe one', () => {
  const shown = findings(policyOf(stmt({ Action: 'iam:*', Resource: '*' })), 'identity', { rules: { IAM411: 'hint', IAM410: 'hint', IAM414: 'hint' } });
  assert.deepEqual(
    shown.filter(f => !['IAM411', 'IAM410', 'IAM414'].includes(f.code)).map(f => f.code),
    ['IAM401'],
  );
});

test('an unknown service: IAM101, with IAM401 folded into it', () => {
  const [only, ...rest] = findings(policyOf(stmt({ Action: 's4:*', Resource: '*' })));
  assert.deepEqual([only.code, rest.length, relatedCodes(only)], ['IAM101', 0, ['IAM401']]);
});

test('a public principal with a zone of trust: IAM420, with IAM600 folded into it', () => {
  const text = policyOf(stmt({ Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }));
  const shown = findings(text, 'resource', { zoneOfTrust: { accounts: ['111122223333'] } });
  assert.deepEqual(
    shown.map(f => f.code),
    ['IAM420'],
  );
  assert.deepEqual(relatedCodes(shown[0]), ['IAM600']);
  const aws = findings(policyOf(stmt({ Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })), 'resource', {
    zoneOfTrust: { accounts: ['111122223333'] },
  });
  assert.deepEqual(
    aws.map(f => f.code),
    ['IAM420'],
  );
});

test("the folded findings' fixes stay on offer, on the finding that stays", () => {
  const doc = parsePolicy(policyOf(stmt({ Action: 'iam:PassRole', Resource: '*' })), 'file:///test/policy.json', { languageId: 'iam-policy' });
  const diagnostics = computeDiagnostics(doc, getCatalog(), withDefaults(undefined), rethrow).filter(d => d.code === 'IAM410');
  assert.equal(diagnostics.length, 1);
  const titles = provideCodeActions(doc, diagnostics, getCatalog(), withDefaults(undefined), {}, rethrow).map(a => [a.title, a.isPreferred ?? false]);
  // IAM410's own fix names the role (iam:PassedToService names no role: features/fixes/hardening.ts)
  assert.ok(
    titles.some(([title]) => /^Name the role/.test(String(title))),
    JSON.stringify(titles),
  );
  assert.ok(
    titles.some(([title]) => /^Narrow "\*"/.test(String(title))),
    JSON.stringify(titles),
  );
  assert.ok(titles.filter(([, preferred]) => preferred).length <= 1);
});
