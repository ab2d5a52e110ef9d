// String scalars of a template: where each character of a value is written in the template (runs
// of characters written as they are, between escapes, quotes and line folds), and the value cut into
// literal and unknown parts: `${...}` references of an Fn::Sub, Serverless Framework variables.
import type { Span } from '../../policy/model';
import type { StringPart } from '../hostTree';
import type { JsonTextBody } from '../types';
import type { RawScalar } from './raw';

/** `value.slice(offset, offset + length)` is written as is at `hostOffset` in the template. */
export interface Run {
  offset: number;
  hostOffset: number;
  length: number;
}

/** Characters a JSON or YAML double-quoted escape stands for, by its letter. */
function escapeLength(written: string, at: number): number {
  const letter = written[at + 1];
  if (letter === 'u') return 6;
  if (letter === 'x') return 4;
  if (letter === 'U') return 10;
  return 2;
}

/** Runs of a quoted scalar written on one line: everything but its escapes (`\"`, `''`). */
function quotedRuns(value: string, written: string, hostStart: number, escape: string): Run[] {
  const runs: Run[] = [];
  let valueAt = 0;
  let at = 1;
  const end = written.length - 1;
  while (at < end) {
    let next = written.indexOf(escape, at);
    if (next < 0 || next >= end) next = end;
    if (next > at) {
      runs.push({ offset: valueAt, hostOffset: hostStart + at, length: next - at });
      valueAt += next - at;
    }
    if (next >= end) break;
    // an escape: one character of the value (a surrogate pair's `\uD83D\uDE00` is two, like the value)
    at = next + (escape === "''" ? 2 : escapeLength(written, next));
    valueAt += 1;
  }
  return valueAt === value.length ? runs : [];
}

/** Lines of a literal block (`|`): each line of the value is found, in order, after the block's header. */
function lineRuns(value: string, written: string, hostStart: number): Run[] {
  const runs: Run[] = [];
  let valueAt = 0;
  // past the header line (`|`, `|-`, a comment)
  let at = written.indexOf('\n') + 1;
  for (const line of value.split('\n')) {
    if (line.length > 0) {
      const found = written.indexOf(line, at);
      if (found < 0) return [];
      runs.push({ offset: valueAt, hostOffset: hostStart + found, length: line.length });
      at = found + line.length;
    }
    valueAt += line.length + 1;
  }
  return runs;
}

/** Where the characters of a string scalar's value are written in the template. */
export function runsOf(scalar: RawScalar, text: string): Run[] {
  const value = scalar.value;
  if (typeof value !== 'string') return [];
  const { offset, length } = scalar.span;
  const written = text.slice(offset, offset + length);
  switch (scalar.style) {
    case 'json':
      return quotedRuns(value, written, offset, '\\');
    case 'yaml-double':
      return written.includes('\n') ? [] : quotedRuns(value, written, offset, '\\');
    case 'yaml-single':
      return written.includes('\n') ? [] : quotedRuns(value, written, offset, "''");
    case 'yaml-plain':
      return written === value ? (value ? [{ offset: 0, hostOffset: offset, length: value.length }] : []) : [];
    case 'yaml-block':
      // a literal block keeps every line; a folded one (`>`) joins lines, so only its lines map
      return written.trimStart().startsWith('|') ? lineRuns(value, written, offset) : [];
    default:
      return [];
  }
}

/** The host span of value[from, to): exact when one run holds it all. */
function hostSpanOf(runs: readonly Run[], from: number, to: number, whole: Span): { span: Span; exact: boolean } {
  for (const run of runs) {
    if (from >= run.offset && to <= run.offset + run.length) {
      return { span: { offset: run.hostOffset + from - run.offset, length: to - from }, exact: true };
    }
  }
  const start = hostStartOf(runs, from) ?? whole.offset;
  const end = hostEndOf(runs, to) ?? whole.offset + whole.length;
  return end > start ? { span: { offset: start, length: end - start }, exact: false } : { span: whole, exact: false };
}

/** Where value[at] is written: in its run, or where the escape it belongs to starts (after the run before). */
function hostStartOf(runs: readonly Run[], at: number): number | undefined {
  let previousEnd: number | undefined;
  for (const run of runs) {
    if (at < run.offset) return previousEnd;
    if (at < run.offset + run.length) return run.hostOffset + at - run.offset;
    previousEnd = run.hostOffset + run.length;
  }
  return previousEnd;
}

/** Where value[at - 1] ends in the template: in its run, or where the escape it belongs to ends (the next run). */
function hostEndOf(runs: readonly Run[], at: number): number | undefined {
  for (const run of runs) {
    if (at <= run.offset) return run.hostOffset;
    if (at <= run.offset + run.length) return run.hostOffset + at - run.offset;
  }
  return undefined;
}

/**
 * Literal parts of value[from, to): one exact part per run, and a part that is not exact for each
 * stretch between runs (an escape), so that every character written as is maps one to one.
 */
