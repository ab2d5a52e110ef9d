// Benchmarks of policies inside templates, measured from the client's side of a real stdio
// connection: a CloudFormation YAML template of over 3,000 lines with over 40 policies, and a
// Terraform module folder (every file of terraform-aws-modules/terraform-aws-eks in
// ../shared/corpus-iac), each opened, edited inside one policy, completed and hovered in; and the
// checker over ../shared/corpus-iac. Beside the latencies, the server's CPU time per edit, which other
// work on a shared machine does not inflate as it inflates the wall time (templateCpu.ts: per call).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CLI_PATH } from '../test/helpers/cliRunner';
import { CORPUS_IAC_DIR } from '../test/helpers/corpus';
import { startServer, type TestServer } from '../test/helpers/lspClient';
import { cpuMs } from '../test/helpers/processStats';
import { timedRun } from './cli';
import { median, timeEach, type Measurement } from './stats';

const EDITS = 100;
const REQUESTS = 200;
const OPEN_ROUNDS = 5;
const CLI_RUNS = 5;
/** /proc counts CPU time in 10 ms ticks: the CPU time of one edit or request is the mean over a block of them. */
const CPU_BLOCKS = 5;

const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'sqs:SendMessage',
  'sns:Publish',
  'logs:CreateLogStream',
  'logs:PutLogEvents',
  'kms:Decrypt',
  'ssm:GetParameter',
];

/** A role with an inline policy of a few statements, in CloudFormation YAML (about 60 lines). */
function roleYaml(i: number): string {
  const statements = [0, 1, 2, 3]
    .map(
      j => `              - Sid: Statement${j}
                Effect: Allow
                Action:
                  - ${ACTIONS[(i + j) % ACTIONS.length]}
                  - ${ACTIONS[(i + j + 3) % ACTIONS.length]}
                Resource:
                  - !Sub 'arn:\${AWS::Partition}:s3:::\${Bucket${i}}/*'
                  - !GetAtt Queue${i}.Arn
                Condition:
                  StringEquals:
                    aws:RequestedRegion: !Ref AWS::Region`,
    )
    .join('\n');
  return `  Role${i}:
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
        - PolicyName: inline-${i}
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
${statements}
`;
}

/** The benchmark's template: `roles` roles, two policies each. */
export function largeTemplate(roles = 60): string {
  return `AWSTemplateFormatVersion: '2010-09-09'\nDescription: benchmark template\nResources:\n${Array.from({ length: roles }, (_, i) => roleYaml(i)).join('')}`;
}

interface Timed {
  /** each run's wall time, as the client sees it */
  wall: number[];
  /** the server's CPU time per run, one sample per block */
  cpu: number[];
}

/** `run`, `times` times, in blocks; the server's CPU time over each block gives its CPU time per run. */
async function timedWithServerCpu(server: TestServer, times: number, run: (i: number) => unknown, blocks = CPU_BLOCKS): Promise<Timed> {
  const timed: Timed = { wall: [], cpu: [] };
  const perBlock = times / blocks;
  for (let block = 0; block < blocks; block++) {
    const before = cpuMs(server.process.pid!);
    timed.wall.push(...(await timeEach(perBlock, i => run(block * perBlock + i))));
    timed.cpu.push((cpuMs(server.process.pid!) - before) / perBlock);
  }
  return timed;
}

/** A template the benchmark opens, and where in it the benchmark edits and completes. */
export interface BenchDocument {
  uri: string;
  text: string;
  languageId: string;
  /** a token inside one policy that the edits grow and shrink */
  edited: { at: number; token: string };
  /** an offset inside an action where completion and hover are asked */
  actionAt: number;
  /** what it is, for the table */
  label: string;
}

/** The offset of `token` in `text` (from `from` on): a benchmark must not measure the wrong place silently. */
function offsetOf(text: string, token: string, from = 0): number {
  const at = text.indexOf(token, from);
  if (at < 0) throw new Error(`the benchmark's text has no ${token}`);
  return at;
}

/** The CloudFormation template, edited at a Sid in its middle. */
export function cloudFormationDocument(): BenchDocument {
  const text = largeTemplate();
  return {
    uri: 'file:///bench/template.yaml',
    text,
    languageId: 'yaml',
    edited: { at: offsetOf(text, 'Sid: Statement2', text.length / 2), token: 'Sid: Statement2' },
    actionAt: offsetOf(text, '- s3:GetObject', text.length / 2) + '- s3:Get'.length,
    label: `CloudFormation YAML template (${text.split('\n').length} lines, ${text.split('PolicyDocument').length - 1} policies)`,
  };
}

const EKS_MODULE = 'terraform-aws-modules__terraform-aws-eks__';

/** The files of terraform-aws-eks in the corpus, at their path in the module's repository. */
function eksModule(): Array<{ path: string; text: string }> {
  const folder = join(CORPUS_IAC_DIR, 'terraform');
  return readdirSync(folder)
    .filter(name => name.startsWith(EKS_MODULE))
    .sort()
    .map(name => ({
      path: name.slice(EKS_MODULE.length).replace(/__/g, '/'),
      text: readFileSync(join(folder, name), 'utf8'),
    }));
}

const eksUri = (round: string, path: string) => `file:///bench/terraform-aws-eks/${round}/${path}`;

/**
 * The module's main.tf: edited at the sid of the cluster role's trust policy (an aws_iam_policy_document),
 * completed in the encryption policy's actions (a jsonencode).
 */
