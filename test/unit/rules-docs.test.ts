// docs/rules.md has an entry for each rule: an anchor the diagnostics link to (#iam014) and a heading
// with the code and the rule's name.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULES_BY_CODE } from '../../server/src/rules';
import { anchorLines } from '../../client/src/ruleAnchors';

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
  assert.deepEqual(anchors.filter(code => !RULES_BY_CODE.has(code)), []);
  assert.equal(new Set(anchors).size, anchors.length, 'no anchor twice');
});

test('the README lists every rule with its link', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const missing = [...RULES_BY_CODE.values()]
    .filter(rule => !readme.includes(`| [${rule.code}](docs/rules.md#${rule.code.toLowerCase()}) | ${rule.name} | ${rule.defaultSeverity} |`))
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
