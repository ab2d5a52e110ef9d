// What a reader makes of one policy value of a template: the EmbeddedPolicySource of a document
// (a map, or JSON text in a string), and the policy around statements a host lists on their own.
import type { PolicyLimitKind } from '../../catalog/tables/policyLimits';
import type { PolicyKind, Span } from '../../policy/model';
import type { HostObject, HostValue, StringStyle } from '../hostTree';
import type { EmbeddedPolicySource, NamedPolicy } from '../types';
import { NO_VALUE, type ReadContext, resolve } from './intrinsics';
import type { RawNode } from './raw';
import { jsonTextOf } from './strings';

export interface FoundPolicies {
  policies: EmbeddedPolicySource[];
  namedPolicies: NamedPolicy[];
}

/** Where a policy sits: its resource and property, for EmbeddedPolicySource. */
export interface PolicyPlace {
  resource: string;
  resourceType: string;
  property: string;
  kind?: PolicyKind;
  limit?: PolicyLimitKind;
}

/**
 * A policy value as the policy reads it: a document (a map), or JSON text in a string (plain, or
 * built by Fn::Sub or Fn::Join). Anything else (`!Ref PolicyParameter`) holds nothing to check.
 */
export function policyFrom(node: RawNode, place: PolicyPlace, ctx: ReadContext, partial: boolean): EmbeddedPolicySource | undefined {
  ctx.partial = partial;
  const value = resolve(node, ctx);
  if (value === NO_VALUE) return undefined;
  const common = { ...place, span: node.outer };
  if (value.kind === 'object') return withPartial({ ...common, body: { tree: value } }, ctx.partial);
  if (value.kind !== 'string') return undefined;
  const first = value.parts.find(part => !('literal' in part) || part.literal.trim());
  if (!first || !('literal' in first) || !first.literal.trimStart().startsWith('{')) return undefined;
  const escape = value.style === 'json' || value.style === 'yaml-double' ? 'json-string' : 'heredoc';
  return withPartial({ ...common, body: { json: jsonTextOf(value.parts, escape) } }, ctx.partial);
}

function withPartial(policy: EmbeddedPolicySource, partial: boolean): EmbeddedPolicySource {
  if (partial) policy.partial = true;
  return policy;
}

/** `{ Version: "2012-10-17", Statement: [...] }` around statements the host lists on their own. */
export function wrapStatements(statements: HostValue, key: { keySpan: Span; keyStyle: StringStyle }, span: Span): HostObject {
  const versionSpan = { offset: key.keySpan.offset, length: 0 };
  const list: HostValue = statements.kind === 'array' ? statements : { kind: 'array', span: statements.span, items: [statements] };
  return {
    kind: 'object',
    span,
    entries: [
      {
        key: 'Version',
        keySpan: versionSpan,
        keyStyle: 'synthetic',
        renamable: false,
        span: versionSpan,
        value: { kind: 'string', span: versionSpan, style: 'synthetic', parts: [{ literal: '2012-10-17', span: versionSpan, exact: false }] },
      },
      { key: 'Statement', keySpan: key.keySpan, keyStyle: key.keyStyle, renamable: false, value: list, span },
    ],
  };
}
