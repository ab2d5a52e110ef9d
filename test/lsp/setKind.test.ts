// The policy kind over the real protocol: the server announces the detected kind (iamPolicy/documentKind)
// and uses the kind the client sets (iamPolicy/setKind) until the client clears it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOCUMENT_KIND_NOTIFICATION, SET_KIND_REQUEST, type DocumentKindParams, type SetKindParams } from '../../server/src/protocol';
import { serverOfTestFile } from '../helpers/lspClient';

let waiting: ((params: DocumentKindParams) => void) | undefined;
const server = serverOfTestFile(undefined, started =>
  started.connection.onNotification(DOCUMENT_KIND_NOTIFICATION, (params: DocumentKindParams) => {
    waiting?.(params);
  }),
);

/** The kind announced for `uri` once `action` has run (the server sends it after the diagnostics). */
async function kindAfter(uri: string, action: () => Promise<unknown>): Promise<DocumentKindParams> {
  const announced = new Promise<DocumentKindParams>(resolve => {
    waiting = params => {
      if (params.uri === uri) resolve(params);
    };
  });
  await action();
  return announced;
}

const BUCKET_POLICY =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}';

test('the detected kind is announced, a set kind is used, and clearing it detects again', async () => {
  const uri = 'file:///lsp/bucket.json';
  let diagnostics = await server().open(uri, BUCKET_POLICY, 'json');
  const detected = await kindAfter(uri, async () => {
    diagnostics = await server().change(uri, BUCKET_POLICY);
  });
  assert.ok(!diagnostics.some(d => d.code === 'IAM024'));
  assert.deepEqual([detected.kind, detected.kindSource], ['resource', 'content']);
  assert.match(detected.dataDate, /^\d{4}-\d{2}-\d{2}$/);

  const setKind = (kind: SetKindParams['kind']) => server().connection.sendRequest(SET_KIND_REQUEST, { uri, kind } satisfies SetKindParams);
  await setKind('identity');
  const chosen = await kindAfter(uri, async () => {
    diagnostics = await server().change(uri, BUCKET_POLICY);
  });
  assert.ok(
    diagnostics.some(d => d.code === 'IAM024' && d.severity === 1),
    'Principal is not allowed in an identity policy',
  );
  assert.deepEqual([chosen.kind, chosen.kindSource], ['identity', 'setting']);

  await setKind(null);
  const again = await kindAfter(uri, async () => {
    diagnostics = await server().change(uri, BUCKET_POLICY);
  });
  assert.ok(!diagnostics.some(d => d.code === 'IAM024'));
  assert.equal(again.kind, 'resource');
});

test('a bad setKind request is answered without harm', async () => {
  const result = await server().connection.sendRequest(SET_KIND_REQUEST, { uri: 'file:///lsp/none.json', kind: 'nonsense' });
  assert.equal(result, null);
});
