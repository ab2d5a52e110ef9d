// The request the simulator answers: who (optional), what action, on which resource, with which
// request context. Read from the CLI flags, the editor's input boxes, or a `*.iam-request.json`
// file beside the policy:
//   { "principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject",
//     "resource": "arn:aws:s3:::bucket/key", "context": { "aws:SourceIp": "10.1.2.3", "aws:TagKeys": ["a", "b"] } }
// Context key names are case-insensitive; values keep their case. Source: IAM User Guide, "IAM JSON
// policy elements: Condition" (reference_policies_elements_condition.html): "Context key names are not
// case-sensitive".
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ContextValue, SimulationRequest } from '../protocol/simulate';
import { parseDate } from './conditions/date';

export type { ContextScalar, ContextValue, SimulationRequest } from '../protocol/simulate';

/** The request context: lower-cased key -> its values as strings (several for a multivalued key). */
export type RequestContext = ReadonlyMap<string, readonly string[]>;

export interface NormalizedRequest {
  principal?: string;
  action: string;
  resource: string;
  context: RequestContext;
  /** the time of the request when the request gave none (aws:CurrentTime, aws:EpochTime) and it was taken from the clock */
  clockTime?: string;
}

const CURRENT_TIME = 'aws:currenttime';
const EPOCH_TIME = 'aws:epochtime';

/** A time as aws:CurrentTime reads (ISO 8601 in UTC, whole seconds) and as aws:EpochTime does. */
function timeValues(millis: number): { current: string; epoch: string } {
  return { current: new Date(millis).toISOString().replace(/\.\d{3}Z$/, 'Z'), epoch: String(Math.floor(millis / 1000)) };
}

/**
 * AWS sets aws:CurrentTime and aws:EpochTime in every request ("AWS global condition context keys"),
 * so the simulated request has both: the one the request gives fills the other, and a request
 * that gives neither is made at `now`.
 */
function withTime(context: Map<string, string[]>, now: Date): string | undefined {
  const given = [CURRENT_TIME, EPOCH_TIME].map(key => context.get(key)?.[0]).find(value => value !== undefined);
  const millis = given === undefined ? now.getTime() : parseDate(given);
  if (millis === undefined || Number.isNaN(millis)) return undefined;
  const { current, epoch } = timeValues(millis);
  if (!context.has(CURRENT_TIME)) context.set(CURRENT_TIME, [current]);
  if (!context.has(EPOCH_TIME)) context.set(EPOCH_TIME, [epoch]);
  return given === undefined ? current : undefined;
}

/**
 * The request's context with its time set to `time` (ISO 8601 or epoch seconds: the CLI's --time),
 * in place of any aws:CurrentTime and aws:EpochTime it had; undefined when `time` is no date.
 */
export function contextAtTime(context: Record<string, ContextValue> | undefined, time: string): Record<string, ContextValue> | undefined {
  const millis = parseDate(time);
  if (millis === undefined) return undefined;
  const { current, epoch } = timeValues(millis);
  const others = Object.entries(context ?? {}).filter(([key]) => key.toLowerCase() !== CURRENT_TIME && key.toLowerCase() !== EPOCH_TIME);
  return { ...Object.fromEntries(others), 'aws:CurrentTime': current, 'aws:EpochTime': epoch };
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The context as a map of lower-cased keys to string values; values that are not scalars are dropped. */
export function normalizeContext(context: Record<string, unknown> | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [key, value] of Object.entries(context ?? {})) {
    const values = (Array.isArray(value) ? value : [value]).map(scalarText).filter((v): v is string => v !== undefined);
    if (!Array.isArray(value) && values.length === 0) continue; // null or an object: the key is absent
    const lower = key.toLowerCase();
    map.set(lower, [...(map.get(lower) ?? []), ...values]);
  }
  return map;
}

export function normalizeRequest(request: SimulationRequest, now: Date = new Date()): NormalizedRequest {
  const context = normalizeContext(request.context);
  const clockTime = withTime(context, now);
  return {
    principal: request.principal?.trim() || undefined,
    action: request.action.trim(),
    resource: request.resource?.trim() || '*',
    context,
    clockTime,
  };
}

export interface RequestParse {
  request?: SimulationRequest;
  errors: string[];
}

const REQUEST_FIELDS = new Set(['principal', 'action', 'resource', 'context']);

/** Checks an untrusted value (a parsed `*.iam-request.json`, a custom request's params) as a request. */
export function requestFromJson(value: unknown): RequestParse {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { errors: ['A request is a JSON object with "action", and optionally "resource", "principal" and "context".'] };
  }
  const object = value as Record<string, unknown>;
  const errors: string[] = [];
  for (const key of Object.keys(object)) {
    if (!REQUEST_FIELDS.has(key)) errors.push(`Unknown field "${key}": a request has ${[...REQUEST_FIELDS].map(f => `"${f}"`).join(', ')}.`);
  }
  const text = (field: string, required: boolean): string | undefined => {
    const v = object[field];
    if (v === undefined && !required) return undefined;
    if (typeof v === 'string' && v.trim()) return v;
    errors.push(`"${field}" must be a non-empty string${required ? '' : ' when present'}.`);
    return undefined;
  };
  const action = text('action', true);
  const resource = text('resource', false);
  const principal = text('principal', false);
  const context = object.context;
  if (context !== undefined && (!context || typeof context !== 'object' || Array.isArray(context))) {
    errors.push('"context" must be an object of context keys to values (a string, number, boolean, or an array of them).');
  } else if (context) {
    for (const [key, v] of Object.entries(context)) {
      const items = Array.isArray(v) ? v : [v];
      if (items.some(item => scalarText(item) === undefined)) errors.push(`Context key "${key}": values must be strings, numbers or booleans.`);
    }
  }
  if (errors.length || !action) return { errors };
  return { request: { action, resource, principal, context: context as Record<string, ContextValue> | undefined }, errors };
}

/** Parses the text of a `*.iam-request.json` file (comments and trailing commas allowed). */
export function parseRequestText(text: string): RequestParse {
  const parseErrors: ParseError[] = [];
  const value: unknown = parse(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  if (parseErrors.length) {
    return { errors: parseErrors.map(e => `JSON error at offset ${e.offset}: ${printParseErrorCode(e.error)}.`) };
  }
  return requestFromJson(value);
}
