// iam-policy-lint: the engine on files, for CI. This entry (dist/cli-main.js) only hands the command
// line to main.ts and turns an unexpected failure into exit code 2 with a message, never a stack
// dump without context. In a worker thread of a parallel run, it checks the batches it is sent.
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { runCli } from './main';
import { dropOutputToClosedPipes, EXIT_ERROR, processIo } from './io';
import { serveBatches } from './threads';

if (isMainThread) {
  dropOutputToClosedPipes();
  // workers start from dist/cli.js, the loader of this bundle, for its code cache
  runCli(process.argv.slice(2), { ...processIo(), workerScript: join(__dirname, 'cli.js') }).then(
    code => {
      process.exitCode = code;
    },
    error => {
      process.stderr.write(`iam-policy-lint: internal error (please report it): ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = EXIT_ERROR;
    },
  );
} else {
  serveBatches();
}
