// Which files a command line names (cli/files.ts), in-process: the cases a real run cannot set up
// here (tests run as root, which reads every folder).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { join } from 'node:path';
import { mock, test } from 'node:test';
import { expandInputs } from '../../server/src/cli/files';
import { folderWith } from '../helpers/cliRunner';

const POLICY = '{ "Statement": [] }';

test('a folder that cannot be read is a problem; the files beside it are still checked', () => {
  const dir = folderWith({ 'a/p.json': POLICY, 'locked/q.json': POLICY, 'z/r.json': POLICY });
  const readdir = fs.readdirSync;
  const denied = mock.method(fs, 'readdirSync', (path: fs.PathLike, options: never) => {
    if (String(path) === join(dir, 'locked')) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
    return readdir(path, options);
  });
  try {
    for (const input of ['.', '**/*.json']) {
      const problems: string[] = [];
      const { files } = expandInputs([input], dir, undefined, problems);
      assert.deepEqual(
        files.map(f => f.display),
        [join('a', 'p.json'), join('z', 'r.json')],
        input,
      );
      assert.deepEqual(problems, ['locked: cannot read the folder: EACCES'], input);
    }
  } finally {
    denied.mock.restore();
  }
});

test('a glob whose base folder does not exist names nothing, with one problem', () => {
  const problems: string[] = [];
  assert.deepEqual(expandInputs(['missing/**/*.json'], folderWith({}), undefined, problems).files, []);
  assert.deepEqual(problems, ['missing/**/*.json: no such file, folder or matching file']);
});
