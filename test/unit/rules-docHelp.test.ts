// Each rule's entry of docs/rules.md as SARIF help (server/src/rules/docs.ts): the entry's first
// paragraph, its Markdown and its plain text; and the installed file that diagnostics link to.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { RULES_BY_CODE } from '../../server/src/rules';
import { parseRuleDocs, plainText, rulesDocUri } from '../../server/src/catalog/ruleDocs';

const DOC_PATH = join(__dirname, '..', '..', 'docs', 'rules.md');

test('an entry runs from its anchor to the next entry or section, without links to other entries', () => {
  const docs = parseRuleDocs(
    [
      '# Syntax',
      '',
      '<a id="iam001"></a>',
      '## IAM001 json-syntax',
      '',
      '**Error.** The text is not',
      'valid JSON.',
      '',
      'Why: see [IAM002](#iam002) and [the guide](https://docs.aws.amazon.com/x.html).',
      '',
      '```json',
      '{ x }',
      '```',
      '',
      '# Grammar',
      '',
      'Source of these rules: a page.',
      '',
      '<a id="iam010"></a>',
      '## IAM010 unknown',
      '',
      '**Warning.** Last.',
    ].join('\n'),
  );
  assert.deepEqual([...docs.keys()], ['IAM001', 'IAM010']);
  const entry = docs.get('IAM001')!;
  assert.equal(entry.description, 'The text is not valid JSON. Why: see IAM002 and the guide (https://docs.aws.amazon.com/x.html).');
  assert.equal(
    entry.markdown,
    '**Error.** The text is not\nvalid JSON.\n\nWhy: see IAM002 and [the guide](https://docs.aws.amazon.com/x.html).\n\n```json\n{ x }\n```',
  );
  assert.equal(entry.text, 'Error. The text is not\nvalid JSON.\n\nWhy: see IAM002 and the guide (https://docs.aws.amazon.com/x.html).\n\n{ x }');
  assert.equal(docs.get('IAM010')!.markdown, '**Warning.** Last.');
});

test('plain text keeps code and link addresses, drops the marks', () => {
  assert.equal(plainText('Use `"Resource": "*"` **only** [here](https://a.example/b).'), 'Use "Resource": "*" only here (https://a.example/b).');
});

test('docs/rules.md gives every rule a description, help text and help Markdown', () => {
  const docs = parseRuleDocs(readFileSync(DOC_PATH, 'utf8'));
  const missing = [...RULES_BY_CODE.keys()].filter(code => !(docs.get(code)?.description && docs.get(code)?.text && docs.get(code)?.markdown));
  assert.deepEqual(missing, []);
  for (const [code, doc] of docs) assert.doesNotMatch(doc.markdown, /\]\(#/, code);
});

test('diagnostics link to the docs/rules.md that is installed, never to a web page', () => {
  assert.equal(rulesDocUri(), pathToFileURL(DOC_PATH).href);
});
