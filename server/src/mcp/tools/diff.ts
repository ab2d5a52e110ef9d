// diff: what a change to a policy grants and takes away (features/diff), between two texts or files,
// or between a file and its version in a git revision.
import { relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { ACCESS_LEVELS } from '../../catalog/types';
import { gitRevision } from '../../cli/gitRevision';
import { CliError } from '../../cli/io';
import type { ByLevel } from '../../features/actionSets';
import { diffPolicy, LEVEL_RANK, type AccessDelta, type PolicyDiff } from '../../features/diff/compare';
import { formatDiffMarkdown, statementLabel } from '../../features/diff/format';
import type { PolicyDocument } from '../../policy/model';
import { defineTool } from '../tool';
import { loadPolicy, policySourceShape, ToolInputError, type ToolEnv } from '../sources';
import { levelCountsSchema } from './explain';

const MAX_ACTIONS_LISTED = 25;

const deltaSchema = z.object({
  services: z.array(z.object({ prefix: z.string(), name: z.string(), actions: levelCountsSchema, possible: levelCountsSchema })),
  changes: z.array(
    z.object({
      statement: z.string(),
      side: z.enum(['old', 'new']),
      line: z.number(),
      via: z.enum(['Allow', 'Deny']),
      change: z.enum(['action', 'wider', 'narrower']),
      certain: z.boolean(),
      dimensions: z.array(z.string()),
      resources: z.array(z.string()),
      principals: z.array(z.string()),
      conditions: z.array(z.object({ key: z.string(), operator: z.string(), how: z.string() })),
      actionCount: z.number(),
      actions: z.array(z.string()).describe(`the first ${MAX_ACTIONS_LISTED}`),
    }),
  ),
  unknownActions: z.array(z.string()),
});

const counts = (names: ByLevel<string[]>) => Object.fromEntries(ACCESS_LEVELS.map(level => [level, names[level].length])) as ByLevel<number>;

function compactDelta(delta: AccessDelta): z.infer<typeof deltaSchema> {
  return {
    services: delta.services.map(s => ({ prefix: s.prefix, name: s.name, actions: counts(s.actions), possible: counts(s.possible) })),
    changes: delta.entries.map(e => ({
      statement: statementLabel(e.statement),
      side: e.statement.side,
      line: e.statement.line,
      via: e.via,
      change: e.change,
      certain: e.certain,
      dimensions: e.dimensions,
      resources: e.resources,
      principals: e.principals,
      conditions: e.conditions,
      actionCount: e.actions.length,
      actions: e.actions.slice(0, MAX_ACTIONS_LISTED),
    })),
    unknownActions: delta.unknownActions,
  };
}

/** The most sensitive access level the change adds, certainly or possibly ("unknown" for actions the IAM data lacks). */
function highestAdded(diff: PolicyDiff): string | undefined {
  const levels = [...LEVEL_RANK].reverse();
  const found = levels.find(level => diff.added.entries.some(e => e.levels[level] > 0));
  return found ?? (diff.added.unknownActions.length ? 'unknown' : undefined);
}

const sideShape = z.object(policySourceShape).optional();

/** The old side from a git revision: the file `path` as the revision has it (none: the file is new). */
function fromRevision(ref: string, path: string, env: ToolEnv, reparse: (text: string) => PolicyDocument): PolicyDocument | undefined {
  try {
    const text = gitRevision(ref, env.cwd).read(relative(env.cwd, resolve(env.cwd, path)).split(sep).join('/'));
    return text === undefined || text.trim() === '' ? undefined : reparse(text);
  } catch (error) {
    if (error instanceof CliError) throw new ToolInputError(error.message);
    throw error;
  }
}

export const diffTool = defineTool({
  name: 'diff',
  title: 'What a policy change grants',
  description:
    'Compares two versions of a policy and says what the change adds and removes: per service and access level, the actions, ' +
    'resources and statements responsible. A wider resource, principal or condition counts as added access, and so does a Deny removed or ' +
    'narrowed; a change the comparison cannot judge is marked not certain (a possible addition). Give `old` and `new` (text or path), or ' +
    '`new` with a `path` and `baseRef` (a git revision such as "HEAD") to compare the file with its committed version.',
  input: {
    old: sideShape.describe('the policy before the change (leave out with baseRef, or for a new policy)'),
    new: z.object(policySourceShape).describe('the policy after the change'),
    baseRef: z.string().optional().describe('a git revision: the old side is new.path as that revision has it'),
  },
  output: {
    status: z.enum(['added', 'removed', 'changed', 'unchanged']),
    kind: z.string(),
    highestAddedLevel: z.string().optional().describe('the most sensitive access level added: List < Read < Tagging < Write < Permissions management'),
    added: deltaSchema,
    removed: deltaSchema,
    notes: z.array(z.string()),
  },
  run(input, env) {
    if (input.baseRef !== undefined && input.old) throw new ToolInputError('Give either "old" or "baseRef", not both.');
    if (input.baseRef !== undefined && input.new.path === undefined)
      throw new ToolInputError('"baseRef" needs new.path: the file to compare with its committed version.');
    const after = loadPolicy(input.new, env, 'the new policy');
    const before =
      input.baseRef !== undefined
        ? fromRevision(input.baseRef, input.new.path!, env, after.reparse)
        : input.old && loadPolicy({ kind: input.new.kind, ...input.old }, env, 'the old policy').doc;
    const id = input.new.path ?? 'policy';
    const diff = diffPolicy(id, before, after.doc, env.catalog());
    const report = { dataDate: env.catalog().dataDate, policies: [diff] };
    return {
      structured: {
        status: diff.status,
        kind: diff.kind,
        highestAddedLevel: highestAdded(diff),
        added: compactDelta(diff.added),
        removed: compactDelta(diff.removed),
        notes: diff.notes,
      },
      text:
        diff.status === 'unchanged' ? 'No change in access.' : formatDiffMarkdown(report, input.baseRef ? `Changes since ${input.baseRef}` : 'Policy changes'),
    };
  },
});
