// `iam-policy-lint simulate`: the request simulator on files.
//   iam-policy-lint simulate --policy p.json --action s3:GetObject --resource arn:aws:s3:::b/k --context aws:SourceIp=10.1.2.3
// Exit codes: 0 Allow, 3 denied (explicitly or implicitly), 2 usage or I/O error.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { simulate, type StatementOutcome } from '../evaluation/evaluate';
import { formatSimulation } from '../evaluation/format';
import { contextAtTime, parseRequestText } from '../evaluation/request';
import { parseContextPairs, type SimulationRequest } from '../protocol/simulate';
import { POLICY_KINDS, type PolicyDocument, type PolicyKind } from '../policy/model';
import { policyFromText } from '../documents/policyDocuments';
import { withDefaults } from '../protocol';

export interface SimulateIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
}

export const EXIT_ALLOW = 0;
export const EXIT_USAGE = 2;
export const EXIT_DENY = 3;

export const SIMULATE_USAGE = `Usage: iam-policy-lint simulate --policy [<kind>=]<file> [--policy ...] <request>

Simulates one request against the policies of one account: an explicit Deny wins, SCPs, RCPs and
VPC endpoint policies must allow, then a resource-based or identity-based Allow grants (within a
permissions boundary, if one is given). The kind of each policy is detected from its file name and
content, or given as <kind>=<file> (${POLICY_KINDS.join(', ')}).

Request:
      --request <file>          a request file: {"action", "resource", "principal", "context"}
  -a, --action <service:Action> the action (required without --request)
  -r, --resource <arn>          the resource ARN (default: "*")
  -p, --principal <principal>   principal ARN, account ID, service principal, or "anonymous"
  -c, --context <key=value>     a request context key; repeat a key for a multivalued key
  -t, --time <date>             the time of the request (aws:CurrentTime, aws:EpochTime), ISO 8601
                                or epoch seconds (default: the current time)
Output:
  -f, --format <text|json>      (default: text)
  -h, --help                    show this help

Exit codes: 0 allowed, 3 denied, 2 usage or I/O error.
`;

class UsageError extends Error {}

interface SimulateOptions {
  policies: Array<{ path: string; kind?: PolicyKind }>;
  request: SimulationRequest;
  format: 'text' | 'json';
}

function policyArgument(value: string): { path: string; kind?: PolicyKind } {
  const equals = value.indexOf('=');
  const kind = equals > 0 ? value.slice(0, equals) : undefined;
  if (kind && (POLICY_KINDS as readonly string[]).includes(kind)) return { path: value.slice(equals + 1), kind: kind as PolicyKind };
  return { path: value };
}

function parseOptions(argv: string[], io: SimulateIo): SimulateOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        policy: { type: 'string', multiple: true },
        request: { type: 'string' },
        action: { type: 'string', short: 'a' },
        resource: { type: 'string', short: 'r' },
        principal: { type: 'string', short: 'p' },
        context: { type: 'string', short: 'c', multiple: true },
        time: { type: 'string', short: 't' },
        format: { type: 'string', short: 'f' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  if (!values.policy?.length) throw new UsageError('give at least one --policy <file>');
  if (values.format !== undefined && values.format !== 'text' && values.format !== 'json')
    throw new UsageError(`--format must be text or json (got "${values.format}")`);
  let request: SimulationRequest;
  if (values.request) {
    if (values.action || values.resource || values.principal || values.context)
      throw new UsageError('--request replaces --action, --resource, --principal and --context: give one or the other');
    const parsed = parseRequestText(io.readFile(values.request));
    if (!parsed.request) throw new UsageError(`${values.request}: ${parsed.errors.join(' ')}`);
    request = parsed.request;
  } else {
    if (!values.action) throw new UsageError('give the request: --action <service:Action> (or --request <file>)');
    const { context, errors } = parseContextPairs(values.context ?? []);
    if (errors.length) throw new UsageError(errors.join(' '));
    request = { action: values.action, resource: values.resource, principal: values.principal, context };
  }
  if (values.time !== undefined) {
    const context = contextAtTime(request.context, values.time);
    if (!context) throw new UsageError(`--time must be an ISO 8601 date (2030-01-31T12:00:00Z) or epoch seconds (got "${values.time}")`);
    request = { ...request, context };
  }
  return { policies: values.policy.map(policyArgument), request, format: (values.format ?? 'text') as 'text' | 'json' };
}

function readPolicies(options: SimulateOptions, io: SimulateIo): PolicyDocument[] {
  const settings = withDefaults(undefined);
  return options.policies.map(({ path, kind }) => {
    const doc = policyFromText(pathToFileURL(resolve(path)).href, 'iam-policy', io.readFile(path), settings, kind) as PolicyDocument;
    if (doc.syntaxErrors.length) io.stderr(`${path}: has syntax errors; the simulation uses what could be read.\n`);
    return doc;
  });
}

/** Runs `simulate` with its arguments (after the word "simulate"); returns the exit code. Never throws. */
export function runSimulate(argv: string[], io: SimulateIo): number {
  let options: SimulateOptions | 'help';
  let docs: PolicyDocument[];
  try {
    options = parseOptions(argv, io);
    if (options === 'help') {
      io.stdout(SIMULATE_USAGE);
      return EXIT_ALLOW;
    }
    docs = readPolicies(options, io);
  } catch (error) {
    const message = error instanceof UsageError ? error.message : `cannot read: ${(error as NodeJS.ErrnoException).message}`;
    io.stderr(`iam-policy-lint simulate: ${message}\nRun "iam-policy-lint simulate --help" for usage.\n`);
    return EXIT_USAGE;
  }
  const result = simulate(docs, options.request);
  const paths = options.policies.map(p => p.path);
  const where = (policy: number, offset: number) => {
    const { line, character } = docs[policy].textDocument.positionAt(offset);
    return { file: paths[policy], line: line + 1, column: character + 1 };
  };
  if (options.format === 'json') {
    const located = (s: StatementOutcome) => ({ ...where(s.policy, s.offset), ...s, uri: undefined });
    io.stdout(`${JSON.stringify({ ...result, deciding: result.deciding.map(located), statements: result.statements.map(located) }, null, 2)}\n`);
  } else {
    io.stdout(
      formatSimulation(result, (s, offset) => {
        const { file, line, column } = where(s.policy, offset);
        return `${file}:${line}:${column}`;
      }),
    );
  }
  return result.decision === 'Allow' ? EXIT_ALLOW : EXIT_DENY;
}
