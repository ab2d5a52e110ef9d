// Reading templates in tests: the policies a reader finds, each with its virtual JSON text.
import { virtualTextOf } from '../../server/src/templates/document';
import type { VirtualText } from '../../server/src/templates/virtual';
import type { EmbeddedPolicySource, TemplateReader, TemplateReadResult } from '../../server/src/templates/types';

export function readTemplate(reader: TemplateReader, text: string, uri = 'file:///work/template'): TemplateReadResult {
  const result = reader.read(uri, text);
  if (!result) throw new Error('not read as a template');
  return result;
}

export const virtualOf: (policy: EmbeddedPolicySource, text: string) => VirtualText = virtualTextOf;

/** The virtual policy as a value (it must be valid JSON). */
export function policyValue(policy: EmbeddedPolicySource, text: string): unknown {
  return JSON.parse(virtualOf(policy, text).text);
}

/** The template text a segment of the virtual text maps to: `virtual` is found in the virtual text (its first occurrence). */
export function hostTextOf(virtual: VirtualText, text: string, token: string, role?: string): string {
  const at = virtual.text.indexOf(token);
  if (at < 0) throw new Error(`${token} not in ${virtual.text}`);
  const segment = virtual.segments.find(s => s.offset === at && s.length === token.length && (!role || s.role === role));
  if (!segment) throw new Error(`no segment for ${token}`);
  return text.slice(segment.hostOffset, segment.hostOffset + segment.hostLength);
}
