// The fixes every rule gets for free: the finding's own `data.replacements` (one fix per candidate,
// preferred when there is just one), and the syntax repairs (comments, trailing commas, a missing
// comma).
import { TextEdit } from 'vscode-languageserver-types';
import { SYNTAX_CODES } from '../../policy/syntax';
import type { FindingData } from '../../rules/types';
import { quickFix, rangeOf, spanOf, type FixProvider } from './framework';
import { REPLACED_BY_REPAIRS } from './repairs';

/** Replaces the diagnostic's range with each of `data.replacements`. */
export const replacementFixes: FixProvider = ctx => {
  if (REPLACED_BY_REPAIRS.has(String(ctx.diagnostic.code))) return [];
  const replacements = (ctx.diagnostic.data as FindingData | undefined)?.replacements ?? [];
  return replacements.map((text, index) =>
    quickFix(ctx, `Change to ${text}`, [TextEdit.replace(ctx.diagnostic.range, text)], index === 0 && replacements.length === 1));
};

/** Comments and trailing commas are deleted, with the white space before them; a missing comma is inserted. */
export const syntaxFixes: FixProvider = ctx => {
  const { doc, diagnostic } = ctx;
  const text = doc.text;
  const { start, end } = spanOf(ctx);
  switch (diagnostic.code) {
    case SYNTAX_CODES.comment: {
      let from = start;
      while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
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
      while (at > 0 && /\s/.test(text[at - 1])) at--;
      return [quickFix(ctx, 'Insert the missing comma', [TextEdit.insert(doc.textDocument.positionAt(at), ',')], true)];
    }
    default:
      return [];
  }
};
