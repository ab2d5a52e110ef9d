// Text with placeholders: what a fix inserts where the user has to fill something in (a bucket
// name, an account ID). Placeholders are marked with private-use characters, which JSON.stringify
// leaves alone, so marked strings can be built into JSON values and rendered like any text; at the
// end the marked text becomes the plain text of the edit (each placeholder its value) and the
// snippet for the client (each placeholder a tab stop; the same name, the same tab stop).
import { snippetEscape, tabStop } from '../completion/items';

const OPEN = '\uE000';
const MIDDLE = '\uE001';
const CLOSE = '\uE002';
const CHOICE = '\uE003';
const MARKED = /\uE000([^\uE001]*)\uE001([^\uE002]*)\uE002/g;

/** A placeholder named `name` whose text is `value`; in a snippet, `alternatives` are offered as a choice besides it. */
export function placeholder(name: string, value: string, alternatives: readonly string[] = []): string {
  return `${OPEN}${name}${MIDDLE}${[value, ...alternatives].join(CHOICE)}${CLOSE}`;
}

export function hasPlaceholders(marked: string): boolean {
  return marked.includes(OPEN);
}

/** The text as it goes into the document. */
export function plainText(marked: string): string {
  return marked.replace(MARKED, (_, _name: string, values: string) => values.split(CHOICE)[0]);
}

/** The text as a snippet (TextMate syntax): `${1:<bucket-name>}`, then `$1` where the placeholder comes again. */
export function snippetText(marked: string): string {
  const stops = new Map<string, number>();
  let snippet = '';
  let last = 0;
  for (const match of marked.matchAll(MARKED)) {
    const at = match.index ?? 0;
    snippet += snippetEscape(marked.slice(last, at));
    const [, name, value] = match;
    // one tab stop per name and value: the same name with another value is another stop
    const key = `${name}\u0000${value}`;
    const stop = stops.get(key);
    if (stop === undefined) {
      stops.set(key, stops.size + 1);
      snippet += tabStop(stops.size, value.split(CHOICE));
    } else {
      snippet += `$${stop}`;
    }
    last = at + match[0].length;
  }
  return snippet + snippetEscape(marked.slice(last));
}

/** The length of the text before the first placeholder and after the last one (all of it when there are none). */
export function literalEnds(marked: string): { head: number; tail: number } {
  const first = marked.indexOf(OPEN);
  if (first < 0) return { head: marked.length, tail: marked.length };
  return { head: first, tail: marked.length - marked.lastIndexOf(CLOSE) - 1 };
}
