// A template read once per version: every policy in it as a PolicyDocument of its own (the virtual
// JSON text that rules and features read) with the map back into the template.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyDocument, Span } from '../policy/model';
import { parsePolicy } from '../policy/parse';
import { originOf } from './incremental';
import { toVirtualOffset } from './mapping';
import type { EmbeddedPolicySource, TemplateReadResult } from './types';
import { emitJsonText, emitTree, type VirtualText } from './virtual';

export interface EmbeddedPolicy {
  /** its place among the template's policies */
  index: number;
  source: EmbeddedPolicySource;
  virtual: VirtualText;
  /** the policy as rules and features read it; its uri is the template's */
  doc: PolicyDocument;
}

export interface TemplateDocument {
  uri: string;
  text: string;
  /** the template's own text, for its positions */
  textDocument: TextDocument;
  read: TemplateReadResult;
  policies: EmbeddedPolicy[];
}

/** A template as the features serve it: its reading, and how to read a changed text of it (to check an edit). */
export interface ServedTemplate {
  template: TemplateDocument;
  reread(text: string): TemplateReadResult | undefined;
}

/** The virtual text of one policy of the template. */
export function virtualTextOf(source: EmbeddedPolicySource, templateText: string): VirtualText {
  return 'tree' in source.body ? emitTree(source.body.tree, templateText) : emitJsonText(source.body.json, source.span);
}

/**
 * One policy as rules read it. `previous` is the same policy in the template's last version: when
 * its text and kind have not changed, its document (and every result cached on it) is kept.
 */
export function embeddedPolicy(uri: string, templateText: string, source: EmbeddedPolicySource, index: number, previous?: EmbeddedPolicy): EmbeddedPolicy {
  // a policy the edit did not touch: the same reading, or the last one moved along the text
  if (previous && previous.source === source) return { ...previous, index };
  const origin = originOf(source);
  if (previous && origin && origin.from === previous.source) {
    const virtual = { ...previous.virtual, delta: previous.virtual.delta + origin.delta };
    return { index, source, virtual, doc: previous.doc };
  }
  const virtual = virtualTextOf(source, templateText);
  const jsonText = !('tree' in source.body);
  if (
    previous &&
    previous.virtual.text === virtual.text &&
    previous.source.kind === source.kind &&
    previous.source.partial === source.partial &&
    previous.source.limit === source.limit &&
    jsonText === previous.doc.template?.jsonText
  ) {
    return { index, source, virtual, doc: previous.doc };
  }
  const doc = parsePolicy(virtual.text, uri, {
    languageId: 'iam-policy',
    template: {
      kind: source.kind,
      context: { unknowns: new Set(virtual.unknowns), partial: source.partial === true, jsonText, limit: source.limit },
    },
  });
  return { index, source, virtual, doc };
}

/** Policies of the last version, by where they are in the template (resource and property). */
function byPlace(previous: TemplateDocument | undefined): Map<string, EmbeddedPolicy> {
  return new Map((previous?.policies ?? []).map(p => [`${p.source.resource}\u0000${p.source.property}`, p]));
}

export function templateDocument(uri: string, languageId: string, text: string, read: TemplateReadResult, previous?: TemplateDocument): TemplateDocument {
  const earlier = byPlace(previous);
  const policies = read.policies.map((source, i) => embeddedPolicy(uri, text, source, i, earlier.get(`${source.resource}\u0000${source.property}`)));
  return { uri, text, textDocument: TextDocument.create(uri, languageId, 0, text), read, policies };
}

function inside(span: Span, offset: number): boolean {
  return span.offset <= offset && offset <= span.offset + span.length;
}

/** The policy at a template offset, and the offset in its virtual text. The innermost wins (a policy inside another's span is rare but possible). */
export function policyAt(template: TemplateDocument, offset: number): { policy: EmbeddedPolicy; offset: number } | undefined {
  let found: { policy: EmbeddedPolicy; offset: number } | undefined;
  for (const policy of template.policies) {
    if (!inside(policy.source.span, offset)) continue;
    if (found && found.policy.source.span.length <= policy.source.span.length) continue;
    const virtualOffset = toVirtualOffset(policy.virtual, offset);
    if (virtualOffset !== undefined) found = { policy, offset: virtualOffset };
  }
  return found;
}
