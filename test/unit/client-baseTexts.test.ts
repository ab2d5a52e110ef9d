// How the client keeps the server told of HEAD's text (client/src/baseTexts.ts): sent once per
// change, nothing outside a repository, null for a file not in HEAD, again after a commit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BaseTextTracker } from '../../client/src/baseTexts';
import type { BaseTextParams } from '../../server/src/protocol';

test('sends a base text once per change; undefined (no repository) sends nothing; a failed read sends nothing', async () => {
  const head = new Map<string, string | null | undefined>([
    ['file:///a.json', 'v1'],
    ['file:///new.json', null],
    ['file:///outside.json', undefined],
  ]);
  const sent: BaseTextParams[] = [];
  const tracker = new BaseTextTracker(
    async uri => {
      if (uri === 'file:///broken.json') throw new Error('git failed');
      return head.get(uri);
    },
    params => sent.push(params),
  );
  for (const uri of ['file:///a.json', 'file:///a.json', 'file:///new.json', 'file:///outside.json', 'file:///broken.json']) await tracker.refresh(uri);
  assert.deepEqual(sent, [
    { uri: 'file:///a.json', ref: 'HEAD', text: 'v1' },
    { uri: 'file:///new.json', ref: 'HEAD', text: null },
  ]);
  // a commit: the open documents are read again, and only what changed is sent
  head.set('file:///a.json', 'v2');
  for (const uri of ['file:///a.json', 'file:///new.json']) await tracker.refresh(uri);
  assert.deepEqual(sent.slice(2), [{ uri: 'file:///a.json', ref: 'HEAD', text: 'v2' }]);
  // closed, then opened again: sent again (the server forgot it on close)
  tracker.forget('file:///a.json');
  await tracker.refresh('file:///a.json');
  assert.equal(sent.length, 4);
  // a restarted server: everything is sent again
  assert.deepEqual(tracker.reset().sort(), ['file:///a.json', 'file:///new.json']);
});
