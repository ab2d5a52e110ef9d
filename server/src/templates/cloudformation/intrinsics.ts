// A template's values as the policy sees them: CloudFormation intrinsic functions (long `Fn::` and
// short `!` forms) become what is known of them before deployment. `Fn::Sub` strings are cut into
// literal and unknown parts, `Ref`/`Fn::GetAtt` are unknown, `Fn::Join` of a literal list is one
// string, `Fn::If` is its first branch that is not `AWS::NoValue` (the policy is then partial),
// `AWS::NoValue` removes the entry or item, and any other function is unknown.
// (AWS CloudFormation User Guide, "Intrinsic function reference", intrinsic-function-reference.html.)
import type { Span } from '../../policy/model';
import type { HostEntry, HostString, HostValue, StringPart } from '../hostTree';
import type { RawEntry, RawMap, RawNode, RawScalar } from './raw';
import { splitString } from './strings';

export const NO_VALUE = Symbol('AWS::NoValue');
export type Resolved = HostValue | typeof NO_VALUE;

export interface ReadContext {
  text: string;
  /** Serverless Framework variables (`${self:...}`) are unknown in every string */
  serverless: boolean;
  /** set when a branch of an Fn::If was chosen: the policy may differ at deploy time */
  partial: boolean;
}

export interface Intrinsic {
  name: string;
  argument: RawNode;
  span: Span;
}

/** The intrinsic function a node is, in either form: `{"Fn::Sub": ...}`, `{"Ref": ...}` or `!Sub ...`. */
export function intrinsicOf(node: RawNode): Intrinsic | undefined {
  if (node.tag) {
    const short = node.tag.slice(1);
    const name = short === 'Ref' || short === 'Condition' ? short : `Fn::${short}`;
    return { name, argument: { ...node, tag: undefined, outer: node.span } as RawNode, span: node.outer };
  }
  if (node.kind === 'map' && node.entries.length === 1) {
    const [entry] = node.entries;
    if (entry.key === 'Ref' || entry.key.startsWith('Fn::')) return { name: entry.key, argument: entry.value, span: node.outer };
  }
  return undefined;
}

function isNoValue(node: RawNode): boolean {
  const intrinsic = intrinsicOf(node);
  return intrinsic?.name === 'Ref' && intrinsic.argument.kind === 'scalar' && intrinsic.argument.value === 'AWS::NoValue';
}

/**
 * An `Fn::If` resolved to the branch the policy is read from (repeatedly, for nested ones): the
 * first that is not `AWS::NoValue`. Other nodes are returned as they are.
 */
export function chooseBranch(node: RawNode, ctx: ReadContext): RawNode | typeof NO_VALUE {
  let current = node;
  for (let guard = 0; guard < 64; guard++) {
    if (isNoValue(current)) return NO_VALUE;
    const intrinsic = intrinsicOf(current);
    if (intrinsic?.name !== 'Fn::If') return current;
    const args = intrinsic.argument.kind === 'seq' ? intrinsic.argument.items : [];
    if (args.length !== 3) return current;
    ctx.partial = true;
    const branch = [args[1], args[2]].find(b => !isNoValue(b));
    if (!branch) return NO_VALUE;
    current = branch;
  }
  return current;
}

function unknown(text: string, span: Span): HostValue {
  return { kind: 'unknown', text, span };
}

function scalarText(node: RawNode): string | undefined {
  return node.kind === 'scalar' && !node.tag && node.value !== null ? String(node.value) : undefined;
}

/** A plain string scalar as a host string (policy variables stay literal, Serverless variables do not). */
export function plainString(scalar: RawScalar, ctx: ReadContext): HostString {
  return { kind: 'string', span: scalar.span, style: scalar.style, parts: splitString(scalar, ctx.text, { serverless: ctx.serverless }) };
}

function subString(intrinsic: Intrinsic, ctx: ReadContext): HostValue {
  const argument = intrinsic.argument;
  let body: RawNode | undefined = argument;
  const values = new Map<string, string>();
  if (argument.kind === 'seq') {
    [body] = argument.items;
    const map = argument.items[1];
    if (map?.kind === 'map' && !map.tag) {
      for (const entry of map.entries) {
        const value = scalarText(entry.value);
        // a variable whose value is an intrinsic stays unknown; a Serverless variable in it too
        if (value !== undefined && !(ctx.serverless && value.includes('${'))) values.set(entry.key, value);
      }
    }
  }
  if (body?.kind !== 'scalar' || body.tag || typeof body.value !== 'string') return unknown('Fn::Sub', intrinsic.span);
  const parts = splitString(body, ctx.text, { sub: true, subValues: values, serverless: ctx.serverless });
  return { kind: 'string', span: body.span, style: body.style, parts, sub: true };
}

