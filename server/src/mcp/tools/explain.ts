// explain: the access summary of a policy (services x access levels) with one plain-language
// sentence per statement.
import { z } from 'zod';
import { ACCESS_LEVELS } from '../../catalog/types';
import type { ByLevel } from '../../features/actionSets';
import { explainPolicy } from '../../features/explain';
import { formatAccess, summarizePolicy, type AccessSet } from '../../features/summary';
import { defineTool } from '../tool';
import { loadPolicy, policySourceShape, position } from '../sources';

export const levelCountsSchema = z.object(
  Object.fromEntries(ACCESS_LEVELS.map(level => [level, z.number()])) as Record<(typeof ACCESS_LEVELS)[number], z.ZodNumber>,
);

const accessSchema = z.object({
  allOtherServices: z.boolean().describe('every service not listed is covered entirely ("*" or NotAction)'),
  services: z.array(z.object({ prefix: z.string(), name: z.string(), full: z.boolean(), actions: levelCountsSchema })),
});

function compactAccess(access: AccessSet): z.infer<typeof accessSchema> {
  return {
    allOtherServices: access.allOtherServices,
    services: access.services.map(s => ({
      prefix: s.prefix,
      name: s.name,
      full: s.full,
      actions: Object.fromEntries(ACCESS_LEVELS.map(level => [level, s.actions[level].length])) as ByLevel<number>,
    })),
  };
}

export const explainTool = defineTool({
  name: 'explain',
  title: 'Explain an IAM policy',
  description:
    'Says what a policy grants: the access summary (per service, the number of actions at each access level: List, Read, Write, ' +
    'Permissions management, Tagging) for its Allow and Deny statements, and one plain-language sentence per statement ' +
    '(actions, resources, principals, conditions).',
  input: policySourceShape,
  output: {
    kind: z.string(),
    allow: accessSchema,
    deny: accessSchema,
    statements: z.array(z.object({ index: z.number(), sid: z.string().optional(), effect: z.string().optional(), line: z.number(), text: z.string() })),
  },
  run(input, env) {
    const { doc } = loadPolicy(input, env);
    const catalog = env.catalog();
    const summary = summarizePolicy(doc, catalog);
    const explained = explainPolicy(doc, catalog);
    const statements = explained.statements.map((s, i) => ({
      index: s.index + 1,
      sid: s.sid,
      effect: s.effect,
      line: position(doc, summary.statements[i].offset).line,
      text: s.text,
    }));
    const text = [
      `${explained.kind}. Allows: ${formatAccess(summary.allow, 8)}.${summary.deny.services.length || summary.deny.allOtherServices ? ` Denies: ${formatAccess(summary.deny, 8)}.` : ''}`,
      ...statements.map(s => `${s.index}.${s.sid ? ` (${s.sid})` : ''} ${s.text}`),
    ].join('\n');
    return { structured: { kind: doc.kind, allow: compactAccess(summary.allow), deny: compactAccess(summary.deny), statements }, text };
  },
});
