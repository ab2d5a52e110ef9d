// Reading never throws nor hangs on broken Terraform files and plans: corpus files mutated (the fuzz
// harness's mutations and HCL fragments) and truncated, read fresh and as an edit of the original
// (the incremental parse); whatever is found maps inside the file.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { terraformPlanReader } from '../../server/src/templates/terraform/planReader';
import { terraformReader } from '../../server/src/templates/terraform/terraformReader';
import type { TemplateReader, TemplateReadResult } from '../../server/src/templates/types';
import { caseRandom, int, mutate, pick } from '../fuzz/mutate';
import { virtualOf } from '../helpers/terraform';
import { CORPUS_IAC_DIR } from '../helpers/corpus';

const SEED = 20261206;
const HCL_FRAGMENTS = [
  '${',
  '$${',
  '%{ if x }',
  '%{ endfor }',
  '<<EOF\n',
  '<<-EOT\n',
  '\nEOF\n',
  '"',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '=',
  ':',
  'jsonencode(',
  'jsonencode({ Statement = [{',
  'file(',
  'dynamic "statement" {',
  'statement {',
  'principals {',
  'condition { test = ',
  '#',
  '/*',
  '\\',
  '\\u',
  '&{',
];

function filesOf(folder: string): Array<{ name: string; text: string }> {
  const dir = join(CORPUS_IAC_DIR, folder);
  return readdirSync(dir)
    .sort()
    .map(name => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** Everything a result points at lies inside the text, and its virtual policies can be written. */
function checkResult(result: TemplateReadResult | undefined, text: string): string[] {
  const failures: string[] = [];
  const inside = (offset: number, length: number) => offset >= 0 && length >= 0 && offset + length <= text.length;
  for (const problem of result?.problems ?? []) if (!inside(problem.offset, problem.length)) failures.push(`problem outside: ${JSON.stringify(problem)}`);
  for (const file of result?.policyFiles ?? []) if (!inside(file.span.offset, file.span.length)) failures.push('policy file span outside');
  for (const policy of result?.policies ?? []) {
    if (!inside(policy.span.offset, policy.span.length)) failures.push(`${policy.resource}: span outside`);
    for (const segment of virtualOf(policy, text).segments) {
      if (!inside(segment.hostOffset, segment.hostLength)) failures.push(`${policy.resource}: segment outside`);
    }
  }
  return failures;
}

function fuzz(reader: TemplateReader, folder: string, cases: number): string[] {
  const failures: string[] = [];
  const bases = filesOf(folder);
  for (let index = 0; index < cases; index++) {
    const random = caseRandom(SEED, index);
    const base = pick(random, bases);
    let { text, applied } = mutate(base.text, random);
    if (random() < 0.5) {
      const fragment = pick(random, HCL_FRAGMENTS);
      const at = int(random, text.length + 1);
      text = text.slice(0, at) + fragment + text.slice(at);
      applied = [...applied, `fragment ${JSON.stringify(fragment)}`];
    }
    if (random() < 0.2) text = text.slice(0, int(random, text.length + 1));
    const uri = `file:///fuzz/${base.name}`;
    try {
      reader.read(uri, base.text);
      const edited = reader.read(uri, text);
      const fresh = reader.read(`file:///fuzz/fresh/${index}/${base.name}`, text);
      assert.deepEqual(edited, fresh, 'an edit reads as a fresh file');
      failures.push(...checkResult(fresh, text).map(f => `case ${index} (${base.name} + ${applied.join(', ')}): ${f}`));
    } catch (error) {
      failures.push(`case ${index} (${base.name} + ${applied.join(', ')}): ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  return failures;
}

test('mutated and truncated Terraform files: no exception, an edit reads as a fresh file, everything inside the file', { timeout: 120_000 }, async () => {
  await terraformReader.prepare!();
  assert.deepEqual(fuzz(terraformReader, 'terraform', 200).slice(0, 5), []);
});

test('mutated and truncated Terraform plans: no exception, everything inside the file', { timeout: 120_000 }, () => {
  assert.deepEqual(fuzz(terraformPlanReader, 'terraform-plan', 150).slice(0, 5), []);
});
