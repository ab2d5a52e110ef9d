import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverAt, policy } from '../helpers/hover';

const trust = (principal: string) => policy(`"Effect": "Allow", "Principal": ${principal}, "Action": "sts:AssumeRole"`);

test('principal "*" says plainly that it means anyone, including anonymous users', () => {
  for (const marked of [trust('"|*"'), trust('{"AWS": "|*"}')]) {
    const hover = hoverAt(marked)!;
    assert.equal(hover.token, '*');
    assert.equal(hover.firstLine, '**Anyone** — every principal, including anonymous (unauthenticated) users, unless a condition restricts it.');
  }
});

test('account ID and root ARN delegate to the whole account', () => {
  const id = hoverAt(trust('{"AWS": "1234|56789012"}'))!;
  assert.match(id.firstLine, /^\*\*AWS account 123456789012\*\* — delegates to the whole account/);
  const root = hoverAt(trust('{"AWS": "arn:aws:iam::123456789012:ro|ot"}'))!;
  assert.equal(root.token, 'arn:aws:iam::123456789012:root');
  assert.match(root.firstLine, /not only its root user/);
});

test('role, user and session ARNs; unique IDs', () => {
  assert.match(hoverAt(trust('{"AWS": "arn:aws:iam::123456789012:role/De|ploy"}'))!.firstLine, /^\*\*IAM role\*\* `Deploy` in account 123456789012/);
  assert.match(hoverAt(trust('{"AWS": "arn:aws:iam::123456789012:user/al|ice"}'))!.firstLine, /^\*\*IAM user\*\* `alice`/);
  assert.match(hoverAt(trust('{"AWS": "arn:aws:sts::123456789012:assumed-role/Deploy/s|ession"}'))!.firstLine, /^\*\*Role session\*\* `Deploy\/session`/);
  assert.match(hoverAt(trust('{"AWS": "AROA|EXAMPLEID123"}'))!.firstLine, /^\*\*Unique ID of an IAM role\*\*/);
});

test('service principals and federated providers', () => {
  const service = hoverAt(trust('{"Service": "lambda.amazon|aws.com"}'))!;
  assert.equal(service.firstLine, '**AWS service principal** `lambda.amazonaws.com` — AWS Lambda');
  assert.match(hoverAt(trust('{"Service": "lambdaa.amazon|aws.com"}'))!.markdown, /check the spelling/);
  assert.match(hoverAt(trust('{"Federated": "cognito-identity.amazon|aws.com"}'))!.firstLine, /Amazon Cognito identity pools/);
  const saml = hoverAt(trust('{"Federated": "arn:aws:iam::123456789012:saml-provider/Ok|ta"}'))!;
  assert.match(saml.firstLine, /^\*\*SAML provider\*\* `Okta`/);
  assert.match(saml.markdown, /sts:AssumeRoleWithSAML/);
});

test('principal type keys have docs', () => {
  const hover = hoverAt(trust('{"Serv|ice": "lambda.amazonaws.com"}'))!;
  assert.equal(hover.token, 'Service');
  assert.match(hover.firstLine, /^`Service` — AWS service principals/);
});
