// IAM600 (principal outside the zone of trust) and the code actions that write the setting.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { collectFindings } from '../../server/src/features/diagnostics';
import { doHover } from '../../server/src/features/hover';
import { accountsInDocument, zoneOfTrustActions } from '../../server/src/features/zoneOfTrustFix';
import type { PolicyKind } from '../../server/src/policy/model';
import { parsePolicy } from '../../server/src/policy/parse';
import { SET_ZONE_OF_TRUST_COMMAND, withDefaults, type SetZoneOfTrustArgs, type ZoneOfTrust } from '../../server/src/protocol';
import { grantsOutsideZone, outsideGrantAt } from '../../server/src/analysis/zoneOfTrust';
import { ZONE_OF_TRUST_CODE } from '../../server/src/rules/zoneOfTrust';
import { corpusFiles } from '../helpers/corpus';
import { parseAtCursor } from '../helpers/cursor';
import { rethrow, withFolded } from '../helpers/findings';

const ZONE: ZoneOfTrust = { accounts: ['111122223333'], organizationId: 'o-a1b2c3d4e5', organizationalUnitPaths: ['o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/'] };
const BUCKET = ['arn:aws:s3:::amzn-s3-demo-bucket', 'arn:aws:s3:::amzn-s3-demo-bucket/*'];

function policy(statements: object[], kind: PolicyKind = 'resource') {
  return parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2), 'file:///test/policy.json', { kind });
}

function zoneFindings(doc: ReturnType<typeof policy>, zone: ZoneOfTrust | undefined = ZONE) {
  return withFolded(collectFindings(doc, getCatalog(), withDefaults({ zoneOfTrust: zone }), rethrow)).filter(f => f.code === ZONE_OF_TRUST_CODE);
}

const allow = (principal: unknown, condition?: object, extra: object = {}) => ({
  Effect: 'Allow',
  Principal: principal,
  Action: ['s3:GetObject', 's3:PutObject'],
  Resource: BUCKET,
  ...(condition && { Condition: condition }),
  ...extra,
});

