// "Compare with HEAD" over the real protocol: the client sends the committed text (notification or
// request), the server answers with the markdown table and shows "since HEAD" code lenses over the
// statements whose grant changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeLensRequest, type CodeLens } from 'vscode-languageserver-protocol/node';
import { BASE_TEXT_NOTIFICATION, COMPARE_WITH_BASE_REQUEST, COMPARE_WITH_HEAD_COMMAND, type BaseTextParams } from '../../server/src/protocol';
import { serverOfTestFile } from '../helpers/lspClient';

const server = serverOfTestFile();

const HEAD = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}
  ]
}`;
const NOW = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
    {"Sid": "Write", "Effect": "Allow", "Action": ["s3:PutObject", "s3:DeleteObject"], "Resource": "*"}
  ]
}`;

const diffLenses = async (uri: string) => {
  const lenses: CodeLens[] | null = await server().connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  return lenses!.filter(l => l.command!.command === COMPARE_WITH_HEAD_COMMAND).map(l => [l.range.start.line, l.command!.title]);
};

test('no base text: no "since HEAD" lenses; a base text sent: lenses over the policy and the statement that adds access', async () => {
  const uri = 'file:///lsp/compare/app-policy.json';
  await server().open(uri, NOW);
  assert.deepEqual(await diffLenses(uri), []);
  const params: BaseTextParams = { uri, ref: 'HEAD', text: HEAD };
  await server().connection.sendNotification(BASE_TEXT_NOTIFICATION, params);
  assert.deepEqual(await diffLenses(uri), [
    [0, 'Since HEAD: adds 2 Write'],
    [4, 'Since HEAD: adds 2 Write'],
  ]);
  // the same text as HEAD: nothing to say
  await server().change(uri, HEAD);
  assert.deepEqual(await diffLenses(uri), []);
});

test('a file not in HEAD (null): everything it grants is added', async () => {
  const uri = 'file:///lsp/compare/new-policy.json';
  await server().open(uri, NOW);
  await server().connection.sendNotification(BASE_TEXT_NOTIFICATION, { uri, ref: 'HEAD', text: null });
  assert.deepEqual((await diffLenses(uri))[0], [0, 'Since HEAD: adds 1 Read, 2 Write']);
});

test('iamPolicy/compareWithBase: the markdown table, and the base text is kept for the lenses; null for a document that is not a policy', async () => {
  const uri = 'file:///lsp/compare/narrowed-policy.json';
  await server().open(uri, HEAD);
  const markdown: string | null = await server().connection.sendRequest(COMPARE_WITH_BASE_REQUEST, { uri, ref: 'HEAD', text: NOW });
  assert.match(markdown!, /^## Access changes since HEAD$/m);
  assert.match(markdown!, /\*\*Access removed\*\*/);
  assert.match(markdown!, /old statement 2 \(Sid `Write`, line 5\) no longer allows 2 Write actions/);
  assert.deepEqual(await diffLenses(uri), [[0, 'Since HEAD: removes 2 Write']]);
  const other = 'file:///lsp/compare/package.json';
  await server().open(other, '{"name": "x"}', 'json');
  assert.equal(await server().connection.sendRequest(COMPARE_WITH_BASE_REQUEST, { uri: other, ref: 'HEAD', text: '{}' }), null);
});

test('a template: the view says the command line compares its policies, and no "since HEAD" lens is made up', async () => {
  const uri = 'file:///lsp/compare/stack.yaml';
  const template = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Resources:',
    '  Role:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    '      AssumeRolePolicyDocument:',
    "        Version: '2012-10-17'",
    '        Statement:',
    '          - { Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }',
    '',
  ].join('\n');
  await server().open(uri, template, 'yaml');
  const markdown: string | null = await server().connection.sendRequest(COMPARE_WITH_BASE_REQUEST, { uri, ref: 'HEAD', text: '' });
  assert.match(markdown!, /iam-policy-lint diff --base HEAD <template>/);
  assert.deepEqual(await diffLenses(uri), []);
});
