// Example policies from the AWS documentation (test/fixtures/aws-docs, SOURCES.md there): AWS accepts
// them, so they get zero error diagnostics, and each is served as the kind its folder names.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { exampleFiles, exampleProblems, unlistedExamples } from '../helpers/policyExamples';

const DIR = join(__dirname, '..', 'fixtures', 'aws-docs');

test("AWS documentation examples: zero errors, each served as its folder's kind", () => {
  const files = exampleFiles(DIR);
  assert.ok(files.length >= 60, `examples found (${files.length} files)`);
  assert.deepEqual(exampleProblems(files), []);
});

test('every AWS documentation example is listed in SOURCES.md', () => {
  assert.deepEqual(unlistedExamples(DIR, exampleFiles(DIR)), []);
});
