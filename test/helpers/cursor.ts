// Test helpers: policy texts with the cursor marked by `|`.
import { parsePolicy, ParseOptions } from '../../server/src/policy/parse';
import type { PolicyDocument } from '../../server/src/policy/model';

/** Removes the single `|` marker and returns the text and the cursor offset. */
export function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0) throw new Error('mark the cursor with exactly one |');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** Parses a cursor-marked policy text (as an iam-policy document unless options say otherwise). */
export function parseAtCursor(
  marked: string,
  uri = 'file:///test/policy.json',
  options: ParseOptions = { languageId: 'iam-policy' },
): { doc: PolicyDocument; offset: number } {
  const { text, offset } = cursor(marked);
  return { doc: parsePolicy(text, uri, options), offset };
}

export function parse(text: string, uri = 'file:///test/policy.json', options: ParseOptions = { languageId: 'iam-policy' }): PolicyDocument {
  return parsePolicy(text, uri, options);
}
