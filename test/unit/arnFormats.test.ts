// The ARN/format intersection and its pre-filter (catalog/arnFormats.ts, catalog/arnHeads.ts): the
// pre-filter may only skip formats that the full search rejects too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arnPattern, formatPatterns, intersects, serviceOfFormat } from '../../server/src/catalog/arnFormats';
import { arnHead, headsAgree } from '../../server/src/catalog/arnHeads';
import { defaultCatalogPath, loadCatalog } from '../../server/src/catalog/loadCatalog';
import { corpusFiles } from '../helpers/corpus';
import { seededRandom } from '../helpers/random';

const catalog = loadCatalog(defaultCatalogPath());
const names = (arn: string) => catalog.resourceTypesForArn(arn).map(t => `${t.service}:${t.name}`);

/** Every format group of the catalog: the ARN service part -> its formats. */
const groups = new Map<string, string[]>();
for (const service of catalog.services()) {
  for (const type of service.resourceTypes) {
    const part = type.arnFormat.split(':')[2] ?? '';
    groups.set(part, [...(groups.get(part) ?? []), type.arnFormat]);
  }
}
const compiled = new Map([...groups].map(([part, formats]) => [part, formatPatterns(formats)]));

/** Fails when the pre-filter rejects a format that the full search accepts for the ARN. */
function assertPrefilterExact(arn: string, parts: Iterable<string>): void {
  const pattern = arnPattern(arn, false);
  if (!pattern.head) return;
  for (const part of parts) {
    (compiled.get(part) ?? []).forEach((format, i) => {
      if (format.head && !headsAgree(pattern.head!, format.head)) {
        assert.ok(!intersects(pattern.tokens, format), `${arn} intersects ${groups.get(part)![i]}, but the pre-filter skips it`);
      }
    });
  }
}

const random = seededRandom(12345);

const FILLINGS = ['x', 'abc', '*', '?', '', 'a:b', 'a*', '*:b', 'a/b', '${aws:username}', '${*}', '${?}', '${$}', 'a?c', '**', 'x:*', '*/*'];

test('the pre-filter never skips a format that an ARN built from a format can name', () => {
  for (const [part, formats] of groups) {
    const others = [part, ...groups.keys()].filter((p, i, all) => all.indexOf(p) === i && (p === part || random(40) === 0));
    for (const format of formats) {
      for (let round = 0; round < 6; round++) {
        const arn = format.replace(/\$\{[^}]*\}/g, () => FILLINGS[random(FILLINGS.length)]);
        assertPrefilterExact(arn, others);
      }
    }
  }
});

test('the pre-filter never skips a format that a corpus ARN can name', () => {
  const arns = new Set<string>();
  for (const file of corpusFiles()) for (const match of file.text.matchAll(/"(arn:[^"]*)"/g)) arns.add(match[1]);
  assert.ok(arns.size > 1000);
  for (const arn of arns) assertPrefilterExact(arn, groups.keys());
});

test('the pre-filter applies only where the first five segments line up', () => {
  assert.equal(arnHead('arn:aws:iam::*'), undefined, 'fewer than five colons');
  assert.equal(arnHead('arn:aws:sqs:${aws:RequestedRegion}:123456789012:q'), undefined, 'a variable may take colons');
  assert.deepEqual(arnHead('arn:aws:s3:::b/${aws:username}/*'), { segments: ['aws', 's3', '', ''], resourcePrefix: 'b/' });
  assert.deepEqual(arnHead('arn:aws:*:us-?ast-1:*:x*y'), { segments: ['aws', undefined, undefined, undefined], resourcePrefix: 'x' });
  assert.equal(arnPattern('arn:aws:iam::*:role/x', true).head, undefined, 'in the expanding reading a * ending a segment spans colons');
  // A placeholder of the first five segments that may take a colon: no format of the catalog has one.
  const [format] = formatPatterns(['arn:aws:svc:${Region}x:acct:thing']);
  assert.equal(format.head, undefined);
  assert.ok(intersects(arnPattern('arn:aws:svc:a:bx:acct:thing', false).tokens, format));
});

test('serviceOfFormat: the third colon-separated part, as split(":", 3)[2] gives it', () => {
  for (const text of ['arn:aws:s3:::b', 'arn:${Partition}:${Vendor}:x', 'a', 'a:b', 'a:b:', 'a:b:c', 'a::c:d', '::', '', 'arn:aws:s3']) {
    assert.equal(serviceOfFormat(text), text.split(':', 3)[2] ?? '', text);
  }
});

test('resourceTypesForArn: wildcards and variables that span colons, service wildcards', () => {
  assert.ok(names('arn:aws:logs:*:*:log-group:*').includes('logs:log-group'));
  assert.deepEqual(names('arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/*:*'), ['logs:log-stream']);
  assert.ok(names('arn:aws:logs:us-east-1:123456789012:log-group:${aws:username}:log-stream:*').includes('logs:log-stream'));
  assert.ok(names('arn:aws:ec2:us-east-1:123456789012:*').includes('ec2:instance'));
  assert.ok(names('arn:aws:ec2:*:*:instance/*').includes('ec2:instance'));
  assert.ok(!names('arn:aws:ec2:*:*:instance/*').includes('ec2:volume'));
  assert.ok(names('arn:aws:ec2:us-east-1:*:in?tance/i-1').includes('ec2:instance'));
  assert.ok(names('arn:aws:ec2:${aws:RequestedRegion}:*:instance/*').includes('ec2:instance'));
  assert.ok(names('arn:aws:*:*:*:instance/*').includes('ec2:instance'), 'a service wildcard');
  assert.ok(names('arn:aws:ec*:*:*:instance/*').includes('ec2:instance'));
  assert.ok(names('arn:*:iam::*:role/${aws:username}').includes('iam:role'));
  assert.ok(names('arn:aws:s3:::${*}').includes('s3:bucket'), '${*} is a literal * in a bucket name');
  assert.ok(!names('arn:aws:s3:::${*}').includes('s3:object'));
  assert.ok(names('arn:aws:iam::123456789012:role/a:b').includes('iam:role'), 'a colon in the resource part');
  assert.ok(names('arn:aws:ec2:us-east-1:123456789012:volume/vol-1').includes('ec2:volume'));
  assert.ok(!names('arn:aws:ec2:us-east-1:123456789012:volume/vol-1').includes('ec2:instance'));
  assert.deepEqual(names('arn:aws:s3:us-east-1::bucket'), [], 'S3 bucket ARNs have no Region');
});
