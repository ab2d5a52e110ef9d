// The access summary over the real protocol: code lenses and the iamPolicy/accessSummary request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeLensRequest, type CodeLens } from 'vscode-languageserver-protocol/node';
import { ACCESS_SUMMARY_REQUEST } from '../../server/src/protocol';
import { serverOfTestFile } from '../helpers/lspClient';

const server = serverOfTestFile();

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::b/*"}
  ]
}`;

test('code lenses over LSP: the policy totals and the statement line, with the summary command', async () => {
  const uri = 'file:///lsp/summary.iam.json';
  await server().open(uri, POLICY);
  const lenses: CodeLens[] | null = await server().connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  assert.deepEqual(
    lenses!.map(l => [l.range.start.line, l.command!.title]),
    [
      [0, 'Policy · Allow: s3: 1 Read, 1 Write'],
      [3, 'Allow · s3: 1 Read, 1 Write · on 1 resource'],
    ],
  );
  assert.deepEqual(lenses![1].command!.arguments, [uri]);
});

test('iamPolicy/accessSummary returns the markdown table; null for documents that are not policies', async () => {
  const uri = 'file:///lsp/summary2.iam.json';
  await server().open(uri, POLICY);
  const markdown: string | null = await server().connection.sendRequest(ACCESS_SUMMARY_REQUEST, { uri });
  assert.match(markdown!, /^# Access summary: summary2\.iam\.json/);
  assert.match(markdown!, /\| Amazon S3 \(`s3`\) \| — \| 1 of \d+ \| 1 of \d+ \| — \| — \|/);
  const other = 'file:///lsp/package.json';
  await server().open(other, '{"name": "x"}', 'json');
  assert.equal(await server().connection.sendRequest(ACCESS_SUMMARY_REQUEST, { uri: other }), null);
});
