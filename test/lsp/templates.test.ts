// Policies inside templates over a real LSP connection: a CloudFormation YAML and JSON template open
// as `yaml` and `json` documents get their policies' diagnostics in place, hover, completion written
// as the template writes strings, quick-fixes that read back to the fixed policy, the status item's
// template notice, the access summary and the simulator on the policy under the cursor; any other
// YAML file gets nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import {
  ACCESS_SUMMARY_REQUEST,
  DOCUMENT_KIND_NOTIFICATION,
  SIMULATE_REQUEST,
  type DocumentKindParams,
  type SimulateResponse,
} from '../../server/src/protocol';
import { cloudFormationJsonReader, cloudFormationYamlReader } from '../../server/src/templates/cloudformation/readers';
import { templateDocument } from '../../server/src/templates/document';
import type { TemplateReader } from '../../server/src/templates/types';
import { serverOfTestFile } from '../helpers/lspClient';

const FIXTURES = join(__dirname, '..', 'fixtures', 'templates');
const YAML = readFileSync(join(FIXTURES, 'cloudformation.yaml'), 'utf8');
const JSON_TEMPLATE = readFileSync(join(FIXTURES, 'cloudformation.json'), 'utf8');
const NOT_A_TEMPLATE = readFileSync(join(FIXTURES, 'not-a-template.yaml'), 'utf8');
const SAM = readFileSync(join(FIXTURES, 'sam.yaml'), 'utf8');

const server = serverOfTestFile();

/** The position of the first occurrence of `token` in the text (plus `shift` characters). */
function positionOf(text: string, token: string, shift = 0) {
  const at = text.indexOf(token);
  assert.ok(at >= 0, token);
  return TextDocument.create('file:///x', 'yaml', 0, text).positionAt(at + shift);
}

function textAt(text: string, range: Diagnostic['range']): string {
  const doc = TextDocument.create('file:///x', 'yaml', 0, text);
  return text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
}

