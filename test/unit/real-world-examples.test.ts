// Policies from public repositories (test/fixtures/real-world, SOURCES.md there: repository, path,
// licence): deployed or published as they are, so they get zero error diagnostics, and each is served
// as the kind its folder names.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { exampleFiles, exampleProblems, unlistedExamples } from '../helpers/policyExamples';

const DIR = join(__dirname, '..', 'fixtures', 'real-world');

test("real-world policies: zero errors, each served as its folder's kind", () => {
  const files = exampleFiles(DIR);
  assert.ok(files.length >= 20, `policies found (${files.length} files)`);
  assert.deepEqual(exampleProblems(files), []);
});

test('every real-world policy is listed in SOURCES.md with its repository', () => {
  assert.deepEqual(unlistedExamples(DIR, exampleFiles(DIR)), []);
});
