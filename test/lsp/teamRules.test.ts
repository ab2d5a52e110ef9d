// A team's rules over the real protocol: the editor's iamPolicy.requiredConditions, sensitiveActions
// and sensitiveResources settings bring IAM650-IAM652, as the settings file does for the checker
// (cli.test.ts); the IAM650 fix is offered with them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol';
import { serverOfTestFile } from '../helpers/lspClient';

const server = serverOfTestFile();

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app"},
    {"Effect": "Allow", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::payroll"}
  ]
}`;

test("IAM650-IAM652 appear with the team's settings, and the required condition is one fix away", async () => {
  const uri = 'file:///lsp/team.iam.json';
  const opened = await server().open(uri, POLICY);
  assert.deepEqual(
    opened.filter(d => /^IAM65/.test(String(d.code))),
    [],
  );
  const diagnostics = await server().setSettings(
    {
      requiredConditions: [{ actions: 'iam:PassRole', allOf: [{ key: 'iam:PassedToService', values: ['ecs-tasks.amazonaws.com'] }] }],
      sensitiveActions: ['s3:DeleteBucket'],
      sensitiveResources: ['arn:aws:s3:::payroll'],
    },
    uri,
  );
  const team = diagnostics.filter(d => /^IAM65/.test(String(d.code)));
  assert.deepEqual(
    team.map(d => [d.code, d.range.start.line]),
    [
      ['IAM650', 3],
      ['IAM651', 4],
      ['IAM652', 4],
    ],
  );
  const required = team[0];
  const actions = (await server().connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: required.range,
    context: { diagnostics: [required] },
  })) as CodeAction[];
  const fix = actions.find(a => a.isPreferred)!;
  assert.match(fix.title, /iam:PassedToService/);
  assert.match(fix.edit!.changes![uri][0].newText, /"iam:PassedToService": "ecs-tasks\.amazonaws\.com"/);
});
