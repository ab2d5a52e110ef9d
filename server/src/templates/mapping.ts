// Offsets between a virtual policy and its template. A span of the virtual text maps through the
// smallest segment that holds it: one to one inside a literal written as is, else onto the whole
// template span of that key or value (a finding on "${Bucket}" underlines the `!Ref Bucket`).
import type { Span } from '../policy/model';
import type { Segment, VirtualText } from './virtual';

function holds(offset: number, length: number, start: number, end: number): boolean {
  return offset <= start && end <= offset + length;
}

/** The smallest segment whose virtual span holds [start, end); exact ones win a tie. */
function smallestVirtual(segments: readonly Segment[], start: number, end: number): Segment | undefined {
  let best: Segment | undefined;
  for (const s of segments) {
    if (!holds(s.offset, s.length, start, end)) continue;
    if (!best || s.length < best.length || (s.length === best.length && s.exact && !best.exact)) best = s;
  }
  return best;
}

/** Where a virtual offset falls in the template, through exact segments only. */
export function exactHostOffset(virtual: VirtualText, offset: number): number | undefined {
  for (const s of virtual.segments) {
    if (s.exact && s.offset <= offset && offset <= s.offset + s.length) return s.hostOffset + virtual.delta + offset - s.offset;
  }
  return undefined;
}

/** Where a segment is in the template now. */
export function hostSpanOf(virtual: VirtualText, segment: Segment): Span {
  return { offset: segment.hostOffset + virtual.delta, length: segment.hostLength };
}

/** The template span of a span of the virtual policy. */
export function toHostSpan(virtual: VirtualText, span: Span): Span {
  const end = span.offset + span.length;
  const segment = smallestVirtual(virtual.segments, span.offset, end);
  if (segment?.exact) return { offset: segment.hostOffset + virtual.delta + span.offset - segment.offset, length: span.length };
  if (segment?.role === 'text') {
    // JSON text written in the template: each end maps on its own, through the runs around it
    const start = exactHostOffset(virtual, span.offset);
    const stop = exactHostOffset(virtual, end);
    if (start !== undefined && stop !== undefined && stop >= start) return { offset: start, length: stop - start };
  }
  if (segment) return hostSpanOf(virtual, segment);
  const root = virtual.segments[0];
  return root ? { offset: root.hostOffset + virtual.delta, length: 0 } : { offset: 0, length: 0 };
}

/**
 * The virtual offset of a template offset inside the policy, or undefined when the offset is not in
 * it. Inside a literal it is the same character; elsewhere, the start of the smallest key or value
 * that holds it (inside its quotes, for a string), so hover and completion find that node.
 */
export function toVirtualOffset(virtual: VirtualText, templateOffset: number): number | undefined {
  const hostOffset = templateOffset - virtual.delta;
  let best: Segment | undefined;
  for (const s of virtual.segments) {
    if (hostOffset < s.hostOffset || hostOffset > s.hostOffset + s.hostLength) continue;
    if (!best || s.hostLength < best.hostLength || (s.hostLength === best.hostLength && s.exact && !best.exact)) best = s;
  }
  if (!best) return undefined;
  if (best.exact) return best.offset + hostOffset - best.hostOffset;
  const quoted = best.role === 'string' || best.role === 'key' || best.role === 'unknown';
  return best.offset + (quoted && best.length > 1 ? 1 : 0);
}

/** The segment that is exactly this virtual span (a whole string, key or scalar token), if any. */
export function segmentAt(virtual: VirtualText, span: Span): Segment | undefined {
  return virtual.segments.find(s => s.offset === span.offset && s.length === span.length && s.role !== 'part' && s.role !== 'entry');
}

/** The exact segment holding a virtual span, if the span is inside one literal. */
export function exactSegmentHolding(virtual: VirtualText, span: Span): Segment | undefined {
  const segment = smallestVirtual(virtual.segments, span.offset, span.offset + span.length);
  return segment?.exact ? segment : undefined;
}
