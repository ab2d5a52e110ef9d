// What a command of the CLI talks to: output streams, standard input and the working folder.
// Commands take it as a parameter so that tests can run them in-process.
import { readFileSync } from 'node:fs';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** the whole of standard input, as UTF-8 */
  readStdin(): string;
  cwd: string;
  /** colours in text output */
  color: boolean;
  /** GitHub Actions' $GITHUB_STEP_SUMMARY: the file a step appends its job summary to */
  stepSummaryPath?: string;
  /** the script that serves check batches in a worker thread (cli/threads.ts); without it, one thread */
  workerScript?: string;
}

/** An I/O error as one word (ENOENT) where node gives one, else its message. */
export function errorText(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

/** Usage or I/O problem: exit code 2. */
export class CliError extends Error {}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

/**
 * A reader that stops early (`iam-policy-lint . | head`) closes the pipe under the report. That is
 * the reader's choice, not a failure: the rest of the output is dropped and the run keeps its exit
 * code, instead of node's unhandled 'error' event and a stack trace.
 */
export function dropOutputToClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}

export function processIo(): CliIo {
  return {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    readStdin: () => readFileSync(0, 'utf8'),
    cwd: process.cwd(),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    ...(process.env.GITHUB_STEP_SUMMARY ? { stepSummaryPath: process.env.GITHUB_STEP_SUMMARY } : {}),
  };
}
