// The README's figures in step with the code: the performance table's rows and budgets (bench/
// readmeTable.ts prints the same table), the corpus sizes and counts it quotes, the seed policy's
// kinds of error, and how much npm test runs. A change that moves one fails here until the README
// says the new figure.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { budgetCell, README_ROWS } from '../../bench/readmeTable';
import { largestPolicy } from '../../bench/policies';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { collectFindings } from '../../server/src/features/diagnostics';
import { parsePolicy } from '../../server/src/policy/parse';
import { withDefaults } from '../../server/src/protocol';
import { RULES_BY_CODE } from '../../server/src/rules';
import { corpusFiles } from '../helpers/corpus';
import { rethrow } from '../helpers/findings';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const count = (n: number) => n.toLocaleString('en-US');

/** The README's text between a heading and the next one. */
function section(heading: string): string {
  const start = README.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, heading);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

test("the performance table has bench/readmeTable.ts's rows and budgets, and says when and on what it was measured", () => {
  const performance = section('Performance');
  // the first table is the one `npm run bench` prints (the templates' table after it is measured apart)
  const lines = performance.split('\n');
  const first = lines.findIndex(line => line.startsWith('| '));
  const end = lines.findIndex((line, i) => i > first && !line.startsWith('|'));
  const rows = lines.slice(first, end).filter(line => line.startsWith('| ') && !line.startsWith('| |') && !line.startsWith('| ---'));
  assert.deepEqual(
    rows.map(row => {
      const cells = row.split(' | ');
      return [cells[0].slice(2), cells[2].replace(/ \|$/, '')];
    }),
    README_ROWS.map(row => [row.label, budgetCell(row)]),
  );
  const files = corpusFiles().length;
  const largestKb = Math.round(largestPolicy().text.length / 1024);
  assert.match(performance, /Measured on \d{4}-\d{2}-\d{2} on /);
  const corpus = `corpus of ${count(files)} policies, the largest ${largestKb} KB`;
  assert.ok(performance.replace(/\s+/g, ' ').includes(corpus), corpus);
});

test('the corpus figures the README quotes: distinct action names and ARNs, resource warnings on AWS managed policies', () => {
  const actions = new Set<string>();
  const arns = new Set<string>();
  let managed = 0;
  let warnings = 0;
  const warned = new Set<string>();
  for (const file of corpusFiles()) {
    const doc = parsePolicy(file.text, `file:///corpus/${file.name}`);
    for (const statement of doc.statements) {
      for (const item of [...(statement.action?.items ?? []), ...(statement.notAction?.items ?? [])]) actions.add(item.value.toLowerCase());
      for (const item of [...(statement.resource?.items ?? []), ...(statement.notResource?.items ?? [])])
        if (item.value.startsWith('arn:')) arns.add(item.value);
    }
    if (!file.name.startsWith('aws-managed/')) continue;
    managed++;
    const resourceWarnings = collectFindings(doc, getCatalog(), withDefaults(undefined), rethrow).filter(f => /^IAM21[0-2]$/.test(f.code));
    warnings += resourceWarnings.length;
    if (resourceWarnings.length) warned.add(file.name);
  }
  const text = README.replace(/\s+/g, ' ');
  assert.ok(
    text.includes(`${count(actions.size)} distinct action names and ${count(arns.size)} distinct ARNs`),
    `${count(actions.size)} action names, ${count(arns.size)} ARNs`,
  );
  assert.ok(
    text.includes(`IAM210-IAM212 report ${count(warnings)} in ${count(warned.size)} of the corpus's ${count(managed)} AWS managed policies`),
    `${warnings} warnings in ${warned.size} of ${managed}`,
  );
});

test('the seed policy has the four kinds of error the README promises', () => {
  const text = readFileSync(join(ROOT, 'examples', 'seed-policy.iam.json'), 'utf8');
  const doc = parsePolicy(text, 'file:///examples/seed-policy.iam.json');
  const errors = new Set(
    collectFindings(doc, getCatalog(), withDefaults(undefined), rethrow)
      .filter(f => RULES_BY_CODE.get(f.code)?.defaultSeverity === 'error')
      .map(f => f.code),
  );
  assert.deepEqual([...errors].sort(), ['IAM002', 'IAM003', 'IAM004', 'IAM100']);
  assert.ok(README.includes('the seed policy there has four kinds of error'));
});

test('what npm test runs, as the README says: 2,000 fuzz cases and a 5,000-edit soak', () => {
  const constant = (file: string, name: string) => Number(new RegExp(`const ${name} = (\\d+);`).exec(readFileSync(join(ROOT, file), 'utf8'))?.[1]);
  const cases = constant('test/unit/fuzz.test.ts', 'CASES');
  const edits = constant('test/lsp/soak.test.ts', 'EDITS');
  assert.ok(README.includes(`\`npm test\` runs ${count(cases)} cases`), `${cases} cases`);
  assert.ok(README.includes(`a ${count(edits)}-edit soak`), `${edits} edits`);
});

test('the rules table lists rules that exist, each once', () => {
  const codes = [...README.matchAll(/^\| \[(IAM\d{3})\]\(docs\/rules\.md#iam\d{3}\) \|/gm)].map(m => m[1]);
  assert.deepEqual(
    codes.filter(code => !RULES_BY_CODE.has(code)),
    [],
  );
  assert.equal(new Set(codes).size, codes.length);
  assert.equal(codes.length, RULES_BY_CODE.size);
});
