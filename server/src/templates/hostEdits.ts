// Edits of a virtual policy written back into its template. A value or key replaced as a whole is
// written the way the template writes it (YAML plain or quoted scalars, HCL strings with `$${`
// for policy variables, `${!...}` inside a CloudFormation Fn::Sub); an edit inside a literal keeps
// its place. Anything else (new elements, moved statements) cannot be written safely in YAML or HCL
// yet, and is refused. Every edit is checked by reading the template again (verifiedHostEdits).
import type { Span } from '../policy/model';
import type { EmbeddedPolicy } from './document';
import type { StringStyle } from './hostTree';
import { exactHostOffset, exactSegmentHolding, hostSpanOf, segmentAt } from './mapping';
import type { TemplateReadResult } from './types';
import { emitJsonText, emitTree, type Segment } from './virtual';

export interface TextChange extends Span {
  text: string;
}

const VARIABLE = /\$\{[^}]*\}/g;

/** The policy variables and unknowns of a value, each written by `write`; undefined if `write` refuses one. */
function rewriteTokens(value: string, unknowns: ReadonlySet<string>, write: (token: string, unknown: boolean) => string | undefined): string | undefined {
  let refused = false;
  const text = value.replace(VARIABLE, token => {
    const written = write(token, unknowns.has(token));
    if (written === undefined) refused = true;
    return written ?? token;
  });
  return refused ? undefined : text;
}

/** A YAML plain scalar that reads back as this same string (no indicator, no `: ` or ` #`, not a number, Boolean or null). */
function plainYamlSafe(value: string): boolean {
  return (
    /^[A-Za-z0-9_./$(][^\n]*$/.test(value) &&
    !/: |\s#|:$|^\s|\s$/.test(value) &&
    !/^(true|false|yes|no|on|off|null|~|y|n)$/i.test(value) &&
    !/^[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?$/.test(value) &&
    !/^\d{4}-\d\d-\d\d/.test(value)
  );
}

function hclContent(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/%\{/g, '%%{');
}

/** A string value written as the template writes a scalar of this style; undefined when it cannot be. */
export function renderString(value: string, style: StringStyle, sub: boolean, unknowns: ReadonlySet<string>): string | undefined {
  if (style === 'synthetic') return undefined;
  if (style === 'hcl') {
    const text = rewriteTokens(hclContent(value), unknowns, (token, unknown) => (unknown ? token : `$${token}`));
    return text === undefined ? undefined : `"${text}"`;
  }
  const tokens = rewriteTokens(value, unknowns, (token, unknown) => (unknown ? (sub ? token : undefined) : sub ? `\${!${token.slice(2)}` : token));
  if (tokens === undefined) return undefined;
  if (style === 'yaml-single') return `'${tokens.replace(/'/g, "''")}'`;
  if (style === 'yaml-plain' && plainYamlSafe(tokens)) return tokens;
  return JSON.stringify(tokens);
}

/** Text inserted inside a literal of this style, escaped as that literal needs. */
function renderInside(text: string, style: StringStyle | undefined, sub: boolean, unknowns: ReadonlySet<string>): string | undefined {
  switch (style) {
    case 'json':
    case 'yaml-double':
      return renderString(text, 'json', sub, unknowns)?.slice(1, -1);
    case 'hcl':
      return renderString(text, 'hcl', sub, unknowns)?.slice(1, -1);
    case 'yaml-single':
      return renderString(text, 'yaml-single', sub, unknowns)?.slice(1, -1);
    case 'yaml-plain':
      return /[:#'"\n{}[\],&*!|>%@`]/.test(text) ? undefined : renderString(text, 'json', sub, unknowns) && text;
    default:
      return undefined;
  }
}

/** A JSON value's text written for a whole token of the template (a scalar or a key). */
function renderToken(segment: Segment, json: string, unknowns: ReadonlySet<string>): string | undefined {
  if (segment.fixed || segment.style === 'synthetic') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value === 'string') return renderString(value, segment.style ?? 'json', segment.sub === true, unknowns);
  if ((typeof value === 'number' || typeof value === 'boolean') && segment.role === 'scalar') return String(value);
  return undefined;
}

function escapeForJsonText(text: string, policy: EmbeddedPolicy, unknowns: ReadonlySet<string>): string | undefined {
  if (!('json' in policy.source.body)) return undefined;
  if (policy.source.body.json.escape === 'json-string') return JSON.stringify(text).slice(1, -1);
  if (policy.source.body.json.escape === 'hcl-string') return renderString(text, 'hcl', false, unknowns)?.slice(1, -1);
  // a heredoc interpolates `${...}` and `%{...}`: a policy variable is written `$${...}` there
  return rewriteTokens(text.replace(/%\{/g, '%%{'), unknowns, (token, unknown) => (unknown ? token : `$${token}`));
}

/** One virtual edit as a template edit (not yet read back), or undefined when it cannot be written there safely. */
export function hostChange(policy: EmbeddedPolicy, change: TextChange): TextChange | undefined {
  const { virtual } = policy;
  const unknowns = policy.doc.template?.unknowns ?? new Set<string>();
  if ('json' in policy.source.body) {
    const start = exactHostOffset(virtual, change.offset);
    const end = exactHostOffset(virtual, change.offset + change.length);
    const text = escapeForJsonText(change.text, policy, unknowns);
    return start === undefined || end === undefined || end < start || text === undefined ? undefined : { offset: start, length: end - start, text };
  }
  const token = segmentAt(virtual, change);
  if (token) {
    const text = renderToken(token, change.text, unknowns);
    return text === undefined ? undefined : { ...hostSpanOf(virtual, token), text };
  }
  const literal = exactSegmentHolding(virtual, change);
  if (!literal) return undefined;
  const text = renderInside(change.text, literal.style, literal.sub === true, unknowns);
  return text === undefined ? undefined : { offset: hostSpanOf(virtual, literal).offset + change.offset - literal.offset, length: change.length, text };
}

export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let result = text;
  for (const c of [...changes].sort((a, b) => b.offset - a.offset)) result = result.slice(0, c.offset) + c.text + result.slice(c.offset + c.length);
  return result;
}

function overlapping(changes: readonly TextChange[]): boolean {
  const sorted = [...changes].sort((a, b) => a.offset - b.offset);
  return sorted.some((c, i) => i > 0 && c.offset < sorted[i - 1].offset + sorted[i - 1].length);
}

function sameJson(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return a === b;
  }
}

/**
 * The template edits of a fix of one policy, or undefined when the fix cannot be written in the
 * template safely: each edit is mapped, applied to the template, the template read again with
 * `reread`, and the policy at the same place must read exactly as the fixed virtual policy does.
 */
export function verifiedHostEdits(
  templateText: string,
  policy: EmbeddedPolicy,
  changes: readonly TextChange[],
  reread: (text: string) => TemplateReadResult | undefined,
): TextChange[] | undefined {
  const host: TextChange[] = [];
  for (const change of changes) {
    const mapped = hostChange(policy, change);
    if (!mapped) return undefined;
    host.push(mapped);
  }
  if (host.length === 0 || overlapping(host)) return undefined;
  const fixedTemplate = applyChanges(templateText, host);
  const read = reread(fixedTemplate);
  const again = read?.policies.find(p => p.resource === policy.source.resource && p.property === policy.source.property);
  if (!again) return undefined;
  const virtualAgain = 'tree' in again.body ? emitTree(again.body.tree, fixedTemplate) : emitJsonText(again.body.json, again.span);
  const expected = applyChanges(policy.virtual.text, changes);
  return sameJson(virtualAgain.text, expected) ? host : undefined;
}