export function literalParts(value: string, from: number, to: number, runs: readonly Run[], whole: Span): StringPart[] {
  if (from >= to) return [];
  const parts: StringPart[] = [];
  let at = from;
  for (const run of runs) {
    const start = Math.max(run.offset, from);
    const end = Math.min(run.offset + run.length, to);
    if (end <= start) continue;
    if (start > at) parts.push({ literal: value.slice(at, start), ...hostSpanOf(runs, at, start, whole) });
    parts.push({ literal: value.slice(start, end), span: { offset: run.hostOffset + start - run.offset, length: end - start }, exact: true });
    at = end;
  }
  if (at < to) parts.push({ literal: value.slice(at, to), ...hostSpanOf(runs, at, to, whole) });
  return parts;
}

/** The end of a `${...}` starting at `start` (the index after its `}`), counting nested `${`; -1 when unclosed. */
function closingBrace(value: string, start: number, nested: boolean): number {
  let depth = 0;
  for (let at = start + 2; at < value.length; at++) {
    if (nested && value[at] === '$' && value[at + 1] === '{') {
      depth++;
      at++;
    } else if (value[at] === '}') {
      if (depth === 0) return at + 1;
      depth--;
    }
  }
  return -1;
}

/**
 * Serverless Framework variable sources (serverless.com/framework/docs/guides/variables): `${self:...}`,
 * `${opt:...}`, `${sls:...}`, `${env:...}`, `${file(...)}`, `${cf:...}`, `${s3:...}`, `${ssm:...}`,
 * `${param:...}`, `${aws:accountId}`, `${aws:region}`, `${git:...}`, `${strToBool(...)}`. Any other
 * `${...}` (`${aws:username}`, `${AWS::Region}`) is left to IAM or CloudFormation.
 */
const SERVERLESS_VARIABLE =
  /^\$\{\s*(self:|opt:|sls:|env:|file\(|cf(\.[a-z0-9-]+)?:|s3:|ssm(\([^)]*\))?:|param:|aws:(accountId|region)\b|git:|strToBool\(|strToBoolean\()/;

export interface SplitOptions {
  /** the string is an Fn::Sub body: `${Name}` is a reference, `${!Name}` the literal `${Name}` */
  sub?: boolean;
  /** Fn::Sub's variable map: names whose value is a plain string are substituted */
  subValues?: ReadonlyMap<string, string>;
  /** Serverless Framework variables are unknown */
  serverless?: boolean;
}

/** A string scalar's value as literal and unknown parts, each with its place in the template. */
export function splitString(scalar: RawScalar, text: string, options: SplitOptions): StringPart[] {
  const value = String(scalar.value ?? '');
  const runs = runsOf(scalar, text);
  const parts: StringPart[] = [];
  let literalFrom = 0;
  const flush = (to: number) => {
    parts.push(...literalParts(value, literalFrom, to, runs, scalar.span));
  };
  for (let at = value.indexOf('${'); at >= 0; at = value.indexOf('${', at)) {
    const serverless = options.serverless && SERVERLESS_VARIABLE.test(value.slice(at, at + 40));
    const end = closingBrace(value, at, !!serverless);
    if (end < 0) break;
    if (serverless) {
      flush(at);
      parts.push({ unknown: value.slice(at + 2, end - 1).trim(), span: hostSpanOf(runs, at, end, scalar.span).span });
    } else if (options.sub && value[at + 2] === '!') {
      // `${!Literal}` is the text `${Literal}`: a policy variable written in a Sub
      flush(at);
      parts.push({ literal: `\${${value.slice(at + 3, end - 1)}}`, span: hostSpanOf(runs, at, end, scalar.span).span, exact: false });
    } else if (options.sub) {
      flush(at);
      const name = value.slice(at + 2, end - 1).trim();
      const known = options.subValues?.get(name);
      const span = hostSpanOf(runs, at, end, scalar.span).span;
      parts.push(known !== undefined ? { literal: known, span, exact: false } : { unknown: name, span });
    } else {
      at = end;
      continue;
    }
    literalFrom = end;
    at = end;
  }
  flush(value.length);
  return parts.length ? parts : [{ literal: '', span: { offset: scalar.span.offset, length: 0 }, exact: false }];
}

/** Policy JSON written as a string (possibly built by Fn::Sub or Fn::Join): its text, mapped where written as is. */
export function jsonTextOf(parts: readonly StringPart[], escape: JsonTextBody['escape']): JsonTextBody {
  let text = '';
  const runs: JsonTextBody['runs'] = [];
  const unknowns: string[] = [];
  for (const part of parts) {
    if ('unknown' in part) {
      const token = `\${${part.unknown.replace(/[}\r\n]/g, ' ')}}`;
      unknowns.push(token);
      text += token;
      continue;
    }
    if (part.exact && part.literal.length > 0) runs.push({ offset: text.length, hostOffset: part.span.offset, length: part.literal.length });
    text += part.literal;
  }
  return { text, runs, unknowns, escape };
}
