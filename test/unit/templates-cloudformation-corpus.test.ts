// The real templates of ../shared/corpus-iac (CloudFormation JSON and YAML, SAM, Serverless): every
// policy found (the counts are pinned), each virtual policy valid JSON, no error from the rules, and
// reading never throws on mutated or truncated copies.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { collectFindings, severityOf } from '../../server/src/features/diagnostics';
import { withDefaults } from '../../server/src/protocol';
import { cloudFormationJsonReader, cloudFormationYamlReader } from '../../server/src/templates/cloudformation/readers';
import { embeddedPolicy } from '../../server/src/templates/document';
import { serverlessReader } from '../../server/src/templates/serverless/serverless';
import type { TemplateReader, TemplateReadResult } from '../../server/src/templates/types';
import { virtualOf } from '../helpers/templates';
import { CORPUS_IAC_DIR } from '../helpers/corpus';

const READERS = [cloudFormationJsonReader, cloudFormationYamlReader, serverlessReader];

interface Template {
  folder: string;
  name: string;
  uri: string;
  text: string;
  languageId: string;
}

function templates(folder: string): Template[] {
  return readdirSync(join(CORPUS_IAC_DIR, folder))
    .sort()
    .map(name => ({
      folder,
      name,
      uri: `file://${join(CORPUS_IAC_DIR, folder, name)}`,
      text: readFileSync(join(CORPUS_IAC_DIR, folder, name), 'utf8'),
      languageId: name.endsWith('.json') ? 'json' : 'yaml',
    }));
}

function readerOf(template: Template): TemplateReader {
  const readers = READERS.filter(r => r.detect(template.uri, template.languageId, template.text));
  assert.equal(readers.length, 1, `${template.name}: detected by ${readers.map(r => r.format).join(', ') || 'none'}`);
  return readers[0];
}

/**
 * Counted independently of the readers first (a Python walk of every template's Resources counting
 * maps with a Statement, and SAM's Policies names): JSON 149 and YAML 355 that way. The readers find
 * one fewer in each (a WAFv2 WebACL rule's `Statement` is no IAM policy: webapp.json/.yaml) and two
 * more in YAML (SAM Api `Auth.ResourcePolicy.CustomStatements`, a statement list the walk missed).
 * serverless/aws-node-dynamic-image-resizer has function-level iamRoleStatements without the
 * serverless-iam-roles-per-function plugin: the framework ignores them, and so do we.
 */
const EXPECTED: Record<string, { templates: number; policies: number; named: number }> = {
  'cloudformation-json': { templates: 46, policies: 148, named: 0 },
  'cloudformation-yaml': { templates: 92, policies: 356, named: 50 },
  serverless: { templates: 36, policies: 36, named: 0 },
};

for (const [folder, expected] of Object.entries(EXPECTED)) {
  test(`corpus-iac/${folder}: every policy found, valid virtual JSON, no error`, () => {
    const settings = withDefaults(undefined);
    const catalog = getCatalog();
    const list = templates(folder);
    assert.equal(list.length, expected.templates);
    let policies = 0;
    let named = 0;
    const unexpected: string[] = [];
    for (const template of list) {
      const result = readerOf(template).read(template.uri, template.text) as TemplateReadResult;
      assert.deepEqual(result.problems, [], template.name);
      policies += result.policies.length;
      named += result.namedPolicies.length;
      for (const [index, policy] of result.policies.entries()) {
        const { virtual, doc } = embeddedPolicy(template.uri, template.text, policy, index);
        assert.doesNotThrow(() => JSON.parse(virtual.text), `${template.name} ${policy.resource}.${policy.property}`);
        for (const finding of collectFindings(doc, catalog, settings, e => {
          throw e;
        })) {
          if (severityOf(finding.code, settings) === 'error')
            unexpected.push(`${template.name} ${policy.resource}.${policy.property} ${finding.code} ${finding.message}`);
        }
      }
    }
    assert.deepEqual({ policies, named }, { policies: expected.policies, named: expected.named });
    assert.deepEqual(unexpected, []);
  });
}

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const NOISE = ['{', '}', '[', ']', ':', ',', '"', "'", '\n', '\t', '- ', '!Ref ', '!Sub ', '!If [', '${', '\\', '&a ', '*a', '|', '>', '#', '\u0000', '\uD800'];

test('reading never throws on truncated and mutated corpus templates', () => {
  const next = random(17);
  const all = Object.keys(EXPECTED).flatMap(templates);
  for (let round = 0; round < 120; round++) {
    const template = all[Math.floor(next() * all.length)];
    const reader = readerOf(template);
    let text = template.text;
    const cut = Math.floor(next() * text.length);
    switch (round % 3) {
      case 0:
        text = text.slice(0, cut);
        break;
      case 1:
        for (let i = 0; i < 8; i++) {
          const at = Math.floor(next() * text.length);
          text = text.slice(0, at) + NOISE[Math.floor(next() * NOISE.length)] + text.slice(at + Math.floor(next() * 3));
        }
        break;
      default:
        text = text.slice(cut) + text.slice(0, cut);
    }
    const result = reader.read(template.uri, text);
    if (!result) continue;
    for (const policy of result.policies) {
      const virtual = virtualOf(policy, text);
      if ('tree' in policy.body) assert.doesNotThrow(() => JSON.parse(virtual.text), `${template.name} round ${round}`);
      for (const segment of virtual.segments)
        assert.ok(segment.hostOffset >= 0 && segment.hostOffset + segment.hostLength <= text.length, `${template.name} round ${round}`);
    }
  }
});

test('hostile input: deep nesting and garbage give problems, not exceptions', () => {
  const deepYaml = `Resources:\n  R:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument: ${'['.repeat(5000)}\n`;
  assert.ok(cloudFormationYamlReader.read('file:///t.yaml', deepYaml));
  const deepJson = `{"Resources": {"R": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": ${'['.repeat(5000)}`;
  assert.ok(cloudFormationJsonReader.read('file:///t.json', deepJson)!.problems.length > 0);
  for (const garbage of [
    '',
    '\u0000\u0001',
    '---\n---\n',
    '%YAML 9\n',
    'Resources: *alias\n',
    'Resources: &a [*a]\n',
    '{"Resources": 1}',
    'Resources: !Ref X\n',
  ]) {
    assert.doesNotThrow(() => cloudFormationYamlReader.read('file:///t.yaml', garbage), JSON.stringify(garbage));
    assert.doesNotThrow(() => cloudFormationJsonReader.read('file:///t.json', garbage), JSON.stringify(garbage));
    assert.doesNotThrow(() => serverlessReader.read('file:///serverless.yml', garbage), JSON.stringify(garbage));
  }
});
