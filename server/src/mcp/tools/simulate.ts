// simulate: one request against policies of one account (evaluation/): the decision, the statements
// that decided it, and why each other statement did not apply.
import { z } from 'zod';
import { simulate } from '../../evaluation/evaluate';
import { formatSimulation } from '../../evaluation/format';
import { requestFromJson } from '../../evaluation/request';
import { defineTool } from '../tool';
import { loadPolicy, policySourceSchema, position, ToolInputError } from '../sources';

const scalar = z.union([z.string(), z.number(), z.boolean()]);

const outcomeSchema = z.object({
  policy: z.number().describe('1-based, in the order given'),
  statement: z.number().describe('1-based'),
  sid: z.string().optional(),
  effect: z.string().optional(),
  line: z.number(),
  applies: z.boolean(),
  mismatches: z.array(z.object({ element: z.string(), line: z.number(), message: z.string() })),
});

export const simulateTool = defineTool({
  name: 'simulate',
  title: 'Simulate a request',
  description:
    "Decides one request (action, resource ARN, optional principal and request context) against policies of one account, by AWS's " +
    'evaluation logic: an explicit Deny wins; SCPs, RCPs and VPC endpoint policies must allow; then a resource-based or identity-based Allow ' +
    'grants (within a permissions boundary, if one is given). Returns Allow / ExplicitDeny / ImplicitDeny, the deciding statements, and why ' +
    'each other statement did not apply. Give each policy\'s kind when its content does not tell (e.g. "scp", "boundary").',
  input: {
    policies: z.array(policySourceSchema).min(1).max(50),
    action: z.string().min(1).describe('e.g. "s3:GetObject"'),
    resource: z.string().optional().describe('the resource ARN; default "*"'),
    principal: z.string().optional().describe('principal ARN, account ID, service principal or "anonymous"; unchecked when left out'),
    context: z
      .record(z.string(), z.union([scalar, z.array(scalar)]))
      .optional()
      .describe('request context keys, e.g. {"aws:SourceIp": "10.1.2.3"}'),
  },
  output: {
    decision: z.enum(['Allow', 'ExplicitDeny', 'ImplicitDeny']),
    summary: z.string(),
    deciding: z.array(outcomeSchema),
    statements: z.array(outcomeSchema),
    notes: z.array(z.string()),
  },
  run(input, env) {
    const { policies, ...request } = input;
    const parsed = requestFromJson(JSON.parse(JSON.stringify(request)));
    if (!parsed.request) throw new ToolInputError(parsed.errors.join(' '));
    const docs = policies.map((source, i) => loadPolicy(source, env, `policy ${i + 1}`).doc);
    const result = simulate(docs, parsed.request);
    const located = (s: (typeof result.statements)[number]) => ({
      policy: s.policy + 1,
      statement: s.index + 1,
      sid: s.sid,
      effect: s.effect,
      line: position(docs[s.policy], s.offset).line,
      applies: s.applies,
      mismatches: s.mismatches.map(m => ({ element: m.element, line: position(docs[s.policy], m.offset).line, message: m.message })),
    });
    const names = policies.map((p, i) => p.path ?? `policy ${i + 1}`);
    return {
      structured: {
        decision: result.decision,
        summary: result.summary,
        deciding: result.deciding.map(located),
        statements: result.statements.map(located),
        notes: result.notes,
      },
      text: formatSimulation(result, (s, offset) => {
        const { line, column } = position(docs[s.policy], offset);
        return `${names[s.policy]}:${line}:${column}`;
      }),
    };
  },
});
