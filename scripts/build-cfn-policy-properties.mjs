// Writes server/src/templates/cloudformation/policyProperties.generated.ts: every CloudFormation
// resource property that holds an IAM policy document, from the CloudFormation resource
// specification in @aws-cdk/aws-service-spec (Apache-2.0; a devDependency, read here only).
// Run `npm run cfn-policy-properties` after a version bump of the package and commit the result:
// the table is small, the specification (15 MB) is never bundled.
//
// A property is taken when its type is JSON (an object or a JSON string), found through nested
// property types too (`Policies[].PolicyDocument`), and its name says policy or statement. The
// lists below complete the specification where its names say too much or too little; each entry
// says why, and the build stops when an entry no longer matches the specification (so the lists
// stay true after an update).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const SPEC_PACKAGE = '@aws-cdk/aws-service-spec';
const packageDir = dirname(require.resolve(`${SPEC_PACKAGE}/package.json`));
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const db = JSON.parse(gunzipSync(readFileSync(join(packageDir, 'db.json.gz'))).toString('utf8'));
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'server', 'src', 'templates', 'cloudformation', 'policyProperties.generated.ts');

const NAMED_LIKE_A_POLICY = /Polic(y|ies)|Statement/;

/** JSON properties named like a policy that hold something else than an IAM policy document. */
const NOT_IAM_POLICIES = {
  'AWS::SNS::Subscription DeliveryPolicy': 'SNS delivery retry settings',
  'AWS::SNS::Subscription FilterPolicy': 'SNS message filter',
  'AWS::SNS::Subscription RedrivePolicy': 'dead-letter queue settings',
  'AWS::SNS::Subscription ReplayPolicy': 'message replay settings',
  'AWS::SNS::Topic DataProtectionPolicy': 'data protection policy (its own language)',
  'AWS::SNS::Topic ArchivePolicy': 'message retention settings',
  'AWS::SQS::Queue RedrivePolicy': 'dead-letter queue settings',
  'AWS::SQS::Queue RedriveAllowPolicy': 'dead-letter queue redrive permissions (not IAM syntax)',
  'AWS::Logs::LogGroup DataProtectionPolicy': 'data protection policy (its own language)',
  'AWS::Logs::LogGroup FieldIndexPolicies[]': 'field index settings',
  'AWS::NetworkManager::CoreNetwork PolicyDocument': 'core network policy (its own language)',
  'AWS::RAM::Permission PolicyTemplate': 'a statement fragment without Principal or Resource, not a document',
  // SAM's Policies property is a list of names, policy templates and documents: read by hand
  // (sam.ts); these are the specification's view of its union type.
  'AWS::Serverless::Function Policies.Statement': 'SAM Policies, read by the SAM reader',
  'AWS::Serverless::Function Policies[].Statement': 'SAM Policies, read by the SAM reader',
  'AWS::Serverless::StateMachine Policies.Statement': 'SAM Policies, read by the SAM reader',
  'AWS::Serverless::StateMachine Policies[].Statement': 'SAM Policies, read by the SAM reader',
  'AWS::Serverless::Function Events.*.Properties.Auth.ResourcePolicy.CustomStatements[]': 'statement lists of API events, not documents',
  // One statement beside StatementId, not a document: wrapped by the reader (cloudformation.ts).
  'AWS::Events::EventBusPolicy Statement': 'one statement, read by hand',
};

/** JSON properties that hold an IAM policy document under a name the pattern misses. */
const ALSO_POLICIES = {
  'AWS::Organizations::Policy Content': 'SCP or RCP text (by Type); other types are skipped by the reader',
  'AWS::Organizations::ResourcePolicy Content': 'the organization resource policy',
};

const types = new Map(db.schema.typeDefinition.entities.map(t => [t.$id, t]));
const found = new Map();

function visit(resourceType, name, type, path, seen) {
  switch (type?.type) {
    case 'json':
      if (NAMED_LIKE_A_POLICY.test(name) || `${resourceType} ${path}` in ALSO_POLICIES) found.set(`${resourceType} ${path}`, { resourceType, path });
      return;
    case 'union':
      for (const member of type.types) visit(resourceType, name, member, path, seen);
      return;
    case 'array':
      return visit(resourceType, name, type.element, `${path}[]`, seen);
    case 'map':
      return visit(resourceType, name, type.element, `${path}.*`, seen);
    case 'ref': {
      const id = type.reference.$ref;
      if (seen.has(id)) return;
      for (const [child, property] of Object.entries(types.get(id)?.properties ?? {})) {
        visit(resourceType, child, property.type, `${path}.${child}`, new Set([...seen, id]));
      }
      return;
    }
    default:
  }
}

for (const resource of db.schema.resource.entities) {
  for (const [name, property] of Object.entries(resource.properties ?? {})) {
    visit(resource.cloudFormationType, name, property.type, name, new Set());
  }
}

for (const key of [...Object.keys(NOT_IAM_POLICIES), ...Object.keys(ALSO_POLICIES)]) {
  if (!found.has(key)) throw new Error(`${key}: listed in the script, not found in ${SPEC_PACKAGE} ${version}; update the list`);
}
const entries = [...found.entries()]
  .filter(([key]) => !(key in NOT_IAM_POLICIES))
  .map(([, entry]) => entry)
  .sort((a, b) => (a.resourceType + a.path < b.resourceType + b.path ? -1 : 1));
for (const entry of entries) {
  if (entry.path.includes('*')) throw new Error(`${entry.resourceType} ${entry.path}: a map of policies; teach the reader or list it above`);
}

const lines = entries.map(e => `  ['${e.resourceType}', '${e.path}'],`);
writeFileSync(
  OUT,
  `// Generated by scripts/build-cfn-policy-properties.mjs from ${SPEC_PACKAGE} ${version}
// (the CloudFormation resource specification, Apache-2.0). Do not edit: change the script and run
// \`npm run cfn-policy-properties\`.
//
// [resource type, property path]: the property holds a policy document (an object, or JSON text in
// a string). A path's \`[]\` steps into every item of a list.
export const SPEC_PACKAGE = '${SPEC_PACKAGE} ${version}';

export const SPEC_POLICY_PROPERTIES: ReadonlyArray<readonly [string, string]> = [
${lines.join('\n')}
];
`,
);
console.log(`${entries.length} policy properties from ${SPEC_PACKAGE} ${version} -> ${OUT}`);