function getAttText(argument: RawNode): string {
  if (argument.kind === 'scalar') return String(argument.value ?? '');
  if (argument.kind === 'seq') return argument.items.map(item => scalarText(item) ?? intrinsicOf(item)?.name ?? '?').join('.');
  return 'Fn::GetAtt';
}

/** `Fn::Join` of a literal list: one string of its pieces' parts and delimiters; otherwise unknown. */
function joinString(intrinsic: Intrinsic, ctx: ReadContext): HostValue {
  const args = intrinsic.argument.kind === 'seq' ? intrinsic.argument.items : [];
  const [delimiterNode, listNode] = args;
  const delimiter = delimiterNode ? scalarText(delimiterNode) : undefined;
  if (args.length !== 2 || delimiter === undefined || listNode.kind !== 'seq' || listNode.tag) return unknown('Fn::Join', intrinsic.span);
  const parts: StringPart[] = [];
  let style: HostString['style'] | undefined;
  for (const item of listNode.items) {
    const piece = resolve(item, ctx);
    if (piece === NO_VALUE) continue;
    if (parts.length && delimiter) parts.push({ literal: delimiter, span: delimiterNode.span, exact: false });
    if (piece.kind === 'string') {
      parts.push(...piece.parts);
      style ??= piece.style;
    } else if (piece.kind === 'unknown') {
      parts.push({ unknown: piece.text, span: piece.span });
    } else if (piece.kind === 'number' || piece.kind === 'boolean') {
      parts.push({ literal: String(piece.value), span: piece.span, exact: false });
    } else {
      return unknown('Fn::Join', intrinsic.span);
    }
  }
  return { kind: 'string', span: intrinsic.span, style: style ?? (delimiterNode.kind === 'scalar' ? delimiterNode.style : 'synthetic'), parts };
}

function resolveIntrinsic(intrinsic: Intrinsic, node: RawNode, ctx: ReadContext): Resolved {
  switch (intrinsic.name) {
    case 'Ref': {
      const name = scalarText(intrinsic.argument);
      if (name === 'AWS::NoValue') return NO_VALUE;
      return unknown(name ?? 'Ref', intrinsic.span);
    }
    case 'Fn::GetAtt':
      return unknown(getAttText(intrinsic.argument), intrinsic.span);
    case 'Fn::Sub':
      return subString(intrinsic, ctx);
    case 'Fn::Join':
      return joinString(intrinsic, ctx);
    case 'Fn::If': {
      const branch = chooseBranch(node, ctx);
      if (branch === NO_VALUE) return NO_VALUE;
      return branch === node ? unknown('Fn::If', intrinsic.span) : resolve(branch, ctx);
    }
    default:
      return unknown(intrinsic.name, intrinsic.span);
  }
}

function resolveEntries(map: RawMap, ctx: ReadContext): HostEntry[] {
  const entries: HostEntry[] = [];
  for (const entry of map.entries) {
    const value = resolve(entry.value, ctx);
    if (value === NO_VALUE) continue;
    entries.push(hostEntry(entry, value));
  }
  return entries;
}

export function hostEntry(entry: RawEntry, value: HostValue): HostEntry {
  return { key: entry.key, keySpan: entry.keySpan, keyStyle: entry.keyStyle, renamable: true, value, span: entry.span };
}

/** A template value as the policy reads it. */
export function resolve(node: RawNode, ctx: ReadContext): Resolved {
  const intrinsic = intrinsicOf(node);
  if (intrinsic) return resolveIntrinsic(intrinsic, node, ctx);
  switch (node.kind) {
    case 'map':
      return { kind: 'object', span: node.span, entries: resolveEntries(node, ctx) };
    case 'seq': {
      const items: HostValue[] = [];
      for (const item of node.items) {
        const value = resolve(item, ctx);
        if (value !== NO_VALUE) items.push(value);
      }
      return { kind: 'array', span: node.span, items };
    }
    default:
      if (typeof node.value === 'string') return plainString(node, ctx);
      if (node.value === null) return { kind: 'null', span: node.span, value: null };
      return { kind: typeof node.value === 'number' ? 'number' : 'boolean', span: node.span, value: node.value } as HostValue;
  }
}
