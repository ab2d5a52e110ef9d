// The shape of an MCP tool of ours: input and output schemas (zod, as the SDK expects), and a
// pure run() that answers with structured content and a short text for clients that show only text.
import type { z } from 'zod';
import type { ToolEnv } from './sources';

export interface ToolAnswer<O> {
  structured: O;
  text: string;
}

export interface ToolDefinition<I extends z.ZodRawShape = z.ZodRawShape, O extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  /** the tool only reads (every tool of ours: even fix and narrow return text and write nothing) */
  run(input: z.infer<z.ZodObject<I>>, env: ToolEnv): ToolAnswer<z.infer<z.ZodObject<O>>>;
}

/** Declares a tool with its types checked (the list of tools holds them without their parameters). */
export function defineTool<I extends z.ZodRawShape, O extends z.ZodRawShape>(tool: ToolDefinition<I, O>): ToolDefinition {
  return tool as unknown as ToolDefinition;
}