export function terraformDocument(): BenchDocument {
  const { text } = eksModule().find(file => file.path === 'main.tf')!;
  return {
    uri: eksUri('edited', 'main.tf'),
    text,
    languageId: 'terraform',
    edited: { at: offsetOf(text, 'sid = "EKSClusterAssumeRole"'), token: 'sid = "EKSClusterAssumeRole' },
    actionAt: offsetOf(text, '"kms:Decrypt"') + '"kms:De'.length,
    label: `terraform-aws-eks main.tf (${text.split('\n').length} lines)`,
  };
}

/** The document's text after edit number `i`: the edited token grows by 0 to 2 characters. */
export function editedText({ text, edited }: BenchDocument, i: number): string {
  return text.slice(0, edited.at) + edited.token + 'x'.repeat(i % 3) + text.slice(edited.at + edited.token.length);
}

/** The rows of one document: an edit inside one policy, completion and hover, each with the server's CPU time. */
async function inDocument(server: TestServer, doc: BenchDocument, id: string): Promise<Measurement[]> {
  const { uri, text, label } = doc;
  await server.open(uri, text, doc.languageId);
  const edits = await timedWithServerCpu(server, EDITS, i => server.change(uri, editedText(doc, i)));
  await server.change(uri, text);
  const position = TextDocument.create(uri, doc.languageId, 0, text).positionAt(doc.actionAt);
  for (let i = 0; i < 20; i++) await server.completion(uri, position); // warm-up
  if ((await server.completion(uri, position)).length === 0) throw new Error(`no completion in ${label}`);
  const completion = await timeEach(REQUESTS, () => server.completion(uri, position));
  const hover = await timeEach(REQUESTS, () => server.hover(uri, position));
  await server.close(uri);
  return [
    { id: `${id}-diagnostics-after-edit`, label: `diagnostics after an edit inside one policy, ${label}`, samples: edits.wall },
    { id: `${id}-diagnostics-after-edit-cpu`, label: '  the same, server CPU time per edit (mean of a block)', samples: edits.cpu },
    { id: `${id}-completion`, label: `completion, ${label}`, samples: completion },
    { id: `${id}-hover`, label: `hover, ${label}`, samples: hover },
  ];
}

async function cloudFormationBench(): Promise<Measurement[]> {
  const doc = cloudFormationDocument();
  const server = await startServer();
  const opened = await timedWithServerCpu(
    server,
    OPEN_ROUNDS,
    async i => {
      const uri = `file:///bench/open-${i}/template.yaml`;
      await server.open(uri, doc.text, 'yaml');
      await server.close(uri);
    },
    OPEN_ROUNDS,
  );
  const rows = await inDocument(server, doc, 'template');
  await server.stop();
  return [
    { id: 'template-diagnostics-on-open', label: `diagnostics after open, ${doc.label}`, samples: opened.wall },
    { id: 'template-diagnostics-on-open-cpu', label: '  the same, server CPU time', samples: opened.cpu },
    ...rows,
  ];
}

async function terraformBench(): Promise<Measurement[]> {
  const files = eksModule();
  const lines = files.reduce((sum, file) => sum + file.text.split('\n').length, 0);
  const folderLabel = `terraform-aws-eks (${files.length} .tf files, ${lines} lines)`;
  const doc = terraformDocument();
  const server = await startServer();
  // the first Terraform file a server sees loads the HCL parser
  const firstOpen = await timeEach(1, () => server.open(eksUri('first', 'main.tf'), doc.text, 'terraform'));
  await server.close(eksUri('first', 'main.tf'));
  const opened: number[] = [];
  const folderCpu: number[] = [];
  for (let round = 0; round < OPEN_ROUNDS; round++) {
    const before = cpuMs(server.process.pid!);
    for (const file of files) {
      opened.push(...(await timeEach(1, () => server.open(eksUri(`open-${round}`, file.path), file.text, 'terraform'))));
      await server.close(eksUri(`open-${round}`, file.path));
    }
    folderCpu.push(cpuMs(server.process.pid!) - before);
  }
  const rows = await inDocument(server, doc, 'terraform');
  await server.stop();
  return [
    { id: 'terraform-first-open', label: `diagnostics after open of the first .tf file (loads the HCL parser), ${doc.label}`, samples: firstOpen },
    { id: 'terraform-diagnostics-on-open', label: `diagnostics after open, each file of ${folderLabel}`, samples: opened },
    { id: 'terraform-folder-cpu', label: '  the same, server CPU time to open the whole folder', samples: folderCpu },
    ...rows,
  ];
}

/** The checker over the whole IaC corpus, in files per second of wall time and of its CPU time. */
function templateCheckerBench(): Measurement[] {
  const runs = Array.from({ length: CLI_RUNS }, () => timedRun([CLI_PATH, CORPUS_IAC_DIR]));
  // "... in 3 policy files and 256 templates (748 policies)."
  const summary = runs[0].stdout.trim().split('\n').pop() ?? '';
  const files = [...summary.matchAll(/(\d+) (?:policy files?|templates?)\b/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  if (files === 0) throw new Error(`no file count in the checker's summary: ${summary}`);
  const what = /in (.*)\.$/.exec(summary)?.[1] ?? `${files} files`;
  return [
    {
      id: 'cli-templates',
      label: `CLI over ../shared/corpus-iac (${what}; ${median(runs.map(run => run.ms)).toFixed(0)} ms)`,
      samples: runs.map(run => files / (run.ms / 1000)),
    },
    {
      id: 'cli-templates-cpu',
      label: `  the same, per second of its CPU time (${median(runs.map(run => run.cpuMs)).toFixed(0)} ms)`,
      samples: runs.map(run => files / (run.cpuMs / 1000)),
    },
  ];
}

export async function templateBench(): Promise<Measurement[]> {
  return [...(await cloudFormationBench()), ...(await terraformBench()), ...templateCheckerBench()];
}
