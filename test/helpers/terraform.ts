// Test helpers for the Terraform readers: read a text, the virtual policy of what was found, and
// where a piece of the virtual text comes from in the template.
import { terraformReader } from '../../server/src/templates/terraform/terraformReader';
import type { EmbeddedPolicySource, TemplateReadResult } from '../../server/src/templates/types';
import { emitJsonText, emitTree, type VirtualText } from '../../server/src/templates/virtual';

let uris = 0;

/** What the Terraform reader finds in an HCL text (each call a file of its own). */
export async function readHcl(hcl: string): Promise<TemplateReadResult> {
  await terraformReader.prepare!();
  return terraformReader.read(`file:///test/${uris++}/main.tf`, hcl)!;
}

export function virtualOf(policy: EmbeddedPolicySource, hostText: string): VirtualText {
  return 'tree' in policy.body ? emitTree(policy.body.tree, hostText) : emitJsonText(policy.body.json, policy.span);
}

/**
 * The template text that the virtual text's `piece` (its first occurrence) maps to exactly: through an
 * exact segment (or run) that covers it; undefined when no exact segment does.
 */
export function hostTextOf(virtual: VirtualText, hostText: string, piece: string): string | undefined {
  const at = virtual.text.indexOf(piece);
  if (at < 0) return undefined;
  const segment = virtual.segments.find(s => s.exact && s.offset <= at && at + piece.length <= s.offset + s.length);
  if (!segment) return undefined;
  const start = segment.hostOffset + (at - segment.offset);
  return hostText.slice(start, start + piece.length);
}

/** The template text of the innermost segment of a role that starts exactly where `piece` starts in the virtual text. */
export function segmentHostText(virtual: VirtualText, hostText: string, piece: string, role: string): string | undefined {
  const at = virtual.text.indexOf(piece);
  const segment = virtual.segments.filter(s => s.role === role && s.offset === at).at(-1);
  return segment && hostText.slice(segment.hostOffset, segment.hostOffset + segment.hostLength);
}
