import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { hoverAt, policy } from '../helpers/hover';

const catalog = getCatalog();
const withCondition = (condition: string) => policy(`"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": ${condition}`);

test('operator hover: what it compares and the key types it accepts', () => {
  const hover = hoverAt(withCondition('{"IpAdd|ress": {"aws:SourceIp": "10.0.0.0/8"}}'))!;
  const operator = catalog.parseOperator('IpAddress').base!;
  assert.equal(hover.token, 'IpAddress');
  assert.ok(hover.firstLine.startsWith('`IpAddress` — '));
  assert.match(hover.markdown, /\*\*Compares\*\* the key's IP address with IPv4\/IPv6 addresses or CIDR ranges/);
  assert.ok(hover.markdown.includes(`**Key types:** ${operator.acceptsKeyTypes.join(', ')}`));
  assert.match(hover.markdown, /a key absent from the request makes `IpAddress` false/);
});

test('operator hover: IfExists, ForAllValues (with the empty-set behaviour) and ForAnyValue', () => {
  const ifExists = hoverAt(withCondition('{"StringEqualsIf|Exists": {"aws:RequestedRegion": "eu-west-1"}}'))!;
  assert.match(
    ifExists.markdown,
    /\*\*IfExists:\*\* when the key is in the request, it is compared as `StringEquals`; when it is absent, the condition is \*true\*/,
  );
  const forAll = hoverAt(withCondition('{"ForAllValues:String|Like": {"aws:TagKeys": "team-*"}}'))!;
  assert.equal(forAll.token, 'ForAllValues:StringLike');
  assert.match(forAll.markdown, /Also true when the key is absent or has no values \(the empty set\)/);
  const forAny = hoverAt(withCondition('{"ForAny|Value:StringEquals": {"aws:TagKeys": "team"}}'))!;
  assert.match(forAny.markdown, /\*at least one\* value .* false when the key is absent/);
  const negated = hoverAt(withCondition('{"StringNot|Equals": {"aws:PrincipalOrgID": "o-abc"}}'))!;
  assert.match(negated.markdown, /true when the request matches \*none\* of them/);
  assert.match(negated.markdown, /a key absent from the request makes `StringNotEquals` true/);
  assert.equal(hoverAt(withCondition('{"StringEqualz|": {"aws:SourceIp": "x"}}')), null);
});

test('global key hover: type, single- or multivalued, description, when AWS sets it', () => {
  const hover = hoverAt(withCondition('{"ForAnyValue:StringEquals": {"aws:Tag|Keys": "team"}}'))!;
  const key = catalog.conditionKey('aws:TagKeys')!;
  assert.equal(hover.token, 'aws:TagKeys');
  assert.equal(hover.firstLine, `\`aws:TagKeys\` — ${key.type} · multivalued · global key`);
  assert.ok(hover.markdown.includes(key.description));
  assert.ok(hover.markdown.includes(`**When AWS sets it:** ${key.availability}`));
});

test('key hover: a tag key shows its variable part; a set operator on a single-valued key is flagged', () => {
  const hover = hoverAt(withCondition('{"ForAnyValue:StringEquals": {"aws:ResourceTag/Ow|ner": "me"}}'))!;
  assert.equal(hover.token, 'aws:ResourceTag/Owner');
  assert.match(hover.firstLine, /^`aws:ResourceTag\/\$\{TagKey\}` — String · single-valued · global key · `\$\{TagKey\}` = `Owner`$/);
  assert.match(hover.markdown, /⚠ Use `ForAllValues:`\/`ForAnyValue:` only with multivalued keys/);
});

test('service key hover: which actions support it', () => {
  const hover = hoverAt(withCondition('{"StringLike": {"s3:pre|fix": "home/"}}'))!;
  assert.match(hover.firstLine, /^`s3:prefix` — String · single-valued · Amazon S3 key$/);
  assert.match(hover.markdown, /\*\*Supported by\*\* \d+ actions?: .*`s3:ListBucket`/);
  assert.equal(hoverAt(withCondition('{"StringLike": {"s3:nosuch|key": "x"}}')), null);
});
