// The V8 flags the checker sets for its one pass must be ones this node's V8 knows: an unknown flag
// would print a warning on standard error with every run.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { BATCH_V8_FLAGS } from '../../server/src/bootstrap/onePass';

test('every batch V8 flag is known to this V8', () => {
  const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
  for (const flag of BATCH_V8_FLAGS) {
    const name = flag.replace(/=.*$/, '');
    assert.match(options, new RegExp(`^\\s+${name}\\b`, 'm'), `${name} is not a V8 option of node ${process.version}`);
  }
});
