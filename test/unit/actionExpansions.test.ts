// Action names and their expansions, shared across statements and documents (rules/actionExpansions.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultCatalogPath, getCatalog, loadCatalog } from '../../server/src/catalog/loadCatalog';
import { expandAction, perExpansion, perSpelling, spellingOf } from '../../server/src/analysis/actionExpansions';

const catalog = loadCatalog(defaultCatalogPath());

test('every spelling of a name shares one expansion; each spelling is kept once', () => {
  const a = spellingOf(catalog, 's3:GetObject');
  const b = spellingOf(catalog, 'S3:getobject');
  assert.notEqual(a, b);
  assert.equal(a.expansion, b.expansion);
  assert.equal(spellingOf(catalog, 's3:GetObject'), a);
  assert.deepEqual(
    expandAction(catalog, 'S3:GETOBJECT').map(x => x.name),
    ['GetObject'],
  );
  assert.deepEqual(expandAction(catalog, 'nosuch:thing'), []);
});

test('memos derive once per owner, also when the value derived is undefined', () => {
  let spellingCalls = 0;
  const nothing = perSpelling(() => {
    spellingCalls++;
    return undefined;
  });
  const spelling = spellingOf(catalog, 'ec2:RunInstances');
  assert.equal(nothing(spelling, catalog), undefined);
  assert.equal(nothing(spelling, catalog), undefined);
  assert.equal(spellingCalls, 1);

  let expansionCalls = 0;
  const count = perExpansion(actions => {
    expansionCalls++;
    return actions.length;
  });
  const gets = spellingOf(catalog, 's3:Get*');
  assert.equal(count(gets, catalog), expandAction(catalog, 's3:Get*').length);
  assert.equal(count(spellingOf(catalog, 'S3:GET*'), catalog), count(gets, catalog));
  assert.equal(expansionCalls, 1, 'one expansion for both spellings');
});

test('spellingOf: the text as written, its expansion named in lower case and shared by every spelling', () => {
  const catalog = getCatalog(); // a new one in each test of the mutation run: the memos start empty
  const spelling = spellingOf(catalog, 'S3:GetObject');
  assert.equal(spelling.text, 'S3:GetObject');
  assert.equal(spelling.expansion.name, 's3:getobject');
  assert.equal(spellingOf(catalog, 's3:getOBJECT').expansion, spelling.expansion);
});
