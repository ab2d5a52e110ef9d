// The command line of `iam-policy-lint`: options and their checks. Usage mistakes throw CliError
// (exit code 2) with a message that says what to write instead.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { POLICY_KINDS, type PolicyKind } from '../policy/model';
import { SEVERITIES, type Severity } from '../rules/types';
import { CliError } from './io';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface LintOptions {
  inputs: string[];
  format: Format;
  failOn: Severity;
  /** overrides the settings file's minimumSeverity: findings below it are not reported */
  minimumSeverity?: Severity;
  config?: string;
  fix: boolean;
  summary: boolean;
  kind?: PolicyKind;
  stdinFilename?: string;
  output?: string;
  /** threads to check files on; undefined: half the cores (cli/threads.ts) */
  jobs?: number;
}

export type Command =
  | { name: 'lint'; options: LintOptions }
  | { name: 'simulate'; argv: string[] }
  | { name: 'diff'; argv: string[] }
  | { name: 'rules'; options: Pick<LintOptions, 'config' | 'format'> }
  | { name: 'help' }
  | { name: 'version' };

export const USAGE = `Usage: iam-policy-lint [options] <file | folder | glob | ->...
       iam-policy-lint simulate [options]    (request simulator; see "simulate --help")
       iam-policy-lint diff [options]        (what a change grants; see "diff --help")

Checks AWS IAM policies with the same rules as the editor. Folders are searched for *.json files;
JSON files that are not policies (no "Statement") are skipped unless named explicitly. "-" reads
standard input.

Options:
  -f, --format <text|json|sarif|github>  output format (default: text)
      --fail-on <error|warning|information|hint>
                                         exit 1 when a finding is at least this severe (default: error)
      --minimum-severity <error|warning|information|hint>
                                         report only findings at least this severe (default: the
                                         settings file's minimumSeverity, else hint: all)
  -c, --config <file>                    settings file (default: the nearest .iam-lint.json, or
                                         .vscode/settings.json with iamPolicy settings, in the
                                         current folder or a parent up to the repository's root)
      --fix                              apply the safe fixes (syntax, malformed actions, letter
                                         case, repeated actions, Sids) to the files; with "-",
                                         print the fixed text
      --summary                          print the access summary of each policy (text, json)
      --list-rules                       list every rule: code, name, severity under the settings
                                         (with -c), summary (text, or -f json)
      --kind <kind>                      treat every policy as this kind (${POLICY_KINDS.join(', ')})
      --stdin-filename <name>            file name for standard input (settings globs, kind detection)
  -o, --output <file>                    write the report to a file instead of standard output
  -j, --jobs <n>                         threads to check files on (default: half the CPU cores,
                                         at most 8, each with 100 files at least)
  -h, --help                             show this help
  -v, --version                          show the version

Exit codes: 0 no finding at --fail-on or above, 1 findings, 2 usage or I/O error.
`;

/** The value when it is one of `allowed` (undefined stays undefined); otherwise a usage error. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`${option} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function positiveInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (/^[1-9]\d{0,3}$/.test(value)) return Number(value);
  throw new CliError(`${option} must be a whole number from 1 to 9999 (got "${value}")`);
}

/** node's parseArgs, with an unknown option or a missing value as a usage error. */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

export function parseCommandLine(argv: string[]): Command {
  if (argv[0] === 'simulate') return { name: 'simulate', argv: argv.slice(1) };
  if (argv[0] === 'diff') return { name: 'diff', argv: argv.slice(1) };
  const { values, positionals } = parseCommandArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      'fail-on': { type: 'string' },
      'minimum-severity': { type: 'string' },
      config: { type: 'string', short: 'c' },
      fix: { type: 'boolean' },
      summary: { type: 'boolean' },
      'list-rules': { type: 'boolean' },
      kind: { type: 'string' },
      'stdin-filename': { type: 'string' },
      output: { type: 'string', short: 'o' },
      jobs: { type: 'string', short: 'j' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help) return { name: 'help' };
  if (values.version) return { name: 'version' };
  if (values['list-rules']) return { name: 'rules', options: { config: values.config, format: oneOf(values.format, FORMATS, '--format') ?? 'text' } };
  if (positionals.length === 0) throw new CliError('no file, folder or glob given (use "-" for standard input)');
  return {
    name: 'lint',
    options: {
      inputs: positionals,
      format: oneOf(values.format, FORMATS, '--format') ?? 'text',
      failOn: oneOf(values['fail-on'], SEVERITIES, '--fail-on') ?? 'error',
      minimumSeverity: oneOf(values['minimum-severity'], SEVERITIES, '--minimum-severity'),
      config: values.config,
      fix: values.fix ?? false,
      summary: values.summary ?? false,
      kind: oneOf(values.kind, POLICY_KINDS, '--kind'),
      stdinFilename: values['stdin-filename'],
      output: values.output,
      jobs: positiveInteger(values.jobs, '--jobs'),
    },
  };
}
