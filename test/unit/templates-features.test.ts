// Completion, hover and quick-fixes inside templates, one host syntax after another, with the
// cursor marked `|`: each edit is written as that host writes the value, and the template read again
// holds the policy the edit meant.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { codeActionsOf, completionOf, diagnosticsOf, hoverOf } from '../../server/src/features/served';
import { withDefaults } from '../../server/src/protocol';
import { templateDocument, type ServedTemplate } from '../../server/src/templates/document';
import { loadTemplateReader, templateFormatOf } from '../../server/src/templates/readers';

const settings = withDefaults(undefined);
const rethrow = (error: unknown) => {
  throw error;
};

before(async () => {
  for (const format of ['cloudformation-yaml', 'cloudformation-json', 'terraform'] as const) await loadTemplateReader(format);
});

async function served(name: string, text: string): Promise<ServedTemplate> {
  const uri = `file:///work/${name}`;
  const languageId = name.endsWith('.tf') ? 'terraform' : name.endsWith('.json') ? 'json' : 'yaml';
  const format = templateFormatOf(uri, languageId, text);
  assert.ok(format, `${name} is a template`);
  const reader = await loadTemplateReader(format);
  return { template: templateDocument(uri, languageId, text, reader.read(uri, text)!), reread: changed => reader.read(uri, changed) };
}

/** The template without its `|`, and the cursor's position. */
function cursor(marked: string) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, position: TextDocument.create('file:///x', 'yaml', 0, text).positionAt(offset) };
}

function apply(text: string, edit: TextEdit): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 0, text), [edit]);
}

async function completeWith(name: string, marked: string, label: string): Promise<string> {
  const { text, position } = cursor(marked);
  const list = completionOf(await served(name, text), position, getCatalog(), settings);
  const item = list?.items.find((i: CompletionItem) => i.label === label);
  assert.ok(
    item,
    `${label} offered among ${list?.items
      .slice(0, 5)
      .map(i => i.label)
      .join(', ')}`,
  );
  const edit = item.textEdit as TextEdit;
  return apply(text, { range: edit.range, newText: edit.newText.replace(/\$0$/, '') });
}

const CFN_YAML = (action: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: ${action}
            Resource: '*'
`;

const TF = (actions: string) => `data "aws_iam_policy_document" "read" {
  statement {
    actions   = [${actions}]
    resources = ["*"]
  }
}
resource "aws_iam_policy" "read" {
  policy = data.aws_iam_policy_document.read.json
}
`;

test('completion in a YAML plain scalar replaces the scalar, written plain', async () => {
  const completed = await completeWith('t.yaml', CFN_YAML('s3:GetObj|'), 's3:GetObject');
  assert.match(completed, /^ {12}Action: s3:GetObject$/m);
});

test('completion in a YAML quoted scalar keeps the quotes', async () => {
  const completed = await completeWith('t.yaml', CFN_YAML("'s3:GetObj|'"), 's3:GetObject');
  assert.match(completed, /^ {12}Action: 's3:GetObject'$/m);
});

test('completion in an HCL string of an aws_iam_policy_document', async () => {
  const completed = await completeWith('main.tf', TF('"s3:GetObj|"'), 's3:GetObject');
  assert.match(completed, /actions {3}= \["s3:GetObject"\]/);
});

test('completion in a CloudFormation JSON template', async () => {
  const json = JSON.stringify(
    {
      Resources: {
        P: {
          Type: 'AWS::IAM::ManagedPolicy',
          Properties: { PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObjXX', Resource: '*' }] } },
        },
      },
    },
    null,
    2,
  );
  const completed = await completeWith('t.json', json.replace('GetObjXX', 'GetObj|'), 's3:GetObject');
  assert.match(completed, /"Action": "s3:GetObject"/);
});

test('hover on an action in YAML and in HCL covers exactly the written value', async () => {
  for (const [name, marked, written] of [
    ['t.yaml', CFN_YAML('s3:Get|Object'), 's3:GetObject'],
    ['main.tf', TF('"s3:Get|Object"'), 's3:GetObject'],
  ] as const) {
    const { text, position } = cursor(marked);
    const hover = hoverOf(await served(name, text), position, getCatalog(), settings);
    assert.match(JSON.stringify(hover?.contents), /GetObject/);
    const doc = TextDocument.create('file:///x', 'yaml', 0, text);
    assert.equal(text.slice(doc.offsetAt(hover!.range!.start), doc.offsetAt(hover!.range!.end)), written, name);
  }
});

test('a quick-fix in HCL is written as an HCL string, and the template reads back fixed', async () => {
  const text = TF('"s3:GetObjetc"');
  const template = await served('main.tf', text);
  const diagnostics = diagnosticsOf(template, getCatalog(), settings, rethrow);
  assert.deepEqual(
    diagnostics.map(d => d.code),
    ['IAM102'],
  );
  const actions = codeActionsOf(template, { range: diagnostics[0].range, diagnostics, snippets: false }, getCatalog(), settings, rethrow);
  const fix = actions.find(a => a.title === 'Change to "s3:GetObject"');
  assert.ok(fix, actions.map(a => a.title).join(', '));
  const fixed = apply(text, fix.edit!.changes!['file:///work/main.tf'][0]);
  assert.match(fixed, /actions {3}= \["s3:GetObject"\]/);
  assert.deepEqual(
    diagnosticsOf(await served('main.tf', fixed), getCatalog(), settings, rethrow).map(d => d.code),
    ['IAM407'],
    'the typo is gone (s3:GetObject on "*" remains: IAM407, it only reads)',
  );
});

test('a value an intrinsic builds from literals is checked, and its fix writes the fixed literal in its place', async () => {
  const text = CFN_YAML("!Join [':', [s3, GetObjetc]]");
  const template = await served('t.yaml', text);
  const diagnostics = diagnosticsOf(template, getCatalog(), settings, rethrow);
  assert.deepEqual(
    diagnostics.map(d => d.code),
    ['IAM102'],
  );
  const fix = codeActionsOf(template, { range: diagnostics[0].range, diagnostics, snippets: false }, getCatalog(), settings, rethrow).find(
    a => a.title === 'Change to "s3:GetObject"',
  );
  const fixed = apply(text, fix!.edit!.changes!['file:///work/t.yaml'][0]);
  assert.match(fixed, /^ {12}Action: s3:GetObject$/m);
});

test('a value known only at deploy time gets no finding, and a statement of unknowns none at all', async () => {
  const text = CFN_YAML("!Join [':', [!Ref Service, GetObjetc]]").replace("Resource: '*'", 'Resource: !Ref Resources');
  assert.deepEqual(diagnosticsOf(await served('t.yaml', text), getCatalog(), settings, rethrow), []);
});
