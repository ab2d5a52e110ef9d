// Which documents are policies (policyDocuments.ts), for the editor and the checker alike.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../server/src/catalog/loadCatalog';
import { collectFindings } from '../../server/src/features/diagnostics';
import { policyFromText } from '../../server/src/documents/policyDocuments';
import { withDefaults } from '../../server/src/protocol';
import { rethrow } from '../helpers/findings';

const settings = withDefaults(undefined);

test('a JSON file named like a policy is one, as the checker takes it: a Version without Statement gets IAM014', () => {
  for (const uri of ['file:///p/v-policy.json', 'file:///p/deny.scp.json', 'file:///p/role-trust.json', 'file:///p/x.iam.json']) {
    const doc = policyFromText(uri, 'json', '{ "Version": "2012-10-17" }', settings);
    assert.ok(doc, uri);
    assert.deepEqual(
      collectFindings(doc, getCatalog(), settings, rethrow).map(f => f.code),
      ['IAM014'],
      uri,
    );
  }
});

test('a JSON file of another name is one only when its content has a Statement', () => {
  assert.equal(policyFromText('file:///p/config.json', 'json', '{ "Version": "2012-10-17" }', settings), undefined);
  assert.ok(policyFromText('file:///p/config.json', 'json', '{ "Statement": [] }', settings));
  assert.equal(
    policyFromText('file:///p/v-policy.json', 'json', '{ "Version": "2012-10-17" }', withDefaults({ jsonDocuments: 'off' })),
    undefined,
    'jsonDocuments "off": JSON files are not checked at all',
  );
});
