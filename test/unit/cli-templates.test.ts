// The checker on templates: found in folders by extension and content, findings at their place in
// the template, a summary of policies per template, --fix written in the template's syntax, and a
// file named on the command line that is neither a policy nor a template is a usage problem.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cloudFormationYamlReader } from '../../server/src/templates/cloudformation/readers';
import { folderWith, runCliProcess } from '../helpers/cliRunner';

const FIXTURES = join(__dirname, '..', 'fixtures', 'templates');
const YAML = readFileSync(join(FIXTURES, 'cloudformation.yaml'), 'utf8');
const JSON_TEMPLATE = readFileSync(join(FIXTURES, 'cloudformation.json'), 'utf8');
const NOT_A_TEMPLATE = readFileSync(join(FIXTURES, 'not-a-template.yaml'), 'utf8');
const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] });

interface JsonReport {
  files: Array<{
    path: string;
    template?: { format: string; policies: Array<{ resource: string; property: string; kind: string; line: number }> };
    findings: Array<{ code: string; line: number; column: number }>;
  }>;
  problems: string[];
}

test('a folder: templates found by extension and content beside policies; findings at their line in the template', () => {
  const dir = folderWith({
    'stack/template.yaml': YAML,
    'stack/queue.json': JSON_TEMPLATE,
    'policies/read.json': POLICY,
    '.github/workflows/ci.yaml': NOT_A_TEMPLATE,
    'ci.yml': NOT_A_TEMPLATE,
  });
  const run = runCliProcess(['.', '--format', 'json'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as JsonReport;
  assert.deepEqual(report.files.map(f => f.path).sort(), [join('policies', 'read.json'), join('stack', 'queue.json'), join('stack', 'template.yaml')]);
  const yaml = report.files.find(f => f.path.endsWith('template.yaml'))!;
  assert.deepEqual(
    yaml.template!.policies.map(p => [p.resource, p.property, p.kind]),
    [
      ['Role', 'AssumeRolePolicyDocument', 'trust'],
      ['Role', 'Policies[0].PolicyDocument', 'identity'],
    ],
  );
  assert.deepEqual(
    yaml.findings.map(f => [f.code, f.line, f.column]),
    [['IAM102', 22, 21]],
  );
  const text = runCliProcess(['.'], { cwd: dir });
  assert.match(text.stdout, /^stack\/template\.yaml:22:21 - warning IAM102: /m);
  assert.match(text.stdout, /2 problems \(2 warnings\) in 1 policy file and 2 templates \(3 policies\)\.\n$/);
});

test("--fix writes the safe fixes in the template's own syntax, and the template reads back", () => {
  const cased = YAML.replace('- s3:ListBucket', '- S3:listbucket');
  const dir = folderWith({ 'template.yaml': cased });
  const run = runCliProcess(['template.yaml', '--fix', '--format', 'json'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  const fixed = readFileSync(join(dir, 'template.yaml'), 'utf8');
  assert.match(fixed, /^ {18}- s3:ListBucket$/m);
  assert.equal(fixed.replace('- s3:ListBucket', ''), cased.replace('- S3:listbucket', ''), 'nothing else changed');
  assert.deepEqual(cloudFormationYamlReader.read('file:///t.yaml', fixed)!.problems, []);
});

test('a file named on the command line that is neither a policy nor a template: a usage problem, exit 2', () => {
  const dir = folderWith({ 'ci.yaml': NOT_A_TEMPLATE, 'README.md': '# notes\n' });
  for (const name of ['ci.yaml', 'README.md']) {
    const run = runCliProcess([name], { cwd: dir });
    assert.equal(run.status, 2, name);
    assert.match(run.stderr, new RegExp(`${name.replace('.', '\\.')}: neither an IAM policy \\(JSON\\) nor a template with IAM policies`));
    assert.doesNotMatch(run.stdout, /No problems/);
  }
});

test('iamPolicy.templates "off" in the settings file: templates are left alone', () => {
  const dir = folderWith({ 'template.yaml': YAML, '.iam-lint.json': '{ "templates": "off" }', 'policy.json': POLICY });
  const report = JSON.parse(runCliProcess(['.', '--format', 'json'], { cwd: dir }).stdout) as JsonReport;
  assert.deepEqual(
    report.files.map(f => f.path),
    ['policy.json'],
  );
});

test("web identity trust (IAM425): a template's provider known only at deploy time is not judged, a written one is", () => {
  const role = (name: string, federated: string, condition: string) => `resource "aws_iam_role" "${name}" {
  name = "${name}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "${federated}" }
      Action    = "sts:AssumeRoleWithWebIdentity"${condition}
    }]
  })
}
`;
  const tf =
    role(
      'ci',
      'arn:aws:iam::111122223333:oidc-provider/${var.oidc_host}',
      '\n      Condition = { StringEquals = { "${var.oidc_host}:sub" = "system:serviceaccount:default:app" } }',
    ) + role('eks', 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE', '');
  const run = runCliProcess(['main.tf', '--format', 'json'], { cwd: folderWith({ 'main.tf': tf }) });
  const findings = (JSON.parse(run.stdout) as { files: Array<{ findings: Array<{ code: string; line: number }> }> }).files[0].findings;
  assert.deepEqual(
    findings.filter(f => /^IAM42[156]$/.test(f.code)).map(f => [f.code, f.line]),
    [['IAM425', 19]],
  );
});
