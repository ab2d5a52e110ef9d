// Other linters' own test policies (../shared/fixtures/linter-tests): each policy in findings/ gets
// our diagnostic for the problem its source linter expects (README there; where we judge the
// expectation wrong, docs/rules.md "Differences from other linters" says why), and no policy in
// clean/ gets an error.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { collectFindings, severityOf } from '../../server/src/features/diagnostics';
import { withFolded } from '../helpers/findings';
import { policyFromText } from '../../server/src/documents/policyDocuments';
import { withDefaults } from '../../server/src/protocol';
import { SHARED_DIR } from '../helpers/shared';

const FIXTURES = join(SHARED_DIR, 'fixtures', 'linter-tests');
const settings = withDefaults(undefined);

function findingCodes(folder: string, name: string): { codes: Set<string>; errors: string[] } {
  const path = join(FIXTURES, folder, `${name}.json`);
  const doc = policyFromText(pathToFileURL(path).href, 'iam-policy', readFileSync(path, 'utf8'), settings);
  assert.ok(doc, `${name} is served as a policy`);
  const findings = collectFindings(doc, getCatalog(), settings, e => {
    throw e;
  });
  return {
    codes: new Set(withFolded(findings).map(f => f.code)),
    errors: findings.filter(f => severityOf(f.code, settings) === 'error').map(f => f.code),
  };
}

// file (without .json) -> our codes for the problems the source linter expects (see the comments
// for what each stands for; the README of findings/ lists the source's own finding IDs).
const FINDINGS: Record<string, string[]> = {
  // CKV_AWS_62 / CKV_AWS_63: Allow of "*" (on "*")
  'checkov__IAMAdminPolicyDocument__iam_group_fail__mygroup__Policies0': ['IAM400'],
  'checkov__IAMAdminPolicyDocument__iam_policy_fail__NEWPolicy__PolicyDocument': ['IAM400'],
  'checkov__IAMAdminPolicyDocument__iam_role_fail__RootRole__Policies0': ['IAM400'],
  'checkov__IAMAdminPolicyDocument__iam_user_fail__CFNUser__Policies0': ['IAM400'],
  'checkov__IAMStarActionPolicyDocument__iam_group_fail__mygroup__Policies0': ['IAM400'],
  'checkov__IAMStarActionPolicyDocument__iam_policy_fail__NEWPolicy__PolicyDocument': ['IAM400'],
  'checkov__IAMStarActionPolicyDocument__iam_role_fail__RootRole__Policies0': ['IAM400'],
  'checkov__IAMStarActionPolicyDocument__iam_user_fail__CFNUser__Policies0': ['IAM400'],
  // Infrastructure Modification (actions on "*"), Credentials Exposure
  'cloudsplaining__examples__policies__explicit-actions': ['IAM402', 'IAM413'],
  // service wildcards on "*": ServiceWildcard, Resource Exposure, Credentials Exposure, Infrastructure Modification
  'cloudsplaining__examples__policies__wildcards': ['IAM401', 'IAM402', 'IAM412', 'IAM413'],
  // NOTPRINCIPAL_WITH_ALLOW, PERMISSIONS_MANAGEMENT_ACTIONS; the file has a trailing comma (syntax error)
  'parliament__test_advanced_policy_elements__test_notprincipal_allow__1': ['IAM003', 'IAM406', 'IAM412'],
  'parliament__test_advanced_policy_elements__test_notresource_allow__1': ['IAM003', 'IAM406', 'IAM412'],
  // RESOURCE_STAR (+ CREDENTIALS_EXPOSURE, PERMISSIONS_MANAGEMENT_ACTIONS with community auditors)
  'parliament__test_community_auditors__test_analyze_policy_string_disable_community': ['IAM402'],
  'parliament__test_community_auditors__test_analyze_policy_string_enable_community': ['IAM402', 'IAM412', 'IAM413'],
  'parliament__test_credentials_exposure__test_credentials_management': ['IAM413', 'IAM402'],
  'parliament__test_formatting__test_analyze_policy_string_invalid_sid': ['IAM029'],
  'parliament__test_formatting__test_analyze_policy_string_multiple_statements_one_bad': ['IAM102'],
  'parliament__test_formatting__test_analyze_policy_string_no_action': ['IAM019'],
  'parliament__test_formatting__test_analyze_policy_string_no_statement': ['IAM014'],
  'parliament__test_formatting__test_analyze_policy_string_not_json': ['IAM001'],
  'parliament__test_formatting__test_analyze_policy_string_opposites': ['IAM018'],
  // UNKNOWN_CONDITION_FOR_ACTION, MISMATCHED_TYPE, UNKNOWN_OPERATOR
  'parliament__test_formatting__test_condition_action_specific__1': ['IAM313'],
  'parliament__test_formatting__test_condition_action_specific_bad_type': ['IAM321'],
  'parliament__test_formatting__test_condition_bad_key': ['IAM310'],
  'parliament__test_formatting__test_condition_mismatch': ['IAM402', 'IAM311'],
  'parliament__test_formatting__test_condition_multiple__1': ['IAM330'],
  'parliament__test_formatting__test_condition_multiple__2': ['IAM310'],
  'parliament__test_formatting__test_condition_operator__1': ['IAM300'],
  'parliament__test_formatting__test_condition_operator__2': ['IAM330'], // a Numeric operator on a String key parses the value: IAM330 when it is no number
  // RESOURCE_STAR; MISMATCHED_TYPE_BUT_USABLE is not a problem (docs/rules.md, IAM320)
  'parliament__test_formatting__test_condition_operator_values': ['IAM402'],
  'parliament__test_formatting__test_condition_type_unqoted_bool': ['IAM402'],
  'parliament__test_formatting__test_duplicate_sids': ['IAM027'],
  'parliament__test_formatting__test_lambda_TerminateInstances': ['IAM402'],
  'parliament__test_patterns__test_bad_mfa_condition': ['IAM333'],
  'parliament__test_patterns__test_resource_effectively_star': ['IAM403'],
  // RESOURCE_POLICY_PRIVILEGE_ESCALATION: who may change a bucket policy may grant itself more
  'parliament__test_patterns__test_resource_policy_privilege_escalation': ['IAM412', 'IAM402'],
  'parliament__test_patterns__test_resource_policy_privilege_escalation__1': ['IAM412', 'IAM402'],
  'parliament__test_patterns__test_resource_policy_privilege_escalation_at_bucket_level': ['IAM412'],
  // RESOURCE_MISMATCH of wildcard-expanded actions: not reported (docs/rules.md); the grant itself is
  'parliament__test_patterns__test_resource_policy_privilege_escalation_at_bucket_level__1': ['IAM412'],
  'parliament__test_permissions_management__test_permissions_management': ['IAM412', 'IAM402'],
  'parliament__test_privilege_escalation__test_privilege_escalation': ['IAM411', 'IAM402'],
  // INVALID_ARN: the resource is a CloudFormation object, not a string
  'parliament__test_resources__test_resource_with_sub': ['IAM016'],
  // SENSITIVE_ACCESS depends on parliament's list of sensitive resources: no counterpart (docs/rules.md)
  'parliament__test_sensitive_access__test_sensitive_access': [],
  'parliament__test_sensitive_access__test_sensitive_access__2': [],
};

