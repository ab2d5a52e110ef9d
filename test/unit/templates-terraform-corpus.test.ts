// The Terraform readers on the real templates and plans of ../shared/corpus-iac: the number of
// policies found per folder (counted independently: every `data "aws_iam_policy_document"` block,
// every jsonencode/heredoc/JSON string on an argument of policyAttributes.ts, every module argument
// holding an IAM policy; every policy string of a plan's resource changes), valid virtual JSON whose
// exact pieces are the template's own characters, and no error from the rules on any of them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { collectFindings, severityOf } from '../../server/src/features/diagnostics';
import { withDefaults } from '../../server/src/protocol';
import { templateDocument } from '../../server/src/templates/document';
import { terraformPlanReader } from '../../server/src/templates/terraform/planReader';
import { terraformReader } from '../../server/src/templates/terraform/terraformReader';
import type { TemplateReader } from '../../server/src/templates/types';
import { virtualOf } from '../helpers/terraform';
import { CORPUS_IAC_DIR } from '../helpers/corpus';

function readFolder(reader: TemplateReader, folder: string) {
  const dir = join(CORPUS_IAC_DIR, folder);
  return readdirSync(dir)
    .sort()
    .map(name => {
      const text = readFileSync(join(dir, name), 'utf8');
      assert.ok(reader.detect(`file:///${name}`, name.endsWith('.json') ? 'json' : 'terraform', text), name);
      return { name, text, result: reader.read(`file:///corpus/${name}`, text)! };
    });
}

test('Terraform corpus: 181 policies in 70 files (141 policy documents, 27 resource arguments, 13 module arguments), valid JSON, exact maps', async () => {
  await terraformReader.prepare!();
  const files = readFolder(terraformReader, 'terraform');
  assert.equal(files.length, 70);
  const byType = new Map<string, number>();
  for (const { name, text, result } of files) {
    assert.deepEqual(result.problems, [], name);
    for (const policy of result.policies) {
      const type = policy.resourceType.startsWith('aws_') ? 'resource' : policy.resourceType;
      byType.set(type, (byType.get(type) ?? 0) + 1);
      const virtual = virtualOf(policy, text);
      assert.doesNotThrow(() => JSON.parse(virtual.text), `${name}: ${policy.resource}`);
      for (const segment of virtual.segments) {
        assert.ok(segment.hostOffset >= 0 && segment.hostOffset + segment.hostLength <= text.length, `${name}: segment inside the file`);
        if (segment.exact)
          assert.equal(text.substr(segment.hostOffset, segment.hostLength), virtual.text.substr(segment.offset, segment.length), `${name}: exact segment`);
      }
    }
  }
  assert.deepEqual(Object.fromEntries(byType), { 'data.aws_iam_policy_document': 141, resource: 27, module: 13 });
});

test('Terraform plan corpus: 27 policies in 13 plans, each once, valid JSON, exact runs', () => {
  const files = readFolder(terraformPlanReader, 'terraform-plan');
  assert.equal(files.length, 13);
  let found = 0;
  for (const { name, text, result } of files) {
    assert.deepEqual(result.problems, [], name);
    assert.equal(new Set(result.policies.map(p => `${p.resource} ${p.property}`)).size, result.policies.length, `${name}: no policy twice`);
    for (const policy of result.policies) {
      found++;
      const virtual = virtualOf(policy, text);
      assert.doesNotThrow(() => JSON.parse(virtual.text), `${name}: ${policy.resource}`);
      for (const segment of virtual.segments.filter(s => s.exact))
        assert.equal(text.substr(segment.hostOffset, segment.hostLength), virtual.text.substr(segment.offset, segment.length));
    }
  }
  assert.equal(found, 27);
});

test('no error on any policy of the corpus, read as the core reads template policies', async () => {
  await terraformReader.prepare!();
  const settings = withDefaults(undefined);
  const errors: string[] = [];
  for (const [reader, folder] of [
    [terraformReader, 'terraform'],
    [terraformPlanReader, 'terraform-plan'],
  ] as const) {
    for (const { name, text, result } of readFolder(reader, folder)) {
      for (const { source, virtual, doc } of templateDocument(`file:///corpus/${name}`, 'terraform', text, result).policies) {
        for (const finding of collectFindings(doc, getCatalog(), settings, error => {
          throw error;
        })) {
          if (severityOf(finding.code, settings) === 'error')
            errors.push(`${finding.code} ${name} ${source.resource}: ${virtual.text.substr(finding.offset, finding.length).slice(0, 60)}`);
        }
      }
    }
  }
  assert.deepEqual(errors, []);
});
