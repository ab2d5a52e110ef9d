// Reading a changed template again: after an edit inside one resource, only that resource is read,
// and the reading equals a reading of the whole new text (policies, their trees and spans).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { largeTemplate } from '../../bench/templates';
import { cloudFormationYamlReader } from '../../server/src/templates/cloudformation/readers';
import { changedRegion } from '../../server/src/templates/incremental';
import { readYamlChange } from '../../server/src/templates/cloudformation/incremental';
import { CORPUS_IAC_DIR } from '../helpers/corpus';

const CORPUS_YAML = join(CORPUS_IAC_DIR, 'cloudformation-yaml');
const URI = 'file:///work/template.yaml';

function whole(text: string) {
  return cloudFormationYamlReader.read(URI, text)!;
}

/** A small generator of numbers, the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const EDITS = ['x', '', 's3:GetObject', '\n                  - s3:PutObject', ' ', "'", ': ', '\n  NewResource:\n    Type: AWS::S3::Bucket\n'];

test('changedRegion: the one region two texts differ in', () => {
  assert.deepEqual(changedRegion('abcdef', 'abXYef'), { start: 2, oldEnd: 4, newEnd: 4 });
  assert.deepEqual(changedRegion('abc', 'abc'), { start: 3, oldEnd: 3, newEnd: 3 });
  assert.deepEqual(changedRegion('aaa', 'aaaa'), { start: 3, oldEnd: 3, newEnd: 4 });
});

test('an edit inside a resource is read from that resource alone, equal to reading the whole text', () => {
  const text = largeTemplate(12);
  const previous = { text, read: whole(text) };
  const at = text.indexOf('- s3:GetObject', text.length / 2) + 4;
  const edited = text.slice(0, at) + 'X' + text.slice(at);
  const partial = cloudFormationYamlReader.readChange!(URI, edited, previous);
  assert.ok(partial, 'read incrementally');
  assert.deepEqual(partial, whole(edited));
});

test('an edit that adds a resource, or one in a broken template, is read whole (readChange declines)', () => {
  const text = largeTemplate(3);
  const previous = { text, read: whole(text) };
  const at = text.indexOf('  Role1:');
  assert.equal(cloudFormationYamlReader.readChange!(URI, text.slice(0, at) + '  Extra:\n    Type: AWS::S3::Bucket\n' + text.slice(at), previous), undefined);
  const broken = text.replace('Action: sts:AssumeRole', 'Action: [sts:AssumeRole');
  const brokenPrevious = { text: broken, read: whole(broken) };
  assert.equal(cloudFormationYamlReader.readChange!(URI, broken.replace('Sid: Statement0', 'Sid: Statement9'), brokenPrevious), undefined);
});

test('random edits of real templates: the incremental reading, when there is one, equals the whole reading', () => {
  const random = seeded(7);
  let incremental = 0;
  for (const name of readdirSync(CORPUS_YAML).sort()) {
    const text = readFileSync(join(CORPUS_YAML, name), 'utf8');
    const read = whole(text);
    if (read.problems.length) continue;
    for (let i = 0; i < 6; i++) {
      const at = Math.floor(random() * text.length);
      const length = Math.floor(random() * 4);
      const edited = text.slice(0, at) + EDITS[Math.floor(random() * EDITS.length)] + text.slice(at + length);
      const partial = cloudFormationYamlReader.readChange!(URI, edited, { text, read });
      if (!partial) continue;
      incremental++;
      assert.deepEqual(partial, whole(edited), `${name}: edit at ${at}`);
    }
  }
  assert.ok(incremental > 100, `only ${incremental} edits were read incrementally`);
});

test('readYamlChange: which resource an edit is in, what is read again, and when the whole text is', () => {
  const text = `AWSTemplateFormatVersion: "2010-09-09"
Resources: # the resources
  # a comment between resources

  First:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: "*"
  Second:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: sqs:SendMessage
            Resource: "*"
Outputs:
  X:
    Value: 1
`;
  const previous = { text, read: whole(text) };
  const partsRead: string[] = [];
  const change = (edited: string) =>
    readYamlChange(previous, edited, part => {
      partsRead.push(part);
      return whole(part);
    });
  const edit = (from: string, to: string) => text.replace(from, to);
  // an edit inside the second resource: that resource alone is read, and the reading is the whole one
  const edited = edit('sqs:SendMessage', 'sqs:SendMessages');
  assert.deepEqual(change(edited), whole(edited));
  assert.deepEqual(partsRead, [`Resources:\n${edited.slice(edited.indexOf('  Second:'), edited.indexOf('Outputs:'))}`]);
  // inside the first one, at the end of its last line
  const first = edit('Resource: "*"\n  Second', 'Resource: "arn:aws:s3:::b/*"\n  Second');
  assert.deepEqual(change(first), whole(first));
  assert.equal(partsRead.length, 2);
  assert.equal(change(text), previous.read, 'no change: the last reading');
  // declined: the resource's name line, a new resource, a line out of the resource, outside the resources, a broken resource
  for (const declined of [
    edit('  Second:', '  Third:'),
    edit('            Resource: "*"\nOutputs', '            Resource: "*"\n  Third:\n    Type: AWS::SQS::Queue\nOutputs'),
    edit('    Value: 1', '    Value: 2'),
    edit('AWSTemplateFormatVersion: "2010-09-09"', 'AWSTemplateFormatVersion: "2010-09-10"'),
    edit('sqs:SendMessage', '[sqs:SendMessage'),
    edit('            Action: sqs:SendMessage', 'Action: sqs:SendMessage'),
  ]) {
    assert.equal(change(declined), undefined, declined);
  }
  assert.equal(partsRead.length, 3, 'only the broken resource was read');
  // a template the last reading found broken is read whole
  const broken = { text: `${text}  bad: [`, read: whole(`${text}  bad: [`) };
  assert.ok(broken.read.problems.length > 0);
  assert.equal(
    readYamlChange(broken, broken.text.replace('s3:GetObject', 's3:PutObject'), () => assert.fail('not read in part')),
    undefined,
  );
  // no resources section, or one whose resources are not indented, or indented with tabs: read whole
  for (const layout of [
    'Other: 1\n',
    'Resources:\n',
    'Resources:\nFirst: 1\n',
    'Resources:\n\tFirst:\n\t\tType: x\n',
    'Resources:\n    A:\n      Type: x\n  B:\n    Type: x\n',
  ]) {
    assert.equal(
      readYamlChange({ text: layout, read: { ...previous.read, problems: [] } }, `${layout}#`, () => assert.fail('not read in part')),
      undefined,
      layout,
    );
  }
});

test('an edit read incrementally moves the named policies, JSON text runs and problems after it as a whole reading places them', () => {
  const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  First:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - AmazonS3ReadOnlyAccess
        - Statement:
            - Effect: Allow
              Action: s3:GetObject
              Resource: "*"
  Second:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - AWSLambdaBasicExecutionRole
        - S3ReadPolicy:
            BucketName: b
  Third:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: !Sub |
        {"Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "\${Queue}"}]}
`;
  const previous = { text, read: whole(text) };
  assert.equal(previous.read.namedPolicies.length, 3);
  for (const [from, to] of [
    ['s3:GetObject', 's3:GetObjectVersion'],
    ['s3:GetObject', 's3:Get'],
    ['AWSLambdaBasicExecutionRole', 'AWSLambdaBasicExecutionRoleX'],
  ]) {
    const edited = text.replace(from, to);
    const partial = cloudFormationYamlReader.readChange!(URI, edited, previous);
    assert.ok(partial, `${from} -> ${to}: read incrementally`);
    assert.deepEqual(partial, whole(edited), `${from} -> ${to}`);
  }
});
