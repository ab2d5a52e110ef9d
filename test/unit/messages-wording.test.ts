// Messages read as a reviewer would have them (issue 19, item 10): articles, agreement, no raw ARN
// format templates, no phrase said twice, a resource type listed once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { collectFindings } from '../../server/src/features/diagnostics';
import type { PolicyKind } from '../../server/src/policy/model';
import { parsePolicy } from '../../server/src/policy/parse';
import { withDefaults } from '../../server/src/protocol';
import { corpusFiles } from '../helpers/corpus';
import { findingsOf, policyOf, stmt, rethrow } from '../helpers/findings';
import { refactored } from '../helpers/fixes';
import { hoverAt } from '../helpers/hover';

const messageOf = (code: string, text: string, kind?: PolicyKind) => findingsOf(text, { kind }).find(f => f.code === code)?.message ?? `(no ${code})`;

test('a key type reads as words, with the right article', () => {
  const message = messageOf('IAM320', policyOf(stmt({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:SourceIp': '10.0.0.0/8' } } })));
  assert.match(message, /is an IP address key/);
  const arn = messageOf('IAM320', policyOf(stmt({ Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:PrincipalArn': 'true' } } })));
  assert.match(arn, /is an ARN key/);
});

test('a quota is named once', () => {
  const big = Array.from({ length: 40 }, (_, i) => `arn:aws:iam::111122223333:role/a-rather-long-role-name-number-${i}`);
  const message = messageOf('IAM502', policyOf(stmt({ Principal: { AWS: big }, Action: 'sts:AssumeRole' })), 'trust');
  assert.match(message, /over the role trust policy quota of 2,048 characters/);
  assert.doesNotMatch(message, /quota\) quota/);
  const kms = messageOf(
    'IAM501',
    policyOf(
      ...Array.from({ length: 200 }, (_, i) =>
        stmt({
          Sid: `S${i}`,
          Principal: { AWS: big[0] },
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { StringEquals: { 'kms:ViaService': `service-${i}-with-a-long-name.us-east-1.amazonaws.com` } },
        }),
      ),
    ),
    'resource',
  );
  assert.match(kms, /the KMS key policy quota/);
});

test('one wildcard pattern "matches"', () => {
  const names = getCatalog()
    .matchActions('s3:GetObjectVersion*')
    .map(a => `${a.service}:${a.name}`);
  const marked = policyOf(stmt({ Action: names, Resource: '*' })).replace(`"${names[0]}"`, `"${names[0].slice(0, 5)}|${names[0].slice(5)}"`);
  assert.ok(refactored(marked, /^Shorten the \d+ actions to 1 wildcard pattern that matches exactly the same actions$/).includes('s3:GetObjectVersion*'));
});

test("an S3 bucket ARN lists the bucket type once, Amazon S3's", () => {
  const hover = hoverAt(policyOf(stmt({ Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-bucket' })).replace('my-bucket', 'my-b|ucket'))!;
  assert.match(hover.markdown, /`bucket` \(Amazon S3\)/);
  assert.doesNotMatch(hover.markdown, /Systems Manager/);
});

test('one action "supports"', () => {
  const hover = hoverAt(policyOf(stmt({ Action: ['s3:ListAllMyBuckets', 's3:GetObject'], Resource: '|*' })))!;
  assert.match(hover.markdown, /1 action of this statement supports only/);
});

test('no message of the corpus has a raw ARN template or "a" before a vowel-initial acronym', () => {
  const catalog = getCatalog();
  const settings = withDefaults({ zoneOfTrust: { accounts: ['111122223333'] } });
  const bad = new Set<string>();
  for (const file of corpusFiles()) {
    const doc = parsePolicy(file.text, pathToFileURL(file.path).href, { languageId: 'iam-policy' });
    for (const finding of collectFindings(doc, catalog, settings, rethrow)) {
      if (/arn:\$\{Partition\}|\ba (ARN|IAM|IP|AWS STS|IPAddress|ARNs?)\b|\ban (String|Numeric|Date|Bool)\b/.test(finding.message))
        bad.add(`${finding.code}: ${finding.message}`);
    }
  }
  assert.deepEqual([...bad].slice(0, 10), []);
});
