// iam-policy-lint: the engine on files, for CI. This entry only hands the command line to
// cli/main.ts and turns an unexpected failure into exit code 2 with a message, never a stack dump
// without context.
import { runCli } from './cli/main';
import { EXIT_ERROR, processIo } from './cli/io';

runCli(process.argv.slice(2), processIo()).then(
  code => { process.exitCode = code; },
  error => {
    process.stderr.write(`iam-policy-lint: internal error (please report it): ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = EXIT_ERROR;
  },
);