const CLEAN: readonly string[] = [
  'parliament__test_advanced_policy_elements__test_notprincipal_allow',
  'parliament__test_advanced_policy_elements__test_notresource_allow',
  'parliament__test_formatting__test_analyze_policy_string_MFA_formatting',
  'parliament__test_formatting__test_analyze_policy_string_correct_multiple_statements_and_actions',
  'parliament__test_formatting__test_analyze_policy_string_correct_simple',
  'parliament__test_formatting__test_condition',
  'parliament__test_formatting__test_condition_action_specific',
  'parliament__test_formatting__test_condition_multiple',
  'parliament__test_formatting__test_condition_operator',
  'parliament__test_formatting__test_condition_with_MultiFactorAuthAge',
  'parliament__test_formatting__test_condition_with_null',
  'parliament__test_formatting__test_lambda_AddLayerVersionPermission',
  'parliament__test_formatting__test_priv_that_requires_star_resource',
  'parliament__test_formatting__test_redshift_GetClusterCredentials',
  'parliament__test_patterns__test_resource_effectively_star__1',
  'parliament__test_patterns__test_resource_policy_privilege_escalation_with_deny',
  'parliament__test_principals__test_bad_principals',
  'parliament__test_principals__test_policy_with_principal',
  'parliament__test_principals__test_policy_with_principal__1',
  'parliament__test_principals__test_policy_with_principal__2',
  'parliament__test_principals__test_policy_with_principal__3',
  'parliament__test_principals__test_policy_with_principal__4',
  'parliament__test_principals__test_policy_with_principal__5',
  'parliament__test_sensitive_access__test_sensitive_access__1',
  'parliament__test_sensitive_access__test_sensitive_access__3',
];

/** clean/ files that do not parse (trailing commas, fed to parliament's tolerant parser): only that syntax error. */
const CLEAN_SYNTAX_ERRORS: ReadonlyMap<string, string> = new Map([
  ['parliament__test_advanced_policy_elements__test_notprincipal_allow', 'IAM003'],
  ['parliament__test_advanced_policy_elements__test_notresource_allow', 'IAM003'],
]);

test('the tables name every fixture', () => {
  const names = (folder: string) =>
    readdirSync(join(FIXTURES, folder))
      .filter(f => f.endsWith('.json'))
      .map(f => f.slice(0, -5))
      .sort();
  assert.deepEqual(names('findings'), Object.keys(FINDINGS).sort());
  assert.deepEqual(names('clean'), [...CLEAN].sort());
});

test('each policy of findings/ gets our diagnostic for the problem its linter expects', () => {
  const missing: string[] = [];
  for (const [name, expected] of Object.entries(FINDINGS)) {
    const { codes } = findingCodes('findings', name);
    for (const code of expected) if (!codes.has(code)) missing.push(`${name}: ${code} (got ${[...codes].join(', ') || 'nothing'})`);
  }
  assert.deepEqual(missing, []);
});

test('no policy of clean/ gets an error (two do not parse: only their syntax error)', () => {
  const unexpected: string[] = [];
  for (const name of CLEAN) {
    const { errors } = findingCodes('clean', name);
    const allowed = CLEAN_SYNTAX_ERRORS.get(name);
    const wrong = errors.filter(code => code !== allowed);
    if (wrong.length || (allowed && !errors.includes(allowed))) unexpected.push(`${name}: ${errors.join(', ') || 'no error'}`);
  }
  assert.deepEqual(unexpected, []);
});
