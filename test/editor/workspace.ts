// The folder the editor opens: a copy of examples/ plus the files the scenarios type into, committed
// to a git repository of its own, then SINCE_HEAD_POLICY changed in the working tree ("Compare with
// HEAD"). A `|` in a file's text marks where its scenario puts the cursor; it is not written.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEED_POLICY = 'examples/seed-policy.iam.json';

const SCENARIO_FILES: Readonly<Record<string, string>> = {
  'completion.iam.json': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        |
      ],
      "Resource": "arn:aws:s3:::example-bucket/*"
    }
  ]
}
`,
  'hover.iam.json': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:Get|Object"],
      "Resource": "arn:aws:s3:::example-bucket/*"
    }
  ]
}
`,
  'unknown-action.iam.json': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObjekt"],
      "Resource": "arn:aws:s3:::example-bucket/*"
    }
  ]
}
`,
  'wildcard-resource.iam.json': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject"],
      "Resource": "|*"
    }
  ]
}
`,
  // Templates (issue 17): a misspelled action in a role's inline policy, and in a Terraform
  // policy document. code-server has no Terraform extension: main.tf opens as plain text.
  'template.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Description: A bucket and a role that reads it
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  ReadRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: lambda.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: read
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action:
                  - s3:Get|Objetc
                Resource: !Sub 'arn:\${AWS::Partition}:s3:::\${Bucket}/*'
`,
  'main.tf': `resource "aws_s3_bucket" "data" {
  bucket_prefix = "data-"
}

data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:Get|Objetc"]
    resources = ["\${aws_s3_bucket.data.arn}/*"]
  }
}

resource "aws_iam_policy" "read" {
  name   = "read"
  policy = data.aws_iam_policy_document.read.json
}
`,
  // Not a policy, and not named like one: the extension must leave it alone.
  'settings-like.json': `{ "name": "x", "version": "1.0.0", "private": true }
`,
};

/** A policy whose working-tree text grants more than its committed one. */
export const SINCE_HEAD_POLICY = 'since-head.iam.json';
const SINCE_HEAD_COMMITTED = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example-bucket/*" }
  ]
}
`;
const SINCE_HEAD_CHANGED = SINCE_HEAD_COMMITTED.replace('"s3:GetObject"', '["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]');

function git(folder: string, ...args: string[]): void {
  const run = spawnSync('git', ['-c', 'user.email=editor-tests@example.com', '-c', 'user.name=editor tests', ...args], { cwd: folder, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr || run.error}`);
}

export interface Cursor {
  line: number;
  column: number;
}

/** The 1-based position of the `|` in a scenario file. */
export function cursorOf(file: string): Cursor {
  const text = SCENARIO_FILES[file];
  const offset = text?.indexOf('|') ?? -1;
  if (text === undefined || offset < 0) throw new Error(`${file} has no cursor mark`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** A scenario file's text as written to the workspace (without its cursor mark). */
export function scenarioText(file: string): string {
  const text = SCENARIO_FILES[file];
  if (text === undefined) throw new Error(`${file} is no scenario file`);
  return text.replace('|', '');
}

/** Writes the workspace into `folder` (which it creates). */
export function createWorkspace(folder: string, examplesDir: string): void {
  mkdirSync(folder, { recursive: true });
  cpSync(examplesDir, join(folder, 'examples'), { recursive: true });
  for (const name of Object.keys(SCENARIO_FILES)) {
    writeFileSync(join(folder, name), scenarioText(name));
  }
  writeFileSync(join(folder, SINCE_HEAD_POLICY), SINCE_HEAD_COMMITTED);
  git(folder, 'init', '-q');
  git(folder, 'add', '.');
  git(folder, 'commit', '-q', '-m', "the scenarios' files");
  writeFileSync(join(folder, SINCE_HEAD_POLICY), SINCE_HEAD_CHANGED);
}
