import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { hoverAt, policy } from '../helpers/hover';

const catalog = getCatalog();

test('action hover: service, access level, description, resource types, condition keys, link', () => {
  const hover = hoverAt(policy('"Effect": "Allow", "Action": "iam:Pass|Role", "Resource": "*"'))!;
  const action = catalog.action('iam', 'PassRole')!;
  assert.equal(hover.token, 'iam:PassRole');
  assert.match(hover.firstLine, /`iam:PassRole` · \*\*Write\*\* · AWS Identity and Access Management/);
  assert.ok(hover.markdown.includes(action.description));
  assert.match(hover.markdown, /- `role`\\\* — `arn:\$\{Partition\}:iam::\$\{Account\}:role/);
  assert.match(hover.markdown, /\*\*Condition keys:\*\* `iam:AssociatedResourceArn`, `iam:PassedToService`/);
  assert.ok(hover.markdown.includes(`](${catalog.service('iam')!.docUrl})`));
});

test('action hover: an action without resource-level permissions says Resource "*" only', () => {
  const hover = hoverAt(policy('"Effect": "Allow", "Action": "s3:ListAllMy|Buckets", "Resource": "*"'))!;
  assert.match(hover.markdown, /\*\*Resource:\*\* `\*` only/);
});

test('action hover: case-insensitive like IAM, and an unknown action of a known service says so', () => {
  assert.equal(hoverAt(policy('"Effect": "Allow", "Action": "S3:getobj|ect", "Resource": "*"'))!.token, 'S3:getobject');
  const unknown = hoverAt(policy('"Effect": "Allow", "Action": "s3:GetObj|ekt", "Resource": "*"'))!;
  assert.match(unknown.firstLine, /has no action of this name/);
  assert.equal(hoverAt(policy('"Effect": "Allow", "Action": "nosuchservice:Get|Thing", "Resource": "*"')), null);
});

test('wildcard hover: the count and the split by access level match the catalog', () => {
  const hover = hoverAt(policy('"Effect": "Allow", "Action": ["s3:GetObject", "s3:Get|*"], "Resource": "*"'))!;
  const matched = catalog.matchActions('s3:Get*');
  assert.equal(hover.token, 's3:Get*');
  assert.ok(hover.firstLine.includes(`matches ${matched.length} actions of Amazon S3`));
  const reads = matched.filter(a => a.accessLevel === 'Read').length;
  assert.ok(hover.markdown.includes(`Read **${reads}**`));
  assert.ok(!hover.markdown.includes('⚠'), 's3:Get* is read-only: no warning line');
  assert.match(hover.markdown, /… and \d+ more/, 'a long list is shortened');
});

test('wildcard hover: a warning line when the pattern includes Write, Permissions management or Tagging', () => {
  const hover = hoverAt(policy('"Effect": "Allow", "Action": "s3:Pu|t*", "Resource": "*"'))!;
  const matched = catalog.matchActions('s3:Put*');
  const count = (level: string) => matched.filter(a => a.accessLevel === level).length;
  const warning = hover.markdown.split('\n').find(line => line.startsWith('⚠'))!;
  assert.equal(warning, `⚠ Includes ${count('Write')} Write, ${count('Permissions management')} Permissions management, ${count('Tagging')} Tagging actions.`);
});

test('wildcard hover: "*" and "service:*" are marked as full access', () => {
  const star = hoverAt(policy('"Effect": "Allow", "Action": "|*", "Resource": "*"'))!;
  assert.equal(star.token, '*');
  assert.ok(star.firstLine.includes(`every action of every service (full access): ${catalog.matchActions('*').length} actions`));
  assert.match(star.markdown, /\*\*Services:\*\* `ec2` \d+/);
  const service = hoverAt(policy('"Effect": "Allow", "Action": "ec2:|*", "Resource": "*"'))!;
  assert.ok(service.firstLine.includes(`every action of Amazon EC2 (full access): ${catalog.matchActions('ec2:*').length} actions`));
});

test('NotAction hover says the statement applies to every other action', () => {
  const hover = hoverAt(policy('"Effect": "Allow", "NotAction": "iam:|*", "Resource": "*"'))!;
  assert.match(hover.markdown, /In `NotAction`: the statement applies to every action \*except\* these/);
});

test('no hover on quotes, whitespace, commas, colons or brackets', () => {
  for (const marked of [
    policy('"Effect": "Allow", "Action": |"s3:GetObject", "Resource": "*"'), // opening quote
    policy('"Effect": "Allow", "Action": "s3:GetObject|", "Resource": "*"'), // closing quote
    policy('"Effect": "Allow", "Action":| "s3:GetObject", "Resource": "*"'), // whitespace
    policy('"Effect": "Allow", "Action"|: "s3:GetObject", "Resource": "*"'), // colon
    policy('"Effect": "Allow", "Action": "s3:GetObject"|, "Resource": "*"'), // comma
    policy('"Effect": "Allow", "Action": |["s3:GetObject"], "Resource": "*"'), // bracket
    `|{ "Statement": [] }`,
  ]) {
    assert.equal(hoverAt(marked), null, marked);
  }
});

test('action hover: the sensitive-action catalogue, with the escalation methods and their sources', () => {
  const passRole = hoverAt(policy('"Effect": "Allow", "Action": "iam:Pass|Role", "Resource": "*"'))!.markdown;
  assert.match(
    passRole,
    /\*\*Sensitive:\*\*\n- privilege escalation, with `ec2:RunInstances`: pass a role to a new EC2 instance \(\[Rhino Security Labs 3\]\(https:\/\/github\.com\/RhinoSecurityLabs\/AWS-IAM-Privilege-Escalation\), \[PMapper ec2\]\(.*ec2_edges\.py\), \[pathfinding\.cloud ec2-001\]\(https:\/\/pathfinding\.cloud\/paths\/ec2-001\)\)/,
  );
  const sendCommand = hoverAt(policy('"Effect": "Allow", "Action": "ssm:Send|Command", "Resource": "*"'))!.markdown;
  assert.match(sendCommand, /- privilege escalation, alone: run commands on instances with Systems Manager/);
  const secret = hoverAt(policy('"Effect": "Allow", "Action": "secretsmanager:GetSecret|Value", "Resource": "*"'))!.markdown;
  assert.match(secret, /- data access: it reads the data itself/);
  const token = hoverAt(policy('"Effect": "Allow", "Action": "ecr:GetAuthorization|Token", "Resource": "*"'))!.markdown;
  assert.match(token, /- credentials exposure: /);
  const plain = hoverAt(policy('"Effect": "Allow", "Action": "s3:ListAll|MyBuckets", "Resource": "*"'))!.markdown;
  assert.ok(!plain.includes('**Sensitive:**'));
});

test('wildcard hover: how many sensitive actions of each kind', () => {
  const iam = hoverAt(policy('"Effect": "Allow", "Action": "ia|m:*", "Resource": "*"'))!.markdown;
  assert.match(iam, /\*\*Sensitive:\*\* \d+ privilege escalation \(`iam:[A-Za-z]+`.*\), \d+ credentials exposure \(.*\), \d+ resource exposure/);
});
