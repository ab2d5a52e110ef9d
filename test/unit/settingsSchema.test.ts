// The JSON schema of the settings file (schemas/iam-lint.schema.json, which VS Code applies to
// .iam-lint.json through package.json's jsonValidation): it compiles, it describes the settings the
// file reader knows and the editor offers (package.json contributes.configuration), and it agrees with
// the reader (settings/settingsFile.ts) on what is valid.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { KNOWN_KEYS, parseSettingsText } from '../../server/src/settings/settingsFile';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const PACKAGE = read('package.json');
const SCHEMA = read('schemas/iam-lint.schema.json');
const validate = new Ajv().compile(SCHEMA);

type Json = Record<string, unknown>;
/** Keywords that document a setting rather than constrain it; VS Code's own ones among them. */
const DOCUMENTATION = new Set([
  'description',
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'patternErrorMessage',
  'scope',
  'default',
]);

/** A schema with its references resolved and its documentation left out. */
function constraints(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(constraints);
  if (typeof node !== 'object' || node === null) return node;
  const ref = (node as Json).$ref;
  if (typeof ref === 'string') return constraints(SCHEMA.definitions[ref.split('/').pop()!]);
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => !DOCUMENTATION.has(key))
      .map(([key, value]) => [key, constraints(value)]),
  );
}

test('package.json applies the schema to .iam-lint.json', () => {
  assert.deepEqual(PACKAGE.contributes.jsonValidation, [{ fileMatch: '.iam-lint.json', url: './schemas/iam-lint.schema.json' }]);
  assert.equal(typeof validate, 'function');
});

test('the schema, the settings file reader and the editor settings name the same settings, with the same constraints', () => {
  const inSchema = Object.keys(SCHEMA.definitions.settings.properties).filter(key => key !== '$schema');
  assert.deepEqual(inSchema.sort(), [...KNOWN_KEYS].sort());
  const properties = PACKAGE.contributes.configuration.properties as Record<string, unknown>;
  for (const key of KNOWN_KEYS) {
    const editor = properties[`iamPolicy.${key}`];
    assert.ok(editor, `package.json has no iamPolicy.${key}`);
    assert.deepEqual(constraints(editor), constraints(SCHEMA.definitions[key]), key);
  }
});

const VALID = [
  '{ "rules": { "IAM106": "off", "unknown-condition-key": "information" }, "minimumSeverity": "warning" }',
  '{ "$schema": "./node_modules/iam-policy-tools/schemas/iam-lint.schema.json", "securityRules": false }',
  '{ "iamPolicy": { "policyKinds": { "**/scps/**": "scp" }, "jsonDocuments": "off", "templates": "off" } }',
  '{ "iamPolicy.zoneOfTrust": { "accounts": ["111122223333"] }, "editor.tabSize": 2 }',
  `{ "requiredConditions": [
      { "actions": "iam:PassRole", "allOf": ["iam:PassedToService"] },
      { "actions": ["s3:PutObject"], "allOf": [{ "key": "s3:x-amz-server-side-encryption", "values": ["aws:kms"] }], "reason": "KMS at rest" },
      { "actions": "ec2:RunInstances", "anyOf": ["aws:RequestTag/CostCenter", "aws:RequestTag/Project"] }
    ],
    "sensitiveActions": ["s3:DeleteBucket", "iam:*AccessKey*"],
    "sensitiveResources": ["arn:aws:s3:::payroll-*"] }`,
];

const INVALID = [
  '{ "colour": 1 }',
  '{ "rules": { "IAM106": "loud" } }',
  '{ "requiredConditions": [{ "actions": "iam:PassRole" }] }',
  '{ "requiredConditions": [{ "actions": "PassRole", "allOf": ["iam:PassedToService"] }] }',
  '{ "requiredConditions": [{ "actions": "iam:PassRole", "allOf": [{ "key": "iam:PassedToService", "value": "ec2" }] }] }',
  '{ "requiredConditions": [{ "actions": "iam:PassRole", "allOf": ["iam:PassedToService"], "severity": "error" }] }',
  '{ "sensitiveActions": "s3:DeleteBucket" }',
  '{ "sensitiveResources": ["payroll-bucket"] }',
  '{ "iamPolicy.colour": 1, "iamPolicy.rules": {} }',
];

test('the schema and the reader agree: valid settings files pass both, invalid ones fail both', () => {
  for (const text of VALID) {
    assert.ok('settings' in parseSettingsText(text), text);
    assert.ok(validate(JSON.parse(text)), `${text}\n${JSON.stringify(validate.errors)}`);
  }
  for (const text of INVALID) {
    assert.ok('problems' in parseSettingsText(text), text);
    assert.equal(validate(JSON.parse(text)), false, text);
  }
});
