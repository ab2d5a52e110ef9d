// Reading a changed template without reading all of it again: what changed between two texts, and
// a reading moved to the offsets of the new text. A reader that can read one part of its template on
// its own (templates/cloudformation/incremental.ts) uses these; the rest read the whole text.
import type { Span } from '../policy/model';
import type { HostValue } from './hostTree';
import type { EmbeddedPolicySource, TemplateReadResult } from './types';

/** The one region in which two texts differ: [start, oldEnd) of the old text became [start, newEnd) of the new. */
export interface ChangedRegion {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export function changedRegion(oldText: string, newText: string): ChangedRegion {
  const shorter = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) tail++;
  return { start, oldEnd: oldText.length - tail, newEnd: newText.length - tail };
}

function moved(span: Span, delta: number): Span {
  return { offset: span.offset + delta, length: span.length };
}

function movedValue(value: HostValue, delta: number): HostValue {
  switch (value.kind) {
    case 'object':
      return {
        ...value,
        span: moved(value.span, delta),
        entries: value.entries.map(e => ({ ...e, span: moved(e.span, delta), keySpan: moved(e.keySpan, delta), value: movedValue(e.value, delta) })),
      };
    case 'array':
      return { ...value, span: moved(value.span, delta), items: value.items.map(item => movedValue(item, delta)) };
    case 'string':
      return { ...value, span: moved(value.span, delta), parts: value.parts.map(part => ({ ...part, span: moved(part.span, delta) })) };
    default:
      return { ...value, span: moved(value.span, delta) };
  }
}

/** Policies of a reading that are those of the last reading moved: each with the one it was, and by how much. */
const origins = new WeakMap<EmbeddedPolicySource, { from: EmbeddedPolicySource; delta: number }>();

/** The policy of the last reading that this one is, moved by `delta` characters (undefined: read anew). */
export function originOf(policy: EmbeddedPolicySource): { from: EmbeddedPolicySource; delta: number } | undefined {
  return origins.get(policy);
}

/**
 * A policy of the reading, `delta` characters further in the text. Its body is moved only when
 * something reads it: the document of an unchanged policy is kept (templates/document.ts), so a
 * large template's edit does not copy every policy's tree.
 */
export function movedPolicy(policy: EmbeddedPolicySource, delta: number): EmbeddedPolicySource {
  if (delta === 0) return policy;
  let movedBody: EmbeddedPolicySource['body'] | undefined;
  const bodyNow = (): EmbeddedPolicySource['body'] => {
    const { body } = policy; // read only now: a moved policy's own body is moved on demand too
    return 'tree' in body
      ? { tree: movedValue(body.tree, delta) }
      : { json: { ...body.json, runs: body.json.runs.map(run => ({ ...run, hostOffset: run.hostOffset + delta })) } };
  };
  const result = {} as EmbeddedPolicySource;
  for (const key of Object.keys(policy) as Array<keyof EmbeddedPolicySource>) {
    if (key !== 'body') Object.assign(result, { [key]: policy[key] });
  }
  result.span = moved(policy.span, delta);
  Object.defineProperty(result, 'body', { enumerable: true, get: () => (movedBody ??= bodyNow()) });
  origins.set(result, { from: policy, delta });
  return result;
}

/**
 * A reading of a text whose part [start, end) was read again (`part`, already at the new offsets):
 * what the old reading found before `start` stays, what it found at or after `end` moves by `delta`.
 */
export function splicedReading(old: TemplateReadResult, start: number, end: number, delta: number, part: TemplateReadResult): TemplateReadResult {
  // by where each starts: a YAML value's span runs on over the comments and blank lines after it
  const before = <T extends { span: Span }>(item: T) => item.span.offset < start;
  const after = <T extends { span: Span }>(item: T) => item.span.offset >= end;
  return {
    format: old.format,
    policies: [...old.policies.filter(before), ...part.policies, ...old.policies.filter(after).map(p => movedPolicy(p, delta))],
    namedPolicies: [
      ...old.namedPolicies.filter(before),
      ...part.namedPolicies,
      ...old.namedPolicies.filter(after).map(n => ({ ...n, span: moved(n.span, delta) })),
    ],
    policyFiles: [...old.policyFiles.filter(before), ...part.policyFiles, ...old.policyFiles.filter(after).map(f => ({ ...f, span: moved(f.span, delta) }))],
    problems: part.problems,
  };
}

/** A reading of a text that was a part of another (at `offset` in it): every span moved there. */
export function readingAt(read: TemplateReadResult, offset: number): TemplateReadResult {
  return {
    format: read.format,
    policies: read.policies.map(p => movedPolicy(p, offset)),
    namedPolicies: read.namedPolicies.map(n => ({ ...n, span: moved(n.span, offset) })),
    policyFiles: read.policyFiles.map(f => ({ ...f, span: moved(f.span, offset) })),
    problems: read.problems.map(p => ({ ...p, offset: p.offset + offset })),
  };
}
