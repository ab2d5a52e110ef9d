// analysis/teamRules.ts: the team's rules read from settings that reach the server unchecked
// (malformed entries left out), and the grants of a statement that a team's patterns name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { parsePolicy } from '../../server/src/policy/parse';
import type { IamPolicySettings } from '../../server/src/protocol';
import { statementFacts } from '../../server/src/analysis/statementFacts';
import { grantedMatches, teamRulesOf } from '../../server/src/analysis/teamRules';
import { policyOf, stmt } from '../helpers/findings';

/** settings as an editor may send them: any JSON */
const settingsOf = (value: Record<string, unknown>) => value as unknown as IamPolicySettings;

test('teamRulesOf: keeps the well-formed requirements, keys and values, and the non-empty names', () => {
  const rules = teamRulesOf(
    settingsOf({
      requiredConditions: [
        null,
        'iam:PassRole',
        { actions: 'iam:PassRole', allOf: ['iam:PassedToService', '', 7, null, { key: '' }, { key: 3 }, { values: ['a'] }] },
        {
          actions: ['s3:PutObject', '', 5],
          anyOf: [
            { key: 'S3:x-amz-server-side-encryption', values: ['aws:kms', '', 1] },
            { key: 'aws:SourceVpc', values: 'vpc-1' },
          ],
          reason: 'KMS',
        },
        { actions: 'ec2:RunInstances', allOf: ['aws:RequestTag/Team'], reason: '' },
        { actions: 'ec2:RunInstances', allOf: ['aws:RequestTag/Team'], reason: 3 },
        { actions: [], allOf: ['aws:RequestTag/Team'] },
        { actions: [''], allOf: ['aws:RequestTag/Team'] },
        { actions: 'ec2:RunInstances', allOf: [''], anyOf: [null] },
        { actions: 'ec2:RunInstances' },
        { actions: 'ec2:RunInstances', allOf: 'aws:RequestTag/Team' },
        { actions: 'ec2:RunInstances', allOf: ['aws:RequestTag/Team'], anyOf: ['aws:RequestTag/Project'] },
      ],
      sensitiveActions: ['iam:*', '', 3, null],
      sensitiveResources: 'arn:aws:s3:::b',
    }),
  );
  assert.deepEqual(rules, {
    requirements: [
      { actions: ['iam:PassRole'], allOf: [{ key: 'iam:PassedToService', lower: 'iam:passedtoservice' }], anyOf: [] },
      {
        actions: ['s3:PutObject'],
        allOf: [],
        anyOf: [
          { key: 'S3:x-amz-server-side-encryption', lower: 's3:x-amz-server-side-encryption', values: ['aws:kms'] },
          { key: 'aws:SourceVpc', lower: 'aws:sourcevpc' },
        ],
        reason: 'KMS',
      },
      { actions: ['ec2:RunInstances'], allOf: [{ key: 'aws:RequestTag/Team', lower: 'aws:requesttag/team' }], anyOf: [] },
      { actions: ['ec2:RunInstances'], allOf: [{ key: 'aws:RequestTag/Team', lower: 'aws:requesttag/team' }], anyOf: [] },
      {
        actions: ['ec2:RunInstances'],
        allOf: [{ key: 'aws:RequestTag/Team', lower: 'aws:requesttag/team' }],
        anyOf: [{ key: 'aws:RequestTag/Project', lower: 'aws:requesttag/project' }],
      },
    ],
    sensitiveActions: ['iam:*'],
    sensitiveResources: [],
  });
  assert.deepEqual(teamRulesOf(settingsOf({ requiredConditions: 'x' })), { requirements: [], sensitiveActions: [], sensitiveResources: [] });
});

test('teamRulesOf: read once per settings object', () => {
  const settings = settingsOf({ requiredConditions: [{ actions: 'iam:PassRole', allOf: ['iam:PassedToService'] }] });
  assert.equal(teamRulesOf(settings), teamRulesOf(settings));
});

function matchesOf(statement: Record<string, unknown>, patterns: string[]) {
  const catalog = getCatalog();
  const doc = parsePolicy(policyOf(stmt(statement)));
  const [facts] = statementFacts(doc, catalog);
  return grantedMatches(facts, patterns, catalog).map(m => ({ at: doc.text.slice(m.at.offset, m.at.offset + m.at.length), names: m.names }));
}

test('grantedMatches: per Action entry, the catalog actions a pattern names, in catalog spelling', () => {
  assert.deepEqual(matchesOf({ Action: ['s3:GetObject', 's3:List*', 'ec2:RunInstances'], Resource: '*' }, ['S3:getobject', 'ec2:*']), [
    { at: '"s3:GetObject"', names: ['s3:GetObject'] },
    { at: '"ec2:RunInstances"', names: ['ec2:RunInstances'] },
  ]);
  assert.deepEqual(matchesOf({ Action: 's3:*', Resource: '*' }, ['s3:GetObject', 's3:PutObject']), [{ at: '"s3:*"', names: ['s3:GetObject', 's3:PutObject'] }]);
  assert.deepEqual(matchesOf({ Action: 's3:GetObject', Resource: '*' }, ['s3:*']), [{ at: '"s3:GetObject"', names: ['s3:GetObject'] }]);
  assert.deepEqual(matchesOf({ Action: 's3:GetObject', Resource: '*' }, ['ec2:*']), []);
  assert.deepEqual(matchesOf({ Action: 's3:getobject', Resource: '*' }, ['s3:GetObject']), [{ at: '"s3:getobject"', names: ['s3:GetObject'] }]);
});

test('grantedMatches: an action the catalog does not know is matched by its name', () => {
  assert.deepEqual(matchesOf({ Action: ['foo:BarBaz', 's3:GetObject'], Resource: '*' }, ['FOO:bar*']), [{ at: '"foo:BarBaz"', names: ['foo:BarBaz'] }]);
  assert.deepEqual(matchesOf({ Action: 'foo:BarBaz', Resource: '*' }, ['foo:Qux']), []);
  assert.deepEqual(matchesOf({ Action: 'foo:BarBaz', Resource: '*' }, ['ec2:*', 'foo:bar*']), [{ at: '"foo:BarBaz"', names: ['foo:BarBaz'] }]);
  assert.deepEqual(matchesOf({ Action: 'foo:Bar*', Resource: '*' }, ['foo:*']), [], 'a pattern of unknown actions names no action');
});

test('grantedMatches: with NotAction, the actions of the patterns it does not leave out, at its key', () => {
  assert.deepEqual(matchesOf({ NotAction: ['s3:Get*', 'ec2:*'], Resource: '*' }, ['s3:getobject', 's3:putobject', 'ec2:RunInstances', 'Foo:Bar']), [
    { at: '"NotAction"', names: ['s3:PutObject', 'foo:bar'] },
  ]);
  assert.deepEqual(matchesOf({ NotAction: ['s3:*', 'foo:*'], Resource: '*' }, ['s3:GetObject', 'foo:Bar']), []);
  assert.deepEqual(matchesOf({ NotAction: 'S3:GET*', Resource: '*' }, ['s3:GetObject']), [], 'NotAction in any letter case');
});