test('another account is outside the zone: a warning on that principal, saying who can do what', () => {
  const doc = policy([allow({ AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:role/reader'] })]);
  const findings = zoneFindings(doc);
  assert.equal(findings.length, 1);
  assert.equal(doc.text.slice(findings[0].offset, findings[0].offset + findings[0].length), '"arn:aws:iam::444455556666:role/reader"');
  assert.match(findings[0].message, /Account 444455556666, outside the zone of trust, can s3:GetObject, s3:PutObject on arn:aws:s3:::amzn-s3-demo-bucket/);
});

test('no zone set: no finding', () => {
  assert.deepEqual(
    collectFindings(policy([allow('*')]), getCatalog(), withDefaults(undefined), rethrow).filter(f => f.code === ZONE_OF_TRUST_CODE),
    [],
  );
  assert.deepEqual(zoneFindings(policy([allow('*')]), {}), []);
});

test('an account of the zone, a service principal and an identity policy are not findings', () => {
  assert.deepEqual(zoneFindings(policy([allow({ AWS: '111122223333' })])), []);
  assert.deepEqual(zoneFindings(policy([allow({ Service: 'cloudtrail.amazonaws.com' })])), []);
  assert.deepEqual(zoneFindings(policy([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }], 'identity')), []);
  assert.deepEqual(zoneFindings(policy([{ ...allow('*'), Effect: 'Deny' }])), []);
});

test('public principals are outside unless a condition confines them to the zone', () => {
  assert.equal(zoneFindings(policy([allow('*')])).length, 1);
  assert.equal(zoneFindings(policy([allow({ AWS: '*' })])).length, 1);
  const confining: object[] = [
    { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
    { StringEquals: { 'aws:PrincipalAccount': ['111122223333'] } },
    { StringEquals: { 'aws:SourceAccount': '111122223333' } },
    { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudtrail:*:111122223333:trail/*' } },
    { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*' } },
    { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
  ];
  for (const condition of confining) assert.deepEqual(zoneFindings(policy([allow('*', condition)])), [], JSON.stringify(condition));
  const notConfining: object[] = [
    { StringEquals: { 'aws:PrincipalOrgID': 'o-other' } },
    { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
    { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
    { 'ForAllValues:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/*' } },
    { StringEquals: { 'aws:PrincipalAccount': ['111122223333', '999988887777'] } },
    { StringLike: { 'aws:PrincipalOrgID': '*' } },
  ];
  for (const condition of notConfining) assert.equal(zoneFindings(policy([allow('*', condition)])).length, 1, JSON.stringify(condition));
});

test('a Deny for everyone outside the organization confines the Allow it covers', () => {
  const guard = {
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: BUCKET,
    Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
  };
  assert.deepEqual(zoneFindings(policy([allow('*'), guard])), []);
  const narrowGuard = { ...guard, Action: 's3:GetObject' };
  assert.equal(zoneFindings(policy([allow('*'), narrowGuard])).length, 1, 'the Deny does not cover s3:PutObject');
});

test('trust policies: web identity providers and identity providers of other accounts are outside', () => {
  const trust = (principal: object) => policy([{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRoleWithWebIdentity' }], 'trust');
  const web = zoneFindings(trust({ Federated: 'accounts.google.com' }));
  assert.equal(web.length, 1);
  assert.match(web[0].message, /web identity provider accounts\.google\.com/);
  assert.deepEqual(zoneFindings(trust({ Federated: 'arn:aws:iam::111122223333:saml-provider/Corp' })), []);
  assert.equal(zoneFindings(trust({ Federated: 'arn:aws:iam::444455556666:oidc-provider/token.actions.githubusercontent.com' })).length, 1);
});

test('Allow with NotPrincipal grants everyone else: a finding on NotPrincipal', () => {
  const doc = policy([{ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::444455556666:user/Bob' }, Action: 's3:GetObject', Resource: BUCKET }]);
  const findings = zoneFindings(doc);
  assert.equal(findings.length, 1);
  assert.equal(doc.text.slice(findings[0].offset, findings[0].offset + findings[0].length), '"NotPrincipal"');
});

test('the rule runs on every corpus policy with a zone set, without throwing', () => {
  const catalog = getCatalog();
  let findings = 0;
  for (const file of corpusFiles()) {
    const doc = parsePolicy(file.text, pathToFileURL(file.path).href, { languageId: 'iam-policy' });
    findings += grantsOutsideZone(doc, catalog, ZONE).length;
  }
  assert.ok(findings > 0, 'the corpus has public and cross-account grants');
});

test("accountsInDocument: the resource ARNs' accounts, else those of the ARNs outside Principal", () => {
  const withResources = policy([allow({ AWS: 'arn:aws:iam::444455556666:root' }, undefined, { Resource: 'arn:aws:sqs:us-east-1:111122223333:queue' })]);
  assert.deepEqual(accountsInDocument(withResources), ['111122223333']);
  const trust = policy([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:role/ci' }, Action: 'sts:AssumeRole' }], 'trust');
  assert.deepEqual(accountsInDocument(trust), []);
});

test("accountsInDocument never takes a principal's account: it is the one the finding is about", () => {
  const bucket = policy([allow({ AWS: 'arn:aws:iam::444455556666:root' })]);
  assert.deepEqual(accountsInDocument(bucket), []);
  const trust = policy(
    [
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::444455556666:role/ci' },
        Action: 'sts:AssumeRole',
        Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:codebuild:us-east-1:111122223333:project/*' } },
      },
    ],
    'trust',
  );
  assert.deepEqual(accountsInDocument(trust), ['111122223333'], "a condition's ARN is the policy's own side");
});

test("without a zone and without an account of the policy's own, nothing is offered: never the principal's account", () => {
  for (const [text, kind] of [
    [JSON.stringify({ Version: '2012-10-17', Statement: [allow({ AWS: 'arn:aws:iam::4444|55556666:root' })] }), 'resource'],
    [
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::4444|55556666:root"}, "Action": "sts:AssumeRole"}]}',
      'trust',
    ],
  ] as const) {
    const { doc, offset } = parseAtCursor(text, 'file:///test/policy.json', { languageId: 'iam-policy', kind });
    assert.deepEqual(zoneOfTrustActions(doc, offset, offset, getCatalog(), withDefaults(undefined)), [], kind);
  }
});

test("without a zone, a principal offers to set the zone to the document's accounts", () => {
  const { doc, offset } = parseAtCursor(
    `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Principal": {"AWS": "arn:aws:iam::444455|556666:root"}, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:q"}]}`,
    'file:///test/queue-policy.json',
    { languageId: 'iam-policy', kind: 'resource' },
  );
  const actions = zoneOfTrustActions(doc, offset, offset, getCatalog(), withDefaults(undefined));
  assert.equal(actions.length, 1);
  assert.equal(actions[0].command?.command, SET_ZONE_OF_TRUST_COMMAND);
  assert.deepEqual(actions[0].command?.arguments, [
    { uri: 'file:///test/queue-policy.json', zoneOfTrust: { accounts: ['111122223333'] } } satisfies SetZoneOfTrustArgs,
  ]);
  const elsewhere = doc.text.indexOf('sqs:SendMessage');
  assert.deepEqual(zoneOfTrustActions(doc, elsewhere, elsewhere, getCatalog(), withDefaults(undefined)), []);
});

test('with a zone, a finding on another account offers to add it to the zone', () => {
  const { doc, offset } = parseAtCursor(
    `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Principal": {"AWS": "arn:aws:iam::444455|556666:root"}, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:q"}]}`,
    'file:///test/queue-policy.json',
    { languageId: 'iam-policy', kind: 'resource' },
  );
  const [action] = zoneOfTrustActions(doc, offset, offset, getCatalog(), withDefaults({ zoneOfTrust: ZONE }));
  assert.match(action.title, /Add account 444455556666/);
  assert.deepEqual((action.command?.arguments?.[0] as SetZoneOfTrustArgs).zoneOfTrust.accounts, ['111122223333', '444455556666']);
});

test('the hover on a principal outside the zone says who can do what', () => {
  const { doc, offset } = parseAtCursor(
    JSON.stringify({ Version: '2012-10-17', Statement: [allow({ AWS: 'arn:aws:iam::4444|55556666:root' })] }),
    'file:///test/bucket-policy.json',
    { kind: 'resource' },
  );
  const hover = doHover(doc, offset, getCatalog(), withDefaults({ zoneOfTrust: ZONE }));
  const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  assert.match(value, /Outside the zone of trust/);
  assert.match(value, /s3:GetObject/);
  const inside = doHover(doc, offset, getCatalog(), withDefaults({ zoneOfTrust: { accounts: ['444455556666'] } }));
  const insideValue = inside && typeof inside.contents === 'object' && 'value' in inside.contents ? inside.contents.value : '';
  assert.doesNotMatch(insideValue, /Outside the zone of trust/);
});

/** What grantsOutsideZone finds: the principal's text, who, the account, the actions and resources. */
function outside(statements: object[], zone: ZoneOfTrust = ZONE, kind: PolicyKind = 'resource') {
  const doc = policy(statements, kind);
  return grantsOutsideZone(doc, getCatalog(), zone).map(g => ({
    at: doc.text.slice(g.offset, g.offset + g.length),
    who: g.who,
    account: g.account,
    actions: g.actions,
    resources: g.resources,
  }));
}

test('grantsOutsideZone: who and what, with NotAction and NotResource as "everything but"', () => {
  assert.deepEqual(outside([allow({ AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:role/reader'] })]), [
    {
      at: '"arn:aws:iam::444455556666:role/reader"',
      who: 'account 444455556666',
      account: '444455556666',
      actions: ['s3:GetObject', 's3:PutObject'],
      resources: BUCKET,
    },
  ]);
  assert.deepEqual(outside([{ Effect: 'Allow', Principal: '*', NotAction: 's3:DeleteObject', NotResource: BUCKET[0] }]), [
    { at: '"*"', who: 'everyone (public)', account: undefined, actions: ['everything but s3:DeleteObject'], resources: [`everything but ${BUCKET[0]}`] },
  ]);
  assert.deepEqual(outside([{ Effect: 'Allow', Principal: { Federated: 'accounts.google.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }], ZONE, 'trust'), [
    {
      at: '"accounts.google.com"',
      who: 'the web identity provider accounts.google.com',
      account: undefined,
      actions: ['sts:AssumeRoleWithWebIdentity'],
      resources: [],
    },
  ]);
  assert.deepEqual(outside([allow('*')], { accounts: ['111122223333'] }).length, 1);
  assert.deepEqual(outside([{ Effect: 'Allow', Principal: '*', Resource: BUCKET }]), [
    { at: '"*"', who: 'everyone (public)', account: undefined, actions: [], resources: BUCKET },
  ]);
  assert.deepEqual(outside([allow('*')], { organizationId: 'o-a1b2c3d4e5' }).length, 1, 'a zone without accounts');
  assert.deepEqual(outside([allow({ AWS: '444455556666' })], { organizationId: 'o-a1b2c3d4e5' })[0].account, '444455556666');
});

test('grantsOutsideZone: the condition values that confine a grant to the zone, and those that do not', () => {
  const confined = (condition: object, zone: ZoneOfTrust = ZONE) => outside([allow('*', condition)], zone).length === 0;
  // OU paths: under one of the zone's OU paths, or under its organization
  const paths = { organizationalUnitPaths: ['o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/', 'o-a1b2c3d4e5/r-ab12/ou-ab12-22222222/'] };
  assert.equal(confined({ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/ou-ab12-22222222/*' } }, paths), true);
  assert.equal(confined({ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/ou-ab12-33333333/*' } }, paths), false);
  assert.equal(confined({ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/*' } }, paths), false, 'wider than the OU paths');
  assert.equal(confined({ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/*' } }, { organizationId: 'o-a1b2c3d4e5' }), true);
  assert.equal(confined({ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/*' } }, { accounts: ['111122223333'] }), false);
  assert.equal(
    confined({ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'x/o-a1b2c3d4e5/' } }, { organizationId: 'o-a1b2c3d4e5' }),
    false,
    'a prefix, not a part',
  );
  // accounts and ARNs, in a zone with or without accounts
  assert.equal(confined({ StringEquals: { 'aws:SourceAccount': '111122223333' } }, { organizationId: 'o-a1b2c3d4e5' }), false);
  assert.equal(confined({ ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:topic' } }, { organizationId: 'o-a1b2c3d4e5' }), false);
  assert.equal(confined({ ArnLike: { 'aws:PrincipalArn': 'not-an-arn' } }), false);
  assert.equal(confined({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::444455556666:role/x' } }), false);
  // the owner's network: any VPC endpoint or VPC named; other keys do not confine
  assert.equal(confined({ StringEquals: { 'aws:SourceVpc': 'vpc-1a2b3c4d' } }), true);
  assert.equal(confined({ StringEquals: { 'aws:SourceVpc': '' } }), false);
  assert.equal(confined({ StringEquals: { 'aws:RequestedRegion': 'us-east-1' } }), false);
  assert.equal(confined({ StringEquals: { 'aws:PrincipalOrgID': [] } }), false, 'no value');
});

test('grantsOutsideZone: the Deny that confines is for everyone, negates a zone key (not ForAnyValue) and covers the Allow', () => {
  const guard = (extra: object = {}) => ({
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: 'arn:aws:s3:::amzn-s3-demo-bucket*',
    Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
    ...extra,
  });
  const findings = (...statements: object[]) => outside(statements).length;
  assert.equal(findings(allow('*'), guard()), 0);
  assert.equal(findings(allow('*'), guard({ Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] } })), 0, 'everyone among others');
  assert.equal(findings(allow('*'), guard({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } })), 1, 'a Deny for one account');
  assert.equal(findings(allow('*'), guard({ Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-other' } } })), 1);
  assert.equal(findings(allow('*'), guard({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })), 1, 'not negated');
  assert.equal(findings(allow('*'), guard({ Condition: { 'ForAnyValue:StringNotLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/*' } } })), 1);
  assert.equal(findings(allow('*'), guard({ Condition: { 'ForAllValues:StringNotLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/*' } } })), 0);
  assert.equal(findings(allow('*'), guard({ Condition: { Null: { 'aws:PrincipalOrgID': 'true' } } })), 1, 'Null is no negated operator');
  assert.equal(findings(allow('*'), guard({ Resource: 'arn:aws:s3:::other' })), 1, 'another resource');
  assert.equal(findings(allow('*'), guard({ Condition: { StringNotEquals: { 'aws:PrincipalOrgID': [] } } })), 1, 'no value');
  assert.equal(findings(allow('*'), guard({ Condition: { NoSuchOperator: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })), 1);
  // without Action / Resource in the Deny (NotAction, NotResource), or in the Allow
  const { Action: _action, ...noAction } = guard();
  assert.equal(findings(allow('*'), { ...noAction, NotAction: 's3:DeleteBucket' }), 1);
  const everythingBut = { Effect: 'Allow', Principal: '*', NotAction: 's3:DeleteObject', Resource: BUCKET };
  assert.equal(findings(everythingBut, guard()), 1, 'the Allow grants more than s3:*');
  assert.equal(findings(everythingBut, guard({ Action: '*' })), 0);
  assert.equal(findings(everythingBut, guard({ Action: ['s3:*', '*'] })), 0);
  assert.equal(findings(everythingBut, { ...noAction, NotAction: 's3:DeleteObject' }), 0);
});

test('outsideGrantAt: the grant whose principal is at the offset, its quotes included', () => {
  const doc = policy([allow({ AWS: ['arn:aws:iam::444455556666:root', 'arn:aws:iam::111122223333:root'] })]);
  const start = doc.text.indexOf('"arn:aws:iam::444455556666:root"');
  const end = start + '"arn:aws:iam::444455556666:root"'.length;
  for (const offset of [start, start + 5, end]) assert.equal(outsideGrantAt(doc, getCatalog(), offset, ZONE)?.account, '444455556666', String(offset));
  for (const offset of [start - 1, end + 1, doc.text.indexOf('111122223333')])
    assert.equal(outsideGrantAt(doc, getCatalog(), offset, ZONE), undefined, String(offset));
});
