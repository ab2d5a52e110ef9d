// docs/rules.md has an entry for each rule: an anchor the diagnostics link to (#iam014), a heading
// with the code and the rule's name, and the rule's default severity first; and the README's table of
// rules is the registry's. That table is generated (`npm run rules-table`, scripts/rulesTable.ts)
// rather than kept by hand and compared: each of its columns is a field of the registry's RuleMeta,
// so a hand-kept copy could only drift, and a generated one tells whoever adds a rule what to run.
// docs/rules.md is prose (why, an example, the fix), so it is checked against the registry instead.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULES_BY_CODE } from '../../server/src/rules';
import { anchorLines } from '../../client/src/ruleAnchors';
import { withRulesTable } from '../../scripts/rulesTable';

const DOC = readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');

test('docs/rules.md has an anchor and a heading for every rule', () => {
  const missing: string[] = [];
  for (const rule of RULES_BY_CODE.values()) {
    const entry = `<a id="${rule.code.toLowerCase()}"></a>\n## ${rule.code} ${rule.name}\n`;
    if (!DOC.includes(entry)) missing.push(`${rule.code} ${rule.name}`);
  }
  assert.deepEqual(missing, []);
});

test('every anchor in docs/rules.md belongs to a rule', () => {
  const anchors = [...DOC.matchAll(/<a id="(iam\d{3})"><\/a>/g)].map(m => m[1].toUpperCase());
  assert.deepEqual(
    anchors.filter(code => !RULES_BY_CODE.has(code)),
    [],
  );
  assert.equal(new Set(anchors).size, anchors.length, 'no anchor twice');
});

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

test('the README lists every rule with its link', () => {
  const missing = [...RULES_BY_CODE.values()]
    .filter(rule => !README.includes(`| [${rule.code}](docs/rules.md#${rule.code.toLowerCase()}) | ${rule.name} | ${rule.defaultSeverity} |`))
    .map(rule => rule.code);
  assert.deepEqual(missing, []);
});

test('rule links point at the heading of each rule in the bundled docs/rules.md', () => {
  const lines = anchorLines(DOC);
  const docLines = DOC.split('\n');
  for (const rule of RULES_BY_CODE.values()) {
    const line = lines.get(rule.code.toLowerCase());
    assert.ok(line, rule.code);
    assert.equal(docLines[line - 1], `## ${rule.code} ${rule.name}`);
  }
});

test("the README's table of rules is the one the registry writes (npm run rules-table)", () => {
  assert.equal(withRulesTable(README, RULES_BY_CODE.values()), README, 'the rules table in README.md is stale: run npm run rules-table');
});

test('each entry of docs/rules.md starts with the default severity of its rule in the registry', () => {
  const entries = [...DOC.matchAll(/^## (IAM\d{3}) \S+\n\n\*\*(\w+)\.\*\*/gm)].map(m => [m[1], m[2].toLowerCase()]);
  assert.equal(entries.length, [...DOC.matchAll(/^## IAM\d{3} /gm)].length, 'every rule heading is followed by **Severity.**');
  const wrong = entries.filter(([code, severity]) => RULES_BY_CODE.get(code)?.defaultSeverity !== severity);
  assert.deepEqual(wrong, []);
});
