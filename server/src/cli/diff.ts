// `iam-policy-lint diff`: what a change grants (features/diff), on two files or on the working tree
// against a git revision; policy files and templates (each policy of a template by its resource and
// property).
//   iam-policy-lint diff old.json new.json
//   iam-policy-lint diff --base origin/main --format markdown --fail-on-added write policies/
// Each side is a list of (policy id, parsed policy): a policy file's id is its path (in the
// two-file form both get the new file's path, so that they pair up).
import { statSync, writeFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { AccessLevel, Catalog } from '../catalog/types';
import { addsAtOrAbove, diffPolicies, LEVEL_RANK, type DiffReport, type PolicyInput } from '../features/diff/compare';
import { formatDiffMarkdown, formatDiffText } from '../features/diff/format';
import { POLICY_KINDS, type PolicyKind } from '../policy/model';
import type { IamPolicySettings } from '../protocol';
import { readTemplate } from '../documents/templateDocuments';
import { toHostSpan } from '../templates/mapping';
import { templateFormatOf } from '../templates/readers';
import { oneOf, parseCommandArgs } from './args';
import { loadSettings } from './config';
import { expandInputs, inputFile, readInput, SEARCHED, type InputFile } from './files';
import { gitRevision, type GitRevision } from './gitRevision';
import { CliError, errorText, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, type CliIo } from './io';
import { policyOf } from './lint';
import { TOOL_NAME, TOOL_VERSION } from './manifest';

export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const;
type DiffFormat = (typeof DIFF_FORMATS)[number];

/** --fail-on-added values, from the least to the most sensitive level (compare.ts LEVEL_RANK). */
const LEVEL_NAMES: Record<string, AccessLevel> = Object.fromEntries(LEVEL_RANK.map(level => [level.toLowerCase().replace(' ', '-'), level]));

export const DIFF_USAGE = `Usage: ${TOOL_NAME} diff [options] <old file> <new file>
       ${TOOL_NAME} diff [options] --base <git revision> [<file | folder | glob>...]

What a change grants: the access the new policies add and remove compared with the old ones, per
service and access level, with the actions, resources and statements responsible. A wider resource,
principal or condition counts as added access, and so does a Deny removed or narrowed; a change the
comparison cannot judge (a condition changed, NotResource) is reported as a possible addition.
Templates (CloudFormation, SAM, Serverless, Terraform) are compared policy by policy, each matched
by its resource and property. With --base, the working tree is compared with the revision (read
with git), file by file (default: the current folder); a file in one side only is added or removed.

Options:
      --base <revision>                  compare the working tree with this git revision
  -f, --format <${DIFF_FORMATS.join('|')}>          output format (default: text; markdown for a pull-request
                                         comment or $GITHUB_STEP_SUMMARY)
      --fail-on-added <level>            exit 1 when the change adds access (certainly or possibly) at
                                         this level or a more sensitive one: ${Object.keys(LEVEL_NAMES).join(', ')}
      --kind <kind>                      treat every policy as this kind (${POLICY_KINDS.join(', ')})
  -c, --config <file>                    settings file (policy kinds), as for checking
  -o, --output <file>                    write the report to a file instead of standard output
  -h, --help                             show this help

Exit codes: 0 no added access at --fail-on-added or above (or no --fail-on-added), 1 added access,
2 usage or I/O error.
`;

interface DiffOptions {
  base?: string;
  inputs: string[];
  format: DiffFormat;
  failOnAdded?: AccessLevel;
  kind?: PolicyKind;
  config?: string;
  output?: string;
}

function parseOptions(argv: string[]): DiffOptions | 'help' {
  const { values, positionals } = parseCommandArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      base: { type: 'string' },
      format: { type: 'string', short: 'f' },
      'fail-on-added': { type: 'string' },
      kind: { type: 'string' },
      config: { type: 'string', short: 'c' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (values.base === undefined && positionals.length !== 2) throw new CliError('diff takes two files (old and new), or --base <revision> and paths');
  const failOn = oneOf(values['fail-on-added'], Object.keys(LEVEL_NAMES), '--fail-on-added');
  return {
    base: values.base,
    inputs: positionals,
    format: oneOf(values.format, DIFF_FORMATS, '--format') ?? 'text',
    failOnAdded: failOn === undefined ? undefined : LEVEL_NAMES[failOn],
    kind: oneOf(values.kind, POLICY_KINDS, '--kind'),
    config: values.config,
    output: values.output,
  };
}

/**
 * A file's policies as a side of the comparison: a policy file is one policy whose id is `id` (its
 * path); a template's policies are `id#Resource/Property` ("infra.yaml#BuildRole/AssumeRolePolicyDocument");
 * none when the file is neither (or empty: /dev/null).
 */
async function policiesOf(file: InputFile, text: string, id: string, settings: IamPolicySettings, kind: PolicyKind | undefined): Promise<PolicyInput[]> {
  if (text.trim() === '') return [];
  if (settings.templates !== 'off' && templateFormatOf(file.uri, file.languageId, text)) {
    const served = await readTemplate(file.uri, file.languageId, text, settings);
    if (!served) return [];
    const { template } = served;
    return template.policies.map(policy => ({
      id: `${id}#${policy.source.resource}/${policy.source.property}`,
      doc: policy.doc,
      lineOf: (offset: number) => template.textDocument.positionAt(toHostSpan(policy.virtual, { offset, length: 0 }).offset).line + 1,
    }));
  }
  const doc = policyOf(file, text, settings, kind);
  return doc ? [{ id, doc }] : [];
}

async function twoFiles(options: DiffOptions, settings: IamPolicySettings, io: CliIo, problems: string[]): Promise<Sides> {
  const [before, after] = options.inputs.map(path => {
    const file = inputFile(resolve(io.cwd, path), io.cwd);
    try {
      return { file, text: readInput(file, io.readStdin) };
    } catch (error) {
      problems.push(`${path}: cannot read: ${errorText(error)}`);
      return { file, text: '' };
    }
  });
  const id = after.file.display;
  return {
    before: await policiesOf(before.file, before.text, id, settings, options.kind),
    after: await policiesOf(after.file, after.text, id, settings, options.kind),
  };
}

const posix = (path: string) => path.split(sep).join('/');
const exists = (path: string) => {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
};

/** The files of the revision that an input names, as a folder scan would find them (policies and templates outside dot-folders); foundBy as in inputFile. */
function revisionFiles(revision: GitRevision, input: string): Array<{ path: string; foundBy?: string }> {
  const wanted = posix(input).replace(/^\.\//, '').replace(/\/$/, '');
  return revision.files(input).flatMap((path): Array<{ path: string; foundBy?: string }> => {
    if (path === wanted) return [{ path }];
    const hidden = path.split('/').some(part => part.startsWith('.') || part === 'node_modules');
    return !hidden && SEARCHED.test(path) ? [{ path, foundBy: input }] : [];
  });
}

async function againstRevision(options: DiffOptions, settings: IamPolicySettings, io: CliIo, problems: string[]): Promise<Sides> {
  const revision = gitRevision(options.base!, io.cwd);
  const inputs = options.inputs.length ? options.inputs : ['.'];
  const before: PolicyInput[] = [];
  const after: PolicyInput[] = [];
  const thenByInput = inputs.map(input => revisionFiles(revision, input));
  const then = thenByInput.flat();
  // a path gone from the working tree is a policy removed, not a missing input
  const present = inputs.filter((input, i) => exists(resolve(io.cwd, input)) || thenByInput[i].length === 0);
  for (const file of expandInputs(present, io.cwd, undefined, problems).files) {
    try {
      after.push(...(await policiesOf(file, readInput(file, io.readStdin), posix(file.display), settings, options.kind)));
    } catch (error) {
      problems.push(`${file.display}: cannot read: ${errorText(error)}`);
    }
  }
  const seen = new Set<string>();
  for (const { path, foundBy } of then) {
    if (seen.has(path)) continue;
    seen.add(path);
    const text = revision.read(path);
    if (text !== undefined) before.push(...(await policiesOf(inputFile(resolve(io.cwd, path), io.cwd, foundBy), text, path, settings, options.kind)));
  }
  return { before, after };
}

interface Sides {
  before: PolicyInput[];
  after: PolicyInput[];
}

function render(report: DiffReport, options: DiffOptions): string {
  switch (options.format) {
    case 'json':
      return `${JSON.stringify({ tool: { name: TOOL_NAME, version: TOOL_VERSION }, base: options.base, ...report }, null, 2)}\n`;
    case 'markdown':
      return formatDiffMarkdown(report, options.base ? `IAM policy changes since ${options.base}` : undefined);
    case 'text':
      return formatDiffText(report);
  }
}

/** Runs `diff` with its arguments (after the word "diff"); returns the exit code. Usage errors throw CliError. */
export async function runDiff(argv: string[], io: CliIo, catalog: () => Catalog): Promise<number> {
  const options = parseOptions(argv);
  if (options === 'help') {
    io.stdout(DIFF_USAGE);
    return EXIT_CLEAN;
  }
  const settings = loadSettings(options.config, io.cwd).settings;
  const problems: string[] = [];
  const sides = options.base === undefined ? await twoFiles(options, settings, io, problems) : await againstRevision(options, settings, io, problems);
  const report = diffPolicies(sides.before, sides.after, catalog());
  const output = render(report, options);
  if (options.output) {
    try {
      writeFileSync(resolve(io.cwd, options.output), output);
    } catch (error) {
      problems.push(`${options.output}: cannot write the report: ${errorText(error)}`);
    }
  } else {
    io.stdout(output);
  }
  for (const problem of problems) io.stderr(`${TOOL_NAME}: ${problem}\n`);
  if (problems.length) return EXIT_ERROR;
  return options.failOnAdded && addsAtOrAbove(report, options.failOnAdded) ? EXIT_FINDINGS : EXIT_CLEAN;
}
