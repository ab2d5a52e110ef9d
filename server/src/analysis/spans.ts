// Where findings about an element of a statement go.
import type { Entry, Span } from '../policy/model';

/** The span of an element's name (with its quotes), where findings about the element go. */
export function keySpan(entry: Entry): Span {
  return { offset: entry.keyNode.offset, length: entry.keyNode.length };
}
