// The fixes every rule gets for free: the finding's own `data.replacements` (one fix per candidate,
// preferred when there is just one), and the syntax repairs (comments, trailing commas, a missing
// comma).
import { TextEdit } from 'vscode-languageserver-types';
import { SYNTAX_CODES } from '../../policy/syntax';
import type { FindingData } from '../../rules/types';
import type { Node } from 'jsonc-parser';
import { rangeOf } from '../../policy/locate';
import type { PolicyDocument } from '../../policy/model';
import { fixAction, quickFix, spanOf, type FixProvider } from './framework';
import { appendProperties, nodeText, RawJson, removeMembers, type Change } from './jsonEdits';
import { memberAt, REPLACED_BY_REPAIRS } from './repairs';

/**
 * A property renamed. When the object already has a property of the new name (an operator block
 * `stringequals` next to `StringEquals`), the two objects are merged instead, unless they share a
 * key; other values of the same name cannot be merged: no rename (IAM rejects duplicate keys).
 */
// (jsonc-parser gives an object its children and a property its key node, even when the value is missing)
function renameProperty(doc: PolicyDocument, object: Node, property: Node, name: string): Change[] | undefined {
  const key = property.children![0];
  const sibling = object.children!.find(p => p !== property && p.children![0].value === name);
  if (!sibling) return [{ offset: key.offset, length: key.length, text: JSON.stringify(name) }];
  const value = property.children![1];
  const target = sibling.children![1];
  if (value?.type !== 'object' || target?.type !== 'object') return undefined;
  // Stryker disable next-line MethodExpression: equivalent, both sides of the comparison get the same case (the keys are ASCII)
  const keysOf = (o: Node) => (o.children ?? []).map(p => String(p.children![0].value).toLowerCase());
  const taken = new Set(keysOf(target));
  if (keysOf(value).some(k => taken.has(k))) return undefined;
  const moved = (value.children ?? []).map((p): [string, RawJson] => [
    String(p.children![0].value),
    new RawJson(p.children![1] ? nodeText(doc.text, p.children![1]) : 'null'),
  ]);
  return [...removeMembers(object, new Set([property])), ...(moved.length ? [appendProperties(doc, target, moved)] : [])];
}

function parsedString(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces the diagnostic's range with each of `data.replacements` (a property name is renamed as above). */
export const replacementFixes: FixProvider = ctx => {
  if (REPLACED_BY_REPAIRS.has(String(ctx.diagnostic.code))) return [];
  const replacements = (ctx.diagnostic.data as FindingData | undefined)?.replacements ?? [];
  const found = memberAt(ctx.doc, spanOf(ctx).start);
  const onKey =
    found?.member.type === 'property' &&
    found.member.children![0].offset === spanOf(ctx).start &&
    found.member.children![0].length === spanOf(ctx).end - spanOf(ctx).start;
  return replacements.flatMap(text => {
    const title = `Change to ${text}`;
    const preferred = replacements.length === 1;
    const name = parsedString(text);
    if (!onKey || name === undefined) return [quickFix(ctx, title, [TextEdit.replace(ctx.diagnostic.range, text)], preferred)];
    const changes = renameProperty(ctx.doc, found.container, found.member, name);
    return changes ? [fixAction(ctx, title, changes, preferred)] : [];
  });
};

/** Comments and trailing commas are deleted, with the white space before them; a missing comma is inserted. */
export const syntaxFixes: FixProvider = ctx => {
  const { doc, diagnostic } = ctx;
  const text = doc.text;
  const { start, end } = spanOf(ctx);
  switch (diagnostic.code) {
    case SYNTAX_CODES.comment: {
      let from = start;
      // text[-1] is undefined: the loop stops at the start of the text
      while (text[from - 1] === ' ' || text[from - 1] === '\t') from--;
      let to = end;
      // a comment alone on its line goes with its line break
      if ((from === 0 || text[from - 1] === '\n') && text[to] === '\r') to++;
      if ((from === 0 || text[from - 1] === '\n') && text[to] === '\n') to++;
      return [quickFix(ctx, 'Remove the comment', [TextEdit.del(rangeOf(doc, from, to - from))], true)];
    }
    case SYNTAX_CODES.trailingComma:
      return [quickFix(ctx, 'Remove the trailing comma', [TextEdit.del(diagnostic.range)], true)];
    case SYNTAX_CODES.missingComma: {
      // insert right after the previous value, not before the next one, so the comma ends the line
      let at = start;
      // text[-1] is undefined ("undefined" has no white space): the loop stops at the start of the text
      while (/\s/.test(text[at - 1])) at--;
      return [quickFix(ctx, 'Insert the missing comma', [TextEdit.insert(doc.textDocument.positionAt(at), ',')], true)];
    }
    default:
      return [];
  }
};