async function applyPreferred(uri: string, text: string, diagnostic: Diagnostic, title?: string): Promise<string> {
  const actions = ((await server().connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  })) ?? []) as CodeAction[];
  const action = actions.find(a => (title ? a.title === title : true) && a.edit?.changes?.[uri]);
  assert.ok(action, `no fix among ${actions.map(a => a.title).join(', ')}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, text), action.edit!.changes![uri]);
}

/** The codes of the policies' diagnostics after the template is read again, as the checker would. */
function codesAfter(reader: TemplateReader, text: string): string[] {
  const read = reader.read('file:///again', text)!;
  assert.deepEqual(read.problems, [], 'the fixed template parses');
  return templateDocument('file:///again', 'yaml', text, read).policies.flatMap(p => p.doc.statements.flatMap(s => s.action?.items.map(i => i.value) ?? []));
}

test('a CloudFormation YAML template: the misspelled action is underlined in place, and only it', async () => {
  const uri = 'file:///work/stack/template.yaml';
  const kind = new Promise<DocumentKindParams>(resolve =>
    server().connection.onNotification(DOCUMENT_KIND_NOTIFICATION, (p: DocumentKindParams) => {
      if (p.uri === uri) resolve(p);
    }),
  );
  const diagnostics = await server().open(uri, YAML, 'yaml');
  assert.deepEqual(
    diagnostics.map(d => d.code),
    ['IAM102'],
  );
  assert.equal(textAt(YAML, diagnostics[0].range), 's3:GetObjetc');
  assert.deepEqual((await kind).template, { format: 'cloudformation-yaml', policies: 2 });
});

test('YAML: the quick-fix writes the action as a plain scalar, and the template reads back without the typo', async () => {
  const uri = 'file:///work/stack/fix.yaml';
  const [diagnostic] = await server().open(uri, YAML, 'yaml');
  const fixed = await applyPreferred(uri, YAML, diagnostic, 'Change to "s3:GetObject"');
  assert.match(fixed, /^ {18}- s3:GetObject$/m);
  assert.ok(codesAfter(cloudFormationYamlReader, fixed).includes('s3:GetObject'));
  assert.deepEqual(await server().change(uri, fixed), []);
});

test('YAML: hover on an action, and completion that replaces the scalar being typed', async () => {
  const uri = 'file:///work/stack/hover.yaml';
  await server().open(uri, YAML, 'yaml');
  const hover = await server().hover(uri, positionOf(YAML, 's3:ListBucket', 4));
  assert.match(JSON.stringify(hover?.contents), /ListBucket/);
  assert.equal(textAt(YAML, hover!.range!), 's3:ListBucket');
  const typing = YAML.replace('- s3:ListBucket', '- s3:ListBu');
  await server().change(uri, typing);
  const items = await server().completion(uri, positionOf(typing, 's3:ListBu', 'sd:ListBu'.length));
  const item = items.find(i => i.label === 's3:ListBucket');
  assert.ok(item, 'offered');
  const edit = item.textEdit as { range: Diagnostic['range']; newText: string };
  assert.equal(textAt(typing, edit.range), 's3:ListBu');
  assert.equal(edit.newText.replace(/\$0$/, ''), 's3:ListBucket');
});

test('a CloudFormation JSON template: intrinsics are no error; the fix reads back', async () => {
  const uri = 'file:///work/stack/queue.json';
  const diagnostics = await server().open(uri, JSON_TEMPLATE, 'json');
  assert.deepEqual(
    diagnostics.map(d => d.code),
    ['IAM102'],
  );
  assert.equal(textAt(JSON_TEMPLATE, diagnostics[0].range), '"sqs:SendMesage"');
  const fixed = await applyPreferred(uri, JSON_TEMPLATE, diagnostics[0], 'Change to "sqs:SendMessage"');
  assert.ok(codesAfter(cloudFormationJsonReader, fixed).includes('sqs:SendMessage'));
});

test('the access summary names each policy of the template; the simulator runs the policy under the cursor', async () => {
  const uri = 'file:///work/stack/summary.yaml';
  await server().open(uri, YAML, 'yaml');
  const summary = (await server().connection.sendRequest(ACCESS_SUMMARY_REQUEST, { uri })) as string;
  assert.match(summary, /## Role · AssumeRolePolicyDocument/);
  assert.match(summary, /## Role · Policies\[0\]\.PolicyDocument/);
  // the trust policy: the cursor is in it
  const simulated = (await server().connection.sendRequest(SIMULATE_REQUEST, {
    uri,
    position: positionOf(YAML, 'lambda.amazonaws.com'),
    request: { principal: 'lambda.amazonaws.com', action: 'sts:AssumeRole' },
  })) as SimulateResponse;
  assert.equal(simulated.decision, 'Allow');
  assert.match(textAt(YAML, simulated.statements![0].range), /^Effect: Allow\n\s+Principal:/);
});

test('a YAML file that is no template gets nothing', async () => {
  const uri = 'file:///work/.github/workflows/ci.yaml';
  assert.deepEqual(await server().open(uri, NOT_A_TEMPLATE, 'yaml'), []);
  assert.equal(await server().hover(uri, { line: 0, character: 2 }), null);
  assert.deepEqual(await server().completion(uri, { line: 6, character: 14 }), []);
});

test('a template that does not parse gets one IAM005 where the parser stopped (and what could be read is still checked)', async () => {
  const uri = 'file:///work/stack/broken.yaml';
  const broken = YAML.replace('Action: sts:AssumeRole', 'Action: [sts:AssumeRole');
  const diagnostics = await server().open(uri, broken, 'yaml');
  assert.equal(diagnostics.filter(d => d.code === 'IAM005').length, 1);
  assert.ok(diagnostics.find(d => d.code === 'IAM005')!.range.start.line >= positionOf(broken, '[sts:AssumeRole').line);
  assert.deepEqual(await server().change(uri, YAML), await server().open('file:///work/stack/again.yaml', YAML, 'yaml'));
});

test('SAM: a policy template is known by name (hover says what it grants), a managed policy name is no error', async () => {
  const uri = 'file:///work/sam/template.yaml';
  assert.deepEqual(await server().open(uri, SAM, 'yaml'), []);
  const template = await server().hover(uri, positionOf(SAM, 'S3ReadPolicy', 3));
  assert.match(JSON.stringify(template?.contents), /s3:GetObject/);
  assert.equal(textAt(SAM, template!.range!), 'S3ReadPolicy');
  const managed = await server().hover(uri, positionOf(SAM, 'AWSLambdaBasicExecutionRole', 3));
  assert.match(JSON.stringify(managed?.contents), /managed policy/);
  const inline = await server().hover(uri, positionOf(SAM, 'sqs:SendMessage', 5));
  assert.match(JSON.stringify(inline?.contents), /SendMessage/);
});

test('source.fixAll on a template: the safe fixes of every policy in one edit, read back by the reader of the template', async () => {
  const uri = 'file:///work/stack/fixall.yaml';
  const cased = YAML.replace('- s3:ListBucket', '- S3:listbucket').replace('Action: sts:AssumeRole', 'Action: STS:assumerole');
  await server().open(uri, cased, 'yaml');
  const actions = ((await server().connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  })) ?? []) as CodeAction[];
  assert.equal(actions.length, 1);
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, cased), actions[0].edit!.changes![uri]);
  assert.equal(fixed, YAML.replace('Action: sts:AssumeRole', 'Action: sts:AssumeRole'));
  assert.deepEqual(cloudFormationYamlReader.read(uri, fixed)!.problems, []);
});
