// The MCP server: every tool of tools/ registered with its schemas on an McpServer. A tool's input
// mistakes (and any exception, which would be our bug) come back as tool errors (isError), never a
// crash; nothing is sent anywhere: the tools read the catalog bundled beside the server and the files
// they are given.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { TOOL_VERSION } from '../cli/manifest';
import type { ToolDefinition } from './tool';
import { ToolInputError, type ToolEnv } from './sources';
import { fixTool, narrowTool, validateTool } from './tools/check';
import { expandTool, lookupTool } from './tools/catalog';
import { diffTool } from './tools/diff';
import { explainTool } from './tools/explain';
import { simulateTool } from './tools/simulate';

export const MCP_SERVER_NAME = 'iam-policy-mcp';

export const TOOLS: readonly ToolDefinition[] = [validateTool, fixTool, narrowTool, explainTool, simulateTool, diffTool, lookupTool, expandTool];

const INSTRUCTIONS =
  'Offline AWS IAM policy tools (the IAM Policy Tools engine): validate a policy you wrote, fix what is safe to fix, ' +
  'narrow "Resource": "*", explain what a policy grants, simulate a request, see what a change grants (diff), and look up actions, ' +
  'resource types and condition keys in the IAM catalog. Policies are given as JSON text or a file path.';

type ToolResult = { content: Array<{ type: 'text'; text: string }>; structuredContent?: Record<string, unknown>; isError?: boolean };

/** Runs a tool: its answer, or a tool error that says what was wrong with the input (or that we failed). */
export function runTool(tool: ToolDefinition, input: unknown, env: ToolEnv, log: (message: string) => void): ToolResult {
  try {
    const answer = tool.run(input as never, env);
    return { content: [{ type: 'text', text: answer.text }], structuredContent: answer.structured as Record<string, unknown> };
  } catch (error) {
    if (!(error instanceof ToolInputError)) log(`${tool.name}: ${error instanceof Error ? error.stack : String(error)}`);
    const message =
      error instanceof ToolInputError
        ? error.message
        : `Internal error in ${tool.name} (please report it): ${error instanceof Error ? error.message : String(error)}`;
    return { content: [{ type: 'text', text: message }], isError: true };
  }
}

export function createMcpServer(env: ToolEnv, log: (message: string) => void): McpServer {
  const server = new McpServer({ name: MCP_SERVER_NAME, version: TOOL_VERSION }, { instructions: INSTRUCTIONS });
  for (const tool of TOOLS) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.input,
        outputSchema: tool.output,
        annotations: { readOnlyHint: true, openWorldHint: false, idempotentHint: true },
      },
      (input: unknown) => runTool(tool, input, env, log),
    );
  }
  return server;
}
