// Terraform over the protocol: a `.tf` file opened as `terraform` gets its policies' diagnostics at
// the HCL string, and the quick-fix for a misspelled action repairs that string; a plan opened as
// JSON gets them inside the plan's JSON string; any other HCL gets nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { terraformReader } from '../../server/src/templates/terraform/terraformReader';
import { serverOfTestFile } from '../helpers/lspClient';

const HCL = `resource "aws_iam_policy" "reader" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObjct", Resource = "arn:aws:s3:::\${var.bucket}/*" }]
  })
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRolle"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
`;

const server = serverOfTestFile();

const textAt = (text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
  const doc = TextDocument.create('file:///x', 'x', 0, text);
  return text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
};

test('a .tf file: the misspelled actions are underlined in the HCL, and the quick-fix repairs the string', async () => {
  const uri = 'file:///work/tf/main.tf';
  const diagnostics = await server().open(uri, HCL, 'terraform');
  const misspelled = diagnostics.filter(d => d.code === 'IAM102');
  assert.deepEqual(
    misspelled.map(d => textAt(HCL, d.range)),
    ['"s3:GetObjct"', '"sts:AssumeRolle"'],
  );
  assert.ok(!diagnostics.some(d => d.severity === 1 && d.code !== 'IAM102'), JSON.stringify(diagnostics.map(d => d.code)));
  const result = await server().connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: misspelled[0].range,
    context: { diagnostics: [misspelled[0]] },
  });
  const fix = (result as CodeAction[]).find(a => a.isPreferred) ?? (result as CodeAction[])[0];
  const edits = fix.edit!.changes![uri];
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'terraform', 1, HCL), edits);
  assert.equal(fixed, HCL.replace('s3:GetObjct', 's3:GetObject'));
  await terraformReader.prepare!();
  assert.equal(terraformReader.read('file:///work/tf/fixed.tf', fixed)!.policies.length, 2);
  await server().close(uri);
});

test("a plan opened as JSON: the diagnostic lands inside the plan's JSON string", async () => {
  const uri = 'file:///work/tf/plan.json';
  const plan = JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.5.7',
    resource_changes: [
      {
        address: 'aws_iam_policy.p',
        mode: 'managed',
        type: 'aws_iam_policy',
        change: {
          actions: ['create'],
          after: { policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjct","Resource":"*"}]}' },
          after_unknown: {},
        },
      },
    ],
  });
  const diagnostics = await server().open(uri, plan, 'json');
  assert.deepEqual(
    diagnostics.filter(d => d.code === 'IAM102').map(d => textAt(plan, d.range)),
    ['\\"s3:GetObjct\\"'],
  );
  await server().close(uri);
});

test('HCL without policies gets nothing', async () => {
  const uri = 'file:///work/tf/variables.tf';
  assert.deepEqual(await server().open(uri, 'variable "bucket" {\n  type = string\n}\n', 'terraform'), []);
  await server().close(uri);
});
