// Where the MCP tools get their policies: the text itself, or a file path (relative to the server's
// working folder), with an optional kind; and the settings a project gives the checker (the nearest
// .iam-lint.json, as for iam-policy-lint). A problem with the input is a ToolInputError: the tool
// answers it as a tool error, never a crash.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Catalog } from '../catalog/types';
import { loadSettings } from '../cli/config';
import type { RuleErrorHandler } from '../features/diagnostics';
import { CliError } from '../cli/io';
import { POLICY_KINDS, type PolicyDocument, type PolicyKind } from '../policy/model';
import { policyFromText } from '../documents/policyDocuments';
import type { IamPolicySettings } from '../protocol';

/** A problem with what the caller asked: answered as a tool error with this message. */
export class ToolInputError extends Error {}

export interface ToolEnv {
  catalog(): Catalog;
  /** a rule that threw (our bug): reported, and the other rules still run */
  onRuleError: RuleErrorHandler;
  /** the folder relative paths are read from */
  cwd: string;
}

/** Policy texts larger than this are refused: IAM's own limits are far below it (10,240 characters for a managed policy). */
const MAX_TEXT = 5 * 1024 * 1024;

export const kindSchema = z
  .enum(POLICY_KINDS as [PolicyKind, ...PolicyKind[]])
  .describe('The kind of policy, which decides the rules that apply; detected from the file name and content when left out.');

export const policySourceShape = {
  text: z.string().max(MAX_TEXT).optional().describe('The policy JSON text.'),
  path: z.string().optional().describe("A policy file to read instead of `text` (relative to the server's working folder)."),
  kind: kindSchema.optional(),
};
export const policySourceSchema = z.object(policySourceShape);
export type PolicySource = z.infer<typeof policySourceSchema>;

/** The text of a file, without a byte-order mark; an unreadable file is a ToolInputError. */
export function readText(path: string, env: ToolEnv): string {
  let text: string;
  try {
    text = readFileSync(resolve(env.cwd, path), 'utf8');
  } catch (error) {
    throw new ToolInputError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (text.length > MAX_TEXT) throw new ToolInputError(`${path} is larger than ${MAX_TEXT} characters: not a policy.`);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The project settings for a file (or the working folder): its nearest .iam-lint.json over the defaults. */
export function settingsFor(path: string | undefined, env: ToolEnv): IamPolicySettings {
  try {
    return loadSettings(undefined, path ? dirname(resolve(env.cwd, path)) : env.cwd).settings;
  } catch (error) {
    if (error instanceof CliError) throw new ToolInputError(error.message);
    throw error;
  }
}

export interface LoadedPolicy {
  doc: PolicyDocument;
  settings: IamPolicySettings;
  /** reparses a text as the same file (after a fix) */
  reparse(text: string): PolicyDocument;
}

/** The policy a tool works on: exactly one of `text` and `path`. */
export function loadPolicy(source: PolicySource, env: ToolEnv, role = 'the policy'): LoadedPolicy {
  if ((source.text === undefined) === (source.path === undefined)) throw new ToolInputError(`Give ${role} as either "text" or "path".`);
  const text = source.path !== undefined ? readText(source.path, env) : source.text!;
  const uri = source.path !== undefined ? pathToFileURL(resolve(env.cwd, source.path)).href : 'untitled:policy.json';
  const settings = settingsFor(source.path, env);
  const reparse = (next: string) => policyFromText(uri, 'iam-policy', next, settings, source.kind)!;
  return { doc: reparse(text), settings, reparse };
}

/** 1-based line and column of an offset. */
export function position(doc: PolicyDocument, offset: number): { line: number; column: number } {
  const { line, character } = doc.textDocument.positionAt(offset);
  return { line: line + 1, column: character + 1 };
}
