// Benchmarks of policies inside templates: a CloudFormation YAML template of over 3,000 lines with
// over 40 policies, opened, edited inside one policy, completed in; a Terraform module folder; the
// checker over ../shared/corpus-iac.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer } from '../test/helpers/lspClient';
import { timeEach, type Measurement } from './stats';

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

export async function templateBench(): Promise<Measurement[]> {
  const text = largeTemplate();
  const lines = text.split('\n').length;
  const server = await startServer();
  const opened = await timeEach(5, async i => {
    const uri = `file:///bench/open-${i}/template.yaml`;
    await server.open(uri, text, 'yaml');
    await server.close(uri);
  });
  const uri = 'file:///bench/template.yaml';
  await server.open(uri, text, 'yaml');
  // an edit inside one policy: a Sid in the middle of the template grows and shrinks
  const at = text.indexOf('Sid: Statement2', text.length / 2);
  const edits = await timeEach(40, i =>
    server.change(uri, text.slice(0, at) + `Sid: Statement2${'x'.repeat(i % 3)}` + text.slice(at + 'Sid: Statement2'.length)),
  );
  await server.change(uri, text);
  const actionAt = text.indexOf('- s3:GetObject', text.length / 2) + '- s3:Get'.length;
  const position = TextDocument.create(uri, 'yaml', 0, text).positionAt(actionAt);
  for (let i = 0; i < 20; i++) await server.completion(uri, position);
  const completion = await timeEach(200, () => server.completion(uri, position));
  const hover = await timeEach(200, () => server.hover(uri, position));
  await server.stop();
  const label = `CloudFormation YAML template (${lines} lines, ${text.split('PolicyDocument').length - 1} policies)`;
  return [
    { id: 'template-diagnostics-on-open', label: `diagnostics after open, ${label}`, samples: opened },
    { id: 'template-diagnostics-after-edit', label: `diagnostics after an edit inside one policy, ${label}`, samples: edits },
    { id: 'template-completion', label: `completion, ${label}`, samples: completion },
    { id: 'template-hover', label: `hover, ${label}`, samples: hover },
  ];
}
