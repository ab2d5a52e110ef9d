import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ELEMENT_DOCS } from '../../server/src/features/hover/elementDocs';
import { hoverAt, policy } from '../helpers/hover';

test('every element name has docs with a link to its IAM User Guide page', () => {
  for (const name of ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']) {
    const marked = policy(`"${name.slice(0, 1)}|${name.slice(1)}": "x"`);
    const hover = hoverAt(marked)!;
    assert.equal(hover.token, name);
    assert.equal(hover.firstLine, `\`${name}\` — ${ELEMENT_DOCS[name].summary}`);
    assert.ok(hover.markdown.includes(`[IAM User Guide: ${name}](https://docs.aws.amazon.com/IAM/latest/UserGuide/`));
  }
  for (const name of ['Version', 'Id', 'Statement']) {
    const hover = hoverAt(`{ "${name.slice(0, 1)}|${name.slice(1)}": "x" }`)!;
    assert.equal(hover.firstLine, `\`${name}\` — ${ELEMENT_DOCS[name].summary}`);
  }
});

test('element docs include the traps', () => {
  assert.match(
    hoverAt(policy('"Effect": "Allow", "NotA|ction": "iam:*", "Resource": "*"'))!.markdown,
    /⚠ With `"Effect": "Allow"` it grants every other action of every service/,
  );
  assert.match(hoverAt(policy('"Effect": "Allow", "Action": "s3:*", "NotRes|ource": "arn:aws:s3:::b"'))!.markdown, /⚠ With `"Effect": "Allow"`/);
  assert.match(hoverAt(`{ "Ver|sion": "2008-10-17" }`)!.markdown, /policy variables .* are matched as literal text/);
});

test('values of Effect and Version are explained; other element names and unknown keys get nothing', () => {
  assert.match(hoverAt(policy('"Effect": "De|ny", "Action": "s3:*", "Resource": "*"'))!.firstLine, /^`Deny` — an explicit deny/);
  assert.match(hoverAt(`{ "Version": "2008-10|-17" }`)!.firstLine, /^`2008-10-17` — the earlier policy language/);
  assert.equal(hoverAt(policy('"Effect": "Allow", "Act|ions": "s3:*"')), null);
  assert.equal(hoverAt(policy('"Sid": "Read|Only", "Effect": "Allow"')), null);
});
